"""Merging imported terms into a glossary without discarding anything the user has."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from parallax.core.glossary.fileformat import Entry
from parallax.core.glossary.term import Term

# Fields an import never changes on a term that is already there.
_KEPT = ("id", "zh", "en", "status", "tags", "created", "updated")


@dataclass(frozen=True, slots=True)
class ImportCounts:
    """What an import did: terms added, existing terms completed, existing terms untouched."""

    new: int
    updated: int
    unchanged: int


def merge_into(old: Term, new: Term) -> Term:
    """``old`` with its empty fields filled from ``new`` and the tags of both (``old`` itself
    when nothing changes). Nothing ``old`` holds is ever replaced."""
    changes: dict[str, object] = {
        name: value
        for name, value in vars(new).items()
        if name not in _KEPT and value and not getattr(old, name)
    }
    extra = tuple(t for t in new.tags if t not in old.tags)
    if extra:
        changes["tags"] = old.tags + extra
    return old.with_changes(**changes) if changes else old


def merge_terms(entries: list[Entry], incoming: Sequence[Term]) -> ImportCounts:
    """Merge ``incoming`` into a glossary file's ``entries`` (in place): new ids are appended,
    terms already there are completed with :func:`merge_into`."""
    new = updated = unchanged = 0
    where = {e.id: i for i, e in enumerate(entries) if isinstance(e, Term)}
    existing = set(where)
    for term in incoming:
        if term.id not in where:
            where[term.id] = len(entries)
            entries.append(term)
            new += 1
            continue
        old = entries[where[term.id]]
        assert isinstance(old, Term)
        merged = merge_into(old, term)
        if merged is not old:
            entries[where[term.id]] = merged
        if term.id in existing:
            if merged is not old:
                updated += 1
            else:
                unchanged += 1
            existing.discard(term.id)  # a repeat in the same file counts once
        else:
            unchanged += 1
    return ImportCounts(new, updated, unchanged)
