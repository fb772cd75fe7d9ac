"""Profiles are stored per organisation and versioned (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from servicefit.domain.job_profiles import Channel, JobProfile, Requirement
from servicefit.domain.qualifications import (
    CefrLevel,
    EducationLevel,
    EducationRequirement,
    ExperienceKind,
    ExperienceRequirement,
    LanguageRequirement,
)
from servicefit.errors import NotFound
from servicefit.services import profiles
from servicefit.services.content import packaged_content
from servicefit.services.organisations import create_organisation
from servicefit.storage.unit_of_work import SqlUnitOfWork

PROFILE = JobProfile(
    name="Agente de atención al cliente",
    requirements=(
        Requirement("empathy", 4.0, 4, 2, rationale="seed 000"),
        Requirement("active_listening", 3.5, 3),
    ),
    qualifications=(
        EducationRequirement(minimum=EducationLevel.SECONDARY),
        ExperienceRequirement(min_years=1, kinds=frozenset({ExperienceKind.RETAIL})),
        LanguageRequirement(language="es", minimum=CefrLevel.C1, knockout=True),
    ),
    languages=("es",),
    channels=(Channel.PHONE, Channel.CHAT),
    time_budget_minutes=30,
)


def test_a_saved_profile_reads_back_equal(uow: SqlUnitOfWork) -> None:
    content = packaged_content()
    create_organisation(uow, slug="acme", name="Acme")
    saved = profiles.save_profile(uow, content, organisation="acme", key="agent", profile=PROFILE)
    loaded = profiles.get_profile(uow, organisation="acme", key="agent")
    assert (saved.version, loaded.version) == (1, 1)
    assert loaded.profile == PROFILE
    assert loaded.framework_version == content.framework.version


def test_editing_a_profile_creates_a_new_version_and_keeps_the_old(uow: SqlUnitOfWork) -> None:
    content = packaged_content()
    create_organisation(uow, slug="acme", name="Acme")
    profiles.save_profile(uow, content, organisation="acme", key="agent", profile=PROFILE)
    edited = replace(PROFILE, time_budget_minutes=45)
    second = profiles.save_profile(uow, content, organisation="acme", key="agent", profile=edited)

    assert second.version == 2
    assert profiles.get_profile(uow, organisation="acme", key="agent").profile == edited
    first = profiles.get_profile(uow, organisation="acme", key="agent", version=1)
    assert first.profile.time_budget_minutes == 30
    history = profiles.profile_history(uow, organisation="acme", key="agent")
    assert [v.version for v in history] == [1, 2]


def test_one_organisation_cannot_read_another_organisations_profile(uow: SqlUnitOfWork) -> None:
    content = packaged_content()
    create_organisation(uow, slug="acme", name="Acme")
    create_organisation(uow, slug="globex", name="Globex")
    profiles.save_profile(uow, content, organisation="acme", key="agent", profile=PROFILE)

    with pytest.raises(NotFound):
        profiles.get_profile(uow, organisation="globex", key="agent")
    assert profiles.list_profiles(uow, organisation="globex") == []
    assert [p.key for p in profiles.list_profiles(uow, organisation="acme")] == ["agent"]


def test_the_same_key_in_two_organisations_is_two_profiles(uow: SqlUnitOfWork) -> None:
    content = packaged_content()
    create_organisation(uow, slug="acme", name="Acme")
    create_organisation(uow, slug="globex", name="Globex")
    profiles.save_profile(uow, content, organisation="acme", key="agent", profile=PROFILE)
    other = replace(PROFILE, name="Globex agent")
    profiles.save_profile(uow, content, organisation="globex", key="agent", profile=other)

    assert profiles.get_profile(uow, organisation="acme", key="agent").profile.name == PROFILE.name
    assert profiles.get_profile(uow, organisation="globex", key="agent").version == 1


def test_creating_from_a_template_copies_its_weights_in_the_chosen_language(
    uow: SqlUnitOfWork,
) -> None:
    content = packaged_content()
    create_organisation(uow, slug="acme", name="Acme")
    stored = profiles.create_from_template(
        uow,
        content,
        organisation="acme",
        template_id="inbound_call_centre",
        name="Infolinia Łódź",
        language="pl",
    )
    template = content.template("inbound_call_centre")
    assert stored.key == "infolinia-lodz"
    assert stored.profile.requirements == template.profile.requirements
    assert stored.profile.mission == template.mission.pl
    assert stored.profile.template_id == "inbound_call_centre"
