"""Row layout of the parallel view: column widths and the wrapped lines of each row."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

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
    """The wrapped lines of a row's two cells, plus an optional note under the Chinese cell
    (the left one, the right one when ``note_right``: columns swapped)."""

    left: tuple[Line, ...]
    right: tuple[Line, ...]
    note: tuple[Line, ...] = ()
    note_right: bool = False

    def hit(self, columns: Columns, x: int, k: int) -> tuple[str, Line, int] | None:
        """What cell x on line ``k`` of the row shows: ``("left"|"right", line, x in cell)``."""
        if GUTTER <= x < GUTTER + columns.left and k < len(self.left):
            return "left", self.left[k], x - GUTTER
        if x >= columns.right_x and k < len(self.right):
            return "right", self.right[k], x - columns.right_x
        return None

    @property
    def height(self) -> int:
        """Lines the row takes, including the blank line that separates it from the next."""
        left, right = len(self.left), len(self.right)
        if self.note_right:
            right += len(self.note)
        else:
            left += len(self.note)
        return max(left, right) + 1


def lay_out(
    left: str, right: str, columns: Columns, note: str = "", *, note_right: bool = False
) -> RowLayout:
    """Wrap a row's texts to the column widths; ``note`` goes under the right cell when
    ``note_right``, else under the left one."""
    width = columns.right if note_right else columns.left
    return RowLayout(
        tuple(wrap(left, columns.left)),
        tuple(wrap(right, columns.right)),
        tuple(wrap(note, width)) if note else (),
        note_right,
    )


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
