"""Painting one row of the parallel view into strips (no cursor, no gutter: added per frame)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.strip import Strip

from parallax.app.layout import SEPARATOR, Columns, RowLayout
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
            segments += cell(right, layout.right[k], cols.right) if k < len(layout.right) else [blank_right]
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
