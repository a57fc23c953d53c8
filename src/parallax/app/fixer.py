"""Fixing the alignment from the reader: row operations on beads (via parallax.core.corrections)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from parallax.app.model import PARAGRAPH_BREAK, Lang, Row

if TYPE_CHECKING:  # importing parallax.core.align loads NumPy: only when fixing
    from parallax.core.align.bead import Bead

OPERATIONS = ("merge", "split", "push", "pull", "insert", "confirm")
DESCRIPTIONS = {
    "merge": "merge rows",
    "split": "split row",
    "push": "move paragraph down",
    "pull": "move paragraph up",
    "insert": "insert empty cell",
    "confirm": "confirm row",
}
"""What undoing each operation puts back (the undo list's wording)."""


def beads_of(rows: Sequence[Row]) -> list[Bead]:
    """The beads the rows show."""
    from parallax.core.align.bead import Bead

    return [Bead(r.zh, r.en, 0.0 if r.score is None else r.score, r.confirmed) for r in rows]


def unit_at(lengths: Sequence[int], units: Sequence[int], offset: int) -> int | None:
    """The unit of a cell holding ``offset``: the cell shows ``units`` (of these text
    ``lengths``) joined by :data:`PARAGRAPH_BREAK`; an offset on a break belongs to the unit
    after it. None for an empty cell."""
    end = 0
    for unit, length in zip(units, lengths, strict=True):
        end += length
        if offset < end:
            return unit
        end += len(PARAGRAPH_BREAK)
    return units[-1] if units else None


def apply(
    operation: str, rows: Sequence[Row], index: int, side: Lang, at: int | None = None
) -> list[Bead]:
    """The beads after ``operation`` on row ``index``: ``side`` is the column moved or split,
    ``at`` the unit of that side that starts the second part of a split (None: split apart)."""
    from parallax.core import corrections

    beads = beads_of(rows)
    if operation == "merge":
        return corrections.merge_with_next(beads, index)
    if operation == "split":
        return corrections.split(beads, index, side, at)
    if operation == "push":
        return corrections.push_down(beads, index, side)
    if operation == "pull":
        return corrections.move_up(beads, index, side)
    if operation == "insert":
        return corrections.insert_empty(beads, index, side)
    if operation == "confirm":
        return corrections.confirm(beads, index)
    raise ValueError(f"unknown alignment operation {operation!r} (one of {', '.join(OPERATIONS)})")
