from __future__ import annotations

import random

from servicefit.domain.assembly import INSTRUCTIONS_SECONDS, assemble
from servicefit.domain.items import ItemBank
from servicefit.domain.job_profiles import Channel, JobProfile, Requirement

from .item_builders import scenario

PROFILE = JobProfile(
    name="agent",
    requirements=(
        Requirement("empathy", 4.0, 4),
        Requirement("tolerance", 3.0, 3),
        Requirement("active_listening", 2.0, 3),
        Requirement("problem_solving", 1.0, 3),
    ),
    qualifications=(),
    languages=("en",),
    channels=(Channel.PHONE,),
    time_budget_minutes=10,
)

BANK = ItemBank(
    items=tuple(scenario(f"e{i}", "empathy") for i in range(12))
    + tuple(scenario(f"t{i}", "tolerance") for i in range(12))
    + tuple(scenario(f"l{i}", "active_listening") for i in range(3))
    + tuple(scenario(f"p{i}", "problem_solving", seconds=200) for i in range(2))
)


def test_the_form_fits_the_budget_and_covers_the_top_half() -> None:
    form = assemble(PROFILE, BANK, minutes=10, language="en", rng=random.Random(1))
    assert form.total_seconds <= 600
    covered = {line.competency_id for line in form.blueprint if line.items > 0}
    assert {"empathy", "tolerance"} <= covered
    assert sum(len(s.items) for s in form.sections) == len(form.item_refs)
    assert form.total_seconds == INSTRUCTIONS_SECONDS + sum(s.seconds for s in form.sections)


def test_higher_weights_get_more_items() -> None:
    form = assemble(PROFILE, BANK, minutes=15, language="en", rng=random.Random(2))
    items = {line.competency_id: line.items for line in form.blueprint}
    assert items["empathy"] > items["problem_solving"]
    assert items["tolerance"] > items["problem_solving"]


def test_more_time_gives_more_precision() -> None:
    short = assemble(PROFILE, BANK, minutes=5, language="en", rng=random.Random(3))
    long = assemble(PROFILE, BANK, minutes=20, language="en", rng=random.Random(3))
    for brief, full in zip(short.blueprint, long.blueprint, strict=True):
        assert full.expected_standard_error <= brief.expected_standard_error


def test_two_forms_for_the_same_job_differ_and_a_seed_repeats_one() -> None:
    forms = [
        assemble(PROFILE, BANK, minutes=8, language="en", rng=random.Random(seed))
        for seed in (10, 11, 10)
    ]
    assert forms[0].item_refs != forms[1].item_refs
    assert forms[0].item_refs == forms[2].item_refs


def test_a_tiny_budget_gives_an_empty_but_honest_form() -> None:
    form = assemble(PROFILE, BANK, minutes=1, language="en", rng=random.Random(0))
    assert form.item_refs == ()
    assert set(form.uncovered) == {"empathy", "tolerance", "active_listening", "problem_solving"}
