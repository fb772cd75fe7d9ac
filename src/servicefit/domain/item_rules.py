"""The rules every item must keep, whoever wrote it (built in or employer-authored)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from servicefit.domain.competencies import Framework
from servicefit.domain.items import (
    CalculationItem,
    ChatSimulationItem,
    Effect,
    InBasketItem,
    Item,
    ItemBank,
    KnowledgeItem,
    KnowledgeTopic,
    QuestionnaireItem,
    SituationalItem,
    WrittenItem,
)
from servicefit.domain.job_profiles import Channel

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class ItemProblem:
    item_id: str
    path: Path  # inside the item, e.g. ("options", 2, "effectiveness")
    message: str


def check_bank(
    bank: ItemBank, framework: Framework, *, only_owner: str | None = None
) -> list[ItemProblem]:
    """Every rule the bank breaks; with *only_owner*, only that organisation's items."""
    problems: list[ItemProblem] = []
    seen: set[str] = set()
    activities = {a.id for a in framework.work_activities}
    for item in bank.items:
        if only_owner is not None and item.owner != only_owner:
            seen.add(item.id)
            continue
        if item.id in seen:
            problems.append(ItemProblem(item.id, ("id",), "the same id is used by another item"))
        seen.add(item.id)
        problems.extend(_item_problems(item, bank, framework, activities))
    passage_ids = Counter(p.id for p in bank.passages)
    problems.extend(
        ItemProblem(pid, ("id",), "the same passage id is used twice")
        for pid, count in passage_ids.items()
        if count > 1
    )
    return problems


def _item_problems(
    item: Item, bank: ItemBank, framework: Framework, activities: set[str]
) -> Iterator[ItemProblem]:
    for index, competency_id in enumerate(item.competencies):
        if not framework.has_competency(competency_id):
            hint = framework.suggest(competency_id)
            extra = f"; did you mean {hint[0]!r}?" if hint else ""
            yield ItemProblem(
                item.id, ("competencies", index), f"unknown competency {competency_id!r}{extra}"
            )
    if len(set(item.competencies)) != len(item.competencies):
        yield ItemProblem(item.id, ("competencies",), "a competency is listed twice")
    if isinstance(item, SituationalItem):
        yield from _situational(item)
    elif isinstance(item, QuestionnaireItem):
        yield from _questionnaire(item, bank)
    elif isinstance(item, KnowledgeItem):
        yield from _knowledge(item, bank, activities)
    elif isinstance(item, CalculationItem) and item.activity not in activities:
        yield ItemProblem(item.id, ("activity",), f"unknown work activity {item.activity!r}")
    elif isinstance(item, WrittenItem):
        yield from _written(item)
    elif isinstance(item, ChatSimulationItem):
        yield from _chat(item)
    elif isinstance(item, InBasketItem):
        yield from _in_basket(item)


def _written(item: WrittenItem) -> Iterator[ItemProblem]:
    if item.channel not in (Channel.EMAIL, Channel.CHAT):
        yield ItemProblem(item.id, ("channel",), "a written sample is an e-mail or a chat")
    if not item.competencies:
        yield ItemProblem(item.id, ("competencies",), "name the competencies it measures")


def _unique(ids: list[str], item_id: str, path: Path) -> Iterator[ItemProblem]:
    for index, (choice, count) in enumerate(Counter(ids).items()):
        if count > 1:
            yield ItemProblem(item_id, (*path, index), f"id {choice!r} is used {count} times")


def _situational(item: SituationalItem) -> Iterator[ItemProblem]:
    if not 1 <= len(item.competencies) <= 2:
        yield ItemProblem(item.id, ("competencies",), "a scenario measures 1 or 2 competencies")
    yield from _unique([o.id for o in item.options], item.id, ("options",))
    ratings = [o.effectiveness for o in item.options]
    if max(ratings) < 4 or min(ratings) > 2:
        yield ItemProblem(
            item.id, ("options",), "needs an effective option (4-5) and an ineffective one (1-2)"
        )
    if ratings.count(max(ratings)) > 1:
        yield ItemProblem(item.id, ("options",), "two options share the highest rating")


