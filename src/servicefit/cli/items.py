"""`servicefit items`: the item bank."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from servicefit.cli.options import DocumentFormat, OrganisationOption
from servicefit.cli.runtime import print_document, runtime
from servicefit.domain.items import Instrument
from servicefit.services import items as item_service

app = typer.Typer(no_args_is_help=True, help="The item bank.")


@app.command()
def validate(
    ctx: typer.Context,
    path: Annotated[
        Path | None, typer.Argument(help="A file or folder (default: the built-in bank).")
    ] = None,
) -> None:
    """Validate item files; every problem is named with file, line, item and field."""
    bank = item_service.validate_item_files(runtime(ctx).content, path)
    typer.echo(f"{path or 'built-in bank'}: {len(bank.items)} items valid")


@app.command("list")
def list_(
    ctx: typer.Context,
    instrument: Annotated[Instrument | None, typer.Option(help="Only this instrument.")] = None,
    competency: Annotated[str | None, typer.Option(help="Only items measuring this.")] = None,
    organisation: Annotated[
        str | None, typer.Option("--org", help="Include this organisation's own items.")
    ] = None,
) -> None:
    """List items: id, version, instrument, minutes, competencies."""
    rt = runtime(ctx)
    bank = (
        item_service.organisation_bank(rt.uow(), organisation=organisation)
        if organisation
        else item_service.packaged_bank()
    )
    for item in bank.items:
        if instrument is not None and item.instrument is not instrument:
            continue
        if competency is not None and competency not in item.competencies:
            continue
        typer.echo(
            f"{item.id:<36} v{item.version}  {item.instrument.value:<22}"
            f" {item.seconds / 60:4.1f} min  {', '.join(item.competencies)}"
            + (f"  [{item.owner}]" if item.owner else "")
        )


@app.command()
def stats(
    ctx: typer.Context,
    output_format: Annotated[
        DocumentFormat, typer.Option("--format", help="json or yaml.")
    ] = DocumentFormat.JSON,
) -> None:
    """Counts by instrument, competency and language."""
    runtime(ctx)
    print_document(item_service.statistics(item_service.packaged_bank()), output_format.value)


@app.command("add")
def add(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="Item files (YAML or JSON).")],
    organisation: OrganisationOption = None,
) -> None:
    """Add an organisation's own items; validated like built-in content, visible only to it."""
    rt = runtime(ctx)
    result = item_service.add_employer_items(
        rt.uow(),
        rt.content,
        organisation=organisation or rt.settings.default_organisation,
        paths=files,
    )
    typer.echo(
        f"{result.organisation}: {len(result.added)} added, {len(result.unchanged)} unchanged"
    )
    for key in result.added:
        typer.echo(f"  + {key}")


@app.command("export-qti")
def export_qti(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option("--out", help="Folder for the QTI 3.0 package.")],
) -> None:
    """Export the choice-based items (scenarios, questionnaire, knowledge) as QTI 3.0."""
    runtime(ctx)
    result = item_service.export_bank_as_qti(item_service.packaged_bank(), out)
    typer.echo(
        f"wrote {result.items} items and {result.passages} passages ({result.files} files) to {out}"
    )


@app.command("import-qti")
def import_qti(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(help="A QTI 3.0 package folder.")],
) -> None:
    """Read a QTI 3.0 package and report whether it equals the built-in items."""
    rt = runtime(ctx)
    imported = item_service.import_qti_package(rt.content, folder)
    builtin = {item.id: item for item in item_service.packaged_bank().items}
    same = sum(1 for item in imported.items if builtin.get(item.id) == item)
    typer.echo(
        f"read {len(imported.items)} items and {len(imported.passages)} passages;"
        f" {same} identical to the built-in bank, {len(imported.items) - same} new or different"
    )
