"""The search of many independent grids (:mod:`grids`) at once.

The cost of every bead ending in a grid is computed once, and serves a forward search (the best
cost from the path's start to every cell, as :mod:`dp`'s) and a backward one (from every cell to
the path's end); the cells beyond the path's ends hold the costs of paths that avoid them, which
is how :mod:`pieces` checks its cuts and measures the margins there.

Step ``r`` computes row ``r`` of every grid at once, so only the cells inside the bands are
costed and the Python work grows with the tallest grid instead of with the document. The paths
are traced back for all grids at once too.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from parallax.core.align.band import IntArray
from parallax.core.align.costs import block_costs
from parallax.core.align.dp import SkipSteps
from parallax.core.align.features import Features
from parallax.core.align.grids import BoolArray, Grids, Layout, Span
from parallax.core.align.length import FloatArray
from parallax.core.align.pairs import PairTable
from parallax.core.align.params import Params

_INF = np.inf
_SKIP_EN = -2  # choice code of a 0-1 bead
# Cells of one step costed together (bounds the memory of a step's arrays).
CHUNK_CELLS = 1 << 15


@dataclass(frozen=True)
class GridPaths:
    """The best path of every grid: beads in document order (grid ``g``'s are
    ``beads[bead_starts[g]:bead_starts[g + 1]]``), each grid's cost and whether its path came
    within reach of its band's edge; and for every cell (``[slot, x]``, English position
    ``lo[slot] + x``) the best cost from the path's start (``ahead``) and to its end
    (``behind``)."""

    beads: list[Span]
    bead_starts: IntArray
    cost: FloatArray
    touches: BoolArray
    ahead: FloatArray
    behind: FloatArray
    lo: IntArray
    hi: IntArray


def search_grids(features: Features, params: Params, grids: Grids, table: PairTable) -> GridPaths:
    """The lowest-cost alignment of every grid inside its band (see :func:`dp.search`), and
    the best costs from every cell to the end."""
    shapes = [shape for shape in params.beads if shape[0] >= 1 and shape[1] >= 1] + [(1, 0)]
    layout = grids.layout
    offset = layout.offset
    total = int(offset[-1])
    row_of = np.repeat(np.arange(len(offset) - 1), np.diff(offset))
    grid_of = layout.order[np.arange(total) - offset[row_of]]
    at = grids.base[grid_of] + row_of
    lo, hi = grids.lo[at], grids.hi[at]
    span = hi - lo + 1
    width = int(span.max())
    rows = grids.zh_first[grid_of] + row_of  # each slot's document row
    skip_steps = SkipSteps(features, params, lo, width)
    start_x = np.where(rows == grids.zh_start[grid_of], grids.en_start[grid_of] - lo, -1)
    end_x = np.where(rows == grids.zh_end[grid_of], grids.en_end[grid_of] - lo, -1)
    a_of = np.array([a for a, _ in shapes])
    b_of = np.array([b for _, b in shapes])
    cells = np.arange(width)
    inside_all = cells[None, :] < span[:, None]
    inside_all[: offset[1]] = False  # no bead ends on a grid's first row
    # The cost of every bead ending at every cell, computed once per cell of the document (the
    # grids overlap around the cuts); the forward and the backward search read them.
    cell_of, bead = _bead_costs(features, params, table, rows, lo, inside_all, shapes)
    ahead = np.full(total * width + 1, _INF)  # the last cell stays infinite
    choices = np.full((total, width), -1, dtype=np.int8)
    rows_per_chunk = max(1, CHUNK_CELLS // width)
    for r in range(len(offset) - 1):
        for first in range(int(offset[r]), int(offset[r + 1]), rows_per_chunk):
            slots = np.arange(first, min(first + rows_per_chunk, int(offset[r + 1])))
            inside = cells[None, :] < span[slots][:, None]
            best = np.full((len(slots), width), _INF)
            choice = np.full((len(slots), width), -1, dtype=np.int8)
            if r > 0:
                owner, x = np.nonzero(inside)
                j = lo[slots][owner] + x
                costs = bead[cell_of[slots[owner], x]]
                # The slot each shape's bead starts on: the same grid `a` steps earlier, at the
                # same place of that (longer or equal) step.
                source = (
                    offset[np.maximum(r - a_of, 0)][None, :] + (slots[owner] - offset[r])[:, None]
                )
                column = j[:, None] - b_of[None, :] - lo[source]
                valid = (r - a_of >= 0)[None, :] & (column >= 0) & (column < span[source])
                summed = ahead[np.where(valid, source * width + column, len(ahead) - 1)] + costs
                picked = summed.argmin(axis=1)
                best[owner, x] = summed[np.arange(len(owner)), picked]
                choice[owner, x] = picked
            seeded = np.flatnonzero(start_x[slots] >= 0)
            best[seeded, start_x[slots][seeded]] = 0.0  # a path starts here
            steps = skip_steps.of_rows(rows[slots], lo[slots])
            running = np.minimum.accumulate(best - steps, axis=1) + steps
            skipped = inside & (running < best - 1e-9)
            choices[slots] = np.where(skipped, _SKIP_EN, choice)
            flat = ahead[:-1].reshape(total, width)
            flat[slots] = np.where(inside, np.where(skipped, running, best), _INF)
    forward = ahead[:-1].reshape(total, width)
    behind = _backward(bead, cell_of, skip_steps, rows, lo, span, end_x, layout, shapes)
    return _backtrack(grids, choices, forward, behind, lo, hi, shapes)


def _bead_costs(
    features: Features,
    params: Params,
    table: PairTable,
    rows: IntArray,
    lo: IntArray,
    inside: BoolArray,
    shapes: list[tuple[int, int]],
) -> tuple[npt.NDArray[np.int32], FloatArray]:
    """The cost of each shape of bead ending at each distinct cell ``inside`` the slots'
    bands (``bead[k, s]``), and which distinct cell each slot's cell is (``cell_of``)."""
    slot, x = np.nonzero(inside)
    m = features.n_en
    codes = rows[slot] * (m + 1) + lo[slot] + x
    distinct, where = np.unique(codes, return_inverse=True)
    cell_of = np.full(inside.shape, -1, dtype=np.int32)
    cell_of[slot, x] = where
    bead = np.empty((len(distinct), len(shapes)))
    for start in range(0, len(distinct), CHUNK_CELLS):
        part = distinct[start : start + CHUNK_CELLS]
        found = block_costs(features, params, table, part // (m + 1), part % (m + 1), shapes)
        bead[start : start + len(part)] = np.stack(found, axis=1)
    return cell_of, bead


def _backward(
    bead: FloatArray,
    cell_of: npt.NDArray[np.int32],
    skip_steps: SkipSteps,
    rows: IntArray,
    lo: IntArray,
    span: IntArray,
    end_x: IntArray,
    layout: Layout,
    shapes: list[tuple[int, int]],
) -> FloatArray:
    """The best cost from every cell to its grid's path end, steps from the last to the first
    (a bead starting at a cell is the bead ending ``a`` rows further, read from ``bead``)."""
    offset = layout.offset
    total, width = cell_of.shape
    behind = np.full(total * width + 1, _INF)
    flat = behind[:-1].reshape(total, width)
    cells = np.arange(width)
    a_of = np.array([a for a, _ in shapes])
    b_of = np.array([b for _, b in shapes])
    steps_count = len(offset) - 1
    for r in range(steps_count - 1, -1, -1):
        slots = np.arange(int(offset[r]), int(offset[r + 1]))
        place = slots - offset[r]
        # The slot each shape's bead ends on: the same grid `a` steps later, if it is that tall.
        later = np.minimum(r + a_of, steps_count - 1)
        target = offset[later][None, :] + place[:, None]  # (slots, shapes)
        tall = (r + a_of < steps_count)[None, :] & (place[:, None] < np.diff(offset)[later])
        target = np.where(tall, target, 0)
        j = lo[slots][:, None] + cells[None, :]  # (slots, width)
        column = j[:, None, :] + b_of[None, :, None] - lo[target][:, :, None]
        valid = tall[:, :, None] & (column >= 0) & (column < span[target][:, :, None])
        column = np.where(valid, column, 0)
        index = np.where(valid, target[:, :, None] * width + column, len(behind) - 1)
        costs = bead[cell_of[target[:, :, None], column], np.arange(len(shapes))[None, :, None]]
        best = (behind[index] + costs).min(axis=1)
        ended = np.flatnonzero(end_x[slots] >= 0)
        best[ended, end_x[slots][ended]] = 0.0  # the path ends here
        inside = cells[None, :] < span[slots][:, None]
        best = np.where(inside, best, _INF)
        steps = skip_steps.of_rows(rows[slots], lo[slots])
        # Skipping English units rightwards: the best of this cell and any to its right plus
        # the skips between.
        running = np.minimum.accumulate((best + steps)[:, ::-1], axis=1)[:, ::-1] - steps
        flat[slots] = np.where(inside, np.minimum(best, running), _INF)
    return flat


def _backtrack(
    grids: Grids,
    choices: npt.NDArray[np.int8],
    ahead: FloatArray,
    behind: FloatArray,
    lo: IntArray,
    hi: IntArray,
    shapes: list[tuple[int, int]],
) -> GridPaths:
    """Trace every grid's path back from its end, all grids a bead at a time."""
    layout = grids.layout
    a_of = np.array([a for a, _ in shapes] + [0, 0])  # codes -2 (0-1) and -1 (none) at the end
    b_of = np.array([b for _, b in shapes] + [1, 0])
    count = grids.count
    row = grids.zh_end - grids.zh_first
    j = grids.en_end.copy()
    end_slots = layout.slot(np.arange(count), row)
    cost = ahead[end_slots, j - lo[end_slots]]
    start_row = grids.zh_start - grids.zh_first
    touches = np.zeros(count, dtype=bool)
    found: list[tuple[IntArray, IntArray, IntArray, IntArray, IntArray, IntArray]] = []
    live = np.flatnonzero((row > start_row) | (j > grids.en_start))
    step = 0
    margin = 2
    while len(live):
        r, jj = row[live], j[live]
        slots = layout.slot(live, r)
        x = jj - lo[slots]
        touches[live] |= ((lo[slots] > grids.en_first[live]) & (x < margin)) | (
            (hi[slots] < grids.en_stop[live]) & (hi[slots] - jj < margin)
        )
        code = choices[slots, x].astype(np.int64)
        if (code == -1).any():
            raise AssertionError("no path through a cell of a grid")
        a, b = a_of[code], b_of[code]
        found.append((live, np.full(len(live), step), r, jj, a, b))
        row[live], j[live] = r - a, jj - b
        live = live[(row[live] > start_row[live]) | (j[live] > grids.en_start[live])]
        step += 1
    beads: list[Span] = []
    bead_starts = np.zeros(count + 1, dtype=np.int64)
    if found:
        grid, steps, r_end, j_end, a, b = (
            np.concatenate(part) for part in zip(*found, strict=True)
        )
        order = np.lexsort((-steps, grid))
        bead_starts = np.searchsorted(grid[order], np.arange(count + 1)).astype(np.int64)
        i_end = (grids.zh_first[grid] + r_end)[order]
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
    return GridPaths(beads, bead_starts, cost, touches, ahead, behind, lo, hi)


def replace_grids(
    grids: Grids, paths: GridPaths, ids: IntArray, new: Grids, found: GridPaths
) -> tuple[Grids, GridPaths]:
    """``grids`` and their ``paths`` with grids ``ids`` replaced by ``new`` (the same pieces
    in other bands, with the same rows) and their paths ``found``."""
    lo, hi = grids.lo.copy(), grids.hi.copy()
    width = max(paths.ahead.shape[1], found.ahead.shape[1])
    ahead, behind = (np.full((len(paths.ahead), width), _INF) for _ in range(2))
    ahead[:, : paths.ahead.shape[1]] = paths.ahead
    behind[:, : paths.behind.shape[1]] = paths.behind
    slot_lo, slot_hi = paths.lo.copy(), paths.hi.copy()
    for k, g in enumerate(ids.tolist()):
        rows = np.arange(int(grids.heights[g]) + 1)
        lo[grids.base[g] + rows] = new.lo[new.base[k] + rows]
        hi[grids.base[g] + rows] = new.hi[new.base[k] + rows]
        mine = grids.layout.slot(np.full_like(rows, g), rows)
        theirs = new.layout.slot(np.full_like(rows, k), rows)
        ahead[mine], behind[mine] = _INF, _INF
        ahead[mine, : found.ahead.shape[1]] = found.ahead[theirs]
        behind[mine, : found.behind.shape[1]] = found.behind[theirs]
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
        grids.zh_first,
        grids.zh_stop,
        grids.en_first,
        grids.en_stop,
        lo,
        hi,
    )
    return merged, GridPaths(
        beads,
        np.array(starts, dtype=np.int64),
        cost,
        touches,
        ahead,
        behind,
        slot_lo,
        slot_hi,
    )
