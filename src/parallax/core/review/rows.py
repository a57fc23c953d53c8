"""The rows of the review file and the values they hold: memories and log entries checked
as they are read (anything out of range is a ValueError: the file is damaged)."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from parallax.core.review.memory import LogEntry, Memory, Phase, Rating

_PHASES = {int(p): p for p in Phase if p != Phase.NEW}
_PHASES_LOGGED = {int(p): p for p in Phase}
_RATINGS = {int(r): r for r in Rating}


def card_row(card: str, m: Memory) -> tuple[object, ...]:
    """The ``cards`` row of ``card`` with memory ``m``."""
    due, last = iso(m.due), iso(m.last_review)
    return (card, int(m.phase), m.step, m.stability, m.difficulty, due, last)


def log_row(e: LogEntry) -> tuple[object, ...]:
    """The ``log`` row of ``e``."""
    return (e.card, int(e.rating), iso(e.at), int(e.phase))


def memory(row: tuple[Any, ...]) -> Memory:
    """The memory of a ``cards`` row without its key."""
    phase, step, stability, difficulty, due, last = row
    if step is not None and (not isinstance(step, int) or step < 0):
        raise ValueError(f"learning step {step!r}")
    return Memory(
        _PHASES[phase], step, positive(stability), positive(difficulty), time(due), time(last)
    )


def entry(row: tuple[Any, ...]) -> LogEntry:
    """The log entry of a ``log`` row."""
    card, rating, at, phase = row
    if not isinstance(card, str) or "/" not in card:
        raise ValueError(f"card {card!r}")
    return LogEntry(card, _RATINGS[rating], time(at), _PHASES_LOGGED[phase])


def positive(value: object) -> float:
    """``value`` if it is a finite number above 0; else ValueError."""
    if not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
        raise ValueError(f"{value!r} is not a positive number")
    return float(value)


def time(value: object) -> dt.datetime:
    """A time read from the file, in UTC; ValueError unless it is ISO 8601 with a zone."""
    if not isinstance(value, str):
        raise ValueError(f"time {value!r}")
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is dt.UTC:
        return moment
    if moment.tzinfo is None:
        raise ValueError(f"time {value!r} has no time zone")
    return moment.astimezone(dt.UTC)


def iso(moment: dt.datetime) -> str:
    """A UTC time as fixed-width ISO 8601 text (so that text order is time order)."""
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")
