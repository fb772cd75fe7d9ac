"""Assembly from every template at 20, 30 and 45 minutes, on the built-in bank."""

from __future__ import annotations

import pytest

from servicefit.domain.language import Language
from servicefit.services import items
from servicefit.services.content import packaged_content

TEMPLATES = [t.id for t in packaged_content().templates]


@pytest.mark.parametrize("minutes", [20, 30, 45])
@pytest.mark.parametrize("template_id", TEMPLATES)
def test_a_form_fits_covers_the_top_half_and_varies(template_id: str, minutes: int) -> None:
    profile = packaged_content().template(template_id).profile
    bank = items.packaged_bank()
    runs: list[tuple[int, Language]] = [(1, "en"), (2, "en"), (3, "pl")]
    forms = [
        items.assemble_for_profile(profile, bank, minutes=minutes, language=language, seed=seed)
        for seed, language in runs
    ]
    for form in forms:
        assert form.total_seconds <= minutes * 60
        measured = {line.competency_id for line in form.blueprint if line.items > 0}
        assert set(profile.top_half()) <= measured
        assert len(form.item_refs) == len(set(form.item_refs))
    assert forms[0].item_refs != forms[1].item_refs
