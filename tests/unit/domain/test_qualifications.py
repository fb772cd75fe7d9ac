from __future__ import annotations

from servicefit.domain.job_profiles import Channel, JobProfile, evaluate_qualifications
from servicefit.domain.qualifications import (
    Availability,
    AvailabilityRequirement,
    CefrLevel,
    EducationLevel,
    EducationRequirement,
    Experience,
    ExperienceKind,
    ExperienceRequirement,
    LanguageRequirement,
    LanguageSkill,
    Qualifications,
)


def test_retail_experience_counts_as_customer_service() -> None:
    stated = Qualifications(experience=(Experience(ExperienceKind.RETAIL, 1.5),))
    verdict = ExperienceRequirement(min_years=1).evaluate(stated)
    assert verdict.met
    assert verdict.reason == "1.5 relevant years against 1 required"


def test_experience_of_other_kinds_does_not_count_when_kinds_are_restricted() -> None:
    stated = Qualifications(experience=(Experience(ExperienceKind.RETAIL, 3),))
    requirement = ExperienceRequirement(min_years=1, kinds=frozenset({ExperienceKind.CALL_CENTRE}))
    assert not requirement.evaluate(stated).met


def test_education_is_ordered() -> None:
    requirement = EducationRequirement(minimum=EducationLevel.SECONDARY)
    assert requirement.evaluate(Qualifications(education=EducationLevel.BACHELOR)).met
    assert not requirement.evaluate(
        Qualifications(education=EducationLevel.LESS_THAN_SECONDARY)
    ).met
    assert requirement.evaluate(Qualifications()).reason == "education level not stated"


def test_a_language_is_met_at_or_above_its_cefr_level() -> None:
    requirement = LanguageRequirement(language="es", minimum=CefrLevel.B2)
    c1 = Qualifications(languages=(LanguageSkill("es", CefrLevel.C1),))
    b1 = Qualifications(languages=(LanguageSkill("es", CefrLevel.B1),))
    assert requirement.evaluate(c1).met
    assert requirement.evaluate(b1).reason == "es B1 against B2 required"


def test_availability_names_the_missing_slots() -> None:
    requirement = AvailabilityRequirement(
        slots=frozenset({Availability.WEEKENDS, Availability.EVENINGS})
    )
    stated = Qualifications(availability=frozenset({Availability.EVENINGS}))
    verdict = requirement.evaluate(stated)
    assert (verdict.met, verdict.reason) == (False, "not available for weekends")


def test_a_profile_knocks_out_only_on_unmet_knockout_requirements() -> None:
    profile = JobProfile(
        name="desk",
        requirements=(),
        qualifications=(
            LanguageRequirement(language="pl", minimum=CefrLevel.C1, knockout=True),
            EducationRequirement(minimum=EducationLevel.BACHELOR),
        ),
        languages=("pl",),
        channels=(Channel.PHONE,),
        time_budget_minutes=30,
    )
    stated = Qualifications(
        education=EducationLevel.SECONDARY, languages=(LanguageSkill("pl", CefrLevel.B2),)
    )
    verdicts = evaluate_qualifications(profile, stated)
    assert [(v.met, v.knocks_out) for v in verdicts] == [(False, True), (False, False)]
    assert verdicts[0].reason == "pl B2 against C1 required"
