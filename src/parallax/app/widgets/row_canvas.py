"""The row canvas under the parallel and sentence views: two columns of rows wrapped lazily,
their heights, scrolling, the gutter and the character under the mouse.

A Line API ``ScrollView``: only the rows on screen are wrapped, so opening and scrolling a
5,000-paragraph document costs the same as the seed. Rows never seen have an estimated height
until they come into view; wrapped rows and rendered strips are cached and trimmed. Subclasses
paint a row's body (:meth:`RowCanvas.paint_row`); the gutter says what the row is.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from parallax.app.layout import Columns, Heights, RowLayout, estimate, lay_out
from parallax.app.model import Lang, Row, Selection
from parallax.app.widgets.painter import Frame

MAX_CACHED_ROWS = 150


class RowCanvas(ScrollView):
    """Row layouts, heights and caches of a two-column view of :class:`Row` objects."""

    COMPONENT_CLASSES = {
        "parallel--cursor",
        "parallel--marker",
        "parallel--low",
        "parallel--confirmed",
        "parallel--note",
        "parallel--separator",
    }
    DEFAULT_CSS = """
    RowCanvas { background: $surface; scrollbar-gutter: stable; }
    RowCanvas > .parallel--cursor { background: $primary 15%; }
    RowCanvas > .parallel--marker { color: $accent; text-style: bold; }
    RowCanvas > .parallel--low { color: $warning; text-style: bold; }
    RowCanvas > .parallel--confirmed { color: $success; text-style: bold; }
    RowCanvas > .parallel--note { color: $text-muted; text-style: italic; }
    RowCanvas > .parallel--separator { color: $foreground 30%; }
    """

    def __init__(self, rows: list[Row], *, id: str | None = None) -> None:
        self._drag: tuple[int, Lang, int] | None = None  # where a mouse drag started
        self._dragged = False
        self._over: Selection | None = None  # what the drag is over
        super().__init__(id=id)
        self.rows = rows
        self.zh_shown = [r.zh_text for r in rows]
        self.cursor = 0
        self.swapped = False
        self.readings: tuple[str | None, ...] | None = None  # the cursor row's, interlinear
        self._columns = Columns.for_width(80)
        self._frame: Frame | None = None
        self._reset_layout()

    def text(self, row: int, lang: Lang) -> str:
        """The displayed text of ``row`` in ``lang``."""
        return self.zh_shown[row] if lang == "zh" else self.rows[row].en_text

    def paint_row(self, row: int) -> list[Strip]:
        """The lines of a row's body (both cells), without the gutter (subclasses)."""
        raise NotImplementedError

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

    def scroll_to_span(self, row: int, lang: Lang, start: int) -> None:
        """Scroll so that the line of ``row`` holding character ``start`` of its ``lang`` cell
        is visible (the whole row when it fits)."""
        self.scroll_to_row(row)
        layout = self._layout(row)
        side = "left" if (lang == "zh") != self.swapped else "right"
        if layout.ruby and side == layout.ruby_side:  # two screen lines a ruby line
            lines = [(r.start, r.end) for r in layout.ruby]
            k = next((i for i, (a, b) in enumerate(lines) if a <= start < max(b, a + 1)), 0)
            k = 2 * k + 1
        else:
            lines = list(layout.left if side == "left" else layout.right)
            k = next((i for i, (a, b) in enumerate(lines) if a <= start < max(b, a + 1)), 0)
        y = self._heights.top(row) + k
        view_y, view_h = round(self.scroll_y), self.scrollable_content_region.height
        if y < view_y:
            self.scroll_to(y=y, animate=False, force=True)
        elif y >= view_y + view_h:
            self.scroll_to(y=y - view_h + 1, animate=False, force=True)

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
            readings = self.readings if row == self.cursor else None
            layout = lay_out(left, right, self._columns, readings, ruby_right=self.swapped)
            self._layouts[row] = layout
            self._heights.set(row, layout.height)
        return layout

    def _ensure_tops(self) -> None:
        size = Size(self.scrollable_content_region.width, self._heights.total)
        if size != self.virtual_size:
            self.virtual_size = size

    def _row_at(self, y: int) -> int:
        return self._heights.row_at(y)

    def on_resize(self, _event: events.Resize) -> None:
        """Re-wrap for the new width; keep the cursor row in view when the height changed
        (e.g. the look-up panel opened below)."""
        columns = Columns.for_width(self.scrollable_content_region.width)
        if columns != self._columns:
            self._columns = columns
            self._reset_layout()
        self.call_after_refresh(self.keep_in_view)

    def keep_in_view(self) -> None:
        """Scroll what the user is looking at into view (the cursor row; subclasses: more)."""
        if self.rows:
            self.scroll_to_row(self.cursor)

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
            strips = self._strips[row] = self.paint_row(row)
        k = absolute - self._heights.top(row)
        if k >= len(strips):
            return frame.blank
        at_cursor = row == self.cursor
        composed = self._composed.get((row, at_cursor))
        if composed is None:
            state = Frame.state_of(self.rows[row])
            style = frame.cursor if at_cursor else frame.base
            composed = self._composed[(row, at_cursor)] = [
                frame.compose(frame.gutter(state if i == 0 else "", at_cursor), body, style)
                for i, body in enumerate(strips)
            ]
        return composed[k]

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

    # ----------------------------------------------------------------- mouse
    def point(self, event: events.MouseEvent) -> tuple[int, Lang, int] | None:
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

    def row_under(self, event: events.MouseEvent) -> int | None:
        """The row under the mouse, if any."""
        where = event.get_content_offset(self)
        if where is None or not self.rows:
            return None
        row = self._row_at(round(self.scroll_y) + where.y)
        return row if 0 <= row < len(self.rows) else None

    def pointed(self, row: int, lang: Lang, offset: int) -> None:
        """Character ``offset`` of the ``lang`` cell of ``row`` was clicked (subclasses)."""

    def dragging(self, selection: Selection) -> None:
        """The mouse is dragging over ``selection`` (subclasses)."""

    def dragged(self, selection: Selection) -> None:
        """A drag over ``selection`` ended (subclasses)."""

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Start a drag."""
        self._drag, self._dragged = self.point(event), False
        if self._drag is not None:
            self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Follow a drag over the characters of one cell."""
        if self._drag is None:
            return
        point = self.point(event)
        row, lang, start = self._drag
        if point is None or point[:2] != (row, lang) or point[2] == start:
            return
        self._dragged = True
        low, high = sorted((start, point[2]))
        self._over = Selection(row, lang, low, high + 1)
        self.dragging(self._over)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """Finish a drag: the characters dragged over."""
        self.release_mouse()
        if self._drag is not None and self._dragged:
            point = self.point(event)
            row, lang, start = self._drag
            end = point[2] if point is not None and point[:2] == (row, lang) else start
            if self._over is not None and point is None:  # released beside the text
                start, end = self._over.start, self._over.end - 1
            low, high = sorted((start, end))
            self.dragged(Selection(row, lang, low, high + 1))
        self._drag, self._over = None, None

    def on_click(self, event: events.Click) -> None:
        """A click on a character (beside the text: the row) moves the cursor there."""
        if self._dragged:  # the end of a drag, already told
            self._dragged = False
            return
        point = self.point(event)
        if point is None:
            row = self.row_under(event)
            if row is not None:
                self.move_cursor(row)
            return
        self.move_cursor(point[0])
        self.pointed(*point)

    def move_cursor(self, row: int, *, top: bool = False) -> None:
        """Put the cursor on ``row`` (subclasses)."""
