"""Changes to a glossary made from the reader, as store operations run in a worker thread (no
Textual here). Each returns whether the file changed and a line to tell the user ("" for none).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from parallax.app.terms.draft import TermDraft, term_of

if TYPE_CHECKING:
    from parallax.core.glossary import GlossaryStore, Term

Outcome = tuple[bool, str]
StoreOp = Callable[["GlossaryStore"], Outcome]
"""A change of the glossary store: ``op(store) -> (changed, message)``."""


def add_draft(name: str, draft: TermDraft, term_id: str) -> StoreOp:
    """Add ``draft`` to glossary ``name`` as term ``term_id`` (readings computed here)."""

    def op(store: GlossaryStore) -> Outcome:
        from parallax.core.glossary import operations

        report = operations.add(store, name, term_of(draft, term_id))
        if report.action == "added":
            return True, f"{draft.zh or draft.en} → {name}"
        return report.action == "updated", report.message

    return op


def edit(name: str, old: Term, values: dict[str, str]) -> StoreOp:
    """Give term ``old`` of glossary ``name`` the edit dialog's ``values``."""

    def op(store: GlossaryStore) -> Outcome:
        from parallax.core.glossary import operations

        report = operations.edit_values(store, name, old, values)
        if report.action == "unchanged":
            return False, ""
        return True, f"{old.zh or old.en} edited in {name}"

    return op


def put(name: str, term: Term) -> StoreOp:
    """Put ``term`` back into glossary ``name`` as it was (replacing the term of its id, or
    added again when it was deleted)."""

    def op(store: GlossaryStore) -> Outcome:
        if any(t.id == term.id for t in store.load(name).terms):
            store.update(name, term)
        else:
            store.add(name, term)
        return True, ""

    return op


def remove(name: str, term_id: str) -> StoreOp:
    """Delete term ``term_id`` from glossary ``name`` (nothing to do if it is not there, e.g.
    the undo of an add that found the term there already)."""

    def op(store: GlossaryStore) -> Outcome:
        if not any(t.id == term_id for t in store.load(name).terms):
            return False, ""
        term = store.remove(name, term_id)
        return True, f"{term.zh or term.en} deleted from {name} (u brings it back)"

    return op
