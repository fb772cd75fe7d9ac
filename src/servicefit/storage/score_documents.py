"""Attempt scores as a stored (and printable) document."""

from __future__ import annotations

from typing import Any

from servicefit.domain.attempt_scoring import AttemptScore


def score_to_document(score: AttemptScore) -> dict[str, Any]:
    return {
        "parameter_version": score.parameter_version,
        "provisional": score.provisional,
        "rater": score.rater,
        "competencies": [
            {
                "competency": c.competency_id,
                "theta": round(c.theta, 4),
                "se": round(c.se, 4),
                "level": c.level,
                "level_probabilities": [round(p, 4) for p in c.level_probabilities],
                "percentile": round(c.percentile.percentile, 1),
                "norm": c.percentile.label,
                "responses": c.responses,
                "provisional": c.provisional,
                "contributions": [
                    {
                        "instrument": k.instrument.value,
                        "responses": k.responses,
                        "theta": round(k.theta, 4),
                        "se": round(k.se, 4),
                        "information_share": round(k.information_share, 4),
                    }
                    for k in c.contributions
                ],
            }
            for c in score.competencies
        ],
        "flags": [
            {
                "kind": f.kind.value,
                "severity": f.severity.value,
                "detail": f.detail,
                "items": list(f.items),
            }
            for f in score.flags
        ],
        "qualifications": [
            {
                "type": v.requirement.type.value,
                "met": v.met,
                "knockout": v.requirement.knockout,
                "reason": v.reason,
            }
            for v in score.qualifications
        ],
    }
