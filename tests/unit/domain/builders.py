"""Small, hand-written frameworks for unit tests (not the packaged content)."""

from __future__ import annotations

from servicefit.domain.competencies import (
    Cluster,
    Competency,
    Framework,
    Indicator,
    IndicatorPolarity,
    LevelAnchor,
    ProficiencyLevel,
    Seed,
    SeedTerm,
    WorkActivity,
)
from servicefit.domain.language import LocalizedText


def text(value: str) -> LocalizedText:
    return LocalizedText(en=value, es=f"{value} (es)", pl=f"{value} (pl)")


def competency(
    competency_id: str,
    *,
    name: str | None = None,
    aliases: tuple[str, ...] = (),
    positives: int = 3,
    negatives: int = 2,
    seed: str = "000",
) -> Competency:
    indicators = [
        Indicator(f"{competency_id}.p{i}", IndicatorPolarity.POSITIVE, text(f"good {i}"))
        for i in range(1, positives + 1)
    ] + [
        Indicator(f"{competency_id}.n{i}", IndicatorPolarity.NEGATIVE, text(f"poor {i}"))
        for i in range(1, negatives + 1)
    ]
    shown = name or competency_id.replace("_", " ").capitalize()
    return Competency(
        id=competency_id,
        cluster_id="core",
        name=LocalizedText(en=shown, es=f"{shown} ES", pl=f"{shown} PL"),
        definition=text(f"definition of {competency_id}"),
        aliases={"en": aliases, "es": (), "pl": ()},
        indicators=tuple(indicators),
        levels=tuple(LevelAnchor(level, text(f"level {level}")) for level in range(1, 6)),
        onet=(),
        seed_terms=(SeedTerm(term=shown, seed_code=seed),),
    )


def framework(*competencies: Competency) -> Framework:
    return Framework(
        version="test",
        seeds=(Seed(code="000", file_name="000.txt", title="seed", language="en"),),
        levels=tuple(
            ProficiencyLevel(level, text(f"L{level}"), text(f"level {level}"))
            for level in range(1, 6)
        ),
        clusters=(Cluster(id="core", name=text("Core"), description=text("core")),),
        competencies=competencies,
        work_activities=(
            WorkActivity(
                id="act",
                name=text("an activity"),
                onet_element_ids=(),
                competency_ids=(),
                seed_code="000",
            ),
        ),
        qualification_types=(),
    )


def small_framework() -> Framework:
    return framework(
        competency("empathy"),
        competency("active_listening", aliases=("Listening",)),
        competency("tolerance", aliases=("Managing stress",)),
        competency("problem_solving", name="Problem-solving"),
    )
