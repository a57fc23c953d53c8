"""The parallel view: one row per aligned bead, Chinese | English, scrolling together.

A Line API ``ScrollView``: only the rows on screen are wrapped and rendered, so opening and
scrolling a 5,000-paragraph document costs the same as the seed. Rows never seen have an
estimated height until they come into view.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from parallax.app.highlight import EMPTY, Highlighter, RowMarks, overlays, styled
from parallax.app.layout import Columns, Heights, RowLayout, estimate, lay_out, offset_at
from parallax.app.model import Hit, Lang, Row, Selection
from parallax.app.widgets.painter import Frame, Painter

MAX_CACHED_ROWS = 150


class ParallelView(ScrollView, can_focus=True):
    """Aligned rows in two columns with a row cursor, glossary highlights and search hits."""

    COMPONENT_CLASSES = {
        "parallel--cursor",
        "parallel--marker",
        "parallel--low",
        "parallel--note",
        "parallel--separator",
    }
    DEFAULT_CSS = """
    ParallelView { background: $surface; scrollbar-gutter: stable; }
    ParallelView > .parallel--cursor { background: $primary 15%; }
    ParallelView > .parallel--marker { color: $accent; text-style: bold; }
    ParallelView > .parallel--low { color: $warning; text-style: bold; }
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

    def __init__(self, rows: list[Row], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = rows
        self.zh_shown = [r.zh_text for r in rows]
        self.cursor = 0
        self.swapped = False
        self.note = ""
        self.selection: Selection | None = None
        self.highlighter: Highlighter | None = None
        self.hits: dict[int, list[Hit]] = {}
        self._columns = Columns.for_width(80)
        self._frame: Frame | None = None
        self._reset_layout()
        self._marks: dict[int, RowMarks] = {}

    # ------------------------------------------------------------------ state
    def set_rows(self, rows: list[Row], zh_shown: list[str] | None = None) -> None:
        """Show new rows (e.g. once aligned); the cursor stays on the same Chinese paragraph."""
        self.rows = rows
        self.zh_shown = zh_shown if zh_shown is not None else [r.zh_text for r in rows]
        self.cursor = min(self.cursor, max(len(rows) - 1, 0))
        self.selection = None
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

    def set_note(self, note: str) -> None:
        """A line (pinyin, Jyutping) shown under the cursor row's Chinese; "" for none."""
        self.note = note
        self._forget(self.cursor)

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
        if self.selection is not None or self.note:
            self.selection, self.note = None, ""  # both belonged to the old row
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

    def row_top(self, row: int) -> int:
        """The y of ``row`` in the virtual space."""
        self._ensure_tops()
        return self._heights.top(row)

    # --------------------------------------------------------------- scrolling
    def scroll_to_row(self, row: int, *, top: bool = False) -> None:
        """Scroll so that ``row`` is fully visible (or at the top)."""
        self._layout(row)
        self._ensure_tops()
        start, height = self._heights.top(row), self._heights[row]
        view_y, view_h = round(self.scroll_y), self.scrollable_content_region.height
        if top or start < view_y or height > view_h:
            self.scroll_to(y=start, animate=False, force=True)
        elif start + height > view_y + view_h:
            self.scroll_to(y=start + height - view_h, animate=False, force=True)
        self.refresh()

    # --------------------------------------------------------------- layout
    def _reset_layout(self) -> None:
        self._layouts: dict[int, RowLayout] = {}
        self._strips: dict[int, list[Strip]] = {}  # row bodies, without gutter and style
        self._composed: dict[tuple[int, bool], list[Strip]] = {}  # finished lines (row, at cursor)
        self._heights = Heights(
            [
                estimate(*self._cells(i), self._columns, left_wide=not self.swapped)
                for i in range(len(self.rows))
            ]
        )
        self.refresh()

    def _cells(self, row: int) -> tuple[str, str]:
        zh, en = self.zh_shown[row], self.rows[row].en_text
        return (en, zh) if self.swapped else (zh, en)

    def _forget(self, row: int) -> None:
        if self._layouts.pop(row, None) is not None:
            self._layout(row)
        self._strips.pop(row, None)
        self._composed.pop((row, True), None)
        self._composed.pop((row, False), None)
        self.refresh()

    def _layout(self, row: int) -> RowLayout:
        layout = self._layouts.get(row)
        if layout is None:
            left, right = self._cells(row)
            note = self.note if row == self.cursor else ""
            layout = lay_out(left, right, self._columns, note)
            self._layouts[row] = layout
            self._heights.set(row, layout.height)
        return layout

    def _ensure_tops(self) -> None:
        size = Size(self.scrollable_content_region.width, self._heights.total)
        if size != self.virtual_size:
            self.virtual_size = size

    def _row_at(self, y: int) -> int:
        return self._heights.row_at(y)

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap for the new width."""
        columns = Columns.for_width(self.scrollable_content_region.width)
        if columns != self._columns:
            self._columns = columns
            self._reset_layout()

    def render_lines(self, crop: Region) -> list[Strip]:
        """Lay out the rows on screen exactly, then render them."""
        for _ in range(3):  # heights settle after at most a few passes
            self._ensure_tops()
            top = round(self.scroll_y)
            first = max(self._row_at(top), 0)
            last = min(self._row_at(top + self.size.height), len(self.rows) - 1)
            for row in range(first, last + 1):
                self._layout(row)
            if not self._heights.changed:
                break
        self._ensure_tops()
        if len(self._strips) > MAX_CACHED_ROWS:  # keep memory flat on long documents
            self._trim(range(first - 50, last + 50))
        frame = Frame.of(self)
        if self._frame is None or (frame.base, frame.width) != (
            self._frame.base,
            self._frame.width,
        ):
            self._composed.clear()
        self._frame = frame
        return super().render_lines(crop)

    def _trim(self, keep: range) -> None:
        self._strips = {r: v for r, v in self._strips.items() if r in keep}
        self._composed = {k: v for k, v in self._composed.items() if k[0] in keep}

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
        return painter.paint(layout, left, right, styled(self.note, ()))

    # ----------------------------------------------------------------- mouse
    def on_click(self, event: events.Click) -> None:
        """Move the cursor to the clicked row and report the clicked character."""
        offset = event.get_content_offset(self)
        if offset is None or not self.rows:
            return
        absolute = round(self.scroll_y) + offset.y
        row = self._row_at(absolute)
        if not 0 <= row < len(self.rows):
            return
        self.move_cursor(row)
        layout, k = self._layout(row), absolute - self._heights.top(row)
        hit = layout.hit(self._columns, offset.x, k)
        if hit is None:
            return
        side, line, x = hit
        lang: Lang = (
            ("en" if self.swapped else "zh") if side == "left" else ("zh" if self.swapped else "en")
        )
        text = self.text(row, lang)
        if text:
            self.post_message(self.Pointed(row, lang, offset_at(text, line, x)))
