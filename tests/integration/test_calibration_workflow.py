"""Simulated attempts, calibration into a new parameter version, and rescoring."""

from __future__ import annotations

from servicefit.services import scoring
from servicefit.services.content import packaged_content
from servicefit.services.demo import set_up_demo
from servicefit.storage.unit_of_work import SqlUnitOfWork


def test_calibration_stores_a_version_and_rescoring_records_it(uow: SqlUnitOfWork) -> None:
    content = packaged_content()
    set_up_demo(uow, content)
    ids = scoring.simulate_attempts(
        uow,
        content,
        organisation="demo",
        profile_key="front-counter",
        count=120,
        minutes=10,
        seed=5,
    )
    assert len(ids) == 120
    summaries = scoring.attempt_summaries(uow, organisation="demo")
    assert {s["parameter_version"] for s in summaries} == {"prior"}
    assert all(s["simulated"] for s in summaries)

    report = scoring.calibrate(uow, organisation="demo", minimum_responses=40, standard_errors=True)
    assert report.version == "calibration-1"
    assert report.attempts == 120
    assert report.scales
    some_scale = next(iter(report.scales.values()))
    assert some_scale["people"] > 0
    assert 0 < some_scale["marginal_reliability"] < 1
    item = some_scale["items"][0]
    assert {
        "mean",
        "item_rest",
        "a",
        "a_se",
        "thresholds",
        "thresholds_se",
        "fit",
        "misfit",
    } <= set(item)
    assert item["a_se"] is not None
    assert report.skipped  # rarely seen items keep their priors, with the reason

    version, count = scoring.rescore(uow, organisation="demo")
    assert (version, count) == ("calibration-1", 120)
    assert {
        s["parameter_version"] for s in scoring.attempt_summaries(uow, organisation="demo")
    } == {"calibration-1"}
    rescored = [
        scoring.score_stored_attempt(uow, organisation="demo", attempt_id=i, save=False)
        for i in ids[:20]
    ]
    assert {r.parameter_version for r in rescored} == {"calibration-1"}
    # a score is provisional exactly when some of its evidence still uses priors
    calibrated = sum(1 for r in rescored for c in r.competencies if not c.provisional)
    assert calibrated > 0
