"""Writing one grade (or its undo): the review file first, then the term's status in the
glossary when its memory stage changed. The review screen's save worker calls
:func:`save_change` and nothing else, one change at a time in the order of the keys."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from parallax.core.glossary.store import GlossaryStore
from parallax.core.glossary.term import Status
from parallax.core.review import sidecar
from parallax.core.review.deck import Deck
from parallax.core.review.sidecar import Graded


@dataclass(frozen=True)
class ReviewChange:
    """A grade to record (or, with ``undo``, to take back) in glossary ``glossary``'s review
    file; ``status``: the term id and the status to write, when it changes."""

    glossary: str
    review_path: Path
    graded: Graded
    base: Deck
    """The session's deck after this change: written if the file went missing or is damaged."""
    undo: bool = False
    status: tuple[str, Status] | None = None


def save_change(change: ReviewChange, store: GlossaryStore | None) -> str:
    """Write ``change`` (the status through ``store``, if given); a one-line problem to tell
    the user ("" if none: a damaged review file set aside)."""
    write = sidecar.unrecord if change.undo else sidecar.record
    problem = write(change.review_path, change.graded, change.base)
    if change.status is not None and store is not None:
        store.set_status(change.glossary, *change.status)
    return problem
