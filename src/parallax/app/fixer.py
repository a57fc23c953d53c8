"""Fixing the alignment from the reader: row operations on beads (via parallax.core.corrections)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from parallax.app.model import Lang, Row

if TYPE_CHECKING:  # importing parallax.core.align loads NumPy: only when fixing
    from parallax.core.align.bead import Bead

OPERATIONS = ("merge", "split", "push", "pull", "confirm")


def beads_of(rows: Sequence[Row]) -> list[Bead]:
    """The beads the rows show."""
    from parallax.core.align.bead import Bead

    return [Bead(r.zh, r.en, 0.0 if r.score is None else r.score) for r in rows]


def apply(operation: str, rows: Sequence[Row], index: int, side: Lang) -> list[Bead]:
    """The beads after ``operation`` on row ``index`` (``side``: the column pushed or pulled)."""
    from parallax.core import corrections

    beads = beads_of(rows)
    if operation == "merge":
        return corrections.merge_with_next(beads, index)
    if operation == "split":
        return corrections.split(beads, index)
    if operation == "push":
        return corrections.push_down(beads, index, side)
    if operation == "pull":
        return corrections.pull_up(beads, index, side)
    if operation == "confirm":
        return corrections.confirm(beads, index)
    raise ValueError(f"unknown alignment operation {operation!r} (one of {', '.join(OPERATIONS)})")
