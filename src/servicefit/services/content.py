"""The packaged content every use case reads: the framework and the profile templates."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from servicefit.domain.competencies import Framework
from servicefit.errors import NotFound
from servicefit.storage.framework_files import load_framework
from servicefit.storage.profile_files import ProfileTemplate, load_templates


@dataclass(frozen=True)
class Content:
    framework: Framework
    templates: tuple[ProfileTemplate, ...]

    def template(self, template_id: str) -> ProfileTemplate:
        for template in self.templates:
            if template.id == template_id:
                return template
        raise NotFound("profile template", template_id)


@cache
def packaged_content() -> Content:
    """Load and validate the packaged content once per process."""
    framework = load_framework()
    return Content(framework=framework, templates=tuple(load_templates(framework)))
