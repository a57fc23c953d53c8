"""The review file beside a glossary, ``NAME.review.json``: read once, changed one grade at a
time with the same rules as glossary saves.

Every change takes the inter-process lock, reads the file again, applies the grade (or takes
it back) to what is on disk, and replaces the file atomically keeping backups
(``core.safefile``). So two programs reviewing the same glossary both keep their grades: the
log holds both, and a card graded by both is replayed from its log. A damaged file is never
reset in silence: it is set aside (renamed ``….damaged``, kept) and named in a one-line
``problem``; a file from a newer parallax is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from parallax.core.glossary.dirs import SUFFIX, starter_path
from parallax.core.review.deck import (
    EMPTY,
    Deck,
    NewerReviewFileError,
    ReviewFileError,
    dumps,
    loads,
)
from parallax.core.review.memory import LogEntry, Memory, replay
from parallax.core.safefile import atomic_write, locked, read_with_signature, remove_stale_temps

REVIEW_SUFFIX = ".review.json"


def review_path(glossary_path: Path) -> Path:
    """Where the review state of the glossary at ``glossary_path`` lives: beside it as
    ``NAME.review.json``; for the packaged (read-only) starter, in the user's data directory."""
    name = glossary_path.name.removesuffix(SUFFIX)
    if glossary_path == starter_path():
        from parallax.core.paths import data_dir

        return data_dir() / "review" / f"{name}{REVIEW_SUFFIX}"
    return glossary_path.with_name(f"{name}{REVIEW_SUFFIX}")


@dataclass(frozen=True)
class Loaded:
    """A review file's deck, and a one-line problem ("" if none: a damaged file set aside)."""

    deck: Deck
    problem: str = ""


@dataclass(frozen=True)
class Graded:
    """One grade as the review file records it: the card's memory before and after."""

    card: str
    before: Memory | None
    after: Memory
    entry: LogEntry


def load(path: Path) -> Loaded:
    """The deck in the review file ``path`` (empty if there is none yet). A damaged file is set
    aside and named in ``problem``; NewerReviewFileError for a newer parallax's file."""
    data, _signature = read_with_signature(path)
    if not data and not path.exists():
        return Loaded(EMPTY)
    return _parse(data, path, EMPTY)


def _parse(data: bytes, path: Path, fallback: Deck) -> Loaded:
    try:
        return Loaded(loads(data, path))
    except NewerReviewFileError:
        raise
    except ReviewFileError as error:
        from parallax.core.resolve_alignment import set_aside

        kept = set_aside(path)
        where = f"set aside as {kept.name}" if kept is not None else "could not be set aside"
        return Loaded(fallback, f"{error}; {where}, review state started afresh")


def record(path: Path, graded: Graded, base: Deck) -> Loaded:
    """Add ``graded`` to the review file; the deck now on disk. ``base`` (the caller's deck)
    is used when the file is missing or damaged."""
    return _transact(path, lambda deck: with_grade(deck, graded), base)


def unrecord(path: Path, graded: Graded, base: Deck) -> Loaded:
    """Take ``graded`` back out of the review file (undo); the deck now on disk."""
    return _transact(path, lambda deck: without_grade(deck, graded), base)


def with_grade(deck: Deck, graded: Graded) -> Deck:
    """``deck`` with ``graded`` logged and the card's memory after it (replayed from the log
    when the card was graded elsewhere meanwhile)."""
    if graded.entry in deck.log:
        return deck
    log = tuple(sorted((*deck.log, graded.entry), key=lambda e: e.at))
    memories = dict(deck.memories)
    if deck.memories.get(graded.card) == graded.before:
        memories[graded.card] = graded.after
    else:
        _set(memories, graded.card, replay(e for e in log if e.card == graded.card))
    return Deck(memories, log)


def without_grade(deck: Deck, graded: Graded) -> Deck:
    """``deck`` without ``graded``: the card's memory before it (replayed from the rest of its
    log when the card was graded elsewhere since)."""
    if graded.entry not in deck.log:
        return deck
    log = tuple(e for e in deck.log if e != graded.entry)
    memories = dict(deck.memories)
    if deck.memories.get(graded.card) == graded.after:
        _set(memories, graded.card, graded.before)
    else:
        _set(memories, graded.card, replay(e for e in log if e.card == graded.card))
    return Deck(memories, log)


def _set(memories: dict[str, Memory], card: str, memory: Memory | None) -> None:
    if memory is None:
        memories.pop(card, None)
    else:
        memories[card] = memory


def _transact(path: Path, change: Callable[[Deck], Deck], base: Deck) -> Loaded:
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path):
        remove_stale_temps(path)
        data, _signature = read_with_signature(path)
        loaded = _parse(data, path, base) if data or path.exists() else Loaded(base)
        deck = change(loaded.deck)
        if deck is not loaded.deck or loaded.problem or not path.exists():
            atomic_write(path, dumps(deck).encode("utf-8"))
        return Loaded(deck, loaded.problem)
