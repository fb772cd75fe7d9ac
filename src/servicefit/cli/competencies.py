"""`servicefit competencies`: the competency framework."""

from __future__ import annotations

from typing import Annotated

import typer

from servicefit.cli.options import DocumentFormat, LanguageChoice, LanguageOption
from servicefit.cli.runtime import print_document, runtime
from servicefit.domain.competencies import Competency, UnknownCompetency
from servicefit.services.competencies import export_framework, resolve_term, suggestions_for
from servicefit.services.content import Content

app = typer.Typer(no_args_is_help=True, help="The competency framework.")


@app.command("list")
def list_(ctx: typer.Context, language: LanguageOption = LanguageChoice.EN) -> None:
    """List competencies by cluster."""
    lang = language.language
    framework = runtime(ctx).content.framework
    for cluster in framework.clusters:
        typer.echo(cluster.name.in_language(lang))
        for competency in framework.competencies:
            if competency.cluster_id == cluster.id:
                typer.echo(f"  {competency.id:<28} {competency.name.in_language(lang)}")


@app.command()
def show(
    ctx: typer.Context,
    competency_id: Annotated[str, typer.Argument(metavar="ID", help="Id, name or alias.")],
    language: LanguageOption = LanguageChoice.EN,
) -> None:
    """Show one competency: definition, indicators, levels, sources."""
    lang = language.language
    content = runtime(ctx).content
    competency = _resolve_or_exit(content, competency_id)
    framework = content.framework
    typer.echo(f"{competency.name.in_language(lang)} ({competency.id})")
    typer.echo(f"cluster: {framework.cluster(competency.cluster_id).name.in_language(lang)}")
    typer.echo(competency.definition.in_language(lang))
    aliases = ", ".join(competency.aliases.get(lang, ()))
    if aliases:
        typer.echo(f"aliases: {aliases}")
    for title, indicators in (
        ("+", competency.positive_indicators),
        ("-", competency.negative_indicators),
    ):
        for indicator in indicators:
            typer.echo(f"  {title} {indicator.text.in_language(lang)}")
    for anchor in competency.levels:
        level_name = framework.levels[anchor.level - 1].name.in_language(lang)
        typer.echo(f"  {anchor.level} {level_name}: {anchor.anchor.in_language(lang)}")
    for link in competency.onet:
        typer.echo(f"O*NET {link.element_id} {link.element_name} ({link.basis.value})")
    seeds = {seed.code: seed.file_name for seed in framework.seeds}
    typer.echo("seeds: " + ", ".join(seeds[code] for code in competency.seed_codes))


@app.command()
def resolve(
    ctx: typer.Context,
    term: Annotated[str, typer.Argument(help="A seed term, name or alias in en, es or pl.")],
) -> None:
    """Print the id of the one competency TERM names; exit 1 if none does."""
    competency = _resolve_or_exit(runtime(ctx).content, term)
    typer.echo(competency.id)


@app.command()
def export(
    ctx: typer.Context,
    output_format: Annotated[
        DocumentFormat, typer.Option("--format", help="json or yaml.")
    ] = DocumentFormat.JSON,
) -> None:
    """Print the whole framework, every text in en, es and pl."""
    print_document(export_framework(runtime(ctx).content), output_format.value)


def _resolve_or_exit(content: Content, term: str) -> Competency:
    try:
        return resolve_term(content, term)
    except UnknownCompetency:
        hint = ""
        suggestions = suggestions_for(content, term)
        if suggestions:
            hint = "; did you mean " + " or ".join(suggestions) + "?"
        typer.echo(f"error: no competency is called {term!r}{hint}", err=True)
        raise typer.Exit(1) from None
