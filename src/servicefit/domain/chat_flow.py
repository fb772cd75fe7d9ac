"""Where a chat simulation goes next, given how well each turn was answered."""

from __future__ import annotations

from collections.abc import Callable

from servicefit.domain.answers import ChatAnswer, ChatTurnAnswer
from servicefit.domain.items import ChatSimulationItem, ChatTurn, Effect

TurnLevel = Callable[[ChatTurn, ChatTurnAnswer], int]


def next_turn_id(item: ChatSimulationItem, turn: ChatTurn, level: int) -> str | None:
    """The next turn's id, or None when the conversation has ended."""
    following = turn.next.get(Effect.of(level))
    if following is None or following in item.endings:
        return None
    return following


def current_turn(
    item: ChatSimulationItem, answer: ChatAnswer | None, level_of: TurnLevel
) -> str | None:
    """The turn the candidate is on, replaying their answers; None when the chat has ended."""
    turn_id: str | None = item.start
    seen: set[str] = set()
    for turn_answer in answer.turns if answer else ():
        if turn_id is None or turn_answer.turn != turn_id or turn_id in seen:
            break
        seen.add(turn_id)
        turn = item.turn(turn_id)
        turn_id = next_turn_id(item, turn, level_of(turn, turn_answer))
    return None if turn_id in seen else turn_id


def reply_level(turn: ChatTurn, answer: ChatTurnAnswer) -> int | None:
    """The effectiveness of a chosen reply; None for the candidate's own text."""
    if answer.reply is None:
        return None
    for reply in turn.replies:
        if reply.id == answer.reply:
            return reply.effectiveness
    raise KeyError(f"turn {turn.id} has no reply {answer.reply!r}")
