"""Many independent alignment grids searched at once: a long document cut into pieces.

When a long document is cut at points its best path surely passes through (:mod:`cuts`), the
pieces between the cuts are independent alignment problems. Grid ``g`` aligns Chinese units
``zh_start[g]..zh_end[g]-1`` with English units ``en_start[g]..en_end[g]-1``; its row ``r``
(``zh_start[g] + r`` Chinese units consumed) searches the English positions ``lo..hi`` of a band.

The search is :mod:`dp`'s, but step ``r`` computes row ``r`` of every grid at once: the rows are
stored step after step (each step's rows in one block, longest grids first), so a step reads
its earlier rows as whole blocks, and the Python work grows with the longest piece instead of
with the document. The paths are traced back for all grids at once too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt

from parallax.core.align.band import IntArray
from parallax.core.align.costs import block_costs
from parallax.core.align.dp import SkipSteps
from parallax.core.align.features import Features
from parallax.core.align.length import FloatArray
from parallax.core.align.pairs import PairTable
from parallax.core.align.params import Params

_INF = np.inf
_SKIP_EN = -2  # choice code of a 0-1 bead
# Rows of one step computed together (bounds the memory of a step's arrays).
CHUNK_ROWS = 1024

Span = tuple[tuple[int, int], tuple[int, int]]


@dataclass(frozen=True)
class Grids:
    """The pieces: their unit ranges, and the band of every row (grid after grid)."""

    zh_start: IntArray
    zh_end: IntArray
    en_start: IntArray
    en_end: IntArray
    lo: IntArray  # row r of grid g is lo[base[g] + r]: its first English position searched
    hi: IntArray  # and its last

    @property
    def count(self) -> int:
        return len(self.zh_start)

    @cached_property
    def heights(self) -> IntArray:
        """Chinese units of each grid."""
        heights: IntArray = self.zh_end - self.zh_start
        return heights

    @cached_property
    def base(self) -> IntArray:
        """Where each grid's row 0 is in :attr:`lo` and :attr:`hi`."""
        base: IntArray = np.concatenate([[0], np.cumsum(self.heights + 1)[:-1]]).astype(np.int64)
        return base

    @cached_property
    def layout(self) -> Layout:
        return Layout.of(self.heights)

    def windows(self, max_zh: int, max_en: int) -> tuple[IntArray, IntArray]:
        """For each Chinese unit, the English units it may share a bead with (``lo..hi-1``)."""
        grid = np.repeat(np.arange(self.count), self.heights)
        units = np.arange(int(self.zh_start[0]), int(self.zh_end[-1]))  # the grids tile them
        row = units - self.zh_start[grid]
        first, last = self.base[grid], self.base[grid] + self.heights[grid]
        lo = np.full(len(grid), np.iinfo(np.int64).max)
        hi = np.full(len(grid), np.iinfo(np.int64).min)
        for shift in range(1, max_zh + 1):
            at = np.minimum(first + row + shift, last)
            lo = np.minimum(lo, self.lo[at] - max_en)
            hi = np.maximum(hi, self.hi[at])
        lo = np.clip(lo, self.en_start[grid], self.en_end[grid])
        hi = np.clip(hi, lo, self.en_end[grid])
        return lo, hi


@dataclass(frozen=True)
class Layout:
    """Rows stored step after step: step ``r`` holds row ``r`` of the grids at least ``r``
    high, longest grids first, in slots ``offset[r]..offset[r+1]-1``."""

    order: IntArray  # grids, longest first
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


@dataclass(frozen=True)
class GridPaths:
    """The best path of every grid: beads in document order, each grid's cost and whether its
    path came within reach of its band's edge, and the best cost of reaching every cell
    (``costs[slot, x]``, cell ``x`` the English position ``lo + x`` of that slot's row)."""

    beads: list[Span]
    cost: FloatArray
    touches: npt.NDArray[np.bool_]
    costs: FloatArray


