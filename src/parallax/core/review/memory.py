"""A card's memory state and its scheduling, through the ``fsrs`` package (FSRS-6, the
scheduler modern Anki uses): we keep its state, we do not schedule ourselves.

:class:`Memory` mirrors ``fsrs.Card`` (state, learning step, stability, difficulty, due, last
review) as a frozen value; :func:`review` grades a card and returns its new memory and the
log entry; :func:`replay` rebuilds a memory from a card's log (when two programs graded the
same card, both grades count). Times are timezone-aware UTC ``datetime``s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from functools import cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import fsrs

Stage = Literal["new", "learning", "known"]
KNOWN_DAYS = 21.0
"""A card is known once it is in review with a stability of at least this many days (what
Anki calls a mature card)."""


class Rating(IntEnum):
    """The four grades, on keys ``1``–``4``."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


class Phase(IntEnum):
    """Where a card stands (``fsrs.State``, plus ``NEW`` for a card never reviewed)."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


@dataclass(frozen=True, slots=True)
class Memory:
    """What FSRS knows about one reviewed card."""

    phase: Phase
    step: int | None
    stability: float
    difficulty: float
    due: dt.datetime
    last_review: dt.datetime

    @property
    def stage(self) -> Stage:
        """``known`` for a card in review with a long stability, else ``learning``."""
        if self.phase == Phase.REVIEW and self.stability >= KNOWN_DAYS:
            return "known"
        return "learning"


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One grade: the card's key, the rating, when (UTC), and the card's phase before it."""

    card: str
    rating: Rating
    at: dt.datetime
    phase: Phase


@cache
def _scheduler() -> fsrs.Scheduler:
    import fsrs

    return fsrs.Scheduler()


def review(
    card: str, memory: Memory | None, rating: Rating, now: dt.datetime
) -> tuple[Memory, LogEntry]:
    """Grade ``card`` (memory ``None``: never reviewed) with ``rating`` at ``now``: its new
    memory and the log entry."""
    import fsrs

    before = _to_fsrs(memory, now)
    after, _log = _scheduler().review_card(before, fsrs.Rating(int(rating)), _utc(now))
    phase = memory.phase if memory is not None else Phase.NEW
    return _from_fsrs(after), LogEntry(card, rating, _utc(now), phase)


def preview(memory: Memory | None, now: dt.datetime) -> dict[Rating, dt.timedelta]:
    """How long until the card comes back after each rating (for the grade buttons)."""
    return {rating: review("", memory, rating, now)[0].due - _utc(now) for rating in Rating}


def replay(entries: Iterable[LogEntry]) -> Memory | None:
    """The memory a card has after the grades of ``entries`` (any order); None without any."""
    memory = None
    for entry in sorted(entries, key=lambda e: e.at):
        memory, _ = review(entry.card, memory, entry.rating, entry.at)
    return memory


def stage_of(memories: Iterable[Memory | None]) -> Stage:
    """A term's stage from its cards' memories: ``new`` until one is reviewed, ``known`` when
    every card is known, else ``learning``."""
    stages = [m.stage if m is not None else "new" for m in memories]
    if not stages or all(s == "new" for s in stages):
        return "new"
    return "known" if all(s == "known" for s in stages) else "learning"


def _to_fsrs(memory: Memory | None, now: dt.datetime) -> fsrs.Card:
    import fsrs

    if memory is None:  # card_id given: without it fsrs sleeps 1 ms to make one unique
        return fsrs.Card(card_id=1, due=_utc(now))
    return fsrs.Card(
        card_id=1,
        state=fsrs.State(int(memory.phase)),
        step=memory.step,
        stability=memory.stability,
        difficulty=memory.difficulty,
        due=memory.due,
        last_review=memory.last_review,
    )


def _from_fsrs(card: fsrs.Card) -> Memory:
    assert card.stability is not None and card.difficulty is not None
    assert card.last_review is not None
    return Memory(
        Phase(int(card.state)),
        card.step,
        float(card.stability),
        float(card.difficulty),
        card.due,
        card.last_review,
    )


def _utc(moment: dt.datetime) -> dt.datetime:
    """``moment`` in UTC (a naive time is taken as UTC); fsrs insists on ``timezone.utc``."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)
