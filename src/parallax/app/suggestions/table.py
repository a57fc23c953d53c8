"""The suggestions table: one row per suggested pair (its mark, Chinese, English, count and
why it is suggested), plain text, keyed by the pair."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from parallax.app.suggestions.choices import Pair, pair_of
from parallax.app.widgets.sized_table import refill

if TYPE_CHECKING:
    from parallax.core.suggest import Suggestion

COLUMNS = (("", "mark"), ("Chinese", "zh"), ("English", "en"), ("count", "count"), ("why", "why"))


def key_of(pair: Pair) -> str:
    """The row key of a pair."""
    return "\t".join(pair)


MARK_WIDTH = max(cell_len(mark) for mark in ("+ added", "✓ known"))
"""The mark column's width: a row's mark changes after the table is filled."""


def mark_cell(mark: str) -> Text:
    """The mark column: "+ added" in green, "✓ known" dimmed."""
    return Text(mark, style="green" if mark.startswith("+") else "dim")


def cells(s: Suggestion, mark: str) -> tuple[Text, Text, Text, Text, Text]:
    """A row's cells (plain text, never markup)."""
    return (
        mark_cell(mark),
        Text(s.zh),
        Text(s.en),
        Text(str(s.count), justify="right"),
        Text(", ".join(s.reasons), style="dim"),
    )


class SuggestionTable(DataTable[Text]):
    """The suggestions listed, the cursor kept on its pair when they are listed again."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id)
        self.shown: dict[str, Suggestion] = {}

    def on_mount(self) -> None:
        """The columns."""
        for label, key in COLUMNS:
            self.add_column(label, key=key)

    def fill(self, rows: Sequence[tuple[Suggestion, str]], on: Pair | None = None) -> None:
        """List ``rows`` (each a suggestion and its mark), the cursor on pair ``on``, else on
        the same suggestion, else where it was."""
        current, row = self.current(), self.cursor_row
        on = on or (pair_of(current) if current else None)
        self.shown = {key_of(pair_of(s)): s for s, _mark in rows}
        filled = [(key_of(pair_of(s)), cells(s, mark)) for s, mark in rows]
        columns = [(key, label) for label, key in COLUMNS]
        refill(self, columns, filled, at_least={"mark": MARK_WIDTH})
        pairs = [pair_of(s) for s, _mark in rows]
        if on in pairs:
            row = pairs.index(on)
        if rows:
            self.move_cursor(row=max(0, min(row, len(rows) - 1)), animate=False)

    def current(self) -> Suggestion | None:
        """The suggestion under the cursor."""
        if not 0 <= self.cursor_row < self.row_count:
            return None
        key = self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key.value
        return self.shown.get(key or "")

    def mark(self, s: Suggestion, mark: str) -> None:
        """Show ``mark`` on the row of ``s`` (if listed)."""
        key = key_of(pair_of(s))
        if key in self.rows:
            self.update_cell(key, "mark", mark_cell(mark))

    def next_row(self) -> None:
        """The cursor on the next row (if any)."""
        if self.cursor_row < self.row_count - 1:
            self.move_cursor(row=self.cursor_row + 1, animate=False)
