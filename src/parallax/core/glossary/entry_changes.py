"""The changes a glossary store makes to a file's entries (its terms and problem rows, in file
order), as plain functions on the list read under the file's lock: each edits ``entries`` in
place and says what it did. :class:`parallax.core.glossary.store.GlossaryStore` runs them
inside :func:`parallax.core.glossary.editing.transact`.
"""

from __future__ import annotations

from collections.abc import Sequence

from parallax.core.glossary.fileformat import Entry
from parallax.core.glossary.term import Status, Term


def put_by_id(entries: list[Entry], terms: Sequence[Term]) -> None:
    """Each of ``terms`` replaces the row with its id, or is appended when there is none."""
    by_id = {t.id: t for t in terms}
    for i, entry in enumerate(entries):
        if isinstance(entry, Term) and entry.id in by_id:
            entries[i] = by_id.pop(entry.id)
    entries.extend(t for t in terms if t.id in by_id)


def set_status(entries: list[Entry], term_id: str, status: Status) -> bool:
    """Give the term ``term_id`` the status ``status`` (its ``updated`` moves); False when
    there is no such term or it has that status already."""
    for i, entry in enumerate(entries):
        if isinstance(entry, Term) and entry.id == term_id:
            if entry.status == status:
                return False
            entries[i] = entry.with_changes(status=status)
            return True
    return False


def keep_only(entries: list[Entry], terms: Sequence[Term], *, drop_problems: bool) -> None:
    """Make ``terms`` the file's terms: rows of other ids go, rows of these ids are replaced in
    place, new ones are appended; problem rows stay (comments always) unless
    ``drop_problems``."""
    wanted = {t.id: t for t in terms}
    kept: list[Entry] = []
    for entry in entries:
        if isinstance(entry, Term):
            if entry.id in wanted:
                kept.append(wanted.pop(entry.id))
        elif not drop_problems or entry.text.startswith("#"):
            kept.append(entry)
    kept.extend(t for t in terms if t.id in wanted)
    entries[:] = kept
