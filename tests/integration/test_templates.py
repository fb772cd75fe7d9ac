"""The packaged job-profile templates."""

from __future__ import annotations

import itertools

from servicefit.services.content import packaged_content

REQUIRED_TEMPLATES = {
    "front_counter",
    "inbound_call_centre",
    "chat_email_support",
    "sales_retention",
    "technical_support",
    "multilingual_desk",
}


def test_the_six_role_templates_are_packaged() -> None:
    assert {t.id for t in packaged_content().templates} >= REQUIRED_TEMPLATES


def test_templates_really_weight_competencies_differently() -> None:
    templates = packaged_content().templates
    weights = {t.id: t.profile.relative_weights() for t in templates}
    for first, second in itertools.combinations(weights, 2):
        ids = set(weights[first]) | set(weights[second])
        distance = sum(abs(weights[first].get(i, 0.0) - weights[second].get(i, 0.0)) for i in ids)
        # 0 = identical weightings, 2 = no competency in common
        assert distance > 0.5, (first, second, distance)
    top_three = {
        t.id: tuple(sorted(t.profile.requirements, key=lambda r: -r.weight)[:3]) for t in templates
    }
    assert len({tuple(r.competency_id for r in top) for top in top_three.values()}) == len(
        templates
    )


def test_every_template_is_texted_in_three_languages_and_has_a_rationale() -> None:
    for template in packaged_content().templates:
        for text in (template.name, template.description, template.mission):
            assert len({text.en, text.es, text.pl}) == 3, template.id
        assert all(r.rationale for r in template.profile.requirements), template.id
