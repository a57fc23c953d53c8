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

import contextlib
import datetime as dt
import math
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parallax.core.glossary.dirs import SUFFIX, starter_path
from parallax.core.review.deck import Deck, NewerReviewFileError, ReviewFileError
from parallax.core.review.memory import LogEntry, Memory, Phase, Rating, replay
from parallax.core.safefile import backup_paths, locked

REVIEW_SUFFIX = ".review.sqlite"
APPLICATION_ID = 0x50524C58  # "PRLX": a parallax file, not any SQLite database
SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE cards (
    card TEXT PRIMARY KEY, phase INTEGER NOT NULL, step INTEGER, stability REAL NOT NULL,
    difficulty REAL NOT NULL, due TEXT NOT NULL, last_review TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE log (
    card TEXT NOT NULL, rating INTEGER NOT NULL, at TEXT NOT NULL, phase INTEGER NOT NULL,
    PRIMARY KEY (card, at)
) WITHOUT ROWID;
CREATE INDEX log_at ON log (at);
"""
_PHASES = {int(p): p for p in Phase if p != Phase.NEW}
_PHASES_LOGGED = {int(p): p for p in Phase}
_RATINGS = {int(r): r for r in Rating}
_DAMAGE = (KeyError, sqlite3.DatabaseError, ReviewFileError, ValueError, TypeError, OverflowError)
PEEK_WAIT = 0.2  # seconds a quick look waits for another program's transaction
_BACKED_UP: set[Path] = set()  # files copied to .backups/ by this process already


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
    ``problem``; NewerReviewFileError for a newer parallax's file."""
    if not path.exists():
        return Loaded(Deck(log_since=log_since))
    try:
        with _connect(path) as db:
            _check(db, path)
            return Loaded(_read(db, log_since))
    except NewerReviewFileError:
        raise
    except _DAMAGE as error:
        return Loaded(Deck(log_since=log_since), _set_aside(path, error))


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
    with _connect(path, timeout=PEEK_WAIT) as db:
        _check(db, path)
        rows = db.execute(
            "SELECT * FROM cards WHERE due <= ? ORDER BY due LIMIT ?", (_iso(now), limit)
        ).fetchall()
        keys = frozenset(row[0] for row in db.execute("SELECT card FROM cards"))
        count = db.execute(
            "SELECT count(*) FROM log WHERE phase = 0 AND at >= ? AND at < ?",
            (_iso(day[0]), _iso(day[1])),
        ).fetchone()[0]
    return Peek(tuple((row[0], _memory(row[1:])) for row in rows), keys, int(count))


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
    at = _iso(graded.entry.at)
    if db.execute("SELECT 1 FROM log WHERE card = ? AND at = ?", (graded.card, at)).fetchone():
        return
    e = graded.entry
    db.execute("INSERT INTO log VALUES (?, ?, ?, ?)", (e.card, int(e.rating), at, int(e.phase)))
    if _memory_of(db, graded.card) == graded.before:
        _put(db, graded.card, graded.after)
    else:
        _put(db, graded.card, replay(_log_of(db, graded.card)))


def _remove(db: sqlite3.Connection, graded: Graded) -> None:
    """Drop ``graded`` from the log and give its card the memory before it (replayed from the
    rest of its log when the card was graded elsewhere since)."""
    at = _iso(graded.entry.at)
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
        db.execute("INSERT OR REPLACE INTO cards VALUES (?, ?, ?, ?, ?, ?, ?)", _row(card, memory))


def _row(card: str, m: Memory) -> tuple[object, ...]:
    due, last = _iso(m.due), _iso(m.last_review)
    return (card, int(m.phase), m.step, m.stability, m.difficulty, due, last)


def _memory_of(db: sqlite3.Connection, card: str) -> Memory | None:
    row = db.execute("SELECT * FROM cards WHERE card = ?", (card,)).fetchone()
    return _memory(row[1:]) if row is not None else None


def _log_of(db: sqlite3.Connection, card: str) -> list[LogEntry]:
    rows = db.execute("SELECT * FROM log WHERE card = ? ORDER BY at", (card,)).fetchall()
    return [_entry(row) for row in rows]


# -------------------------------------------------------------------- reading
def _read(db: sqlite3.Connection, log_since: dt.datetime | None) -> Deck:
    memories = {row[0]: _memory(row[1:]) for row in db.execute("SELECT * FROM cards")}
    if log_since is None:
        rows = db.execute("SELECT * FROM log ORDER BY at").fetchall()
    else:
        since = (_iso(log_since),)
        rows = db.execute("SELECT * FROM log WHERE at >= ? ORDER BY at", since).fetchall()
    return Deck(memories, tuple(_entry(row) for row in rows), log_since)


def _memory(row: tuple[Any, ...]) -> Memory:
    phase, step, stability, difficulty, due, last = row
    if step is not None and (not isinstance(step, int) or step < 0):
        raise ValueError(f"learning step {step!r}")
    return Memory(
        _PHASES[phase], step, _positive(stability), _positive(difficulty), _time(due), _time(last)
    )


def _entry(row: tuple[Any, ...]) -> LogEntry:
    card, rating, at, phase = row
    if not isinstance(card, str) or "/" not in card:
        raise ValueError(f"card {card!r}")
    return LogEntry(card, _RATINGS[rating], _time(at), _PHASES_LOGGED[phase])


def _positive(value: object) -> float:
    if not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
        raise ValueError(f"{value!r} is not a positive number")
    return float(value)


def _time(value: object) -> dt.datetime:
    if not isinstance(value, str):
        raise ValueError(f"time {value!r}")
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is dt.UTC:
        return moment
    if moment.tzinfo is None:
        raise ValueError(f"time {value!r} has no time zone")
    return moment.astimezone(dt.UTC)


def _iso(moment: dt.datetime) -> str:
    """A UTC time as fixed-width ISO 8601 text (so that text order is time order)."""
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


# ------------------------------------------------------------------ the file
@contextlib.contextmanager
def _connect(path: Path, timeout: float = 30.0) -> Iterator[sqlite3.Connection]:
    """An open connection to the existing file ``path`` (never creates it), closed after;
    waiting at most ``timeout`` seconds for another program's transaction."""
    uri = f"{path.resolve().as_uri()}?mode=rw"
    db = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
    try:
        yield db
    finally:
        db.close()


def _check(db: sqlite3.Connection, path: Path) -> None:
    """ReviewFileError unless ``db`` is an intact parallax review file of a known version."""
    if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        raise ReviewFileError("not a parallax review file", path=path)
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NewerReviewFileError(
            f"written by a newer parallax (version {version}; this one reads "
            f"{SCHEMA_VERSION}): update parallax",
            path=path,
        )
    if version < 1:
        raise ReviewFileError(f"damaged (version {version})", path=path)
    verdict = db.execute("PRAGMA quick_check").fetchone()[0]
    if verdict != "ok":
        raise ReviewFileError(f"damaged ({verdict})", path=path)


def _transact(path: Path, change: Callable[[sqlite3.Connection], None], base: Deck) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path):
        problem = ""
        if path.exists():
            try:
                with _connect(path) as db:
                    _check(db, path)
            except NewerReviewFileError:
                raise
            except _DAMAGE as error:
                problem = _set_aside(path, error)
        if not path.exists():
            _create(path, base)
        elif path not in _BACKED_UP:
            _keep_backup(path)
        with _connect(path) as db:
            db.execute("PRAGMA synchronous = FULL")
            db.execute("BEGIN IMMEDIATE")
            try:
                change(db)
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        return problem


