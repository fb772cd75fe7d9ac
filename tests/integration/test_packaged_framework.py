"""The packaged competency framework: complete, traceable, trilingual."""

from __future__ import annotations

import pytest

from servicefit.domain.competencies import IndicatorPolarity, OnetBasis
from servicefit.domain.language import LANGUAGES
from servicefit.services.content import packaged_content
from servicefit.storage.framework_document import framework_to_document

# Every competency term the five seeds use, and the one competency it belongs to.
# Reviewed by hand: merges are Communication/Speaking/Interpersonal communication,
# Tolerance/Managing stress, Technical capacity/Product knowledge,
# Cultural competence/Managing diversity and Adaptability/Change management.
SEED_TERMS = {
    "Tolerance": "tolerance",
    "Empathy": "empathy",
    "Communication": "communication",
    "Technical capacity": "product_knowledge",
    "Results": "results",
    "Active listening": "active_listening",
    "Speaking": "communication",
    "Service orientation": "service_orientation",
    "Reading comprehension": "reading_comprehension",
    "Critical thinking": "critical_thinking",
    "Time management": "time_management",
    "Positive attitude": "positive_attitude",
    "Ownership": "ownership",
    "Dependability": "dependability",
    "Follow-up": "follow_up",
    "Written communication": "written_communication",
    "Problem-solving": "problem_solving",
    "Adaptability": "adaptability",
    "Product knowledge": "product_knowledge",
    "Cultural competence": "cultural_competence",
    "CRM proficiency": "crm_proficiency",
    "Teamwork": "teamwork",
    "Continuous self-improvement": "continuous_self_improvement",
    "Digital literacy": "digital_literacy",
    "Social media management": "social_media_management",
    "Data analysis": "data_analysis",
    "AI collaboration": "ai_collaboration",
    "Customer psychology": "customer_psychology",
    "Language diversity": "language_diversity",
    "Ethical decision-making": "ethical_decision_making",
    "Compliance": "compliance",
    "Emotional intelligence": "emotional_intelligence",
    "Business acumen": "business_acumen",
    "Contact management": "contact_management",
    "Change management": "adaptability",
    "Conflict resolution": "conflict_resolution",
    "Cross-selling": "cross_selling",
    "Decision making": "decision_making",
    "Interpersonal communication": "communication",
    "Managing diversity": "cultural_competence",
    "Managing stress": "tolerance",
}

SEED_000_COMPETENCIES = ("tolerance", "empathy", "communication", "product_knowledge", "results")
SEED_001_ONET_SKILLS = {
    "active_listening": "2.A.1.b",
    "communication": "2.A.1.d",
    "service_orientation": "2.B.1.f",
    "reading_comprehension": "2.A.1.a",
    "critical_thinking": "2.A.2.a",
}


def test_there_are_41_seed_terms() -> None:
    assert len(SEED_TERMS) == 41


@pytest.mark.parametrize(("term", "competency_id"), SEED_TERMS.items())
def test_every_seed_term_resolves_to_its_competency_in_any_case(
    term: str, competency_id: str
) -> None:
    framework = packaged_content().framework
    assert framework.resolve(term).id == competency_id
    assert framework.resolve(term.upper()).id == competency_id
    assert framework.resolve(term.lower()).id == competency_id


def test_every_competency_is_reached_by_some_seed_term() -> None:
    framework = packaged_content().framework
    assert {c.id for c in framework.competencies} == set(SEED_TERMS.values())


def test_every_competency_is_complete_in_three_languages() -> None:
    for competency in packaged_content().framework.competencies:
        assert len(competency.positive_indicators) >= 3, competency.id
        assert len(competency.negative_indicators) >= 2, competency.id
        assert [a.level for a in competency.levels] == [1, 2, 3, 4, 5], competency.id
        texts = [competency.name, competency.definition]
        texts += [i.text for i in competency.indicators]
        texts += [a.anchor for a in competency.levels]
        for text in texts:
            values = [text.in_language(language) for language in LANGUAGES]
            assert all(v.strip() for v in values), competency.id
            assert len(set(values)) == 3 or len(values[0]) < 25, (competency.id, values)


def test_seed_000_competencies_use_its_own_operationalisation() -> None:
    framework = packaged_content().framework
    for competency_id in SEED_000_COMPETENCIES:
        competency = framework.competency(competency_id)
        from_seed = [
            i
            for i in competency.indicators
            if i.seed_code == "000" and i.polarity is IndicatorPolarity.POSITIVE
        ]
        assert len(from_seed) >= 4, competency_id
        assert "000" in competency.seed_codes


def test_the_onet_skills_seed_001_names_are_linked_as_named() -> None:
    framework = packaged_content().framework
    for competency_id, element_id in SEED_001_ONET_SKILLS.items():
        links = {(link.element_id, link.basis) for link in framework.competency(competency_id).onet}
        assert (element_id, OnetBasis.NAMED_IN_SEED) in links, competency_id
    named = [
        (c.id, link.element_id)
        for c in framework.competencies
        for link in c.onet
        if link.basis is OnetBasis.NAMED_IN_SEED
    ]
    assert sorted(named) == sorted(SEED_001_ONET_SKILLS.items())


def test_every_seed_is_used_and_the_polish_seed_is_traced() -> None:
    framework = packaged_content().framework
    used = {code for c in framework.competencies for code in c.seed_codes}
    assert used == {"000", "001", "002", "003", "004"}


def test_the_five_onet_core_activities_link_to_competencies() -> None:
    framework = packaged_content().framework
    assert len(framework.work_activities) == 5
    for activity in framework.work_activities:
        assert activity.seed_code == "001"
        assert activity.onet_element_ids
        for competency_id in activity.competency_ids:
            assert framework.has_competency(competency_id)


def test_qualification_types_cover_education_experience_language_availability() -> None:
    types = {info.type.value for info in packaged_content().framework.qualification_types}
    assert types == {"education", "experience", "language", "availability"}


def test_the_export_carries_every_field_in_three_languages() -> None:
    document = framework_to_document(packaged_content().framework)
    competency = document["competencies"][0]
    assert set(competency) == {
        "id",
        "cluster",
        "name",
        "definition",
        "aliases",
        "indicators",
        "levels",
        "onet",
        "seed_terms",
        "seed_files",
    }
    assert set(competency["name"]) == {"en", "es", "pl"}
    assert all(name.endswith(".txt") for name in competency["seed_files"])
