"""Filling a ``DataTable`` with its column widths given, not measured later.

Textual sizes auto-width columns when the table is idle, after rows were added; a frame painted
in between is cached with the header widths and stays cut (every cell truncated to its header)
until something else repaints the table, which a loaded machine shows now and then. Tables
that are filled whole (the manager's terms, the suggestions) give each column the width of its
widest cell instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable


def refill(
    table: DataTable[Text],
    columns: Sequence[tuple[str, str]],
    rows: Sequence[tuple[str, Sequence[Text]]],
    *,
    at_least: dict[str, int] | None = None,
) -> None:
    """Replace ``table``'s columns (``(key, label)``) and rows (``(key, cells)``), each column
    as wide as its widest cell or label (or ``at_least[key]``, for cells updated later)."""
    table.clear(columns=True)
    for index, (key, label) in enumerate(columns):
        widest = max([cell_len(label), *(cells[index].cell_len for _, cells in rows)])
        table.add_column(label, key=key, width=max(widest, (at_least or {}).get(key, 0)))
    for key, cells in rows:
        table.add_row(*cells, key=key)
