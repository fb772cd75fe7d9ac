"""Attempt scores as a stored (and printable) document."""

from __future__ import annotations

from typing import Any

from servicefit.domain.attempt_scoring import AttemptScore
from servicefit.domain.competency_scores import CompetencyScore, Contribution, NormResult
from servicefit.domain.items import Instrument
from servicefit.domain.job_profiles import JobProfile, QualificationVerdict


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


def competency_scores_from_document(document: dict[str, Any]) -> list[CompetencyScore]:
    """The stored estimates (without their item-level evidence, which is not stored)."""
    return [
        CompetencyScore(
            competency_id=c["competency"],
            theta=float(c["theta"]),
            se=float(c["se"]),
            level=int(c["level"]),
            level_probabilities=tuple(float(p) for p in c["level_probabilities"]),
            percentile=NormResult(float(c["percentile"]), str(c["norm"]), provisional=True),
            responses=int(c["responses"]),
            provisional=bool(c["provisional"]),
            parameter_version=str(document["parameter_version"]),
            contributions=tuple(
                Contribution(
                    Instrument(k["instrument"]),
                    int(k["responses"]),
                    float(k["theta"]),
                    float(k["se"]),
                    float(k["information_share"]),
                )
                for k in c["contributions"]
            ),
            evidence=(),
        )
        for c in document["competencies"]
    ]


def verdicts_from_document(
    document: dict[str, Any], profile: JobProfile
) -> list[QualificationVerdict]:
    """The stored qualification verdicts, matched to the profile's requirements by type."""
    stored = {v["type"]: v for v in document.get("qualifications", [])}
    verdicts = []
    for requirement in profile.qualifications:
        found = stored.get(requirement.type.value)
        if found is not None:
            verdicts.append(QualificationVerdict(requirement, bool(found["met"]), found["reason"]))
    return verdicts
