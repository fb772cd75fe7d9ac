"""Golden scoring cases (reviewed) and the best-versus-worst guarantee."""

from __future__ import annotations

import json

import pytest

from servicefit.domain.attempt_scoring import score_attempt
from servicefit.domain.reply_rating import KeywordReplyRater
from servicefit.domain.simulation import extreme_responses
from servicefit.services import items
from servicefit.services.content import packaged_content

from ..golden import scoring_cases


def test_scores_match_the_reviewed_golden_cases() -> None:
    expected = json.loads(scoring_cases.GOLDEN.read_text(encoding="utf-8"))
    actual = scoring_cases.compute()
    assert actual.keys() == expected.keys()
    for case, competencies in expected.items():
        assert actual[case].keys() == competencies.keys(), case
        for competency, values in competencies.items():
            got = actual[case][competency]
            assert got["level"] == values["level"], (case, competency)
            assert got["responses"] == values["responses"], (case, competency)
            assert got["theta"] == pytest.approx(values["theta"], abs=1e-3), (case, competency)
            assert got["se"] == pytest.approx(values["se"], abs=1e-3), (case, competency)


@pytest.mark.parametrize("template_id", [t.id for t in packaged_content().templates])
def test_best_answers_beat_worst_answers_on_every_competency(template_id: str) -> None:
    profile = packaged_content().template(template_id).profile
    bank = items.packaged_bank()
    form = items.assemble_for_profile(profile, bank, minutes=45, language="pl", seed=11)
    form_items = [bank.item(ref.id) for ref in form.item_refs]
    by_id = {item.id: item for item in form_items}
    scores = {
        best: score_attempt(
            items=by_id,
            responses=extreme_responses(form_items, best=best, language="pl"),
            language="pl",
            rater=KeywordReplyRater(),
            profile=profile,
        )
        for best in (True, False)
    }
    high, low = scores[True], scores[False]
    assert [s.competency_id for s in high.competencies] == [
        s.competency_id for s in low.competencies
    ]
    for good, poor in zip(high.competencies, low.competencies, strict=True):
        assert good.theta > poor.theta, good.competency_id
        assert 0 < good.se < 1
        assert 0 < poor.se < 1
        assert good.provisional
        assert poor.provisional
        assert good.percentile.provisional
    assert high.provisional
    assert low.provisional
