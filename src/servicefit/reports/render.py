"""Recruiter and candidate reports: one autoescaped HTML rendering, printed to PDF.

The same HTML feeds the browser and WeasyPrint, so HTML and PDF match; the
chart is inline SVG. Candidate text (written answers) only ever reaches the
page through Jinja2 autoescaping.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from servicefit.domain.language import Language

Audience = Literal["recruiter", "candidate"]


@cache
def labels() -> dict[str, dict[str, str]]:
    text = resources.files("servicefit.reports").joinpath("labels.yaml").read_text(encoding="utf-8")
    loaded: dict[str, dict[str, str]] = yaml.safe_load(text)
    return loaded


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("servicefit.reports", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass(frozen=True)
class ReportView:
    """Everything a report shows, already in the report's language."""

    audience: Audience
    language: Language
    job: str
    candidate: str
    fit: dict[str, Any]
    chart_svg: str  # built by reports.chart, every text escaped there
    requirements: list[dict[str, Any]]
    strengths: list[str]
    risks: list[str]
    knockouts: list[str]
    flags: list[str]
    evidence: list[dict[str, str]]
    interview: list[dict[str, Any]]
    plan: list[dict[str, Any]]
    provisional: bool


def render_html(view: ReportView) -> str:
    label = {key: texts[view.language] for key, texts in labels().items()}
    template = _environment().get_template("report.html.j2")
    return template.render(view=view, label=label, chart=Markup(view.chart_svg))  # noqa: S704


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML  # noqa: PLC0415 - heavy, PDF only

    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
