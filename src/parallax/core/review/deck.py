"""A glossary's review state: each reviewed card's memory and the log of every grade, and
their JSON form (the review file, ``NAME.review.json``).

::

    {"format": "parallax-review", "version": 1,
     "cards": {"3f9c…/zh-en": {"phase": 1, "step": 1, "stability": 2.3, "difficulty": 5.1,
                               "due": "2026-11-23T08:10:00+00:00",
                               "last_review": "2026-11-23T08:00:00+00:00"}},
     "log": [{"card": "3f9c…/zh-en", "rating": 3, "at": "2026-11-23T08:00:00+00:00",
              "phase": 0}]}

Cards never reviewed are not in the file. Reading is strict: anything else is a
:class:`ReviewFileError` naming the file and the fault (the caller sets the file aside).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parallax.core.errors import ParallaxError
from parallax.core.review.memory import LogEntry, Memory, Phase, Rating

FORMAT = "parallax-review"
VERSION = 1


class ReviewFileError(ParallaxError):
    """A review file that cannot be read (one line naming the file and the fault)."""


class NewerReviewFileError(ReviewFileError):
    """A review file written by a newer parallax: refused, never set aside or overwritten."""


@dataclass(frozen=True)
class Deck:
    """The review state of one glossary: memories by card key, and the log (oldest first)."""

    memories: Mapping[str, Memory] = field(default_factory=dict)
    log: tuple[LogEntry, ...] = ()


EMPTY = Deck()


def dumps(deck: Deck) -> str:
    """The review file's text for ``deck``."""
    cards = {key: _memory_json(m) for key, m in sorted(deck.memories.items())}
    log = [
        {"card": e.card, "rating": int(e.rating), "at": e.at.isoformat(), "phase": int(e.phase)}
        for e in deck.log
    ]
    body = {"format": FORMAT, "version": VERSION, "cards": cards, "log": log}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n"


def _memory_json(m: Memory) -> dict[str, Any]:
    return {
        "phase": int(m.phase),
        "step": m.step,
        "stability": m.stability,
        "difficulty": m.difficulty,
        "due": m.due.isoformat(),
        "last_review": m.last_review.isoformat(),
    }


def loads(data: bytes, path: Path) -> Deck:
    """The deck in the review file ``path`` whose bytes are ``data``; ReviewFileError if they
    are not a review file this version can read."""
    try:
        body = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ReviewFileError(f"not UTF-8 (byte {error.start})", path=path) from None
    except json.JSONDecodeError as error:
        raise ReviewFileError(f"damaged ({error.msg})", path=path, line=error.lineno) from None
    except RecursionError:
        raise ReviewFileError("damaged (nested too deeply)", path=path) from None
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise ReviewFileError("not a parallax review file", path=path)
    version = body.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ReviewFileError(f"damaged (version {version!r})", path=path)
    if version > VERSION:
        raise NewerReviewFileError(
            f"written by a newer parallax (version {version}; this one reads {VERSION}): "
            "update parallax",
            path=path,
        )
    cards, log = body.get("cards"), body.get("log")
    if not isinstance(cards, dict) or not isinstance(log, list):
        raise ReviewFileError("damaged (no cards or no log)", path=path)
    try:
        memories = {str(key): _memory(value) for key, value in cards.items()}
        entries = tuple(sorted((_entry(item) for item in log), key=lambda e: e.at))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ReviewFileError(f"damaged ({type(error).__name__}: {error})", path=path) from None
    return Deck(memories, entries)


def _memory(value: dict[str, Any]) -> Memory:
    step = value["step"]
    if step is not None and (not isinstance(step, int) or step < 0):
        raise ValueError(f"step {step!r}")
    return Memory(
        Phase(value["phase"]),
        step,
        _positive(value["stability"]),
        _positive(value["difficulty"]),
        _time(value["due"]),
        _time(value["last_review"]),
    )


def _entry(value: dict[str, Any]) -> LogEntry:
    card = value["card"]
    if not isinstance(card, str) or "/" not in card:
        raise ValueError(f"card {card!r}")
    return LogEntry(card, Rating(value["rating"]), _time(value["at"]), Phase(value["phase"]))


def _positive(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{value!r} is not a number")
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{value!r} is not a positive number")
    return float(value)


def _time(value: object) -> dt.datetime:
    if not isinstance(value, str):
        raise ValueError(f"time {value!r}")
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"time {value!r} has no time zone")
    return moment.astimezone(dt.UTC)
