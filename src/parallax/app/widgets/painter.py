"""Painting the parallel view: row bodies (cached per row) and the per-frame gutter and styles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget

from parallax.app.layout import GUTTER, SEPARATOR, Columns, RowLayout
from parallax.app.model import Row
from parallax.app.ruby import RubyLine
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

    def paint(self, layout: RowLayout, left: Content, right: Content) -> list[Strip]:
        """The row's strips: left cell, separator, right cell (the Chinese one interlinear,
        readings above the characters, when the layout has ``ruby``)."""
        cols = self.columns
        sep = Segment(SEPARATOR, self.separator)
        ruby_left = layout.ruby if layout.ruby and not layout.ruby_right else ()
        ruby_right = layout.ruby if layout.ruby and layout.ruby_right else ()
        strips = []
        for k in range(layout.height):
            segments = self._side(left, layout.left, ruby_left, k, cols.left)
            segments.append(sep)
            segments += self._side(right, layout.right, ruby_right, k, cols.right)
            strips.append(Strip(segments, self.width))
        return strips

    def _side(
        self,
        content: Content,
        lines: tuple[Line, ...],
        ruby: tuple[RubyLine, ...],
        k: int,
        width: int,
    ) -> list[Segment]:
        """Line ``k`` of one column: the cell's text (or its ruby lines), then blank."""
        if ruby:
            if k >= 2 * len(ruby):
                return [Segment(" " * width)]
            line = ruby[k // 2]
            if k % 2 == 0:
                return [Segment(line.readings, self.note), *_pad(width - line.width)]
            return ruby_cell(content, line, width)
        if k < len(lines):
            return cell(content, lines[k], width)
        return [Segment(" " * width)]


def _pad(cells: int) -> list[Segment]:
    return [Segment(" " * cells)] if cells > 0 else []


def ruby_cell(content: Content, line: RubyLine, width: int) -> list[Segment]:
    """The characters of one ruby line, each centred in its slot, padded to ``width``."""
    segments: list[Segment] = []
    for i, (left, right) in zip(range(line.start, line.end), line.pads(content.plain), strict=True):
        segments += _pad(left)
        segments += content[i : i + 1].render_segments()
        segments += _pad(right)
    return segments + _pad(width - line.width)


def cell(content: Content, line: Line, width: int) -> list[Segment]:
    """The segments of one wrapped line of ``content``, padded to ``width`` cells."""
    piece = content[line[0] : line[1]]
    segments = piece.render_segments()
    pad = width - piece.cell_length
    if pad > 0:
        segments.append(Segment(" " * pad))
    return segments


GutterState = Literal["", "pending", "low", "confirmed"]
"""What a row's gutter says: nothing, not aligned yet (·), uncertain (?), confirmed (✓)."""

MARKS: dict[str, str] = {"": " ", "pending": "·", "low": "?", "confirmed": "✓"}
MARK_STYLES: dict[str, str] = {
    "": "parallel--note",
    "pending": "parallel--note",
    "low": "parallel--low",
    "confirmed": "parallel--confirmed",
}


@dataclass(frozen=True)
class Frame:
    """Styles and gutters looked up once per frame rather than once per line.

    The gutter is two cells: the cursor marker (``▌``) or a blank, then the row's mark, so the
    cursor row still shows whether it is uncertain or confirmed."""

    width: int
    base: Style
    cursor: Style
    gutters: dict[tuple[str, bool], Strip]
    blank: Strip

    @classmethod
    def of(cls, view: Widget) -> Frame:
        """The frame of ``view`` (component classes ``parallel--cursor/marker/low/...``)."""
        base = view.rich_style
        style = view.get_component_rich_style
        width = view.scrollable_content_region.width
        marker = Segment("▌", style("parallel--marker"))
        gutters = {}
        for state, mark in MARKS.items():
            segment = Segment(mark, style(MARK_STYLES[state]))
            gutters[(state, False)] = Strip([Segment(" "), segment], GUTTER)
            gutters[(state, True)] = Strip([marker, segment], GUTTER)
        return cls(width, base, base + style("parallel--cursor"), gutters, Strip.blank(width, base))

    @staticmethod
    def state_of(row: Row) -> GutterState:
        """The gutter state of ``row``."""
        if row.score is None:
            return "pending"
        if row.low:
            return "low"
        return "confirmed" if row.confirmed else ""

    def gutter(self, state: str, at_cursor: bool) -> Strip:
        """The gutter of a line: the row's mark on its first line (``state``, else "")."""
        return self.gutters[(state, at_cursor)]

    def compose(self, gutter: Strip, body: Strip, style: Style) -> Strip:
        """A finished line: gutter and body in ``style``, padded to the width."""
        segments = list(Segment.apply_style([*gutter, *body], style))
        cells = gutter.cell_length + body.cell_length
        if cells < self.width:
            segments.append(Segment(" " * (self.width - cells), style))
        return Strip(segments, max(cells, self.width))
