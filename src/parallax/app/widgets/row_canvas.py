"""The row canvas under the parallel view: rows wrapped lazily, their heights, scrolling.

A Line API ``ScrollView``: only the rows on screen are wrapped, so opening and scrolling a
5,000-paragraph document costs the same as the seed. Rows never seen have an estimated height
until they come into view; wrapped rows and rendered strips are cached and trimmed.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from parallax.app.layout import Columns, Heights, RowLayout, estimate, lay_out
from parallax.app.model import Row
from parallax.app.widgets.painter import Frame

MAX_CACHED_ROWS = 150


class RowCanvas(ScrollView):
    """Row layouts, heights and caches of a two-column view; subclasses draw the rows."""

    rows: list[Row]
    zh_shown: list[str]
    cursor: int
    swapped: bool
    readings: tuple[str | None, ...] | None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._columns = Columns.for_width(80)
        self._frame: Frame | None = None

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
