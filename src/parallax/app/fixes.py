"""Fixing an alignment by hand: the operations on beads (via ``parallax.core.corrections``) and
the rows they are shown as. No Textual here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from parallax.app.model import Lang, Row, counted
from parallax.core.document import PARAGRAPH_BREAK

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
    return apply_to_beads(operation, beads_of(rows), index, side, at)


def apply_to_beads(
    operation: str, beads: Sequence[Bead], index: int, side: Lang, at: int | None = None
) -> list[Bead]:
    """:func:`apply` on beads (the sentence view's)."""
    from parallax.core import corrections

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


def bead_of(beads: Sequence[Bead], side: Lang, unit: int) -> int:
    """The index of the bead holding ``unit`` of ``side`` (0 if none)."""
    for number, bead in enumerate(beads):
        if unit in (bead.zh if side == "zh" else bead.en):
            return number
    return 0


def unit_near(beads: Sequence[Bead], index: int, side: Lang) -> int:
    """A unit of ``side`` for a cursor arriving from bead ``index``: its first unit of that
    side, else the last one before it, else the first after it (0 if the side is empty)."""
    units = [bead.zh if side == "zh" else bead.en for bead in beads]
    if 0 <= index < len(units) and units[index]:
        return units[index][0]
    before = [u for cell in units[:index] for u in cell]
    after = [u for cell in units[index:] for u in cell]
    return before[-1] if before else (after[0] if after else 0)


def split_unit(units: Sequence[int], paragraphs: Sequence[str], start: int) -> int | None:
    """The unit of a cell (``units``, their texts ``paragraphs``) whose paragraph holds offset
    ``start``, unless it is the cell's first (a split there would unpair the row: the plain
    split does)."""
    unit = unit_at([len(p) for p in paragraphs], units, start)
    return None if unit is None or unit == units[0] else unit


def alignment_fact(rows: Sequence[Row], by_hand: bool) -> str:
    """The status line's fact about the rows: how many, fixed by hand, uncertain, confirmed."""
    low = sum(r.low for r in rows)
    confirmed = sum(r.confirmed for r in rows)
    how = ", fixed by hand" if by_hand else (f", {low} uncertain" if low else "")
    if confirmed:
        how += f", {confirmed} confirmed"
    return f"{counted(len(rows), 'row')}{how}"
