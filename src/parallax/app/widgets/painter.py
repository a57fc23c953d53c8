"""Painting the parallel view: row bodies (cached per row) and the per-frame gutter and styles."""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget

from parallax.app.layout import GUTTER, SEPARATOR, Columns, RowLayout
from parallax.app.wrap import Line


@dataclass(frozen=True)
class Painter:
    """Draws rows for one set of column widths and styles."""

    columns: Columns
    separator: Style
    note: Style

    @property
    def width(self) -> int:
        """The cells of a painted row (both columns and the separator)."""
        return self.columns.left + len(SEPARATOR) + self.columns.right

    def paint(self, layout: RowLayout, left: Content, right: Content, note: Content) -> list[Strip]:
        """The row's strips: left cell (then the note lines under it), separator, right cell."""
        cols = self.columns
        sep = Segment(SEPARATOR, self.separator)
        blank_left, blank_right = Segment(" " * cols.left), Segment(" " * cols.right)
        strips = []
        for k in range(layout.height):
            segments: list[Segment] = []
            if k < len(layout.left):
                segments += cell(left, layout.left[k], cols.left)
            elif k - len(layout.left) < len(layout.note):
                line = layout.note[k - len(layout.left)]
                segments += [Segment(s.text, self.note) for s in cell(note, line, cols.left)]
            else:
                segments.append(blank_left)
            segments.append(sep)
            segments += (
                cell(right, layout.right[k], cols.right) if k < len(layout.right) else [blank_right]
            )
            strips.append(Strip(segments, self.width))
        return strips


def cell(content: Content, line: Line, width: int) -> list[Segment]:
    """The segments of one wrapped line of ``content``, padded to ``width`` cells."""
    piece = content[line[0] : line[1]]
    segments = piece.render_segments()
    pad = width - piece.cell_length
    if pad > 0:
        segments.append(Segment(" " * pad))
    return segments


@dataclass(frozen=True)
class Frame:
    """Styles and gutters looked up once per frame rather than once per line."""

    width: int
    base: Style
    cursor: Style
    gutter: Strip
    cursor_gutter: Strip
    low_gutter: Strip
    pending_gutter: Strip
    blank: Strip

    @classmethod
    def of(cls, view: Widget) -> Frame:
        """The frame of ``view`` (component classes ``parallel--cursor/marker/low``)."""
        base = view.rich_style
        style = view.get_component_rich_style
        width = view.scrollable_content_region.width
        return cls(
            width,
            base,
            base + style("parallel--cursor"),
            Strip([Segment(" " * GUTTER)], GUTTER),
            Strip([Segment("▌ ", style("parallel--marker"))], GUTTER),
            Strip([Segment("? ", style("parallel--low"))], GUTTER),
            Strip([Segment("· ", style("parallel--note"))], GUTTER),
            Strip.blank(width, base),
        )

    def compose(self, gutter: Strip, body: Strip, style: Style) -> Strip:
        """A finished line: gutter and body in ``style``, padded to the width."""
        segments = list(Segment.apply_style([*gutter, *body], style))
        cells = gutter.cell_length + body.cell_length
        if cells < self.width:
            segments.append(Segment(" " * (self.width - cells), style))
        return Strip(segments, max(cells, self.width))
