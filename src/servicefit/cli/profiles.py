"""`servicefit profiles`: job profiles and their templates."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from servicefit.cli.options import (
    DocumentFormat,
    LanguageChoice,
    LanguageOption,
    OrganisationOption,
)
from servicefit.cli.runtime import Runtime, document_text, print_document, runtime
from servicefit.domain.job_profiles import ProfileVersion
from servicefit.services import profiles
from servicefit.storage.profile_files import ProfileTemplate, profile_to_document

app = typer.Typer(no_args_is_help=True, help="Job profiles and profile templates.")

FormatOption = Annotated[DocumentFormat, typer.Option("--format", help="json or yaml.")]


def _org(rt: Runtime, organisation: str | None) -> str:
    return organisation or rt.settings.default_organisation


def _template_document(template: ProfileTemplate) -> dict[str, Any]:
    document = profile_to_document(template.profile)
    for field in ("format", "name", "description", "mission", "template"):
        document.pop(field)
    weights = template.profile.relative_weights()
    for requirement in document["requirements"]:
        requirement["relative_weight"] = round(weights[requirement["competency"]], 4)
    return {
        "id": template.id,
        "name": template.name.as_dict(),
        "description": template.description.as_dict(),
        "mission": template.mission.as_dict(),
        **document,
    }


def _version_document(stored: ProfileVersion) -> dict[str, Any]:
    return {
        "key": stored.key,
        "version": stored.version,
        "framework_version": stored.framework_version,
        "created_at": stored.created_at.isoformat(),
        "profile": profile_to_document(stored.profile),
    }


@app.command()
def templates(ctx: typer.Context, output_format: FormatOption = DocumentFormat.JSON) -> None:
    """List the packaged profile templates with their weights."""
    content = runtime(ctx).content
    print_document([_template_document(t) for t in content.templates], output_format.value)


@app.command()
def create(
    ctx: typer.Context,
    from_template: Annotated[str, typer.Option("--from-template", help="Template id.")],
    name: Annotated[str, typer.Option("--name", help="The job's name.")],
    key: Annotated[str | None, typer.Option("--key", help="Short id (default: from name).")] = None,
    language: LanguageOption = LanguageChoice.EN,
    organisation: OrganisationOption = None,
) -> None:
    """Create a job profile (version 1) from a template."""
    rt = runtime(ctx)
    stored = profiles.create_from_template(
        rt.uow(),
        rt.content,
        organisation=_org(rt, organisation),
        template_id=from_template,
        name=name,
        key=key,
        language=language.language,
    )
    typer.echo(f"created profile {stored.key} version {stored.version} from {from_template}")


@app.command("list")
def list_(ctx: typer.Context, organisation: OrganisationOption = None) -> None:
    """List the organisation's job profiles (latest versions)."""
    rt = runtime(ctx)
    for stored in profiles.list_profiles(rt.uow(), organisation=_org(rt, organisation)):
        p = stored.profile
        typer.echo(
            f"{stored.key:<28} v{stored.version:<3} {len(p.requirements):>2} competencies"
            f"  {p.time_budget_minutes:>3} min  {p.name}"
        )


@app.command()
def show(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="Profile key.")],
    version: Annotated[int | None, typer.Option("--version", help="Default: latest.")] = None,
    output_format: FormatOption = DocumentFormat.YAML,
    organisation: OrganisationOption = None,
) -> None:
    """Show a job profile with its version and the framework version it uses."""
    rt = runtime(ctx)
    stored = profiles.get_profile(
        rt.uow(), organisation=_org(rt, organisation), key=key, version=version
    )
    print_document(_version_document(stored), output_format.value)


@app.command()
def history(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="Profile key.")],
    organisation: OrganisationOption = None,
) -> None:
    """List every version of a job profile."""
    rt = runtime(ctx)
    for stored in profiles.profile_history(rt.uow(), organisation=_org(rt, organisation), key=key):
        typer.echo(
            f"v{stored.version}  {stored.created_at:%Y-%m-%d %H:%M}  framework"
            f" {stored.framework_version}  {stored.profile.name}"
        )


@app.command()
def export(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="Profile key.")],
    version: Annotated[int | None, typer.Option("--version", help="Default: latest.")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="File (default: stdout).")] = None,
    output_format: FormatOption = DocumentFormat.YAML,
    organisation: OrganisationOption = None,
) -> None:
    """Write a profile as a document that `profiles import` reads back."""
    rt = runtime(ctx)
    stored = profiles.get_profile(
        rt.uow(), organisation=_org(rt, organisation), key=key, version=version
    )
    text = document_text(profile_to_document(stored.profile), output_format.value)
    if out is None:
        typer.echo(text, nl=False)
        return
    out.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {out}")


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A profile document (YAML or JSON).")],
    key: Annotated[str | None, typer.Option("--key", help="Default: from the name.")] = None,
    organisation: OrganisationOption = None,
) -> None:
    """Import a profile: a new profile, or the next version of an existing key."""
    rt = runtime(ctx)
    stored = profiles.import_profile_file(
        rt.uow(), rt.content, organisation=_org(rt, organisation), path=file, key=key
    )
    typer.echo(f"saved profile {stored.key} version {stored.version}")


@app.command()
def validate(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A profile document (YAML or JSON).")],
) -> None:
    """Check a profile document; list every problem with its line and field."""
    profile = profiles.validate_profile_file(runtime(ctx).content, file)
    typer.echo(
        f"{file}: valid ({len(profile.requirements)} competencies,"
        f" {len(profile.qualifications)} qualification requirements)"
    )