def _create(path: Path, deck: Deck) -> None:
    """Write a new review file holding ``deck`` (under a temporary name, then renamed)."""
    tmp = path.with_name(f".{path.name}.new")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    db = sqlite3.connect(tmp, isolation_level=None)
    try:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("PRAGMA synchronous = FULL")
        db.executescript(SCHEMA)
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?)",
            [_row(card, m) for card, m in deck.memories.items()],
        )
        db.executemany(
            "INSERT OR IGNORE INTO log VALUES (?, ?, ?, ?)",
            [(e.card, int(e.rating), _iso(e.at), int(e.phase)) for e in deck.log],
        )
        db.execute("COMMIT")
    finally:
        db.close()
    os.replace(tmp, path)
    _fsync_dir(path.parent)
    _BACKED_UP.add(path)


def _fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _keep_backup(path: Path) -> None:
    """Copy the file as it is to ``.backups/NAME.1`` (older copies shift to ``.2``, ``.3``),
    once per process: a session's changes can be taken back whole."""
    olds = backup_paths(path)
    olds[0].parent.mkdir(exist_ok=True)
    for newer, older in zip(reversed(olds[:-1]), reversed(olds[1:]), strict=True):
        if newer.exists():
            os.replace(newer, older)
    shutil.copy2(path, olds[0])
    _BACKED_UP.add(path)


def _set_aside(path: Path, error: BaseException) -> str:
    """Rename a damaged file (and its journal) out of the way; the line that tells it."""
    from parallax.core.resolve_alignment import set_aside

    journal = path.with_name(path.name + "-journal")
    kept = set_aside(path)
    if journal.exists():
        set_aside(journal)
    reason = error if isinstance(error, ReviewFileError) else f"{path}: damaged ({error})"
    where = f"set aside as {kept.name}" if kept is not None else "could not be set aside"
    return " ".join(f"{reason}; {where}, review state started afresh".split())
