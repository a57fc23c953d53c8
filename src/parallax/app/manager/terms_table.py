"""The manager's table of terms: the shown glossary's terms, one row each, plain text.

It owns the keys that act on the term under its cursor (``e``/``enter`` edit, ``d`` delete)
and on its order (``o`` sort, ``O`` reverse), and posts what was asked for; the screen decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import DataTable

from parallax.app import keys
from parallax.app.manager.state import cursor_row
from parallax.app.widgets.sized_table import refill
from parallax.core.glossary import Term

COLUMNS = (
    ("zh", "Chinese"),
    ("en", "English"),
    ("pinyin", "Pinyin"),
    ("status", "Status"),
    ("tags", "Tags"),
)
"""The columns: the Chinese and English first, so a narrow terminal shows both."""


def cell(text: str, limit: int = 60) -> Text:
    """A table cell: plain text (never markup), on one line."""
    flat = " ".join(text.split())
    return Text(flat if len(flat) <= limit else flat[: limit - 1] + "…", no_wrap=True)


class TermsTable(DataTable[Text]):
    """Terms in rows; asks for edits, deletes and another order with messages."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys.MANAGER_TABLE]

    @dataclass
    class EditAsked(Message):
        """Edit ``term`` (None: no term under the cursor)."""

        term: Term | None

    @dataclass
    class DeleteAsked(Message):
        """Delete ``term`` (None: no term under the cursor)."""

        term: Term | None

    @dataclass
    class OrderAsked(Message):
        """Sort by the next key, or (``reverse``) reverse the order."""

        reverse: bool

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.terms: list[Term] = []

    def on_mount(self) -> None:
        """The columns."""
        for key, label in COLUMNS:
            self.add_column(label, key=key)

    def show(self, terms: list[Term], *, same_glossary: bool) -> None:
        """Fill the rows with ``terms``, the cursor on the same term (else, in the same
        glossary, on the same row: the term after a deleted one)."""
        keep, row = self.current(), self.cursor_row
        self.terms = list(terms)
        rows = [
            (t.id, [cell(c) for c in (t.zh, t.en, t.pinyin, t.status, " ".join(t.tags))])
            for t in self.terms
        ]
        refill(self, COLUMNS, rows)
        ids = [t.id for t in self.terms]
        moved = cursor_row(ids, keep.id if keep else None, row, same_glossary)
        if moved is not None:
            self.move_cursor(row=moved)

    def current(self) -> Term | None:
        """The term under the cursor."""
        row = self.cursor_row
        if self.row_count == 0 or not 0 <= row < len(self.terms):
            return None
        return self.terms[row]

    def action_edit(self) -> None:
        """Edit the term under the cursor."""
        self.post_message(self.EditAsked(self.current()))

    def action_delete(self) -> None:
        """Delete the term under the cursor (u brings it back)."""
        self.post_message(self.DeleteAsked(self.current()))

    def action_sort(self) -> None:
        """Sort by the next column (Chinese, pinyin, English, status, created, updated, none)."""
        self.post_message(self.OrderAsked(reverse=False))

    def action_reverse(self) -> None:
        """Reverse the order."""
        self.post_message(self.OrderAsked(reverse=True))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row edits it."""
        event.stop()
        self.action_edit()
