"""How well the written-reply scorer agrees with human raters (development sets).

Run: python -m bench.text_quality [--json] [--limit N] [--bootstrap B]

Reads the human-rated sets from ../shared/datasets/ (never copied into the
repository) and prints, each with a bootstrap 95 % interval and the human
agreement ceiling where the data allow one:

- politeness vs the Stanford politeness corpus (Wikipedia requests),
  normalised score: Spearman, and AUC for the top vs the bottom quartile;
- empathy vs EPITOME emotional reactions and interpretations (0/1/2):
  Spearman, and quadratic weighted kappa of levels mapped 1-2 -> 0, 3 -> 1, 4-5 -> 2;
- language quality vs GUG expert grammaticality (1-4): Spearman;
- agent-side ownership, clarity and politeness (mean over the dialogue's
  system turns; each alone and the mean of the three) vs USS MultiWOZ overall
  satisfaction: Spearman, and AUC for dialogues rated 2.5 or below.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy.stats import rankdata

from servicefit.psychometrics.agreement import quadratic_weighted_kappa
from servicefit.text_scoring.results import ReplyContext
from servicefit.text_scoring.scorer import score_reply

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
RNG = np.random.default_rng(20261122)


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    rx, ry = rankdata(x), rankdata(y)
    if rx.std() == 0 or ry.std() == 0:
        return 0.0
    return float(np.corrcoef(rx, ry)[0, 1])


def auc(scores: Sequence[float], positive: Sequence[bool]) -> float:
    """P(score of a positive case > score of a negative case), ties counted half."""
    s = np.asarray(scores, dtype=float)
    p = np.asarray(positive, dtype=bool)
    ranks = rankdata(s)
    n_pos, n_neg = int(p.sum()), int((~p).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    return float((ranks[p].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def bootstrap(
    statistic: Callable[[np.ndarray, np.ndarray], float],
    x: Sequence[Any],
    y: Sequence[Any],
    rounds: int,
) -> tuple[float, float, float]:
    xa, ya = np.asarray(x), np.asarray(y)
    value = statistic(xa, ya)
    samples = []
    for _ in range(rounds):
        index = RNG.integers(0, len(xa), len(xa))
        samples.append(statistic(xa[index], ya[index]))
    low, high = np.nanpercentile(samples, [2.5, 97.5])
    return round(value, 4), round(float(low), 4), round(float(high), 4)


def _score(text: str, dimension: str, context: ReplyContext) -> float:
    result = score_reply(text, context).dimensions[dimension]
    return result.score if result.score is not None else 0.0


def politeness(limit: int | None, rounds: int) -> dict[str, Any]:
    with (DATASETS / "politeness_stanford" / "wikipedia.annotated.csv").open(
        encoding="utf-8"
    ) as handle:
        rows = list(csv.DictReader(handle))[:limit]
    gold = [float(r["Normalized Score"]) for r in rows]
    ours = [_score(r["Request"], "politeness", ReplyContext(channel="chat")) for r in rows]
    q1, q3 = np.percentile(gold, [25, 75])
    extreme = [i for i, g in enumerate(gold) if g <= q1 or g >= q3]
    raters = np.array([[float(r[f"Score{k}"]) for k in range(1, 6)] for r in rows])
    ceiling = spearman(raters[:, 0], raters[:, 1:].mean(axis=1))
    return {
        "n": len(rows),
        "spearman": bootstrap(spearman, ours, gold, rounds),
        "auc_top_vs_bottom_quartile": bootstrap(
            lambda s, g: auc(s, g >= q3),
            [ours[i] for i in extreme],
            [gold[i] for i in extreme],
            rounds,
        ),
        "human_ceiling_spearman_one_rater_vs_rest": round(ceiling, 4),
    }


def _level_to_epitome(score: float) -> int:
    level = 1 + min(4, int(score * 5))
    return 0 if level <= 2 else (1 if level == 3 else 2)


def empathy(limit: int | None, rounds: int) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for mechanism in ("emotional-reactions", "interpretations"):
        path = DATASETS / "empathy_epitome" / f"{mechanism}-reddit.csv"
        with path.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))[:limit]
        gold = [int(r["level"]) for r in rows]
        ours = [
            _score(
                r["response_post"],
                "empathy",
                ReplyContext(customer_message=r["seeker_post"], channel="social"),
            )
            for r in rows
        ]
        result[mechanism] = {
            "n": len(rows),
            "spearman": bootstrap(spearman, ours, gold, rounds),
            "qwk": bootstrap(
                lambda s, g: quadratic_weighted_kappa(
                    [_level_to_epitome(v) for v in s], list(g), 3
                ),
                ours,
                gold,
                rounds,
            ),
            "human_ceiling": "not computable: per-annotator labels are not released",
        }
    return result


def grammar(limit: int | None, rounds: int) -> dict[str, Any]:
    with (DATASETS / "grammar_gug_jfleg" / "gug_annotations.tsv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["Expert Judgement"] != "0"][
            :limit
        ]
    gold = [int(r["Expert Judgement"]) for r in rows]
    ours = [
        _score(r["Sentence"], "language_quality", ReplyContext(expected_language="en"))
        for r in rows
    ]
    crowd = [ast.literal_eval(r["Crowd Flower Judgements"]) for r in rows]
    complete = [c for c in crowd if len(c) == 5]
    matrix = np.array(complete, dtype=float)
    ceiling = spearman(matrix[:, 0], matrix[:, 1:].mean(axis=1))
    return {
        "n": len(rows),
        "spearman": bootstrap(spearman, ours, gold, rounds),
        "human_ceiling_spearman_one_crowd_rater_vs_rest": round(ceiling, 4),
    }


def dialogue_satisfaction(limit: int | None, rounds: int) -> dict[str, Any]:
    with (DATASETS / "cs_satisfaction_uss" / "uss_mwoz.jsonl").open(encoding="utf-8") as handle:
        dialogues = [json.loads(line) for line in handle][:limit]
    agent_dimensions = ("ownership", "clarity", "politeness")
    gold: list[float] = []
    ours: list[float] = []
    per_dimension: dict[str, list[float]] = {d: [] for d in agent_dimensions}
    for dialogue in dialogues:
        previous = None
        values: dict[str, list[float]] = {d: [] for d in agent_dimensions}
        for turn in dialogue["turns"]:
            if turn["role"] == "USER":
                previous = turn["text"]
                continue
            assessment = score_reply(
                turn["text"], ReplyContext(customer_message=previous, channel="chat")
            )
            for d in agent_dimensions:
                values[d].append(assessment.dimensions[d].score or 0.0)
        gold.append(float(dialogue["overall_sat_mean"]))
        means = {d: float(np.mean(v)) if v else 0.0 for d, v in values.items()}
        for d in agent_dimensions:
            per_dimension[d].append(means[d])
        ours.append(float(np.mean(list(means.values()))))
    raters = [d["overall_sat"] for d in dialogues if len(d["overall_sat"]) >= 3]
    first = [r[0] for r in raters]
    rest = [float(np.mean(r[1:])) for r in raters]
    return {
        "n": len(dialogues),
        "spearman": bootstrap(spearman, ours, gold, rounds),
        "auc_dissatisfied_le_2_5": bootstrap(lambda s, g: auc(-s, g <= 2.5), ours, gold, rounds),
        "spearman_by_dimension": {
            d: bootstrap(spearman, values, gold, rounds) for d, values in per_dimension.items()
        },
        "human_ceiling_spearman_one_rater_vs_rest": round(spearman(first, rest), 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--limit", type=int, default=None, help="first N rows of each set (smoke test)"
    )
    parser.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples")
    parser.add_argument("--out", type=Path, default=None, help="also write the JSON here")
    args = parser.parse_args()
    if not DATASETS.exists():
        sys.exit(f"datasets not found at {DATASETS}")
    figures = {
        "command": " ".join(["python", "-m", "bench.text_quality", *sys.argv[1:]]),
        "politeness": politeness(args.limit, args.bootstrap),
        "empathy": empathy(args.limit, args.bootstrap),
        "language_quality": grammar(args.limit, args.bootstrap),
        "dialogue_satisfaction": dialogue_satisfaction(args.limit, args.bootstrap),
        "note": "value, 2.5 % and 97.5 % bootstrap bounds for each figure",
    }
    text = json.dumps(figures, indent=2)
    if args.out is not None:  # Harper can print diagnostics on stdout: a file stays clean
        args.out.write_text(text + "\n", encoding="utf-8")
    sys.stdout.write((text if args.json else str(figures)) + "\n")


if __name__ == "__main__":
    main()
