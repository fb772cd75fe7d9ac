"""Job-profile use cases: create from a template, import, read, list, validate."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from servicefit.domain.job_profiles import JobProfile, ProfileVersion, is_valid_key, key_from_name
from servicefit.domain.language import Language
from servicefit.errors import InvalidInput, InvalidInputProblem, NotFound
from servicefit.services.content import Content
from servicefit.services.framework_versions import ensure_framework_recorded
from servicefit.services.organisations import organisation_by_slug
from servicefit.storage.profile_files import read_profile_file
from servicefit.storage.unit_of_work import UnitOfWork


def _checked_key(key: str) -> str:
    if not is_valid_key(key):
        raise InvalidInput(
            [
                InvalidInputProblem(
                    source="command line",
                    field="key",
                    message="use 1-63 lower-case letters, digits and dashes, starting with a"
                    f" letter or digit; got {key!r}",
                )
            ]
        )
    return key


def create_from_template(
    uow: UnitOfWork,
    content: Content,
    *,
    organisation: str,
    template_id: str,
    name: str,
    key: str | None = None,
    language: Language = "en",
) -> ProfileVersion:
    """A new profile (version 1) for *organisation*, copied from a template."""
    template = content.template(template_id)
    chosen_key = _checked_key(key or key_from_name(name))
    profile = replace(
        template.profile,
        name=name,
        description=template.description.in_language(language),
        mission=template.mission.in_language(language),
    )
    with uow:
        owner = organisation_by_slug(uow, organisation)
        profiles = uow.profiles_of(owner)
        if profiles.latest(chosen_key) is not None:
            raise InvalidInput(
                [
                    InvalidInputProblem(
                        source="command line",
                        field="key",
                        message=f"{owner.slug} already has a profile {chosen_key!r};"
                        " choose another name or --key",
                    )
                ]
            )
        ensure_framework_recorded(uow, content.framework)
        stored = profiles.add_version(
            chosen_key, profile=profile, framework_version=content.framework.version
        )
        uow.commit()
    return stored


def save_profile(
    uow: UnitOfWork, content: Content, *, organisation: str, key: str, profile: JobProfile
) -> ProfileVersion:
    """Save *profile* as the next version of *key* (version 1 if the key is new)."""
    checked = _checked_key(key)
    with uow:
        owner = organisation_by_slug(uow, organisation)
        ensure_framework_recorded(uow, content.framework)
        stored = uow.profiles_of(owner).add_version(
            checked, profile=profile, framework_version=content.framework.version
        )
        uow.commit()
    return stored


def import_profile_file(
    uow: UnitOfWork, content: Content, *, organisation: str, path: Path, key: str | None = None
) -> ProfileVersion:
    """Validate a profile file completely, then save it; nothing is written if it is invalid."""
    profile = read_profile_file(path, content.framework)
    return save_profile(
        uow,
        content,
        organisation=organisation,
        key=key or key_from_name(profile.name),
        profile=profile,
    )


def validate_profile_file(content: Content, path: Path) -> JobProfile:
    """The profile in *path*, or `InvalidInput` with every problem and its position."""
    return read_profile_file(path, content.framework)


def get_profile(
    uow: UnitOfWork, *, organisation: str, key: str, version: int | None = None
) -> ProfileVersion:
    with uow:
        profiles = uow.profiles_of(organisation_by_slug(uow, organisation))
        found = profiles.latest(key) if version is None else profiles.version(key, version)
    if found is None:
        shown = key if version is None else f"{key} version {version}"
        raise NotFound(f"job profile in {organisation}", shown)
    return found


def profile_history(uow: UnitOfWork, *, organisation: str, key: str) -> list[ProfileVersion]:
    with uow:
        history = uow.profiles_of(organisation_by_slug(uow, organisation)).history(key)
    if not history:
        raise NotFound(f"job profile in {organisation}", key)
    return history


def list_profiles(uow: UnitOfWork, *, organisation: str) -> list[ProfileVersion]:
    with uow:
        return uow.profiles_of(organisation_by_slug(uow, organisation)).all_latest()
