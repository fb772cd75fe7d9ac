"""Assembling an assessment from a job profile, a time budget and a language.

The assembler picks *units* (an item, or a reading passage with all its
questions) to make the weighted competencies of the profile as precise as the
time allows. It maximises Σ_c w_c · log(1 + I_c), where w_c is the relative
weight of competency c and I_c the planned (prior) information about it: the
logarithm gives diminishing returns, which balances content across
competencies. Coverage comes first: every competency in the top half of the
profile gets at least one unit when the bank has one that fits. Each step
picks at random among the best few units per second (randomesque exposure
control, Kingsbury & Zara, 1989), so two candidates for the same job rarely
see the same form.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from servicefit.domain.item_parameters import planned_information
from servicefit.domain.items import (
    Instrument,
    Item,
    ItemBank,
    ItemRef,
    KnowledgeItem,
    QualificationQuestion,
    QuestionnaireItem,
    TypingItem,
)
from servicefit.domain.job_profiles import Channel, JobProfile
from servicefit.domain.language import Language
from servicefit.psychometrics.information import posterior_standard_error

INSTRUCTIONS_SECONDS = 90  # welcome, instructions and one practice item
RANDOMESQUE_TOP = 4  # choose at random among this many best candidates
OFF_CHANNEL_FACTOR = 0.6  # an item set in a channel the job does not use counts less
SECTION_ORDER = (
    Instrument.QUALIFICATIONS,
    Instrument.QUESTIONNAIRE,
    Instrument.SITUATIONAL_JUDGEMENT,
    Instrument.KNOWLEDGE,
    Instrument.CALCULATION,
    Instrument.CHAT_SIMULATION,
    Instrument.WRITTEN_SAMPLE,
    Instrument.IN_BASKET,
    Instrument.TYPING,
)
MAX_UNITS = {
    Instrument.CHAT_SIMULATION: 1,
    Instrument.WRITTEN_SAMPLE: 2,
    Instrument.IN_BASKET: 1,
    Instrument.TYPING: 1,
}
# Exposure control for short scales: a form uses at most this many statements of
# one questionnaire scale, so forms for the same job draw different subsets.
MAX_STATEMENTS_PER_SCALE = 6
WRITTEN_CHANNELS = frozenset({Channel.CHAT, Channel.EMAIL, Channel.SOCIAL_MEDIA})


@dataclass(frozen=True)
class Unit:
    """Items delivered together: one item, or a passage with its questions."""

    items: tuple[Item, ...]
    instrument: Instrument
    seconds: int
    information: dict[str, float]
    relevance: float  # 1.0, or less when set in a channel the job does not use


@dataclass(frozen=True)
class Section:
    instrument: Instrument
    items: tuple[ItemRef, ...]
    seconds: int


@dataclass(frozen=True)
class BlueprintLine:
    """How one competency of the profile is measured by this form."""

    competency_id: str
    relative_weight: float
    items: int
    seconds: float
    information: float
    expected_standard_error: float  # planned, from prior parameters: provisional
    instruments: dict[Instrument, int]


@dataclass(frozen=True)
class AssembledAssessment:
    language: Language
    budget_seconds: int
    total_seconds: int
    sections: tuple[Section, ...]
    blueprint: tuple[BlueprintLine, ...]
    instructions_seconds: int = INSTRUCTIONS_SECONDS

    @property
    def item_refs(self) -> tuple[ItemRef, ...]:
        return tuple(ref for section in self.sections for ref in section.items)

    @property
    def uncovered(self) -> tuple[str, ...]:
        """Profile competencies this form does not measure at all."""
        return tuple(line.competency_id for line in self.blueprint if line.items == 0)


def build_units(bank: ItemBank, profile: JobProfile, language: Language) -> list[Unit]:
    """The units a candidate in *language* could take for *profile*."""
    wanted = {r.competency_id for r in profile.requirements}
    singles: list[Item] = []
    by_passage: dict[str, list[Item]] = defaultdict(list)
    for item in bank.available_in(language):
        if isinstance(item, QualificationQuestion):
            continue
        if isinstance(item, QuestionnaireItem) and item.is_attention_check:
            continue
        if isinstance(item, TypingItem) and not WRITTEN_CHANNELS & set(profile.channels):
            continue
        if isinstance(item, KnowledgeItem) and item.passage is not None:
            by_passage[item.passage].append(item)
        else:
            singles.append(item)
    groups = [(item,) for item in singles] + [tuple(group) for group in by_passage.values()]
    units = []
    for group in groups:
        information: dict[str, float] = defaultdict(float)
        for item in group:
            for competency_id, amount in planned_information(item).items():
                if competency_id in wanted:
                    information[competency_id] += amount
        if not information:
            continue
        channels = {item.channel for item in group}
        on_channel = any(c is None or c in profile.channels for c in channels)
        units.append(
            Unit(
                items=group,
                instrument=group[0].instrument,
                seconds=sum(item.seconds for item in group),
                information=dict(information),
                relevance=1.0 if on_channel else OFF_CHANNEL_FACTOR,
            )
        )
    return units


def assemble(
    profile: JobProfile,
    bank: ItemBank,
    *,
    minutes: int,
    language: Language,
    rng: random.Random,
) -> AssembledAssessment:
    """A form for *profile* that fits *minutes*, explained by its blueprint."""
    budget = minutes * 60
    weights = profile.relative_weights()
    qualification_items = (
        [i for i in bank.items if isinstance(i, QualificationQuestion)]
        if profile.qualifications
        else []
    )
    questionnaire_checks = [
        i for i in bank.items if isinstance(i, QuestionnaireItem) and i.is_attention_check
    ]
    fixed_seconds = INSTRUCTIONS_SECONDS + sum(i.seconds for i in qualification_items)
    remaining = budget - fixed_seconds
    information: dict[str, float] = dict.fromkeys(weights, 0.0)
    chosen: list[Unit] = []
    pool = build_units(bank, profile, language)
    counts: dict[Instrument, int] = defaultdict(int)
    per_scale: dict[str, int] = defaultdict(int)

    def fits(unit: Unit) -> bool:
        cap = MAX_UNITS.get(unit.instrument)
        if unit.instrument is Instrument.QUESTIONNAIRE and any(
            per_scale[c] >= MAX_STATEMENTS_PER_SCALE for c in unit.information
        ):
            return False
        return unit.seconds <= remaining and (cap is None or counts[unit.instrument] < cap)

    def gain(unit: Unit) -> float:
        return unit.relevance * sum(
            weights[c] * (math.log1p(information[c] + amount) - math.log1p(information[c]))
            for c, amount in unit.information.items()
        )

    def take(unit: Unit) -> None:
        nonlocal remaining
        chosen.append(unit)
        pool.remove(unit)
        counts[unit.instrument] += 1
        if unit.instrument is Instrument.QUESTIONNAIRE:
            for c in unit.information:
                per_scale[c] += 1
        remaining -= unit.seconds
        for c, amount in unit.information.items():
            information[c] += amount

    def cheapest(competency_id: str) -> int:
        costs = [u.seconds for u in pool if competency_id in u.information and fits(u)]
        return min(costs, default=0)

    top_half = profile.top_half()
    for position, competency_id in enumerate(top_half):
        if information[competency_id] > 0:
            continue
        # keep enough time to cover the top-half competencies still waiting
        reserve = sum(cheapest(c) for c in top_half[position + 1 :] if information[c] == 0)
        measuring = [u for u in pool if competency_id in u.information and fits(u)]
        affordable = [u for u in measuring if u.seconds <= remaining - reserve]
        if affordable or measuring:
            take(_randomesque(affordable or measuring, key=lambda u: gain(u) / u.seconds, rng=rng))
    while True:
        candidates = [u for u in pool if fits(u)]
        if not candidates:
            break
        unit = _randomesque(candidates, key=lambda u: gain(u) / u.seconds, rng=rng)
        take(unit)

    # attention checks ride along with the questionnaire when there is time
    questionnaire_used = any(u.instrument is Instrument.QUESTIONNAIRE for u in chosen)
    checks: list[Item] = []
    if questionnaire_used:
        for check in rng.sample(questionnaire_checks, k=min(2, len(questionnaire_checks))):
            if check.seconds <= remaining:
                checks.append(check)
                remaining -= check.seconds
    sections = _sections([*qualification_items, *checks, *(i for u in chosen for i in u.items)])
    return AssembledAssessment(
        language=language,
        budget_seconds=budget,
        total_seconds=budget - remaining,
        sections=sections,
        blueprint=_blueprint(profile, chosen, information, weights),
    )


def _randomesque(
    candidates: Sequence[Unit], *, key: Callable[[Unit], float], rng: random.Random
) -> Unit:
    ranked = sorted(candidates, key=key, reverse=True)
    return rng.choice(ranked[:RANDOMESQUE_TOP])


def _sections(items: Iterable[Item]) -> tuple[Section, ...]:
    grouped: dict[Instrument, list[Item]] = defaultdict(list)
    for item in items:
        grouped[item.instrument].append(item)
    return tuple(
        Section(
            instrument=instrument,
            items=tuple(item.ref for item in grouped[instrument]),
            seconds=sum(item.seconds for item in grouped[instrument]),
        )
        for instrument in SECTION_ORDER
        if grouped.get(instrument)
    )


def _blueprint(
    profile: JobProfile,
    chosen: Sequence[Unit],
    information: dict[str, float],
    weights: dict[str, float],
) -> tuple[BlueprintLine, ...]:
    lines = []
    for requirement in profile.requirements:
        c = requirement.competency_id
        measuring = [
            (item, unit) for unit in chosen for item in unit.items if c in item.competencies
        ]
        instruments: dict[Instrument, int] = defaultdict(int)
        seconds = 0.0
        for item, _unit in measuring:
            instruments[item.instrument] += 1
            seconds += item.seconds / max(1, len(item.competencies))
        lines.append(
            BlueprintLine(
                competency_id=c,
                relative_weight=weights[c],
                items=len(measuring),
                seconds=seconds,
                information=information[c],
                expected_standard_error=posterior_standard_error(information[c]),
                instruments=dict(instruments),
            )
        )
    return tuple(lines)
