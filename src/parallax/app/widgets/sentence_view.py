"""The sentence view's rows: one row per sentence bead of a pair (as the parallel view shows
one per paragraph bead), each sentence on a line of its own; the cursor is on one sentence of
one side, lit, and its row shows the sentences it is aligned with."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip

from parallax.app.fixes import bead_of, unit_near
from parallax.app.highlight import SELECTED_STYLE, styled
from parallax.app.model import Lang, Row
from parallax.app.widgets.painter import Painter
from parallax.app.widgets.row_canvas import RowCanvas

if TYPE_CHECKING:
    from parallax.core.align.bead import Bead

SENTENCE_BREAK = "\n"


def sentence_rows(zh: Sequence[str], en: Sequence[str], beads: Sequence[Bead]) -> list[Row]:
    """One row per bead: its sentences (as shown) one per line, its score and confirmation."""
    return [
        Row(
            tuple(b.zh),
            tuple(b.en),
            SENTENCE_BREAK.join(zh[i] for i in b.zh),
            SENTENCE_BREAK.join(en[i] for i in b.en),
            b.score,
            confirmed=b.confirmed,
        )
        for b in beads
    ]


class SentenceView(RowCanvas, can_focus=True, inherit_bindings=False):
    """A pair's sentences, bead by bead; up and down move by sentence on the cursor's side."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Next sentence", id="sentence-next"),
        Binding("up,k", "move(-1)", "Previous sentence", id="sentence-previous"),
        Binding("tab", "other_side", "Other language", show=False, id="sentence-side"),
    ]

    class Moved(Message):
        """The cursor moved to sentence ``current`` of ``side`` (in bead ``bead``)."""

        def __init__(self, side: Lang, current: int, bead: int) -> None:
            super().__init__()
            self.side, self.current, self.bead = side, current, bead

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__([], id=id)
        self.zh: list[str] = []  # the sentences as shown
        self.en: list[str] = []
        self.beads: list[Bead] = []
        self.side: Lang = "zh"  # the cursor's column
        self.current = 0  # the cursor's sentence in that column

    def show(self, zh: Sequence[str], en: Sequence[str], beads: Sequence[Bead]) -> None:
        """Show the sentences ``zh`` and ``en`` paired by ``beads``; the cursor stays on its
        sentence."""
        self.zh, self.en, self.beads = list(zh), list(en), list(beads)
        self.rows = sentence_rows(self.zh, self.en, self.beads)
        self.zh_shown = [r.zh_text for r in self.rows]
        count = len(self.zh if self.side == "zh" else self.en)
        self.current = max(0, min(self.current, count - 1))
        self.cursor = self.bead() if self.beads else 0
        self._reset_layout()
        self.call_after_refresh(self.keep_in_view)

    def bead(self) -> int:
        """The bead holding the cursor's sentence."""
        return bead_of(self.beads, self.side, self.current)

    def keep_in_view(self) -> None:
        """The cursor's sentence in view."""
        if self.rows:
            row = self.bead()
            self.scroll_to_span(row, self.side, self._span(row)[0])

    def _span(self, row: int) -> tuple[int, int]:
        """Where the cursor's sentence is in its cell of ``row`` (0, 0 if not there)."""
        units = self.rows[row].zh if self.side == "zh" else self.rows[row].en
        texts = self.zh if self.side == "zh" else self.en
        start = 0
        for unit in units:
            if unit == self.current:
                return start, start + len(texts[unit])
            start += len(texts[unit]) + len(SENTENCE_BREAK)
        return 0, 0

    def _moved(self) -> None:
        old, self.cursor = self.cursor, self.bead()
        self._forget(old)
        self._forget(self.cursor)
        self.keep_in_view()
        self.post_message(self.Moved(self.side, self.current, self.cursor))

    def action_move(self, step: int) -> None:
        """Choose the next or previous sentence of the cursor's side."""
        count = len(self.zh if self.side == "zh" else self.en)
        if count:
            self.current = max(0, min(self.current + step, count - 1))
            self._moved()

    def action_other_side(self) -> None:
        """Move the cursor to the other column (the same sentence pair)."""
        if self.beads:
            number = self.bead()
            self.side = "en" if self.side == "zh" else "zh"
            self.current = unit_near(self.beads, number, self.side)
            self._moved()

    def paint_row(self, row: int) -> list[Strip]:
        """The row's cells, the cursor's sentence lit."""
        layout = self._layout(row)
        zh, en = self.zh_shown[row], self.rows[row].en_text
        lit = [(*self._span(row), SELECTED_STYLE)] if row == self.cursor else []
        left = styled(zh, (), lit if self.side == "zh" else ())
        right = styled(en, (), lit if self.side == "en" else ())
        if self.swapped:
            left, right = right, left
        painter = Painter(
            self._columns,
            self.get_component_rich_style("parallel--separator"),
            self.get_component_rich_style("parallel--note"),
        )
        return painter.paint(layout, left, right)