def search_grids(features: Features, params: Params, grids: Grids, table: PairTable) -> GridPaths:
    """The lowest-cost alignment of every grid inside its band (see :func:`dp.search`)."""
    shapes = [shape for shape in params.beads if shape[0] >= 1 and shape[1] >= 1] + [(1, 0)]
    layout = grids.layout
    offset = layout.offset
    total = int(offset[-1])
    steps_count = len(offset) - 1
    # Each slot's grid, row, band (step after step).
    row_of = np.repeat(np.arange(steps_count), np.diff(offset))
    grid_of = layout.order[np.arange(total) - offset[row_of]]
    at = grids.base[grid_of] + row_of
    lo, hi = grids.lo[at], grids.hi[at]
    span = hi - lo + 1
    width = int(span.max())
    flat_costs = np.full(total * width + 1, _INF)  # the last cell stays infinite
    costs = flat_costs[:-1].reshape(total, width)
    outside = len(flat_costs) - 1
    choices = np.full((total, width), -1, dtype=np.int8)
    cells = np.arange(width)
    skip_steps = SkipSteps(features, params, lo, width)
    a_of = np.array([a for a, _ in shapes])
    b_of = np.array([b for _, b in shapes])
    for r in range(steps_count):
        for first in range(int(offset[r]), int(offset[r + 1]), CHUNK_ROWS):
            slots = np.arange(first, min(first + CHUNK_ROWS, int(offset[r + 1])))
            rows = grids.zh_start[grid_of[slots]] + r
            if r == 0:
                best = np.full((len(slots), width), _INF)
                best[:, 0] = 0.0  # a grid's row 0 starts at its first English position
                choice = np.full((len(slots), width), -1, dtype=np.int8)
            else:
                block = np.stack(
                    block_costs(features, params, table, rows, lo[slots], width, shapes), axis=1
                )
                # The slots of the rows each shape's bead starts on: the same grids `a` steps
                # earlier, at the same places of their (longer or equal) step.
                source = offset[np.maximum(r - a_of, 0)][None, :] + (slots - offset[r])[:, None]
                column = (
                    cells[None, None, :] + (lo[slots][:, None] - b_of[None, :] - lo[source])[..., None]
                )
                valid = (
                    (r - a_of >= 0)[None, :, None]
                    & (column >= 0)
                    & (column < span[source][..., None])
                )
                index = np.where(valid, source[..., None] * width + column, outside)
                summed = flat_costs[index] + block
                choice = summed.argmin(axis=1).astype(np.int8)
                best = np.take_along_axis(summed, choice[:, None, :].astype(np.int64), axis=1)[
                    :, 0
                ]
            inside = cells[None, :] < span[slots][:, None]
            best = np.where(inside, best, _INF)
            steps = skip_steps.of_rows(rows, lo[slots])
            running = np.minimum.accumulate(best - steps, axis=1) + steps
            skipped = inside & (running < best - 1e-9)
            choices[slots] = np.where(skipped, _SKIP_EN, choice)
            costs[slots] = np.where(skipped, running, best)
    return _backtrack(grids, choices, costs, lo, hi, shapes)


def _backtrack(
    grids: Grids,
    choices: npt.NDArray[np.int8],
    costs: FloatArray,
    lo: IntArray,
    hi: IntArray,
    shapes: list[tuple[int, int]],
) -> GridPaths:
    """Trace every grid's path back from its last cell, all grids a bead at a time."""
    layout = grids.layout
    a_of = np.array([a for a, _ in shapes] + [0, 0])  # codes -2 (0-1) and -1 (none) at the end
    b_of = np.array([b for _, b in shapes] + [1, 0])
    count = grids.count
    row = grids.heights.copy()
    j = grids.en_end.copy()
    end_slots = layout.slot(np.arange(count), row)
    cost = costs[end_slots, j - lo[end_slots]]
    touches = np.zeros(count, dtype=bool)
    found: list[tuple[IntArray, IntArray, IntArray, IntArray, IntArray]] = []
    live = np.flatnonzero((row > 0) | (j > grids.en_start))
    step = 0
    margin = 2
    while len(live):
        r, jj = row[live], j[live]
        slots = layout.slot(live, r)
        x = jj - lo[slots]
        touches[live] |= ((lo[slots] > grids.en_start[live]) & (x < margin)) | (
            (hi[slots] < grids.en_end[live]) & (hi[slots] - jj < margin)
        )
        code = choices[slots, x].astype(np.int64)
        if (code == -1).any():
            raise AssertionError("no path through a cell of a grid")
        a, b = a_of[code], b_of[code]
        found.append((live, np.full(len(live), step), r, jj, np.stack([a, b])))  # type: ignore[arg-type]
        row[live], j[live] = r - a, jj - b
        live = live[(row[live] > 0) | (j[live] > grids.en_start[live])]
        step += 1
    beads: list[Span] = []
    if found:
        grid = np.concatenate([f[0] for f in found])
        order = np.lexsort((-np.concatenate([f[1] for f in found]), grid))
        i_end = (grids.zh_start[grid] + np.concatenate([f[2] for f in found]))[order]
        j_end = np.concatenate([f[3] for f in found])[order]
        shape = np.concatenate([f[4] for f in found], axis=1)[:, order]
        beads = [
            ((i - a, i), (jj - b, jj))
            for i, jj, a, b in zip(
                i_end.tolist(), j_end.tolist(), shape[0].tolist(), shape[1].tolist(), strict=True
            )
        ]
    return GridPaths(beads, cost, touches, costs)
