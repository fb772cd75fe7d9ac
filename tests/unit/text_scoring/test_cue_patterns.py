"""Cue phrases are matched against lower-cased text without case-insensitive matching
(faster); that is only right while every phrase is written in lower case."""

from __future__ import annotations

import re

import pytest

from servicefit.text_scoring import cues
from servicefit.text_scoring.results import ReplyContext
from servicefit.text_scoring.scorer import score_reply

ESCAPE = re.compile(r"\\.")  # \S, \W, \B ... are classes, not letters


@pytest.mark.parametrize("language", ["en", "es", "pl"])
def test_every_cue_phrase_is_written_in_lower_case(language: str) -> None:
    upper = {
        kind: pattern.pattern
        for kind, pattern in cues.compiled(language).items()
        if any(c.isupper() for c in ESCAPE.sub("", pattern.pattern))
    }
    assert upper == {}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I'M SO SORRY, Anna. I Will Call You Back Tomorrow. You Need To Restart It."),
        ("es", "LO SIENTO MUCHO, Ana. Le Llamaré Mañana. ¿Puede Reiniciarlo?"),
        ("pl", "BARDZO PRZEPRASZAM, Pani Anno. Zadzwonię Jutro. Proszę Zrestartować."),
    ],
)
def test_folded_patterns_find_what_case_insensitive_ones_find(language: str, text: str) -> None:
    for kind, pattern in cues.compiled(language).items():
        folded = cues.folded(language)[kind]
        assert [m.span() for m in folded.finditer(text.lower())] == [
            m.span() for m in pattern.finditer(text)
        ], kind


def test_shouting_scores_the_same_cues_as_writing_in_lower_case() -> None:
    context = ReplyContext(customer_message="Where is my parcel?", expected_language="en")
    loud = score_reply("I AM SORRY. I WILL CALL YOU BACK TOMORROW.", context)
    quiet = score_reply("i am sorry. i will call you back tomorrow.", context)
    for name in ("empathy", "ownership"):
        assert [e.indicator for e in loud.dimensions[name].evidence] == [
            e.indicator for e in quiet.dimensions[name].evidence
        ]
    assert any(e.indicator for e in quiet.dimensions["ownership"].evidence)
