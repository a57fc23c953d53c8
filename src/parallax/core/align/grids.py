"""Many independent alignment grids searched at once: a long document cut into pieces.

Grid ``g`` holds the path from ``(zh_start[g], en_start[g])`` to ``(zh_end[g], en_end[g])``;
its row ``r`` (``zh_start[g] + r`` Chinese units consumed) searches English positions
``lo..hi`` of a band. A grid may reach past its path's end (up to row ``zh_stop[g]`` and
English position ``en_stop[g]``): those cells do not change the path, but they hold the cost
of paths that do not pass through the end, which is how :mod:`pieces` checks its cuts.

The search is :mod:`dp`'s, but step ``r`` computes row ``r`` of every grid at once: the rows are
stored step after step (each step's rows in one block, tallest grids first), so a step reads its
earlier rows as whole blocks, only the cells inside the bands are costed, and the Python work
grows with the tallest grid instead of with the document. The paths are traced back for all
grids at once too.
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
# Cells of one step costed together (bounds the memory of a step's arrays).
CHUNK_CELLS = 1 << 15

Span = tuple[tuple[int, int], tuple[int, int]]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Grids:
    """The grids: their paths' ends, how far they reach, and every row's band (grid after
    grid: row ``r`` of grid ``g`` is ``lo[base[g] + r]..hi[base[g] + r]``)."""

    zh_start: IntArray
    zh_end: IntArray
    en_start: IntArray
    en_end: IntArray
    zh_stop: IntArray  # the grid's last row (at least zh_end)
    en_stop: IntArray  # the last English position its bands reach (at least en_end)
    lo: IntArray
    hi: IntArray

    @property
    def count(self) -> int:
        return len(self.zh_start)

    @cached_property
    def heights(self) -> IntArray:
        """Each grid's last row number (its rows are 0..height)."""
        heights: IntArray = self.zh_stop - self.zh_start
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
        ``reach`` units past their ends (within the document): each row's band spans
        ``half_widths[g]`` positions on both sides of ``centre`` (the English position expected
        at each Chinese position), inside the grid, connected and moving right."""
        n, m = int(zh_cuts[-1]), int(en_cuts[-1])
        zh_start, zh_end = zh_cuts[:-1], zh_cuts[1:]
        en_start, en_end = en_cuts[:-1], en_cuts[1:]
        zh_stop, en_stop = np.minimum(zh_end + reach, n), np.minimum(en_end + reach, m)
        heights = zh_stop - zh_start
        grid = np.repeat(np.arange(len(heights)), heights + 1)
        starts = np.concatenate([[0], np.cumsum(heights + 1)[:-1]]).astype(np.int64)
        row = np.arange(len(grid)) - starts[grid]
        at = centre[zh_start[grid] + row]
        low, high = en_start[grid], en_stop[grid]
        lo = np.clip(np.floor(at).astype(np.int64) - half_widths[grid], low, high)
        hi = np.clip(np.ceil(at).astype(np.int64) + half_widths[grid], low, high)
        lo[starts] = en_start  # a grid's path starts at its first cell
        ends = starts + zh_end - zh_start
        lo[ends] = np.minimum(lo[ends], en_end)  # and reaches its end
        hi[ends] = np.maximum(hi[ends], en_end)
        # Connected bands that only move right, grid by grid (an offset per grid keeps the
        # running maxima inside each grid).
        shift = grid * (m + 1)
        lo = np.maximum.accumulate(lo + shift) - shift
        last = np.ones(len(grid), dtype=bool)
        last[:-1] = grid[1:] != grid[:-1]
        hi[:-1] = np.where(last[:-1], hi[:-1], np.maximum(hi[:-1], lo[1:]))
        hi = np.maximum.accumulate(hi + shift) - shift
        return cls(zh_start, zh_end, en_start, en_end, zh_stop, en_stop, lo, hi)

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
            self.zh_stop[ids],
            self.en_stop[ids],
            self.lo[rows],
            self.hi[rows],
        )

    def slot_of(self, rows: IntArray, grids: IntArray) -> tuple[IntArray, BoolArray]:
        """The slots of grid rows ``rows`` (document positions) of ``grids``, and whether
        each row is in its grid."""
        local = rows - self.zh_start[grids]
        valid = (local >= 0) & (local <= self.heights[grids])
        return self.layout.slot(grids, np.clip(local, 0, self.heights[grids])), valid

    def windows(self, n: int, max_zh: int, max_en: int) -> tuple[IntArray, IntArray]:
        """For each of the ``n`` Chinese units, the English units ``lo..hi-1`` it may share a
        bead with in some grid (``lo == hi`` for units in no grid)."""
        grid = np.repeat(np.arange(self.count), self.heights)
        units = np.arange(len(grid)) - np.repeat(
            self.base - np.arange(self.count) - self.zh_start, self.heights
        )
        row = units - self.zh_start[grid]
        first, last = self.base[grid], self.base[grid] + self.heights[grid]
        lo = np.full(len(grid), np.iinfo(np.int64).max)
        hi = np.full(len(grid), np.iinfo(np.int64).min)
        for shift in range(1, max_zh + 1):
            at = np.minimum(first + row + shift, last)
            lo = np.minimum(lo, self.lo[at] - max_en)
            hi = np.maximum(hi, self.hi[at])
        lo = np.clip(lo, self.en_start[grid], self.en_stop[grid])
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


@dataclass(frozen=True)
class GridPaths:
    """The best path of every grid: beads in document order, each grid's cost and whether its
    path came within reach of its band's edge, and the best cost of reaching every cell
    (``costs[slot, x]``, cell ``x`` the English position ``lo[slot] + x``)."""

    beads: list[Span]
    cost: FloatArray
    touches: BoolArray
    costs: FloatArray
    lo: IntArray  # each slot's band
    hi: IntArray
    bead_starts: IntArray  # grid g's beads are beads[bead_starts[g]:bead_starts[g + 1]]


def replace_grids(
    grids: Grids, paths: GridPaths, ids: IntArray, new: Grids, found: GridPaths
) -> tuple[Grids, GridPaths]:
    """``grids`` and their ``paths`` with grids ``ids`` replaced by ``new`` (the same pieces
    in other bands) and their paths ``found``."""
    lo, hi = grids.lo.copy(), grids.hi.copy()
    width = max(paths.costs.shape[1], found.costs.shape[1])
    costs = np.full((len(paths.costs), width), _INF)
    costs[:, : paths.costs.shape[1]] = paths.costs
    slot_lo, slot_hi = paths.lo.copy(), paths.hi.copy()
    for k, g in enumerate(ids.tolist()):
        rows = np.arange(int(grids.heights[g]) + 1)
        lo[grids.base[g] + rows] = new.lo[new.base[k] + rows]
        hi[grids.base[g] + rows] = new.hi[new.base[k] + rows]
        mine, theirs = (
            grids.layout.slot(np.full_like(rows, g), rows),
            new.layout.slot(np.full_like(rows, k), rows),
        )
        costs[mine] = _INF
        costs[mine, : found.costs.shape[1]] = found.costs[theirs]
        slot_lo[mine], slot_hi[mine] = found.lo[theirs], found.hi[theirs]
    replaced = dict(zip(ids.tolist(), range(len(ids)), strict=True))
    beads: list[Span] = []
    starts = [0]
    for g in range(grids.count):
        source, at = (found, replaced[g]) if g in replaced else (paths, g)
        beads += source.beads[source.bead_starts[at] : source.bead_starts[at + 1]]
        starts.append(len(beads))
    cost, touches = paths.cost.copy(), paths.touches.copy()
    cost[ids], touches[ids] = found.cost, found.touches
    merged = Grids(
        grids.zh_start,
        grids.zh_end,
        grids.en_start,
        grids.en_end,
        grids.zh_stop,
        grids.en_stop,
        lo,
        hi,
    )
    return merged, GridPaths(
        beads, cost, touches, costs, slot_lo, slot_hi, np.array(starts, dtype=np.int64)
    )


def search_grids(features: Features, params: Params, grids: Grids, table: PairTable) -> GridPaths:
    """The lowest-cost alignment of every grid inside its band (see :func:`dp.search`)."""
    shapes = [shape for shape in params.beads if shape[0] >= 1 and shape[1] >= 1] + [(1, 0)]
    offset = grids.layout.offset
    total = int(offset[-1])
    row_of = np.repeat(np.arange(len(offset) - 1), np.diff(offset))
    grid_of = grids.layout.order[np.arange(total) - offset[row_of]]
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
    rows_per_chunk = max(1, CHUNK_CELLS // width)
    for r in range(len(offset) - 1):
        for first in range(int(offset[r]), int(offset[r + 1]), rows_per_chunk):
            slots = np.arange(first, min(first + rows_per_chunk, int(offset[r + 1])))
            rows = grids.zh_start[grid_of[slots]] + r
            inside = cells[None, :] < span[slots][:, None]
            best = np.full((len(slots), width), _INF)
            choice = np.full((len(slots), width), -1, dtype=np.int8)
            if r == 0:
                best[:, 0] = 0.0  # a grid's path starts at its first cell
            else:
                # Only the cells inside the bands are costed (a ragged block, flattened).
                owner, x = np.nonzero(inside)
                i, j = rows[owner], lo[slots][owner] + x
                block = np.stack(block_costs(features, params, table, i, j, shapes), axis=1)
                # The slot each shape's bead starts on: the same grid `a` steps earlier, at the
                # same place of that (longer or equal) step.
                source = (
                    offset[np.maximum(r - a_of, 0)][None, :] + (slots[owner] - offset[r])[:, None]
                )
                column = j[:, None] - b_of[None, :] - lo[source]
                valid = (r - a_of >= 0)[None, :] & (column >= 0) & (column < span[source])
                index = np.where(valid, source * width + column, outside)
                summed = flat_costs[index] + block
                picked = summed.argmin(axis=1)
                best[owner, x] = summed[np.arange(len(owner)), picked]
                choice[owner, x] = picked
            steps = skip_steps.of_rows(rows, lo[slots])
            running = np.minimum.accumulate(best - steps, axis=1) + steps
            skipped = inside & (running < best - 1e-9)
            choices[slots] = np.where(skipped, _SKIP_EN, choice)
            costs[slots] = np.where(inside, np.where(skipped, running, best), _INF)
    return _backtrack(grids, choices, costs, lo, hi, shapes)


def _backtrack(
    grids: Grids,
    choices: npt.NDArray[np.int8],
    costs: FloatArray,
    lo: IntArray,
    hi: IntArray,
    shapes: list[tuple[int, int]],
) -> GridPaths:
    """Trace every grid's path back from its end, all grids a bead at a time."""
    layout = grids.layout
    a_of = np.array([a for a, _ in shapes] + [0, 0])  # codes -2 (0-1) and -1 (none) at the end
    b_of = np.array([b for _, b in shapes] + [1, 0])
    count = grids.count
    row = grids.zh_end - grids.zh_start
    j = grids.en_end.copy()
    end_slots = layout.slot(np.arange(count), row)
    cost = costs[end_slots, j - lo[end_slots]]
    touches = np.zeros(count, dtype=bool)
    found: list[tuple[IntArray, IntArray, IntArray, IntArray, IntArray, IntArray]] = []
    live = np.flatnonzero((row > 0) | (j > grids.en_start))
    step = 0
    margin = 2
    while len(live):
        r, jj = row[live], j[live]
        slots = layout.slot(live, r)
        x = jj - lo[slots]
        touches[live] |= ((lo[slots] > grids.en_start[live]) & (x < margin)) | (
            (hi[slots] < grids.en_stop[live]) & (hi[slots] - jj < margin)
        )
        code = choices[slots, x].astype(np.int64)
        if (code == -1).any():
            raise AssertionError("no path through a cell of a grid")
        a, b = a_of[code], b_of[code]
        found.append((live, np.full(len(live), step), r, jj, a, b))
        row[live], j[live] = r - a, jj - b
        live = live[(row[live] > 0) | (j[live] > grids.en_start[live])]
        step += 1
    beads: list[Span] = []
    bead_starts = np.zeros(count + 1, dtype=np.int64)
    if found:
        grid, steps, r_end, j_end, a, b = (
            np.concatenate(part) for part in zip(*found, strict=True)
        )
        order = np.lexsort((-steps, grid))
        bead_starts = np.searchsorted(grid[order], np.arange(count + 1)).astype(np.int64)
        i_end = (grids.zh_start[grid] + r_end)[order]
        beads = [
            ((i - da, i), (jj - db, jj))
            for i, jj, da, db in zip(
                i_end.tolist(),
                j_end[order].tolist(),
                a[order].tolist(),
                b[order].tolist(),
                strict=True,
            )
        ]
    return GridPaths(beads, cost, touches, costs, lo, hi, bead_starts)
