"""Golden scoring cases: a fixed form, fixed answer sets, reviewed expected scores.

Regenerate the expectations with `python -m tests.golden.scoring_cases` only
after reviewing why a scoring change moved them; the diff of
scoring_cases.json is the review.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

from servicefit.domain.answers import Response
from servicefit.domain.attempt_scoring import score_attempt
from servicefit.domain.items import Item
from servicefit.domain.reply_rating import KeywordReplyRater
from servicefit.domain.simulation import extreme_answer, simulated_answer
from servicefit.services.items import packaged_bank

FORM = (
    "sjt-abusive-caller",
    "sjt-a-other-person-account",
    "sjt-a-cross-sell-price-sensitive",
    "q-tolerance-01",
    "q-tolerance-02",
    "q-tolerance-03",
    "q-tolerance-04",
    "k-read-returns-earphones",
    "k-read-returns-christmas",
    "calc-sale-discount",
    "w-energy-double-direct-debit",
    "chat-late-parcel",
    "inb-energy-monday",
    "typ-en-delivery-delay",
)
GOLDEN = Path(__file__).with_name("scoring_cases.json")


def form_items() -> list[Item]:
    bank = packaged_bank()
    return [bank.item(item_id) for item_id in FORM]


def answer_sets() -> dict[str, list[Response]]:
    items = form_items()
    rng = random.Random(20261122)
    return {
        "best": [
            Response(i.ref, extreme_answer(i, best=True, language="en"), i.seconds) for i in items
        ],
        "worst": [
            Response(i.ref, extreme_answer(i, best=False, language="en"), i.seconds) for i in items
        ],
        "simulated_theta_plus_1": [
            Response(i.ref, simulated_answer(i, 1.0, "en", rng), i.seconds) for i in items
        ],
    }


def compute() -> dict[str, Any]:
    items = {i.id: i for i in form_items()}
    cases: dict[str, Any] = {}
    for name, responses in answer_sets().items():
        score = score_attempt(
            items=items, responses=responses, language="en", rater=KeywordReplyRater()
        )
        cases[name] = {
            s.competency_id: {
                "theta": round(s.theta, 4),
                "se": round(s.se, 4),
                "level": s.level,
                "responses": s.responses,
                "provisional": s.provisional,
            }
            for s in score.competencies
        }
    return cases


if __name__ == "__main__":
    GOLDEN.write_text(json.dumps(compute(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {GOLDEN}\n")
