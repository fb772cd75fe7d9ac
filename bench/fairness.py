"""Fairness and validity: planted effects recovered by the engines, and demo files.

Run: python -m bench.fairness [--json] [--plant-db DIR --job PROFILE --rule RULE --org ORG]

- Adverse impact: three groups of 4,000 with selection rates 0.50, 0.35 and
  0.475 (impact ratios 0.70 and 0.95): the recovered ratios, their intervals
  and the four-fifths flags.
- DIF: 30 2PL items, 1,000 people per group, the focal group 0.3 SD lower
  (impact, not DIF); item 3 has uniform DIF (+0.6 logits), item 17 non-uniform
  DIF (slope x 0.35): items flagged by logistic regression (BH 5 %) and by
  mirt's Wald screen.
- Validity: r = 0.30, N = 500: the recovered r and its 95 % interval.

With --plant-db DIR, it also reads the shortlist of a job from the database
named by SERVICEFIT_* settings and writes DIR/demographics.csv (sex planted
with an impact ratio near 0.70 under RULE, age band near 0.95, 10 % missing,
a 1 % group) and DIR/outcomes.csv (quality_score correlated 0.30 with fit), for
`servicefit fairness demographics import` and `servicefit validity`.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from servicefit.config import load_settings
from servicefit.domain.decision_rules import parse_rule
from servicefit.psychometrics.adverse_impact import adverse_impact
from servicefit.psychometrics.dif import logistic_dif, mirt_wald_screen
from servicefit.psychometrics.validity import correlation
from servicefit.services.shortlist import shortlist
from servicefit.storage.database import make_engine, make_session_factory
from servicefit.storage.unit_of_work import SqlUnitOfWork


def impact_figures(seed: int = 8) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    rates = {"a": 0.50, "b": 0.35, "c": 0.475}
    groups: list[str | None] = []
    selected: list[bool] = []
    for group, rate in rates.items():
        groups += [group] * 4000
        selected += [bool(x) for x in rng.random(4000) < rate]
    result = adverse_impact(groups, selected)
    return {
        g.group: {
            "planted_ratio": rates[g.group] / 0.50,
            "impact_ratio": g.impact_ratio,
            "ci": g.ratio_ci,
            "fisher_p": g.fisher_p,
            "four_fifths_flag": g.four_fifths_flag,
        }
        for g in result.groups
    }


def dif_figures(seed: int = 1) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    items, n = 30, 1000
    a, b = rng.uniform(0.8, 2.0, items), rng.normal(0.0, 1.0, items)
    theta = np.concatenate([rng.normal(0, 1, n), rng.normal(-0.3, 1, n)])
    focal = np.arange(2 * n) >= n
    slopes, locations = np.tile(a, (2 * n, 1)), np.tile(b, (2 * n, 1))
    locations[focal, 3] += 0.6
    slopes[focal, 17] = a[17] * 0.35
    p = 1 / (1 + np.exp(-slopes * (theta[:, None] - locations)))
    responses = (rng.random(p.shape) < p).astype(np.int_)
    groups: list[str | None] = ["focal" if f else "reference" for f in focal]
    names = [f"item{i:02d}" for i in range(items)]
    found = logistic_dif(responses, groups, names)
    wald = mirt_wald_screen(responses, [str(g) for g in groups], names, categories=2)
    planted = {"item03", "item17"}
    return {
        "planted": sorted(planted),
        "logistic_flagged": list(found.flagged),
        "logistic_false_alarms": len(set(found.flagged) - planted),
        "effect_sizes": {
            i.item: {"delta_r2": i.delta_r2, "class": i.category, "q": i.adjusted_p}
            for i in found.items
            if i.item in planted
        },
        "wald_flagged": [w.item for w in wald if w.flagged],
    }


def validity_figures(seed: int = 30) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=500)
    y = 0.30 * x + math.sqrt(1 - 0.09) * rng.normal(size=500)
    found = correlation(x.tolist(), y.tolist())
    assert found is not None
    return {"planted_r": 0.30, "n": 500, "r": found.r, "ci": found.ci}


def _planted(
    people: list[int],
    chosen: dict[str, bool],
    entries: list[Any],
    labels: tuple[str, str],
    ratio: float,
    *,
    rng: np.random.Generator,
) -> dict[int, str]:
    """Two equal groups whose selection rates stand in *ratio* (second / first)."""
    picked = [i for i in people if chosen[str(entries[i].attempt_id)]]
    others = [i for i in people if not chosen[str(entries[i].attempt_id)]]
    rng.shuffle(picked)
    rng.shuffle(others)
    to_first = round(len(picked) / (1 + ratio))
    first = picked[:to_first] + others[: len(people) // 2 - to_first]
    return {i: labels[0] if i in set(first) else labels[1] for i in people}


def plant_files(folder: Path, *, organisation: str, job: str, rule: str, seed: int = 3) -> None:
    """Demographics and outcomes for a job's stored candidates, with planted effects."""
    settings = load_settings()
    uow = SqlUnitOfWork(make_session_factory(make_engine(settings.effective_database_url)))
    entries = shortlist(uow, organisation=organisation, profile_key=job)
    chosen = parse_rule(rule).select([(str(e.attempt_id), e.fit) for e in entries])
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(entries))
    missing = set(order[: len(entries) // 10].tolist())  # 10 % declined
    tiny = set(order[len(entries) // 10 : len(entries) // 10 + 3].tolist())  # about 1 %
    shared = Counter(e.candidate for e in entries)  # shared identifiers count as missing
    known = [
        i
        for i in order.tolist()
        if i not in missing and i not in tiny and shared[entries[i].candidate] == 1
    ]
    sex = _planted(known, chosen, entries, ("female", "male"), 0.70, rng=rng)
    age = _planted(known, chosen, entries, ("under_40", "40_and_over"), 0.95, rng=rng)
    rows = []
    for i, e in enumerate(entries):
        row = {"candidate": e.candidate, "consent": "2026-11-29", "sex": "", "age_band": ""}
        if i in tiny:
            row["sex"], row["age_band"] = "another", "under_40"
        elif i in sex:  # declined or a shared identifier: left blank
            row["sex"], row["age_band"] = sex[i], age[i]
        rows.append(row)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "demographics.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, ["candidate", "consent", "sex", "age_band"])
        writer.writeheader()
        writer.writerows(rows)
    fits = np.array([e.fit.fit for e in entries])
    z = (fits - fits.mean()) / (fits.std() or 1.0)
    quality = 70 + 10 * (0.30 * z + math.sqrt(1 - 0.09) * rng.normal(size=len(entries)))
    with (folder / "outcomes.csv").open("w", newline="", encoding="utf-8") as handle:
        table = csv.writer(handle)
        table.writerow(["candidate", "quality_score", "retention_90d"])
        for e, q in zip(entries, quality, strict=True):
            if shared[e.candidate] > 1:
                continue
            table.writerow([e.candidate, f"{q:.1f}", int(rng.random() < 0.8)])
    sys.stdout.write(f"wrote {folder}/demographics.csv and outcomes.csv ({len(rows)} people)\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--plant-db", type=Path)
    parser.add_argument("--job", default="inbound-call-centre")
    parser.add_argument("--rule", default="cutoff:50")
    parser.add_argument("--org", default="demo")
    args = parser.parse_args()
    if args.plant_db:
        plant_files(args.plant_db, organisation=args.org, job=args.job, rule=args.rule)
        return
    figures = {
        "adverse_impact": impact_figures(),
        "dif": dif_figures(),
        "validity": validity_figures(),
    }
    if args.json:
        sys.stdout.write(json.dumps(figures, indent=2, default=float) + "\n")
        return
    for section, values in figures.items():
        sys.stdout.write(f"{section}: {values}\n")


if __name__ == "__main__":
    main()
