"""Row layout of the parallel view: column widths and the wrapped lines of each row."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from parallax.app import ruby as interlinear
from parallax.app.ruby import RubyLine
from parallax.app.wrap import Line, estimate_height, wrap

GUTTER = 2
SEPARATOR = " │ "


@dataclass(frozen=True, slots=True)
class Columns:
    """Cell widths: gutter, left column, separator, right column."""

    left: int
    right: int

    @classmethod
    def for_width(cls, width: int) -> Columns:
        """Two equal columns filling ``width`` (at least 4 cells each)."""
        avail = max(width - GUTTER - len(SEPARATOR), 8)
        left = avail // 2
        return cls(left, avail - left)

    @property
    def right_x(self) -> int:
        """The x of the right column's first cell."""
        return GUTTER + self.left + len(SEPARATOR)


@dataclass(frozen=True, slots=True)
class RowLayout:
    """The wrapped lines of a row's two cells. With ``ruby`` the Chinese cell (the left one,
    the right one when ``ruby_right``: columns swapped) is drawn interlinear instead: each of
    its ruby lines takes two screen lines, the readings above the characters."""

    left: tuple[Line, ...]
    right: tuple[Line, ...]
    ruby: tuple[RubyLine, ...] = ()
    ruby_right: bool = False

    def hit(self, columns: Columns, x: int, k: int) -> tuple[str, Line, int] | None:
        """What cell x on line ``k`` of the row shows: ``("left"|"right", line, x in cell)``
        (for an interlinear cell the line is the characters' ``(start, end)``)."""
        if GUTTER <= x < GUTTER + columns.left and k < self._lines("left"):
            return "left", self._line("left", k), x - GUTTER
        if x >= columns.right_x and k < self._lines("right"):
            return "right", self._line("right", k), x - columns.right_x
        return None

    def offset_at(self, side: str, text: str, line: Line, x: int) -> int:
        """The offset in ``text`` of the character drawn ``x`` cells into ``line``."""
        if self.ruby and side == self.ruby_side:
            found = next((r for r in self.ruby if (r.start, r.end) == line), None)
            if found is not None:
                return found.offset_at(x)
        return offset_at(text, line, x)

    @property
    def ruby_side(self) -> str:
        """The side drawn interlinear (when there is ``ruby``)."""
        return "right" if self.ruby_right else "left"

    def _lines(self, side: str) -> int:
        if self.ruby and side == self.ruby_side:
            return 2 * len(self.ruby)
        return len(self.left if side == "left" else self.right)

    def _line(self, side: str, k: int) -> Line:
        if self.ruby and side == self.ruby_side:
            found = self.ruby[k // 2]
            return found.start, found.end
        return (self.left if side == "left" else self.right)[k]

    @property
    def height(self) -> int:
        """Lines the row takes, including the blank line that separates it from the next."""
        return max(self._lines("left"), self._lines("right")) + 1


def lay_out(
    left: str,
    right: str,
    columns: Columns,
    readings: Sequence[str | None] | None = None,
    *,
    ruby_right: bool = False,
) -> RowLayout:
    """Wrap a row's texts to the column widths; with ``readings`` (one per character of the
    Chinese cell: the right one when ``ruby_right``, else the left one) that cell is laid out
    interlinear."""
    if readings is None:
        return RowLayout(tuple(wrap(left, columns.left)), tuple(wrap(right, columns.right)))
    text, width = (right, columns.right) if ruby_right else (left, columns.left)
    lines = tuple(interlinear.lay_out(text, readings, width))
    if ruby_right:
        return RowLayout(tuple(wrap(left, columns.left)), (), lines, True)
    return RowLayout((), tuple(wrap(right, columns.right)), lines, False)


def estimate(left: str, right: str, columns: Columns, *, left_wide: bool) -> int:
    """A cheap estimate of ``lay_out(...).height`` for rows not yet on screen."""
    return (
        max(
            estimate_height(left, columns.left, left_wide),
            estimate_height(right, columns.right, not left_wide),
        )
        + 1
    )


def offset_at(text: str, line: Line, cells: int) -> int:
    """The offset of the character drawn ``cells`` cells into ``line`` of ``text``."""
    start, end = line
    used = 0
    for i in range(start, end):
        used += 2 if text[i] >= "\u2e80" else 1
        if used > cells:
            return i
    return max(start, end - 1)


class Heights:
    """Row heights (estimated until laid out) and the y of each row, recomputed when needed."""

    def __init__(self, heights: list[int]) -> None:
        self._heights = heights
        self._tops: list[int] = []
        self.changed = True

    def __getitem__(self, row: int) -> int:
        return self._heights[row]

    def set(self, row: int, height: int) -> None:
        """Row ``row`` is ``height`` lines high."""
        if self._heights[row] != height:
            self._heights[row] = height
            self.changed = True

    def _update(self) -> list[int]:
        if self.changed:
            self._tops = [0, *accumulate(self._heights)]
            self.changed = False
        return self._tops

    def top(self, row: int) -> int:
        """The y of row ``row``."""
        return self._update()[row]

    @property
    def total(self) -> int:
        """The height of all rows."""
        return self._update()[-1]

    def row_at(self, y: int) -> int:
        """The row drawn at ``y`` (-1 above, ``len`` below the rows)."""
        return bisect_right(self._update(), y) - 1
