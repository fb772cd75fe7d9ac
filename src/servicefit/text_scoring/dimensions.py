"""The seven rubric dimensions: cue weights, formulas and levels (docs/scoring.md, §13).

Each scorer turns cues into a raw value, the raw value into a score in [0, 1]
(logistic, or a proportion), and the score into a level:
level = 1 + min(4, floor(5 · score)). Evidence is the reply's sentences that
matched a cue, with the indicator they matched and whether they earned (+) or
cost (-) the dimension.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Literal

from servicefit.text_scoring import cues
from servicefit.text_scoring.grammar_rules import rule_issues
from servicefit.text_scoring.proofreading import grammar_issues, prose, spelling_issues
from servicefit.text_scoring.results import DimensionResult, Evidence, LanguageIssue, ReplyContext
from servicefit.text_scoring.text import (
    Sentence,
    content_stems,
    fold,
    numbers,
    sentences,
    shouting_share,
    words,
)

Weighted = Sequence[tuple[str, str, float]]  # (cue kind, indicator name, weight)


def logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def level_of(score: float) -> int:
    return 1 + min(4, int(score * 5))


def confidence(evidence: int, word_count: int) -> float:
    """Heuristic: more matched evidence and more text make a level more trustworthy."""
    return round(min(0.95, 0.35 + 0.12 * evidence + min(0.2, word_count / 250)), 2)


# Cue weights per dimension: (cue kind, indicator it shows, weight). See docs/scoring.md §12.
EMPATHY_EARNED: Weighted = (
    ("feelings", "acknowledges_feelings", 1.0),
    ("apology", "apologises", 0.8),
    ("interpretation", "shows_understanding", 0.9),
    ("warmth", "expresses_warmth", 0.8),
)
POLITENESS_EARNED: Weighted = (
    ("please", "says_please", 0.6),
    ("gratitude", "thanks_customer", 1.0),
    ("welcome", "acknowledges_thanks", 0.8),
    ("willing", "shows_willingness", 0.5),
    ("willing_start", "shows_willingness", 0.5),
    ("greeting", "greets", 0.5),
    ("apology", "apologises", 0.5),
    ("hedge", "asks_indirectly", 0.5),
    ("deference", "appreciates_or_softens", 0.4),
    ("positive_words", "positive_wording", 0.25),
)
POLITENESS_COST: Weighted = (
    ("blame", "blames_customer", 1.5),
    ("sarcasm", "sarcastic", 1.5),
    ("rude", "rude_words", 2.0),
    ("dismissive", "tells_customer_to_calm_down", 2.0),
    ("direct_question", "confronting_question", 0.8),
    ("command", "bare_command", 0.8),
    ("please_start", "please_as_command", 0.9),
    ("second_person_start", "starts_with_you", 0.5),
    ("direct_start", "abrupt_start", 0.5),
    ("factuality", "insists_on_facts", 0.3),
    ("negative_words", "negative_wording", 0.3),
)
OWNERSHIP_EARNED: Weighted = (
    ("commitment", "commits_personally", 1.0),
    ("solution", "offers_solution", 0.6),
    ("next_step", "gives_next_steps", 0.5),
    ("follow_up", "commits_to_follow_up", 1.0),
    ("resolved", "confirms_resolution", 0.8),
)
OWNERSHIP_COST: Weighted = (
    ("deflection", "pushes_work_to_customer", 1.2),
    ("unresolved", "leaves_issue_unresolved", 0.8),
)


# Kinds that describe what was done: a question ("Shall I get it booked?", "Do you need to
# change it?") offers or asks, it does not confirm or deflect, so it does not count.
STATEMENT_ONLY_KINDS = frozenset({"resolved", "deflection", "next_step"})

# Kinds whose patterns are anchored at the start of a sentence: matched sentence by sentence.
SENTENCE_START_KINDS = frozenset(
    {
        "greeting",
        "command",
        "direct_question",
        "deference",
        "please_start",
        "second_person_start",
        "direct_start",
        "willing_start",
    }
)


def is_question(sentence: str) -> bool:
    """A sentence written as a question (¿...? in Spanish; a trailing ? in all three)."""
    text = sentence.rstrip()
    return text.endswith("?") or text.lstrip().startswith("¿")


def _collect(
    language: str, reply: str, parts: Sequence[Sentence], weighted: Weighted, effect: str
) -> tuple[float, list[Evidence]]:
    total, found = 0.0, list[Evidence]()
    sign: Literal["+", "-"] = "+" if effect == "+" else "-"
    if not parts:
        return total, found
    starts = [sentence.start for sentence in parts]
    text = reply.lower()  # scanning lower-cased text is faster than ignoring case
    patterns = cues.folded(language)
    if len(text) != len(reply):  # a rare character whose lower case is longer
        text, patterns = reply, cues.compiled(language)
    texts = [text[s.start : s.end] for s in parts]  # each sentence, as scanned
    anchored = cues.anchored(language)
    for kind, indicator, weight in weighted:
        pattern = patterns[kind]
        if kind in anchored:
            # every phrase starts with ^ and a sentence has no line break: at most one match,
            # at its start (match() tries one position, findall() every one)
            hits = [(s, 1) for s, t in zip(parts, texts, strict=True) if pattern.match(t)]
        elif kind in SENTENCE_START_KINDS:
            hits = [(s, len(pattern.findall(t))) for s, t in zip(parts, texts, strict=True)]
        else:
            # one scan of the whole reply; each match belongs to the sentence it starts in
            counts: dict[int, int] = {}
            for match in pattern.finditer(text):
                index = bisect_right(starts, match.start()) - 1
                counts[index] = counts.get(index, 0) + 1
            hits = [(parts[i], n) for i, n in sorted(counts.items())]
        if kind in STATEMENT_ONLY_KINDS:
            hits = [(s, n) for s, n in hits if not is_question(s.text)]
        for sentence, n in hits:
            if n:
                total += weight * n
                found.append(Evidence(sentence.text, sentence.start, sentence.end, indicator, sign))
    return total, found


def _result(
    name: str, score: float, evidence: list[Evidence], word_count: int, **extra: object
) -> DimensionResult:
    return DimensionResult(
        name=name,
        level=level_of(score),
        score=round(score, 4),
        confidence=confidence(len(evidence), word_count),
        evidence=tuple(evidence),
        **extra,  # type: ignore[arg-type]
    )


def empathy(
    reply: str, parts: Sequence[Sentence], language: str, context: ReplyContext
) -> DimensionResult:
    positive, earned = _collect(language, reply, parts, EMPATHY_EARNED, "+")
    shared, related = _collect(
        language, reply, parts, (("self_disclosure", "relates_own_experience", 0.3),), "+"
    )
    positive += min(shared, 0.9)
    earned += related
    negative, cost = _collect(
        language, reply, parts, (("dismissive", "dismisses_feelings", 1.5),), "-"
    )
    raw = positive - negative
    message = context.customer_message or ""
    emotional = bool(message) and (
        cues.has(language, "emotion_in_message", message) or shouting_share(message) > 0.3
    )
    needed = context.apology_warranted is True or emotional
    word_count = len(words(reply))
    if (
        not needed
        and raw <= 0
        and not cost
        and (context.customer_message or context.apology_warranted is False)
    ):
        return DimensionResult(
            "empathy", None, None, confidence(0, word_count), note="not needed here"
        )
    score = logistic(1.3 * raw - 1.2)
    if context.apology_warranted and not any(e.indicator == "apologises" for e in earned):
        score = min(score, 0.39)  # an owed apology that is missing caps the level at 2
    return _result("empathy", score, earned + cost, word_count)


def politeness(
    reply: str, parts: Sequence[Sentence], language: str, context: ReplyContext
) -> DimensionResult:
    positive, earned = _collect(language, reply, parts, POLITENESS_EARNED, "+")
    negative, cost = _collect(language, reply, parts, POLITENESS_COST, "-")
    for sentence in parts:
        if shouting_share(sentence.text) > 0.5 and len(words(sentence.text)) >= 3:
            negative += 1.5
            cost.append(Evidence(sentence.text, sentence.start, sentence.end, "shouting", "-"))
        elif "!!" in sentence.text:
            negative += 0.5
            cost.append(
                Evidence(sentence.text, sentence.start, sentence.end, "exclamation_marks", "-")
            )
    score = logistic(0.3 + positive - negative)
    return _result("politeness", score, earned + cost, len(words(reply)))


DIRECT_WEIGHT = 0.4
CONCRETE_WEIGHT = 0.3


def clarity(
    reply: str, parts: Sequence[Sentence], language: str, context: ReplyContext
) -> DimensionResult:
    tokens = words(reply)
    count = max(1, len(tokens))
    per_sentence = count / max(1, len(parts))
    long_words = sum(1 for w in tokens if len(w) > 6)
    lix = per_sentence + 100.0 * long_words / count  # Björnsson's LIX, language-neutral
    raw = 1.2
    evidence: list[Evidence] = []
    notes = [f"LIX {lix:.0f}, {per_sentence:.1f} words per sentence"]
    if lix > 45:
        raw -= (lix - 45) / 10
    for sentence in parts:
        if len(words(sentence.text)) > 30:
            raw -= 0.4
            evidence.append(
                Evidence(sentence.text, sentence.start, sentence.end, "long_sentence", "-")
            )
    jargon, found = _collect(language, reply, parts, (("jargon", "jargon", 0.6),), "-")
    raw -= jargon
    evidence += found
    concrete = [s for s in parts if numbers(s.text)]
    if concrete:
        raw += CONCRETE_WEIGHT
        evidence.append(
            Evidence(concrete[0].text, concrete[0].start, concrete[0].end, "concrete_details", "+")
        )
    elif count > 40:
        raw -= 0.3
    message = context.customer_message or ""
    asked = [q.text for q in sentences(message) if is_question(q.text)] if "?" in message else []
    if asked and parts and not is_question(parts[0].text):
        first = parts[0]
        direct = any(_answered_by_kind(q, first.text, language) for q in asked) or (
            cues.has(language, "yes_no_start", first.text)
            and any(cues.has(language, "yes_no_question", q) for q in asked)
        )
        if direct:
            raw += DIRECT_WEIGHT
            evidence.append(Evidence(first.text, first.start, first.end, "answers_directly", "+"))
    if context.channel == "email" and count >= 90 and "\n" not in reply.strip():
        raw -= 0.4
        notes.append("a long e-mail in a single paragraph")
    if re.search(r"^\s*([-•*]|\d+[.)])\s", reply, re.MULTILINE):
        raw += 0.2
    if count < 5:
        raw -= 1.0
        notes.append("too short to be clear")
    return _result("clarity", logistic(1.2 * raw), evidence, count, note="; ".join(notes))


_PARAPHRASE = re.compile(
    r"\b(if i understand|you (mentioned|asked|said|wrote)|as you (mentioned|said)|regarding your|"
    r"en cuanto a su|como (usted )?(menciona|indica)|si (le )?entiendo bien|"
    r"je[śs]li dobrze rozumiem|pyta pan|pyta pani|jak pan(i)? (pisze|wspomina))\b",
    re.IGNORECASE,
)
_QUESTION_START = re.compile(
    r"^\s*¿?\s*(can|could|will|would|when|where|why|how|what|who|which|is|are|do|does|did|may|"
    r"cu[aá]ndo|d[oó]nde|por qu[eé]|c[oó]mo|qu[eé]|qui[eé]n|puede|pueden|podr[ií]a|"
    r"czy|kiedy|gdzie|dlaczego|jak|co|kto|ile)\b",
    re.IGNORECASE,
)


_WHEN = re.compile(
    r"^\s*¿?\s*(when|how long|what time|by when|cu[aá]ndo|cu[aá]nto tiempo|kiedy|jak d[łl]ugo|"
    r"o kt[óo]rej)\b",
    re.IGNORECASE,
)
_HOW_MUCH = re.compile(r"^\s*¿?\s*(how much|how many|cu[aá]nto|cu[aá]ntos|ile)\b", re.IGNORECASE)


def _answered_by_kind(point: str, reply: str, language: str) -> bool:
    """A "when" question is answered by a time, a "how much" question by a number."""
    if _WHEN.match(point):
        return cues.has(language, "next_step", reply) or bool(numbers(reply))
    if _HOW_MUCH.match(point):
        return bool(numbers(reply))
    return False


def customer_points(message: str, extra: Sequence[str]) -> list[str]:
    """The questions (or, failing those, the main sentences) a reply should address."""
    parts = [s.text for s in sentences(message)]
    questions = [p for p in parts if p.endswith("?") or _QUESTION_START.match(p)]
    chosen = list(extra) + questions
    if not chosen:
        chosen = [p for p in parts if len(content_stems(p)) >= 3][:5]
    return chosen


def active_listening(
    reply: str, parts: Sequence[Sentence], language: str, context: ReplyContext
) -> DimensionResult:
    message = context.customer_message or ""
    points = (
        customer_points(message, context.points_to_answer)
        if (message or context.points_to_answer)
        else []
    )
    word_count = len(words(reply))
    if not points:
        return DimensionResult(
            "active_listening", None, None, confidence(0, word_count), note="no customer message"
        )
    evidence: list[Evidence] = []
    missed = []
    covered = 0
    for point in points:
        if _answered_by_kind(point, reply, language):
            covered += 1
            continue
        stems = content_stems(point)
        need = max(1, math.ceil(len(stems) * 0.3))
        best, overlap = None, 0
        for sentence in parts:
            shared = len(stems & content_stems(sentence.text))
            if shared > overlap:
                best, overlap = sentence, shared
        if best is not None and overlap >= need:
            covered += 1
            evidence.append(Evidence(best.text, best.start, best.end, "answers_point", "+"))
        else:
            missed.append(point)
    score = 0.15 + 0.85 * covered / len(points)
    for sentence in parts:
        if _PARAPHRASE.search(sentence.text):
            score = min(1.0, score + 0.1)
            evidence.append(
                Evidence(
                    sentence.text, sentence.start, sentence.end, "refers_to_customer_words", "+"
                )
            )
            break
    note = f"{covered} of {len(points)} points addressed" + (
        f"; missed: {' | '.join(missed)}" if missed else ""
    )
    return _result("active_listening", score, evidence, word_count, note=note)


SPECIFICS_WEIGHT = 0.5
ALT_WEIGHT = 0.4
QQ_WEIGHT = 0.6


def ownership(
    reply: str, parts: Sequence[Sentence], language: str, context: ReplyContext
) -> DimensionResult:
    positive, earned = _collect(language, reply, parts, OWNERSHIP_EARNED, "+")
    negative, cost = _collect(language, reply, parts, OWNERSHIP_COST, "-")
    specific = [s for s in parts if numbers(s.text) and not is_question(s.text)]
    if specific:
        positive += SPECIFICS_WEIGHT
        earned.append(
            Evidence(specific[0].text, specific[0].start, specific[0].end, "gives_specifics", "+")
        )
    if cost and any(e.indicator == "leaves_issue_unresolved" for e in cost):
        alt, offered = _collect(
            language, reply, parts, (("alternative", "offers_alternative", ALT_WEIGHT),), "+"
        )
        positive += min(alt, ALT_WEIGHT)
        earned += offered[:1]
    message = context.customer_message or ""
    if (
        parts
        and all(is_question(s.text) for s in parts)
        and any(
            is_question(p) or _QUESTION_START.match(p) for p in (x.text for x in sentences(message))
        )
    ):
        negative += QQ_WEIGHT
        cost.append(
            Evidence(
                parts[0].text, parts[0].start, parts[0].end, "answers_question_with_question", "-"
            )
        )
    score = logistic(-1.0 + 0.9 * min(positive, 5.0) - negative)
    return _result("ownership", score, earned + cost, len(words(reply)))


SHORT_TEXT_WORDS = 30  # texts shorter than this are judged as if they had this many words
ERROR_RATE_SCALE = 10.0  # issues per 100 words at which the score falls to 1/e
_LOWER_START = re.compile(r"^[a-ząćęłńóśźżáéíóúñ]")
_REPEATED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)


def language_quality(
    reply: str, parts: Sequence[Sentence], language: str, context: ReplyContext
) -> DimensionResult:
    issues: list[LanguageIssue] = spelling_issues(
        reply, language, suggest=context.suggestions
    ) + grammar_issues(reply, language)
    if language == "en":  # what Harper misses; where both report a span, Harper's is kept
        plain = prose(reply)  # addresses and @handles blanked, offsets kept
        for sentence in parts:
            for issue in rule_issues(plain[sentence.start : sentence.end], sentence.start):
                if not any(i.start < issue.end and issue.start < i.end for i in issues):
                    issues.append(issue)
    else:  # Harper covers these for English
        for previous, sentence in zip([None, *parts], parts, strict=False):
            after_comma = previous is not None and previous.text.rstrip().endswith((",", ":", ";"))
            if _LOWER_START.match(sentence.text) and not after_comma:
                issues.append(
                    LanguageIssue(
                        "grammar",
                        sentence.start,
                        sentence.start + 1,
                        sentence.text[:1],
                        "sentence starts with a lower-case letter",
                        (sentence.text[:1].upper(),),
                    )
                )
        for match in _REPEATED.finditer(reply):
            issues.append(
                LanguageIssue(
                    "grammar",
                    match.start(),
                    match.end(),
                    match.group(0),
                    "repeated word",
                    (match.group(1),),
                )
            )
    word_count = max(1, len(words(reply)))
    # a reader judges a short text by its errors, a long one by their density
    rate = 100.0 * len(issues) / max(word_count, SHORT_TEXT_WORDS)
    score = math.exp(-rate / ERROR_RATE_SCALE)
    evidence = [
        Evidence(s.text, s.start, s.end, "spelling_or_grammar_error", "-")
        for s in parts
        if any(s.start <= issue.start < s.end + 1 for issue in issues)
    ]
    return DimensionResult(
        "language_quality",
        level_of(score),
        round(score, 4),
        confidence(len(evidence) + 2, word_count),
        tuple(evidence),
        tuple(sorted(issues, key=lambda i: i.start)),
        note=f"{len(issues)} issue(s) in {word_count} words",
    )


_NAME_LINE = re.compile(r"^\s*([A-ZÁÉÍÓÚÑĄĆĘŁŃŚŹŻ][\w'-]+)(\s+[A-ZÁÉÍÓÚÑĄĆĘŁŃŚŹŻ][\w'-]+){0,2}\s*$")
_NAME_PHRASE = re.compile(
    r"\b(my name is|i am|me llamo|soy|nazywam si[ęe]|jestem)\s+([A-ZÁÉÍÓÚÑĄĆĘŁŃŚŹŻ][\w'-]+)",
    re.IGNORECASE,
)


def customer_name(message: str, given: str | None) -> str | None:
    if given:
        return given
    stated = _NAME_PHRASE.search(message)
    if stated:
        return stated.group(2)
    lines = [line for line in message.strip().splitlines() if line.strip()]
    if len(lines) >= 2 and _NAME_LINE.match(lines[-1]):
        return lines[-1].strip()
    return None


def personalisation(
    reply: str, parts: Sequence[Sentence], language: str, context: ReplyContext
) -> DimensionResult:
    message = context.customer_message or ""
    name = customer_name(message, context.customer_name)
    word_count = len(words(reply))
    if not message and not name:
        return DimensionResult(
            "personalisation",
            None,
            None,
            confidence(0, word_count),
            note="nothing to personalise to",
        )
    evidence: list[Evidence] = []
    raw = 0.0
    if name:
        # a name's first letters, so that inflected forms count (Anna -> Anno, Annie)
        tokens = [fold(t)[: max(3, len(t) - 2)] for t in re.split(r"\s+", name) if len(t) >= 3]
        for sentence in parts:
            if any(re.search(rf"\b{re.escape(t)}", fold(sentence.text)) for t in tokens):
                raw += 1.2
                evidence.append(
                    Evidence(sentence.text, sentence.start, sentence.end, "uses_customer_name", "+")
                )
                break
    shared_numbers = numbers(message) & numbers(reply)
    shared_stems = content_stems(message) & content_stems(reply)
    raw += 0.5 * min(3, len(shared_numbers)) + 0.15 * min(6, len(shared_stems))
    for sentence in parts:
        if numbers(sentence.text) & shared_numbers:
            evidence.append(
                Evidence(
                    sentence.text, sentence.start, sentence.end, "uses_customer_specifics", "+"
                )
            )
            break
    generic, found = _collect(
        language, reply, parts, (("generic_salutation", "generic_salutation", 1.0),), "-"
    )
    raw -= generic
    evidence += found
    score = logistic(1.2 * raw - 1.0)
    return _result("personalisation", score, evidence, word_count)


SCORERS = {
    "empathy": empathy,
    "politeness": politeness,
    "clarity": clarity,
    "active_listening": active_listening,
    "ownership": ownership,
    "language_quality": language_quality,
    "personalisation": personalisation,
}
