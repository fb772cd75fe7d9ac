from __future__ import annotations

from dataclasses import replace

from servicefit.domain.job_profiles import (
    Channel,
    JobProfile,
    Requirement,
    check_profile,
    key_from_name,
)

from .builders import small_framework


def profile(*requirements: Requirement, minutes: int = 30) -> JobProfile:
    return JobProfile(
        name="Inbound agent",
        requirements=requirements,
        qualifications=(),
        languages=("en",),
        channels=(Channel.PHONE,),
        time_budget_minutes=minutes,
    )


def messages(job: JobProfile) -> list[tuple[tuple[str | int, ...], str]]:
    return [(p.path, p.message) for p in check_profile(job, small_framework())]


def test_a_sound_profile_has_no_problems() -> None:
    job = profile(Requirement("empathy", 4.0, 4, 2), Requirement("tolerance", 3.0, 3))
    assert messages(job) == []


def test_a_misspelt_competency_is_named_with_a_suggestion() -> None:
    job = profile(Requirement("empaty", 4.0, 4))
    assert messages(job) == [
        (("requirements", 0, "competency"), "unknown competency 'empaty'; did you mean 'empathy'?")
    ]


def test_a_minimum_above_the_target_is_refused() -> None:
    job = profile(Requirement("empathy", 4.0, 3, 4))
    assert messages(job) == [
        (("requirements", 0, "minimum"), "minimum 4 is above the target 3"),
    ]


def test_weights_must_be_positive_and_levels_within_one_to_five() -> None:
    job = profile(Requirement("empathy", 0.0, 6, 0))
    assert messages(job) == [
        (("requirements", 0, "weight"), "must be positive, got 0"),
        (("requirements", 0, "target"), "must be a level 1-5, got 6"),
        (("requirements", 0, "minimum"), "must be a level 1-5, got 0"),
    ]


def test_a_competency_required_twice_is_refused() -> None:
    job = profile(Requirement("empathy", 4.0, 4), Requirement("empathy", 2.0, 3))
    assert messages(job) == [
        (("requirements", 1, "competency"), "'empathy' is already required at requirements[0]"),
    ]


def test_the_time_budget_languages_and_channels_are_checked() -> None:
    job = replace(profile(Requirement("empathy", 1.0, 3), minutes=2), languages=(), channels=())
    assert [path for path, _ in messages(job)] == [
        ("time_budget_minutes",),
        ("languages",),
        ("channels",),
    ]


def test_relative_weights_sum_to_one() -> None:
    job = profile(Requirement("empathy", 3.0, 4), Requirement("tolerance", 1.0, 3))
    assert job.relative_weights() == {"empathy": 0.75, "tolerance": 0.25}


def test_the_top_half_includes_ties_at_the_cut() -> None:
    job = profile(
        Requirement("empathy", 4.0, 4),
        Requirement("tolerance", 3.0, 3),
        Requirement("active_listening", 3.0, 3),
        Requirement("problem_solving", 1.0, 3),
    )
    assert job.top_half() == ["empathy", "tolerance", "active_listening"]


def test_a_key_is_made_from_a_name_in_any_language() -> None:
    assert key_from_name("Obsługa klienta – Łódź") == "obsluga-klienta-lodz"
    assert key_from_name("Atención al cliente (España)") == "atencion-al-cliente-espana"
