"""Row layout of the parallel view: column widths and the wrapped lines of each row."""

from __future__ import annotations

from dataclasses import dataclass

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
    """The wrapped lines of a row's two cells, plus an optional note under the left cell."""

    left: tuple[Line, ...]
    right: tuple[Line, ...]
    note: tuple[Line, ...] = ()

    @property
    def height(self) -> int:
        """Lines the row takes, including the blank line that separates it from the next."""
        return max(len(self.left) + len(self.note), len(self.right)) + 1


def lay_out(left: str, right: str, columns: Columns, note: str = "") -> RowLayout:
    """Wrap a row's texts to the column widths."""
    return RowLayout(
        tuple(wrap(left, columns.left)),
        tuple(wrap(right, columns.right)),
        tuple(wrap(note, columns.left)) if note else (),
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
