"""`servicefit assessments`: assembling assessments from job profiles."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from servicefit.cli.options import DocumentFormat, LanguageChoice, LanguageOption
from servicefit.cli.runtime import print_document, runtime
from servicefit.domain.assembly import AssembledAssessment
from servicefit.services import items as item_service

app = typer.Typer(no_args_is_help=True, help="Assessments.")


def assessment_document(form: AssembledAssessment, *, source: str) -> dict[str, Any]:
    return {
        "source": source,
        "language": form.language,
        "budget_minutes": form.budget_seconds / 60,
        "total_minutes": round(form.total_seconds / 60, 2),
        "instructions_minutes": round(form.instructions_seconds / 60, 2),
        "sections": [
            {
                "instrument": section.instrument.value,
                "items": [str(ref) for ref in section.items],
                "minutes": round(section.seconds / 60, 2),
            }
            for section in form.sections
        ],
        "blueprint": [
            {
                "competency": line.competency_id,
                "relative_weight": round(line.relative_weight, 4),
                "items": line.items,
                "minutes": round(line.seconds / 60, 2),
                "instruments": {i.value: n for i, n in line.instruments.items()},
                "planned_information": round(line.information, 3),
                "planned_standard_error": round(line.expected_standard_error, 3),
            }
            for line in form.blueprint
        ],
        "uncovered": list(form.uncovered),
        "note": "Planned information and standard errors use prior item parameters derived"
        " from the keys (no calibration yet): provisional.",
    }


@app.command()
def assemble(
    ctx: typer.Context,
    template: Annotated[str, typer.Option("--template", help="Profile template id.")],
    minutes: Annotated[int, typer.Option("--minutes", min=5, max=240, help="Time budget.")],
    language: LanguageOption = LanguageChoice.EN,
    seed: Annotated[int | None, typer.Option(help="Make the choice reproducible.")] = None,
    output_format: Annotated[
        DocumentFormat, typer.Option("--format", help="json or yaml.")
    ] = DocumentFormat.JSON,
) -> None:
    """Assemble an assessment for a profile template within a time budget."""
    content = runtime(ctx).content
    profile = content.template(template).profile
    form = item_service.assemble_for_profile(
        profile,
        item_service.packaged_bank(),
        minutes=minutes,
        language=language.language,
        seed=seed,
    )
    print_document(assessment_document(form, source=f"template {template}"), output_format.value)
