"""Setting up the demo organisation on the embedded database."""

from __future__ import annotations

from dataclasses import dataclass

from servicefit.domain.job_profiles import key_from_name
from servicefit.services.content import Content
from servicefit.services.framework_versions import ensure_framework_recorded
from servicefit.storage.unit_of_work import UnitOfWork

DEMO_SLUG = "demo"
DEMO_NAME = "Demo organisation (sample data)"


@dataclass(frozen=True)
class DemoSummary:
    organisation: str
    framework_version: str
    framework_recorded: bool
    clusters: int
    competencies: int
    indicators: int
    work_activities: int
    qualification_types: int
    templates: int
    profiles_created: tuple[str, ...]
    profiles_total: int


def set_up_demo(uow: UnitOfWork, content: Content) -> DemoSummary:
    """Create the demo organisation and one profile per template; safe to run again."""
    created: list[str] = []
    with uow:
        recorded = ensure_framework_recorded(uow, content.framework)
        organisation = uow.organisations.by_slug(DEMO_SLUG)
        if organisation is None:
            organisation = uow.organisations.add(slug=DEMO_SLUG, name=DEMO_NAME)
        profiles = uow.profiles_of(organisation)
        for template in content.templates:
            key = key_from_name(template.id)
            if profiles.latest(key) is None:
                profiles.add_version(
                    key, profile=template.profile, framework_version=content.framework.version
                )
                created.append(key)
        total = len(profiles.all_latest())
        uow.commit()
    framework = content.framework
    return DemoSummary(
        organisation=organisation.slug,
        framework_version=framework.version,
        framework_recorded=recorded,
        clusters=len(framework.clusters),
        competencies=len(framework.competencies),
        indicators=sum(len(c.indicators) for c in framework.competencies),
        work_activities=len(framework.work_activities),
        qualification_types=len(framework.qualification_types),
        templates=len(content.templates),
        profiles_created=tuple(created),
        profiles_total=total,
    )
