"""Locked editing of one glossary file: read-merge-write with the inter-process lock.

Every change takes the lock, re-reads the file from disk (so changes made meanwhile by another
process or program are kept), applies the change to the file's entries, and replaces the file
atomically with rotating backups. Rows that could not be read are carried through verbatim.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from parallax.core.errors import ParallaxError
from parallax.core.glossary import fileformat
from parallax.core.glossary.fileformat import Entry, ParsedFile
from parallax.core.glossary.term import Term
from parallax.core.reading import InputError
from parallax.core.safefile import (
    Signature,
    atomic_write,
    locked,
    read_with_signature,
    remove_stale_temps,
    stat_matches,
)

Change = Callable[[list[Entry]], None]


class GlossaryError(ParallaxError):
    """A glossary operation failed; the message is one line naming the file and the fault."""


class GlossaryConflictError(GlossaryError):
    """The file changed on disk since it was loaded: reload it instead of overwriting."""


def read_file(path: Path) -> tuple[ParsedFile, Signature]:
    """The parsed content of glossary file ``path`` and its signature (for conflict checks);
    GlossaryError if it cannot be read (not a regular file, too large, not UTF-8)."""
    data, signature = _read(path)
    return fileformat.parse(_decode(path, data)), signature


def _read(path: Path) -> tuple[bytes, Signature]:
    try:
        return read_with_signature(path)
    except InputError as error:
        raise GlossaryError(error.problem, path=path) from None


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise GlossaryError(
            f"not UTF-8 (byte {error.start}); a parallax glossary is UTF-8 text", path=path
        ) from None


def transact(
    path: Path, change: Change, *, expect: Signature | None = None, skip_unchanged: bool = False
) -> None:
    """Locked read-merge-write of the glossary file ``path``: ``change`` edits its entries.

    GlossaryConflictError if ``expect`` is given and the file's signature differs from it.
    With ``skip_unchanged`` the file is left alone when ``change`` changed no entry.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path):
        remove_stale_temps(path)
        _transact_locked(path, change, expect=expect, skip_unchanged=skip_unchanged)


def _transact_locked(
    path: Path, change: Change, *, expect: Signature | None, skip_unchanged: bool
) -> None:
    """``transact`` once the lock is held."""
    for _attempt in range(5):
        parsed, signature = read_file(path)
        if expect is not None and signature != expect:
            raise GlossaryConflictError(
                f"{path}: changed on disk since it was loaded; reload it and retry"
            )
        if not parsed.header_ok:
            problem = parsed.problems[0]
            raise GlossaryError(f"{path}:{problem.line}: {problem.message}; fix the file")
        entries: list[Entry] = list(parsed.entries)
        change(entries)
        if skip_unchanged and path.exists() and tuple(entries) == parsed.entries:
            return
        text = fileformat.dump(entries)
        if _crlf(path):  # keep the line ending of a file saved on Windows
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        data = text.encode("utf-8")
        # Another program (an editor) may have written meanwhile, without our lock.
        if stat_matches(path, signature):
            atomic_write(path, data)
            return
    raise GlossaryError(f"{path}: keeps changing on disk; try again")  # pragma: no cover


def append_fast(path: Path, terms: Sequence[Term]) -> bool:
    """Append rows under the lock if the file has the standard header and none of the ids.

    Returns False (nothing written) otherwise; the caller then does a full ``transact``.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path):
        remove_stale_temps(path)
        return _append_locked(path, terms)


def add_one(
    path: Path,
    term: Term,
    same: Callable[[str], Term | None],
    merge: Callable[[Term], Term],
) -> tuple[Term, str]:
    """Add ``term`` under the lock, or merge it into the row ``same(text)`` finds in the file.

    Returns the row as saved and what happened: ``"added"``, ``"updated"`` (``merge(row)``
    changed the row) or ``"unchanged"`` (nothing written). A term with the same id is replaced.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path):
        remove_stale_temps(path)
        data, signature = _read(path)
        text = _decode(path, data)
        found = same(text) if text else None
        if found is not None:
            merged = merge(found)
            if merged is found:
                return found, "unchanged"
            _transact_locked(path, _replacing(merged), expect=None, skip_unchanged=False)
            return merged, "updated"
        if _append_locked(path, [term], read=(text, signature)):
            return term, "added"
        _transact_locked(path, _replacing(term), expect=None, skip_unchanged=False)
        return term, "added"


def _replacing(term: Term) -> Change:
    """A change that puts ``term`` in place of the row with its id (appended if none)."""

    def change(entries: list[Entry]) -> None:
        for i, entry in enumerate(entries):
            if isinstance(entry, Term) and entry.id == term.id:
                entries[i] = term
                return
        entries.append(term)

    return change


def create(path: Path) -> Path:
    """Create the glossary file ``path`` with the header row only (atomically, under the lock);
    GlossaryError if it exists already."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path):
        remove_stale_temps(path)
        if path.exists():
            raise GlossaryError(f"{path}: a glossary with this name exists already")
        atomic_write(path, (fileformat.HEADER_LINE + "\n").encode("utf-8"))
    return path


def _crlf(path: Path) -> bool:
    """True if the first line of the file at ``path`` ends in CRLF."""
    try:
        with open(path, "rb") as handle:
            return handle.readline().endswith(b"\r\n")
    except FileNotFoundError:
        return False


def _append_locked(
    path: Path, terms: Sequence[Term], read: tuple[str, Signature] | None = None
) -> bool:
    """``append_fast`` once the lock is held (``read``: the file's text and signature)."""
    if read is None:
        data, signature = _read(path)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return False
    else:
        text, signature = read
    ids = fileformat.row_ids(text) if text else set()
    if ids is None or any(t.id in ids for t in terms):
        return False
    head = text if text else fileformat.HEADER_LINE + "\n"
    # Keep the file's line ending (a file saved by hand on Windows ends its lines in CRLF).
    newline = "\r\n" if head.split("\n", 1)[0].endswith("\r") else "\n"
    if not head.endswith("\n"):
        head += newline
    rows = "".join(fileformat.format_row(t) + newline for t in terms)
    if not stat_matches(path, signature):
        return False
    atomic_write(path, (head + rows).encode("utf-8"))
    return True


def index_of(path: Path, entries: Sequence[Entry], term_id: str) -> int:
    """The index of the term whose id is ``term_id`` (or a unique prefix of it)."""
    hits = [i for i, e in enumerate(entries) if isinstance(e, Term) and e.id.startswith(term_id)]
    exact = [i for i in hits if entries[i].id == term_id]  # type: ignore[union-attr]
    if exact:
        return exact[0]
    if len(hits) != 1:
        fault = "no term" if not hits else f"{len(hits)} terms"
        raise GlossaryError(f"{path}: {fault} with id {term_id!r}")
    return hits[0]
