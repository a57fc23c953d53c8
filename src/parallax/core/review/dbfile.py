"""The SQLite review file itself: its schema, opening it, checking it is an intact parallax
review file, creating one, keeping a backup copy, and setting a damaged one aside."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from parallax.core.review import rows
from parallax.core.review.deck import Deck, NewerReviewFileError, ReviewFileError
from parallax.core.safefile import fsync_dir, rotate_backups

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
DAMAGE = (KeyError, sqlite3.DatabaseError, ReviewFileError, ValueError, TypeError, OverflowError)
"""What reading a damaged file raises (NewerReviewFileError and UnavailableError are caught
before these: neither is damage)."""
_UNAVAILABLE = frozenset(
    ["BUSY", "LOCKED", "CANTOPEN", "IOERR", "FULL", "READONLY", "PERM", "NOMEM", "AUTH"]
)


class UnavailableError(ReviewFileError):
    """The review file cannot be used now (held by another program, no permission, disk full,
    an input/output error): nothing is set aside, the user can retry."""


@contextlib.contextmanager
def available(path: Path) -> Iterator[None]:
    """Turn SQLite's errors that say nothing about the file's content (busy, locked, cannot
    open, I/O, full, read-only, permission) into :class:`UnavailableError`."""
    try:
        yield
    except sqlite3.Error as error:
        name = str(getattr(error, "sqlite_errorname", "") or "")
        if name.removeprefix("SQLITE_").split("_")[0] in _UNAVAILABLE:
            raise UnavailableError(f"cannot use the review file now ({error})", path=path) from None
        raise


WAIT = 30.0
"""Seconds to wait for another program's transaction before the file is unavailable."""
BACKED_UP: set[Path] = set()
"""Files copied to ``.backups/`` by this process already (once per session)."""


@contextlib.contextmanager
def connect(path: Path, timeout: float | None = None) -> Iterator[sqlite3.Connection]:
    """An open connection to the existing file ``path`` (never creates it), closed after;
    waiting at most ``timeout`` seconds (default :data:`WAIT`) for another program's
    transaction."""
    uri = f"{path.resolve().as_uri()}?mode=rw"
    wait = WAIT if timeout is None else timeout
    db = sqlite3.connect(uri, uri=True, timeout=wait, isolation_level=None)
    try:
        yield db
    finally:
        db.close()


def check(db: sqlite3.Connection, path: Path, *, thorough: bool = True) -> None:
    """ReviewFileError unless ``db`` is an intact parallax review file of a known version
    (with ``thorough``, every page checked: ``PRAGMA quick_check``)."""
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
    verdict = db.execute("PRAGMA quick_check").fetchone()[0] if thorough else "ok"
    if verdict != "ok":
        raise ReviewFileError(f"damaged ({verdict})", path=path)


def create(path: Path, deck: Deck) -> None:
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
            [rows.card_row(card, m) for card, m in deck.memories.items()],
        )
        db.executemany(
            "INSERT OR IGNORE INTO log VALUES (?, ?, ?, ?)",
            [rows.log_row(e) for e in deck.log],
        )
        db.execute("COMMIT")
    finally:
        db.close()
    os.replace(tmp, path)
    fsync_dir(path.parent)
    BACKED_UP.add(path)


def keep_backup(path: Path) -> None:
    """Copy the file as it is to ``.backups/NAME.1`` (older copies shift to ``.2``, ``.3``),
    once per process: a session's changes can be taken back whole."""
    rotate_backups(path, copy=True)  # a copy: SQLite changes the file in place
    BACKED_UP.add(path)


def set_aside_damaged(path: Path, error: BaseException) -> str:
    """Rename a damaged file (and its journal) out of the way; the line that tells it."""
    from parallax.core.damaged import set_aside

    journal = path.with_name(path.name + "-journal")
    kept = set_aside(path)
    if journal.exists():
        set_aside(journal)
    reason = error if isinstance(error, ReviewFileError) else f"{path}: damaged ({error})"
    where = f"set aside as {kept.name}" if kept is not None else "could not be set aside"
    return " ".join(f"{reason}; {where}, review state started afresh".split())
