"""The parallel view: one row per aligned bead, Chinese | English, scrolling together.

The state (rows, cursor, selection, highlights, search hits), the drawing of a row and the
mouse; the lazy layout and scrolling are in :class:`RowCanvas`.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.message import Message
from textual.strip import Strip

from parallax.app.highlight import EMPTY, Highlighter, RowMarks, overlays, styled
from parallax.app.model import Hit, Lang, Row, Selection
from parallax.app.widgets.painter import Frame, Painter
from parallax.app.widgets.row_canvas import RowCanvas


class ParallelView(RowCanvas, can_focus=True, inherit_bindings=False):
    """Aligned rows in two columns with a row cursor, glossary highlights and search hits.

    It has no keys of its own (not the scroll keys of a ScrollView): the reader's bindings move
    the row cursor with the arrows, page keys, home and end."""

    COMPONENT_CLASSES = {
        "parallel--cursor",
        "parallel--marker",
        "parallel--low",
        "parallel--confirmed",
        "parallel--note",
        "parallel--separator",
    }
    DEFAULT_CSS = """
    ParallelView { background: $surface; scrollbar-gutter: stable; }
    ParallelView > .parallel--cursor { background: $primary 15%; }
    ParallelView > .parallel--marker { color: $accent; text-style: bold; }
    ParallelView > .parallel--low { color: $warning; text-style: bold; }
    ParallelView > .parallel--confirmed { color: $success; }
    ParallelView > .parallel--note { color: $text-muted; text-style: italic; }
    ParallelView > .parallel--separator { color: $foreground 30%; }
    """

    class CursorMoved(Message):
        """The cursor moved to ``row``."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    class Pointed(Message):
        """A character was clicked: ``offset`` in the ``lang`` text of ``row``."""

        def __init__(self, row: int, lang: Lang, offset: int) -> None:
            super().__init__()
            self.row, self.lang, self.offset = row, lang, offset

    class Dragged(Message):
        """Characters ``start``-``end`` of the ``lang`` text of ``row`` were dragged over."""

        def __init__(self, row: int, lang: Lang, start: int, end: int) -> None:
            super().__init__()
            self.row, self.lang, self.start, self.end = row, lang, start, end

    def __init__(self, rows: list[Row], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = rows
        self.zh_shown = [r.zh_text for r in rows]
        self.cursor = 0
        self.swapped = False
        self.readings: tuple[str | None, ...] | None = None  # the cursor row's, interlinear
        self.selection: Selection | None = None
        self.highlighter: Highlighter | None = None
        self.hits: dict[int, list[Hit]] = {}
        self._reset_layout()
        self._marks: dict[int, RowMarks] = {}
        self._drag: tuple[int, Lang, int] | None = None  # where a mouse drag started
        self._dragged = False

    # ------------------------------------------------------------------ state
    def set_rows(self, rows: list[Row], zh_shown: list[str] | None = None) -> None:
        """Show new rows (e.g. once aligned); the cursor stays on the same Chinese paragraph."""
        self.rows = rows
        self.zh_shown = zh_shown if zh_shown is not None else [r.zh_text for r in rows]
        self.cursor = min(self.cursor, max(len(rows) - 1, 0))
        self.selection = None
        self.readings = None
        self.hits = {}
        self._marks.clear()
        self._reset_layout()

    def rescore(self, rows: list[Row]) -> None:
        """The same beads with new scores: redraw the gutters, keep the cursor and selection."""
        self.rows = rows
        self._composed.clear()
        self.refresh()

    def set_zh_shown(self, zh_shown: list[str]) -> None:
        """Display these Chinese texts (e.g. converted script) instead of the current ones."""
        self.zh_shown = zh_shown
        self.selection = None
        self.readings = None  # they were for the other script's text
        self._marks.clear()
        self._reset_layout()

    def set_highlighter(self, highlighter: Highlighter | None) -> None:
        """Use ``highlighter`` for glossary terms (``None``: no highlights)."""
        self.highlighter = highlighter
        self._marks.clear()
        self._strips.clear()
        self._composed.clear()
        self.refresh()

    def set_swapped(self, swapped: bool) -> None:
        """Show English on the left when ``swapped``."""
        self.swapped = swapped
        self._reset_layout()

    def set_readings(self, readings: Sequence[str | None] | None) -> None:
        """Readings (pinyin or Jyutping, one per character of the cursor row's Chinese as
        shown, None where there is none) drawn above the characters; None for none."""
        if readings is not None and len(readings) != len(self.zh_shown[self.cursor]):
            readings = None  # not for this text (the script changed meanwhile)
        self.readings = tuple(readings) if readings is not None else None
        self._forget(self.cursor)

    @property
    def note(self) -> str:
        """The cursor row's readings as one line of syllables ("" when none are shown)."""
        return " ".join(r for r in self.readings or () if r)

    def set_hits(self, hits: dict[int, list[Hit]]) -> None:
        """Search hits to show, by row."""
        changed = set(self.hits) | set(hits)
        self.hits = hits
        for row in changed:
            self._forget(row)

    def select(self, selection: Selection | None) -> None:
        """Mark ``selection`` (a span of the cursor row), or clear it."""
        self.selection = selection
        self._forget(self.cursor)

    def move_cursor(self, row: int, *, top: bool = False) -> None:
        """Put the cursor on ``row`` and scroll it into view (to the top with ``top``)."""
        if not self.rows:
            return
        row = max(0, min(row, len(self.rows) - 1))
        old, self.cursor = self.cursor, row
        if self.selection is not None or self.readings is not None:
            self.selection, self.readings = None, None  # both belonged to the old row
            self._forget(old)
            self._forget(row)
        self._composed.pop((old, True), None)
        self.scroll_to_row(row, top=top)
        if old != row:
            self.post_message(self.CursorMoved(row))

    def page(self, step: int) -> None:
        """Scroll one page down (``step`` 1) or up (-1), the cursor on the top row."""
        if not self.rows:
            return
        self._ensure_tops()
        y = round(self.scroll_y) + step * self.scrollable_content_region.height
        y = max(0, min(y, self._heights.total - 1))
        self.move_cursor(self._row_at(y), top=True)

    def marks(self, row: int) -> RowMarks:
        """The glossary marks of ``row`` (computed once per glossary and script)."""
        if self.highlighter is None or not 0 <= row < len(self.rows):
            return EMPTY
        if row not in self._marks:
            r = self.rows[row]
            self._marks[row] = self.highlighter.marks(self.zh_shown[row], r.zh_text, r.en_text)
        return self._marks[row]

    def text(self, row: int, lang: Lang) -> str:
        """The displayed text of ``row`` in ``lang``."""
        return self.zh_shown[row] if lang == "zh" else self.rows[row].en_text

    # --------------------------------------------------------------- drawing
    def render_line(self, y: int) -> Strip:
        """One line of the view: the gutter, then the row's cached strip, in the row's style."""
        frame = self._frame or Frame.of(self)
        absolute = round(self.scroll_y) + y
        row = self._row_at(absolute)
        if not 0 <= row < len(self.rows):
            return frame.blank
        strips = self._strips.get(row)
        if strips is None:
            strips = self._strips[row] = self._render_row(row)
        k = absolute - self._heights.top(row)
        if k >= len(strips):
            return frame.blank
        at_cursor = row == self.cursor
        composed = self._composed.get((row, at_cursor))
        if composed is None:
            first = frame.gutter
            if self.rows[row].score is None:  # not aligned yet
                first = frame.pending_gutter
            elif self.rows[row].low:
                first = frame.low_gutter
            elif self.rows[row].confirmed:
                first = frame.confirmed_gutter
            composed = self._composed[(row, at_cursor)] = [
                frame.compose(frame.cursor_gutter, body, frame.cursor)
                if at_cursor
                else frame.compose(first if i == 0 else frame.gutter, body, frame.base)
                for i, body in enumerate(strips)
            ]
        return composed[k]

    def _render_row(self, row: int) -> list[Strip]:
        layout = self._layout(row)
        marks = self.marks(row)
        hits, sel = self.hits.get(row, ()), self.selection
        zh = styled(self.zh_shown[row], marks.zh, overlays(row, "zh", marks, hits, sel))
        en = styled(self.rows[row].en_text, marks.en, overlays(row, "en", marks, hits, sel))
        left, right = (en, zh) if self.swapped else (zh, en)
        painter = Painter(
            self._columns,
            self.get_component_rich_style("parallel--separator"),
            self.get_component_rich_style("parallel--note"),
        )
        return painter.paint(layout, left, right)

    # ----------------------------------------------------------------- mouse
    def _point(self, event: events.MouseEvent) -> tuple[int, Lang, int] | None:
        """The row, language and character offset under the mouse, if on text."""
        offset = event.get_content_offset(self)
        if offset is None or not self.rows:
            return None
        absolute = round(self.scroll_y) + offset.y
        row = self._row_at(absolute)
        if not 0 <= row < len(self.rows):
            return None
        layout, k = self._layout(row), absolute - self._heights.top(row)
        hit = layout.hit(self._columns, offset.x, k)
        if hit is None:
            return None
        side, line, x = hit
        lang: Lang = (
            ("en" if self.swapped else "zh") if side == "left" else ("zh" if self.swapped else "en")
        )
        text = self.text(row, lang)
        return (row, lang, layout.offset_at(side, text, line, x)) if text else None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Start a selection by drag."""
        self._drag, self._dragged = self._point(event), False
        if self._drag is not None:
            self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Show the dragged-over characters selected."""
        if self._drag is None:
            return
        point = self._point(event)
        row, lang, start = self._drag
        if point is None or point[:2] != (row, lang) or point[2] == start:
            return
        self._dragged = True
        if self.cursor != row:
            self.move_cursor(row)
        low, high = sorted((start, point[2]))
        self.select(Selection(row, lang, low, high + 1))

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """Finish a drag: report the characters dragged over."""
        self.release_mouse()
        if self._drag is not None and self._dragged:
            point = self._point(event)
            row, lang, start = self._drag
            end = point[2] if point is not None and point[:2] == (row, lang) else start
            if self.selection is not None and point is None:
                start, end = self.selection.start, self.selection.end - 1
            low, high = sorted((start, end))
            self.post_message(self.Dragged(row, lang, low, high + 1))
        self._drag = None

    def on_click(self, event: events.Click) -> None:
        """Move the cursor to the clicked row and report the clicked character."""
        if self._dragged:  # the end of a drag, already reported
            self._dragged = False
            return
        point = self._point(event)
        if point is None:
            where = event.get_content_offset(self)
            if where is not None and self.rows:
                row = self._row_at(round(self.scroll_y) + where.y)
                if 0 <= row < len(self.rows):
                    self.move_cursor(row)
            return
        row, lang, offset = point
        self.move_cursor(row)
        self.post_message(self.Pointed(row, lang, offset))
