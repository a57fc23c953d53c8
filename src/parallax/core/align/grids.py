"""Many independent alignment grids, searched at once (:mod:`gridsearch`): a long document cut
into pieces.

Grid ``g`` holds the path from ``(zh_start[g], en_start[g])`` to ``(zh_end[g], en_end[g])``.
Its rows ``r`` (``zh_first[g] + r`` Chinese units consumed) search English positions ``lo..hi``
of a band, and reach a little before the path's start and past its end (see :mod:`gridsearch`
for why). The rows are stored step after step (:class:`Layout`: each step's rows in one block,
tallest grids first), so that a search step reads its neighbouring rows as whole blocks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt

from parallax.core.align.band import IntArray
from parallax.core.align.length import FloatArray

Span = tuple[tuple[int, int], tuple[int, int]]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Grids:
    """The grids: their paths' ends, the rows and English positions they reach, and every
    row's band (grid after grid: row ``r`` of grid ``g`` is ``lo[base[g] + r]..hi[...]``)."""

    zh_start: IntArray
    zh_end: IntArray
    en_start: IntArray
    en_end: IntArray
    zh_first: IntArray  # the grid's first row (at most zh_start) and last (at least zh_end)
    zh_stop: IntArray
    en_first: IntArray  # the English positions its bands may reach
    en_stop: IntArray
    lo: IntArray
    hi: IntArray

    @property
    def count(self) -> int:
        return len(self.zh_start)

    @cached_property
    def heights(self) -> IntArray:
        """Each grid's last row number (its rows are 0..height)."""
        heights: IntArray = self.zh_stop - self.zh_first
        return heights

    @cached_property
    def base(self) -> IntArray:
        """Where each grid's row 0 is in :attr:`lo` and :attr:`hi`."""
        base: IntArray = np.concatenate([[0], np.cumsum(self.heights + 1)[:-1]]).astype(np.int64)
        return base

    @cached_property
    def layout(self) -> Layout:
        return Layout.of(self.heights)

    @classmethod
    def around(
        cls,
        zh_cuts: IntArray,
        en_cuts: IntArray,
        centre: FloatArray,
        half_widths: IntArray,
        reach: int = 0,
    ) -> Grids:
        """The grids between consecutive cut points ``(zh_cuts[k], en_cuts[k])``, reaching
        ``reach`` units before and past their paths' ends (within the document): each row's
        band spans ``half_widths[g]`` positions on both sides of ``centre`` (the English
        position expected at each Chinese position), holds the path's ends, is connected to
        the next row's and only moves right."""
        n, m = int(zh_cuts[-1]), int(en_cuts[-1])
        zh_start, zh_end = zh_cuts[:-1], zh_cuts[1:]
        en_start, en_end = en_cuts[:-1], en_cuts[1:]
        zh_first, zh_stop = np.maximum(zh_start - reach, 0), np.minimum(zh_end + reach, n)
        en_first, en_stop = np.maximum(en_start - reach, 0), np.minimum(en_end + reach, m)
        heights = zh_stop - zh_first
        grid = np.repeat(np.arange(len(heights)), heights + 1)
        starts = np.concatenate([[0], np.cumsum(heights + 1)[:-1]]).astype(np.int64)
        i = zh_first[grid] + np.arange(len(grid)) - starts[grid]
        at = centre[i]
        low, high = en_first[grid], en_stop[grid]
        lo = np.clip(np.floor(at).astype(np.int64) - half_widths[grid], low, high)
        hi = np.clip(np.ceil(at).astype(np.int64) + half_widths[grid], low, high)
        # The band holds the path's start and end, up to and from those rows.
        lo = np.where(i <= zh_start[grid], np.minimum(lo, en_start[grid]), lo)
        lo = np.where(i <= zh_end[grid], np.minimum(lo, en_end[grid]), lo)
        hi = np.where(i >= zh_start[grid], np.maximum(hi, en_start[grid]), hi)
        hi = np.where(i >= zh_end[grid], np.maximum(hi, en_end[grid]), hi)
        # Connected bands that only move right, grid by grid (an offset per grid keeps the
        # running maxima inside each grid).
        shift = grid * (m + 1)
        lo = np.maximum.accumulate(lo + shift) - shift
        last = np.ones(len(grid), dtype=bool)
        last[:-1] = grid[1:] != grid[:-1]
        hi[:-1] = np.where(last[:-1], hi[:-1], np.maximum(hi[:-1], lo[1:]))
        hi = np.maximum.accumulate(hi + shift) - shift
        return cls(zh_start, zh_end, en_start, en_end, zh_first, zh_stop, en_first, en_stop, lo, hi)

    def subset(self, ids: IntArray) -> Grids:
        """Grids ``ids`` alone (their bands as they are)."""
        rows = np.concatenate(
            [np.arange(self.base[g], self.base[g] + self.heights[g] + 1) for g in ids.tolist()]
        )
        return Grids(
            self.zh_start[ids],
            self.zh_end[ids],
            self.en_start[ids],
            self.en_end[ids],
            self.zh_first[ids],
            self.zh_stop[ids],
            self.en_first[ids],
            self.en_stop[ids],
            self.lo[rows],
            self.hi[rows],
        )

    def slot_of(self, rows: IntArray, grids: IntArray) -> tuple[IntArray, BoolArray]:
        """The slots of rows ``rows`` (document positions) of ``grids``, and whether each row
        is in its grid."""
        local = rows - self.zh_first[grids]
        valid = (local >= 0) & (local <= self.heights[grids])
        return self.layout.slot(grids, np.clip(local, 0, self.heights[grids])), valid

    def windows(self, n: int, max_zh: int, max_en: int) -> tuple[IntArray, IntArray]:
        """For each of the ``n`` Chinese units, the English units ``lo..hi-1`` it may share a
        bead with in some grid (``lo == hi`` for units in no grid)."""
        grid = np.repeat(np.arange(self.count), self.heights)
        units = np.arange(len(grid)) - np.repeat(
            self.base - np.arange(self.count) - self.zh_first, self.heights
        )
        row = units - self.zh_first[grid]
        first, last = self.base[grid], self.base[grid] + self.heights[grid]
        lo = np.full(len(grid), np.iinfo(np.int64).max)
        hi = np.full(len(grid), np.iinfo(np.int64).min)
        for shift in range(1, max_zh + 1):
            at = np.minimum(first + row + shift, last)
            lo = np.minimum(lo, self.lo[at] - max_en)
            hi = np.maximum(hi, self.hi[at])
        lo = np.clip(lo, self.en_first[grid], self.en_stop[grid])
        hi = np.clip(hi, lo, self.en_stop[grid])
        unit_lo = np.full(n, np.iinfo(np.int64).max)
        unit_hi = np.zeros(n, dtype=np.int64)
        np.minimum.at(unit_lo, units, lo)
        np.maximum.at(unit_hi, units, hi)
        unit_lo = np.minimum(unit_lo, unit_hi)
        return unit_lo, unit_hi


@dataclass(frozen=True)
class Layout:
    """Rows stored step after step: step ``r`` holds row ``r`` of the grids at least ``r``
    high, tallest grids first, in slots ``offset[r]..offset[r+1]-1``."""

    order: IntArray  # grids, tallest first
    rank: IntArray  # each grid's place in `order`
    offset: IntArray  # first slot of each step (and the total at the end)

    @classmethod
    def of(cls, heights: IntArray) -> Layout:
        order = np.argsort(-heights, kind="stable")
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order))
        tallest = int(heights.max(initial=0))
        counts = np.bincount(heights, minlength=tallest + 1)[::-1].cumsum()[::-1]
        return cls(order, rank, np.concatenate([[0], np.cumsum(counts)]).astype(np.int64))

    def slot(self, grid: IntArray, row: IntArray) -> IntArray:
        """The slot of row ``row`` of grid ``grid``."""
        slots: IntArray = self.offset[row] + self.rank[grid]
        return slots
