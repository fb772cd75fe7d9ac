"""The `servicefit` command line, end to end on a SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from servicefit.cli.main import app
from servicefit.storage.shortlist_files import COLUMNS, to_csv

BAD_PROFILE = """\
format: servicefit.job-profile/1
name: Inbound agent
languages: [en]
channels: [phone]
time_budget_minutes: 30
requirements:
  - competency: active_listening
    weight: 4
    target: 4
  - competency: empathyy
    weight: 3
    target: 4
  - competency: tolerance
    weight: 3
    target: 3
    minimum: 4
"""


@pytest.fixture
def cli(tmp_path: Path) -> CliRunner:
    return CliRunner(env={"SERVICEFIT_DATA_DIR": str(tmp_path / "data")})


def invoke(cli: CliRunner, *args: str) -> tuple[int, str, str]:
    result = cli.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_demo_sets_up_the_database_and_is_safe_to_run_twice(cli: CliRunner) -> None:
    code, out, _ = invoke(cli, "demo")
    assert code == 0
    assert "organisation 'demo': 6 job profiles" in out
    code, out, _ = invoke(cli, "demo")
    assert code == 0
    assert "created now: none (all present)" in out


def test_resolve_prints_the_competency_id(cli: CliRunner) -> None:
    assert invoke(cli, "competencies", "resolve", "Managing stress") == (0, "tolerance\n", "")


def test_resolve_fails_with_a_message_for_an_unknown_term(cli: CliRunner) -> None:
    code, out, err = invoke(cli, "competencies", "resolve", "Juggling")
    assert (code, out) == (1, "")
    assert "no competency is called 'Juggling'" in err


def test_validate_reports_every_problem_with_its_position(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(BAD_PROFILE, encoding="utf-8")
    code, _, err = invoke(cli, "profiles", "validate", str(path))
    assert code == 2
    lines = err.splitlines()
    assert lines[0] == "error: 2 problems found"
    assert lines[1].startswith(f"  {path}:10:17: requirements[1].competency: unknown competency")
    assert "did you mean 'empathy'" in lines[1]
    assert lines[2] == f"  {path}:16:14: requirements[2].minimum: minimum 4 is above the target 3"


def test_an_invalid_import_writes_nothing(cli: CliRunner, tmp_path: Path) -> None:
    assert invoke(cli, "demo", "--candidates", "0")[0] == 0
    path = tmp_path / "bad.yaml"
    path.write_text(BAD_PROFILE, encoding="utf-8")
    code, _, _ = invoke(cli, "profiles", "import", str(path), "--key", "broken")
    assert code == 2
    code, _, err = invoke(cli, "profiles", "show", "broken")
    assert code == 1
    assert "no job profile in demo 'broken'" in err


def test_create_export_edit_import_makes_a_second_version(cli: CliRunner, tmp_path: Path) -> None:
    assert invoke(cli, "demo", "--candidates", "0")[0] == 0
    code, out, _ = invoke(
        cli,
        "profiles",
        "create",
        "--from-template",
        "chat_email_support",
        "--name",
        "Soporte por chat",
        "--language",
        "es",
    )
    assert (code, out) == (
        0,
        "created profile soporte-por-chat version 1 from chat_email_support\n",
    )

    exported = tmp_path / "profile.yaml"
    assert invoke(cli, "profiles", "export", "soporte-por-chat", "--out", str(exported))[0] == 0
    document = yaml.safe_load(exported.read_text(encoding="utf-8"))
    document["time_budget_minutes"] = 50
    exported.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")

    code, out, _ = invoke(cli, "profiles", "import", str(exported), "--key", "soporte-por-chat")
    assert (code, out) == (0, "saved profile soporte-por-chat version 2\n")
    code, out, _ = invoke(cli, "profiles", "show", "soporte-por-chat", "--format", "json")
    shown = json.loads(out)
    assert (shown["version"], shown["profile"]["time_budget_minutes"]) == (2, 50)
    code, out, _ = invoke(cli, "profiles", "show", "soporte-por-chat", "--version", "1")
    assert yaml.safe_load(out)["profile"]["time_budget_minutes"] != 50


def test_commands_on_an_unmigrated_database_say_how_to_fix_it(cli: CliRunner) -> None:
    code, _, err = invoke(cli, "profiles", "list")
    assert code == 3
    assert "run `servicefit db upgrade`" in err


def test_templates_are_listed_as_json(cli: CliRunner) -> None:
    code, out, _ = invoke(cli, "profiles", "templates", "--format", "json")
    templates = json.loads(out)
    assert code == 0
    assert {t["id"] for t in templates} >= {
        "front_counter",
        "inbound_call_centre",
        "chat_email_support",
        "sales_retention",
        "technical_support",
        "multilingual_desk",
    }
    for template in templates:
        total = sum(r["relative_weight"] for r in template["requirements"])
        assert total == pytest.approx(1.0, abs=1e-3)


def test_items_validate_names_the_file_item_and_field(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "items.yaml"
    path.write_text(
        "instrument: calculation\nitems:\n  - id: calc-x\n    version: 1\n    seconds: 60\n"
        "    stem: {en: a, es: b, pl: c}\n    answer: 3\n    tolerance: -1\n"
        "    unit: {en: £, es: €, pl: zł}\n",
        encoding="utf-8",
    )
    code, _, err = invoke(cli, "items", "validate", str(path))
    assert code == 2
    assert f"{path}:8:16: item calc-x: tolerance: Input should be greater than or equal to 0" in err


def test_assemble_prints_a_blueprint_that_fits_the_budget(cli: CliRunner) -> None:
    code, out, _ = invoke(
        cli,
        "assessments",
        "assemble",
        "--template",
        "technical_support",
        "--minutes",
        "30",
        "--language",
        "es",
        "--seed",
        "7",
    )
    form = json.loads(out)
    assert code == 0
    assert form["total_minutes"] <= 30
    assert form["language"] == "es"
    assert {line["competency"] for line in form["blueprint"]} >= {"problem_solving"}
    assert "provisional" in form["note"]


def test_items_stats_counts_by_instrument_competency_and_language(cli: CliRunner) -> None:
    code, out, _ = invoke(cli, "items", "stats", "--format", "json")
    stats = json.loads(out)
    assert code == 0
    assert sum(stats["by_instrument"].values()) == stats["items"]
    assert set(stats["by_language"]["items_available"]) == {"en", "es", "pl"}


def test_cat_simulate_compares_with_a_fixed_form(cli: CliRunner) -> None:
    code, out, _ = invoke(
        cli, "cat", "simulate", "--bank-items", "60", "--people", "40", "--target-se", "0.4"
    )
    assert code == 0
    assert "CAT:   mean length" in out
    assert "fixed: length" in out


def test_simulated_attempts_are_scored_with_provisional_labels(cli: CliRunner) -> None:
    assert invoke(cli, "demo", "--candidates", "0")[0] == 0
    code, out, _ = invoke(
        cli,
        "attempts",
        "simulate",
        "--profile",
        "sales-retention",
        "--count",
        "2",
        "--minutes",
        "10",
    )
    assert (code, out) == (0, "stored 2 simulated attempts (1..2)\n")
    code, out, _ = invoke(cli, "attempts", "score", "1", "--format", "json")
    scored = json.loads(out)
    assert scored["parameter_version"] == "prior"
    assert scored["provisional"] is True
    assert all("provisional norm" in c["norm"] for c in scored["competencies"])
    code, out, _ = invoke(cli, "attempts", "list")
    assert "Simulated candidate 001 (demo data)" in out


def test_the_shortlist_exports_ranked_candidates_with_intervals(
    cli: CliRunner, tmp_path: Path
) -> None:
    assert invoke(cli, "demo", "--candidates", "0")[0] == 0
    assert (
        invoke(
            cli,
            "attempts",
            "simulate",
            "--profile",
            "front-counter",
            "--count",
            "3",
            "--minutes",
            "15",
        )[0]
        == 0
    )
    code, out, _ = invoke(cli, "shortlist", "front-counter", "--format", "json")
    rows = json.loads(out)
    assert code == 0
    assert [row["rank"] for row in rows] == [1, 2, 3]
    for row in rows:
        assert row["fit_low_95"] <= row["fit"] <= row["fit_high_95"]
        assert row["decision"] in {
            "strong",
            "good",
            "borderline",
            "weak",
            "knocked out",
            "needs interview evidence",
        }
        assert row["demo_data"] is True
    fits = [row["fit"] for row in rows if row["decision"] != "knocked out"]
    assert fits == sorted(fits, reverse=True)
    code, out, _ = invoke(cli, "shortlist", "front-counter", "--format", "csv")
    assert out.splitlines()[0].startswith(
        "rank,attempt,candidate,decision,fit,fit_low_95,fit_high_95"
    )
    xlsx = tmp_path / "shortlist.xlsx"
    code, out, _ = invoke(cli, "shortlist", "front-counter", "--format", "xlsx", "--out", str(xlsx))
    assert (code, out) == (0, f"wrote 3 candidates to {xlsx}\n")
    assert xlsx.read_bytes()[:2] == b"PK"  # a zip container, as every xlsx is


def test_spreadsheet_exports_neutralise_formulas() -> None:
    row = dict.fromkeys(COLUMNS, "")
    row["candidate"] = '=HYPERLINK("http://evil")'
    assert "'=HYPERLINK" in to_csv([row])


def test_the_guide_prints_fit_interview_questions_and_a_plan(cli: CliRunner) -> None:
    assert invoke(cli, "demo", "--candidates", "0")[0] == 0
    assert (
        invoke(
            cli,
            "attempts",
            "simulate",
            "--profile",
            "inbound-call-centre",
            "--count",
            "1",
            "--seed",
            "3",
        )[0]
        == 0
    )
    code, out, _ = invoke(cli, "guide", "1", "--language", "pl")
    assert code == 0
    assert out.startswith("fit ")
    assert "95 % interval" in out
    assert "Interview guide" in out
    assert "Development plan" in out


def test_an_interview_rating_moves_the_fit(cli: CliRunner) -> None:
    assert invoke(cli, "demo", "--candidates", "0")[0] == 0
    assert (
        invoke(
            cli, "attempts", "simulate", "--profile", "front-counter", "--count", "1", "--seed", "5"
        )[0]
        == 0
    )
    before = json.loads(invoke(cli, "shortlist", "front-counter", "--format", "json")[1])[0]["fit"]
    code, out, _ = invoke(
        cli,
        "interview-rate",
        "1",
        "empathy",
        "--rating",
        "5",
        "--interviewer",
        "Ana",
        "--notes",
        "STAR example",
    )
    assert (code, out) == (0, "recorded empathy = 5 by Ana\n")
    after = json.loads(invoke(cli, "shortlist", "front-counter", "--format", "json")[1])[0]["fit"]
    assert after > before
    code, _, err = invoke(
        cli, "interview-rate", "1", "empathy", "--rating", "7", "--interviewer", "Ana"
    )
    assert code == 2
    assert "rating: must be 1-5, got 7" in err
