"""The packaged interview guides: every competency, three languages."""

from __future__ import annotations

from servicefit.domain.language import LANGUAGES
from servicefit.services.content import packaged_content
from servicefit.services.guides import packaged_guides


def test_every_competency_has_three_or_more_questions_in_every_language() -> None:
    guides = packaged_guides()
    assert set(guides) == {c.id for c in packaged_content().framework.competencies}
    for guide in guides.values():
        assert len(guide.questions) >= 3, guide.competency_id
        assert guide.practice, guide.competency_id
        for question in guide.questions:
            texts = [question.question, question.look_for, *question.probes]
            for text in texts:
                values = {text.in_language(language) for language in LANGUAGES}
                assert len(values) == 3, (guide.competency_id, question.id)