def _questionnaire(item: QuestionnaireItem, bank: ItemBank) -> Iterator[ItemProblem]:
    if item.is_attention_check:
        if item.competencies:
            yield ItemProblem(item.id, ("competencies",), "an attention check measures nothing")
    elif len(item.competencies) != 1:
        yield ItemProblem(item.id, ("competencies",), "a statement measures exactly 1 competency")
    if item.similar_to is None:
        return
    try:
        twin = bank.item(item.similar_to)
    except KeyError:
        yield ItemProblem(item.id, ("similar_to",), f"no item {item.similar_to!r}")
        return
    if not isinstance(twin, QuestionnaireItem) or twin.competencies != item.competencies:
        yield ItemProblem(
            item.id, ("similar_to",), "the twin must be a statement of the same competency"
        )
    elif twin.keying is not item.keying:
        yield ItemProblem(item.id, ("similar_to",), "near synonyms must be keyed the same way")


def _knowledge(item: KnowledgeItem, bank: ItemBank, activities: set[str]) -> Iterator[ItemProblem]:
    if item.activity not in activities:
        yield ItemProblem(item.id, ("activity",), f"unknown work activity {item.activity!r}")
    yield from _unique([o.id for o in item.options], item.id, ("options",))
    if item.correct not in {o.id for o in item.options}:
        yield ItemProblem(item.id, ("correct",), f"{item.correct!r} is not one of the options")
    if item.topic is KnowledgeTopic.READING and item.passage is None:
        yield ItemProblem(item.id, ("passage",), "a reading question needs a passage")
    if item.passage is not None:
        try:
            bank.passage(item.passage)
        except KeyError:
            yield ItemProblem(item.id, ("passage",), f"no passage {item.passage!r}")


def _chat(item: ChatSimulationItem) -> Iterator[ItemProblem]:
    turn_ids = [t.id for t in item.turns]
    yield from _unique(turn_ids, item.id, ("turns",))
    targets = set(turn_ids) | set(item.endings)
    if set(turn_ids) & set(item.endings):
        yield ItemProblem(item.id, ("endings",), "an ending has the id of a turn")
    if item.start not in turn_ids:
        yield ItemProblem(item.id, ("start",), f"no turn {item.start!r}")
    for index, turn in enumerate(item.turns):
        yield from _unique([r.id for r in turn.replies], item.id, ("turns", index, "replies"))
        missing = [effect.value for effect in Effect if effect not in turn.next]
        if missing:
            yield ItemProblem(
                item.id, ("turns", index, "next"), f"no next step for {', '.join(missing)}"
            )
        for effect, target in turn.next.items():
            if target not in targets:
                yield ItemProblem(
                    item.id, ("turns", index, "next", effect.value), f"no turn or ending {target!r}"
                )
    reachable = _reachable(item)
    for index, turn_id in enumerate(turn_ids):
        if turn_id not in reachable:
            yield ItemProblem(item.id, ("turns", index), f"turn {turn_id!r} cannot be reached")
    if not reachable & set(item.endings):
        yield ItemProblem(item.id, ("endings",), "no ending can be reached")


def _reachable(item: ChatSimulationItem) -> set[str]:
    turns = {t.id: t for t in item.turns}
    seen: set[str] = set()
    todo = [item.start]
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        if node in turns:
            todo.extend(turns[node].next.values())
    return seen


def _in_basket(item: InBasketItem) -> Iterator[ItemProblem]:
    ids = [t.id for t in item.tickets]
    yield from _unique(ids, item.id, ("tickets",))
    if sorted(item.expert_order) != sorted(ids):
        yield ItemProblem(item.id, ("expert_order",), "must list every ticket exactly once")
    if not item.competencies:
        yield ItemProblem(item.id, ("competencies",), "name the competencies it measures")
