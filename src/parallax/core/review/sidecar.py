"""The review file beside a glossary, ``NAME.review.sqlite``: read once, changed one grade at
a time with the same rules as glossary saves.

An SQLite file so that a grade is one small transaction, however long the history: the
``cards`` table holds each reviewed card's memory, the ``log`` table every grade. Every change
takes the inter-process lock, applies the grade (or takes it back) to what is in the file now,
inside one transaction (atomic, journalled, fsynced), and keeps a copy of the file as it was
before a session's first change in ``.backups/``. So two programs reviewing the same glossary
both keep their grades: the log holds both, and a card graded by both is replayed from its log.
A damaged file is never reset in silence: it is set aside (renamed ``….damaged``, kept) and
named in a one-line ``problem``; a file from a newer parallax is refused.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from parallax.core.glossary.dirs import SUFFIX, starter_path
from parallax.core.review import dbfile, rows
from parallax.core.review.dbfile import DAMAGE, UnavailableError, available, connect
from parallax.core.review.deck import Deck, NewerReviewFileError
from parallax.core.review.memory import LogEntry, Memory, replay
from parallax.core.safefile import locked

REVIEW_SUFFIX = ".review.sqlite"
PEEK_WAIT = 0.2  # seconds a quick look waits for another program's transaction


def review_path(glossary_path: Path) -> Path:
    """Where the review state of the glossary at ``glossary_path`` lives: beside it as
    ``NAME.review.sqlite``; for the packaged (read-only) starter, in the user's data
    directory."""
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


def load(path: Path, *, log_since: dt.datetime | None = None) -> Loaded:
    """Every memory in the review file ``path`` and its grades from ``log_since`` on (all
    when None); an empty deck if there is no file yet. A damaged file is set aside and named in
    ``problem``; NewerReviewFileError for a newer parallax's file, UnavailableError when it
    cannot be used now (held by another program, no permission)."""
    if not path.exists():
        return Loaded(Deck(log_since=log_since))
    try:
        with available(path), connect(path) as db:
            dbfile.check(db, path)
            return Loaded(_read(db, log_since))
    except (NewerReviewFileError, UnavailableError):
        raise
    except DAMAGE as error:
        return Loaded(Deck(log_since=log_since), dbfile.set_aside_damaged(path, error))


@dataclass(frozen=True)
class Peek:
    """A quick look into a review file: the first cards due, every reviewed card's key, and
    how many new cards were introduced in a time range."""

    due: tuple[tuple[str, Memory], ...]
    reviewed: frozenset[str]
    introduced: int


def peek(path: Path, now: dt.datetime, day: tuple[dt.datetime, dt.datetime], limit: int) -> Peek:
    """The first ``limit`` cards due at ``now`` (earliest first), the reviewed cards' keys and
    the new cards introduced within ``day`` — without reading every memory. Any error is
    raised (the caller then reads the file in full, which treats damage)."""
    if not path.exists():
        return Peek((), frozenset(), 0)
    with available(path), connect(path, timeout=PEEK_WAIT) as db:
        dbfile.check(db, path, thorough=False)  # the full read checks every page
        due = db.execute(
            "SELECT * FROM cards WHERE due <= ? ORDER BY due LIMIT ?", (rows.iso(now), limit)
        ).fetchall()
        keys = frozenset(row[0] for row in db.execute("SELECT card FROM cards"))
        count = db.execute(
            "SELECT count(*) FROM log WHERE phase = 0 AND at >= ? AND at < ?",
            (rows.iso(day[0]), rows.iso(day[1])),
        ).fetchone()[0]
    return Peek(tuple((row[0], rows.memory(row[1:])) for row in due), keys, int(count))


def record(path: Path, graded: Graded, base: Deck) -> str:
    """Add ``graded`` to the review file; a one-line problem ("" if none). ``base`` (the
    caller's deck) is written afresh when the file is missing or was damaged."""
    return _transact(path, lambda db: _add(db, graded), base)


def unrecord(path: Path, graded: Graded, base: Deck) -> str:
    """Take ``graded`` back out of the review file (undo); a one-line problem ("" if none)."""
    return _transact(path, lambda db: _remove(db, graded), base)


# --------------------------------------------------------------------- changes
def _add(db: sqlite3.Connection, graded: Graded) -> None:
    """Log ``graded`` and give its card the memory after it (replayed from the log when the
    card was graded elsewhere meanwhile)."""
    at = rows.iso(graded.entry.at)
    if db.execute("SELECT 1 FROM log WHERE card = ? AND at = ?", (graded.card, at)).fetchone():
        return
    e = graded.entry
    db.execute("INSERT INTO log VALUES (?, ?, ?, ?)", rows.log_row(e))
    if _memory_of(db, graded.card) == graded.before:
        _put(db, graded.card, graded.after)
    else:
        _put(db, graded.card, replay(_log_of(db, graded.card)))


def _remove(db: sqlite3.Connection, graded: Graded) -> None:
    """Drop ``graded`` from the log and give its card the memory before it (replayed from the
    rest of its log when the card was graded elsewhere since)."""
    at = rows.iso(graded.entry.at)
    if not db.execute("DELETE FROM log WHERE card = ? AND at = ?", (graded.card, at)).rowcount:
        return
    if _memory_of(db, graded.card) == graded.after:
        _put(db, graded.card, graded.before)
    else:
        _put(db, graded.card, replay(_log_of(db, graded.card)))


def _put(db: sqlite3.Connection, card: str, memory: Memory | None) -> None:
    if memory is None:
        db.execute("DELETE FROM cards WHERE card = ?", (card,))
    else:
        db.execute(
            "INSERT OR REPLACE INTO cards VALUES (?, ?, ?, ?, ?, ?, ?)", rows.card_row(card, memory)
        )


def _memory_of(db: sqlite3.Connection, card: str) -> Memory | None:
    row = db.execute("SELECT * FROM cards WHERE card = ?", (card,)).fetchone()
    return rows.memory(row[1:]) if row is not None else None


def _log_of(db: sqlite3.Connection, card: str) -> list[LogEntry]:
    found = db.execute("SELECT * FROM log WHERE card = ? ORDER BY at", (card,)).fetchall()
    return [rows.entry(row) for row in found]


# -------------------------------------------------------------------- reading
def _read(db: sqlite3.Connection, log_since: dt.datetime | None) -> Deck:
    memories = {row[0]: rows.memory(row[1:]) for row in db.execute("SELECT * FROM cards")}
    if log_since is None:
        log = db.execute("SELECT * FROM log ORDER BY at").fetchall()
    else:
        since = (rows.iso(log_since),)
        log = db.execute("SELECT * FROM log WHERE at >= ? ORDER BY at", since).fetchall()
    return Deck(memories, tuple(rows.entry(row) for row in log), log_since)


# ------------------------------------------------------------------ writing
def _transact(path: Path, change: Callable[[sqlite3.Connection], None], base: Deck) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path):
        problem = ""
        if path.exists():
            try:
                with available(path), connect(path) as db:
                    dbfile.check(db, path)
            except (NewerReviewFileError, UnavailableError):
                raise
            except DAMAGE as error:
                problem = dbfile.set_aside_damaged(path, error)
        if not path.exists():
            with available(path):
                dbfile.create(path, base)
        elif path not in dbfile.BACKED_UP:
            dbfile.keep_backup(path)
        with available(path), connect(path) as db:
            db.execute("PRAGMA synchronous = FULL")
            db.execute("BEGIN IMMEDIATE")
            try:
                change(db)
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        return problem
