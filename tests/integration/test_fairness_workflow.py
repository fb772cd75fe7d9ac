"""Demographics, the adverse-impact audit, item DIF and criterion validity, end to end."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from servicefit.cli.main import app
from servicefit.errors import InvalidInput
from servicefit.services import fairness, item_analysis, scoring, validity
from servicefit.services.content import packaged_content
from servicefit.services.demo import set_up_demo
from servicefit.services.shortlist import shortlist
from servicefit.storage.unit_of_work import SqlUnitOfWork

JOB = "front-counter"
NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


@pytest.fixture
def candidates(uow: SqlUnitOfWork) -> list[str]:
    content = packaged_content()
    set_up_demo(uow, content)
    scoring.simulate_attempts(
        uow, content, organisation="demo", profile_key=JOB, count=120, minutes=10, seed=5
    )
    return [e.candidate for e in shortlist(uow, organisation="demo", profile_key=JOB)]


def _demographics_file(folder: Path, candidates: list[str]) -> Path:
    path = folder / "demographics.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["candidate", "consent", "sex", "age_band"])
        for number, candidate in enumerate(candidates):
            if number % 10 == 0:
                writer.writerow([candidate, "no", "female", "under_40"])  # no consent
            elif number % 10 == 1:
                writer.writerow([candidate, "2026-11-20", "", "40_and_over"])  # sex not given
            else:
                sex = "female" if number % 2 else "male"
                age = "under_40" if number % 3 else "40_and_over"
                writer.writerow([candidate, "2026-11-20T10:00:00", sex, age])
    return path


def test_an_audit_reports_groups_missing_counts_and_its_limits(
    uow: SqlUnitOfWork, candidates: list[str], tmp_path: Path
) -> None:
    found = fairness.import_demographics(
        uow, organisation="demo", path=_demographics_file(tmp_path, candidates)
    )
    assert found.stored == 108
    assert found.without_consent == 12

    result = fairness.audit(uow, organisation="demo", profile_key=JOB, rule="top:30", now=NOW)
    assert result.candidates == 120
    assert result.selected == 30
    assert result.with_demographics == 108
    document = fairness.audit_document(result)
    assert document["missing_demographics"] == 12
    by_field = {f["field"]: f for f in document["fields"]}
    assert set(by_field) == {"sex", "age_band", "sex & age_band"}
    sex = by_field["sex"]["selection"]
    assert sex["missing_demographics"] == 24  # 12 without consent, 12 not answering
    assert {g["group"] for g in sex["groups"]} == {"female", "male"}
    assert sum(g["applicants"] for g in sex["groups"]) == 96
    assert by_field["sex"]["scoring_rate_above_median_fit"]["groups"]
    assert any("screening rule, not proof" in limit for limit in document["limits"])

    html = fairness.audit_bytes(result, "html").decode()
    assert "Missing demographics" in html
    assert "screening rule, not proof of fairness or unfairness" in html
    pdf = PdfReader(io.BytesIO(fairness.audit_bytes(result, "pdf")))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "screening rule" in text
    assert "missing demographics: 12" in text
    table = fairness.audit_bytes(result, "csv").decode()
    assert table.startswith("field,measure,group")
    assert "# missing demographics: 12 of 120 candidates" in table


def test_a_bad_decision_rule_or_field_is_invalid_input(
    uow: SqlUnitOfWork, candidates: list[str]
) -> None:
    with pytest.raises(InvalidInput, match="unknown rule"):
        fairness.audit(uow, organisation="demo", profile_key=JOB, rule="best:3", now=NOW)
    with pytest.raises(InvalidInput, match="no such demographic field"):
        fairness.audit(
            uow, organisation="demo", profile_key=JOB, rule="knockout", by=["shoe"], now=NOW
        )


def test_a_demographics_value_outside_the_categories_names_line_and_column(
    uow: SqlUnitOfWork, candidates: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        f"candidate,consent,sex\n{candidates[0]},yes,female\n{candidates[1]},yes,robot\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput) as error:
        fairness.import_demographics(uow, organisation="demo", path=path)
    (problem,) = error.value.problems
    assert (problem.source, problem.line, problem.column, problem.field) == (
        str(path),
        3,
        3,
        "sex",
    )
    with uow:
        owner = uow.organisations.by_slug("demo")
        assert owner is not None
        assert uow.demographics_of(owner).all() == []


def test_item_dif_runs_per_scale_and_joins_into_item_analysis(
    uow: SqlUnitOfWork, candidates: list[str], tmp_path: Path
) -> None:
    fairness.import_demographics(
        uow, organisation="demo", path=_demographics_file(tmp_path, candidates)
    )
    report = item_analysis.item_dif(uow, organisation="demo", by="sex", minimum_responses=40)
    assert report.people == 120
    assert report.missing_group == 24
    assert set(report.groups) == {"female", "male"}
    assert report.scales
    tested = [i for s in report.scales for i in s.items if i.overall_p is not None]
    assert tested
    assert all(0 <= (i.adjusted_p or 0) <= 1 for i in tested)
    assert all(i.category in {"A", "B", "C"} for i in tested)

    scoring.calibrate(uow, organisation="demo", minimum_responses=40, standard_errors=False)
    analysis = item_analysis.item_analysis(uow, organisation="demo", dif=report)
    assert analysis["calibration"] == "calibration-1"
    some = next(iter(analysis["scales"].values()))
    assert "cronbach_alpha" in some
    assert any(item["dif"] is not None for s in analysis["scales"].values() for item in s["items"])


def _outcomes_file(folder: Path, candidates: list[str]) -> Path:
    path = folder / "outcomes.csv"
    lines = ["candidate,quality_score,csat,retention_90d"]
    for number, candidate in enumerate(candidates):
        lines.append(f"{candidate},{60 + number % 17},{'' if number % 4 else 4.5},{number % 2}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_validity_stores_outcomes_and_reports_correlations(
    uow: SqlUnitOfWork, candidates: list[str], tmp_path: Path
) -> None:
    stored = validity.store_outcomes(
        uow, organisation="demo", path=_outcomes_file(tmp_path, candidates)
    )
    assert stored.stored == 120 + 30 + 120
    report = validity.validity_report(uow, organisation="demo", profile_key=JOB)
    assert report["candidates_with_outcomes"] == 120
    quality = report["measures"]["quality_score"]
    assert quality["people"] == 120
    overall = quality["overall_fit"]
    assert overall["ci"][0] <= overall["r"] <= overall["ci"][1]
    assert quality["range_restriction"] is None  # outcomes for everyone: no restriction
    assert quality["competencies"]
    weights = quality["suggested_weights"]
    assert weights["status"].startswith("suggestion only")
    assert {w["competency"] for w in weights["weights"]} <= set(quality["competencies"])
    assert report["measures"]["csat"]["people"] == 30
    assert report["measures"]["csat"]["overall_fit"] is None  # no spread: 4.5 for all given


def test_a_bad_outcomes_line_names_file_line_and_column_and_stores_nothing(
    uow: SqlUnitOfWork, candidates: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "outcomes.csv"
    path.write_text(
        f"candidate,quality_score,csat\n{candidates[0]},71,4\n{candidates[1]},high,4\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput) as error:
        validity.store_outcomes(uow, organisation="demo", path=path)
    (problem,) = error.value.problems
    assert (problem.source, problem.line, problem.column, problem.field) == (
        "outcomes.csv",
        3,
        2,
        "quality_score",
    )
    assert "not a number" in problem.message
    with uow:
        owner = uow.organisations.by_slug("demo")
        assert owner is not None
        assert uow.outcomes_of(owner).all() == []


def test_the_cli_reports_a_bad_outcomes_file_with_exit_code_2(tmp_path: Path) -> None:
    cli = CliRunner(env={"SERVICEFIT_DATA_DIR": str(tmp_path / "data")})
    assert cli.invoke(app, ["demo"]).exit_code == 0
    path = tmp_path / "outcomes.csv"
    path.write_text("candidate,csat,shoe_size\nx,4,42\n", encoding="utf-8")
    result = cli.invoke(app, ["validity", "--job", JOB, "--outcomes", str(path)])
    assert result.exit_code == 2
    assert "outcomes.csv:1:3: shoe_size: unknown column" in result.stderr
    audit = cli.invoke(app, ["fairness", "audit", "--job", JOB, "--rule", "knockout"])
    assert audit.exit_code == 0
    document = json.loads(audit.stdout)
    assert document["candidates"] == 0
    assert document["limits"]
