"""How sure the search is of a point of its path: the extra cost of the best path avoiding it.

The forward search gives the cost of the best path from the start to every cell; the same search
run on the reversed document gives the cost from every cell to the end, so their sum is the cost
of the best path through the cell. The *margin* of a point of the best path is how much more the
best path costs that crosses the point's row, or its column, somewhere else. A paragraph row
whose boundaries have large margins is right with high probability; a small margin means
another pairing was nearly as good, which is where a reader should look.

The costs are read from :class:`Sheet` s (a search's cost rows with their bands), so the same
computation serves one search over the whole document and the pieces of :mod:`grids`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from parallax.core.align.band import Band, IntArray, make_band
from parallax.core.align.dp import search
from parallax.core.align.engine import Search, path_centre
from parallax.core.align.features import Features
from parallax.core.align.items import Items
from parallax.core.align.length import FloatArray
from parallax.core.align.pairs import pair_table
from parallax.core.align.params import Params

# Half width of the backward search's band, in units.
MARGIN_BAND = 8

# (grid rows, grids) -> (row slots, whether the row is in the grid)
SlotOf = Callable[[IntArray, IntArray], tuple[IntArray, np.ndarray]]


@dataclass(frozen=True)
class Sheet:
    """A search's best costs: ``costs[slot, x]`` at English position ``lo[slot] + x`` (up to
    ``hi[slot]``), the slot of a grid row given by ``slot_of``. A mirrored sheet holds the
    search of the reversed document: it is read at ``(n - i, m - j)`` in grid ``last - g``."""

    costs: FloatArray
    lo: IntArray
    hi: IntArray
    slot_of: SlotOf
    mirror: tuple[int, int, int] | None = None  # n, m, number of grids - 1

    def at(self, i: IntArray, j: IntArray, grid: IntArray) -> FloatArray:
        """The costs at cells ``(i, j)`` of ``grid`` (broadcast); infinite outside the band."""
        if self.mirror is not None:
            n, m, last = self.mirror
            i, j, grid = n - i, m - j, last - grid
        i, j, grid = np.broadcast_arrays(i, j, grid)
        slots, valid = self.slot_of(i, grid)
        slots = np.where(valid, slots, 0)
        x = j - self.lo[slots]
        inside = valid & (x >= 0) & (j <= self.hi[slots])
        x = np.clip(x, 0, self.costs.shape[1] - 1)
        found: FloatArray = np.where(inside, self.costs[slots, x], np.inf)
        return found


@dataclass(frozen=True)
class Rows:
    """The candidate cells of the alternatives: grid ``g``'s row ``r`` (document row
    ``zh_start[g] + r``) spans English positions ``lo[k]..hi[k]``, ``k = base[g] + r``, grid
    after grid; inside a grid both only move right."""

    lo: IntArray
    hi: IntArray
    base: IntArray
    zh_start: IntArray
    heights: IntArray


@dataclass(frozen=True)
class Through:
    """At each point: the cost of the best path through it, and of the best through another
    cell of its row or column, leaving out (``alternative``) or counting (``any_other``) the
    paths that are this point's path with units skipped before or after it."""

    here: FloatArray
    alternative: FloatArray
    any_other: FloatArray


def through_points(
    points: Sequence[tuple[int, int]],
    forward: Sheet,
    forward_grid: IntArray,
    backward: Sheet,
    backward_grid: IntArray,
    rows: Rows,
    skip_cost: float,
) -> Through:
    """The costs through ``points`` and through the other cells of their rows and columns
    inside ``rows`` (of the forward grids), from ``forward`` and ``backward`` searches."""
    at = np.asarray(points, dtype=np.int64).reshape(-1, 2)
    i, j = at[:, 0], at[:, 1]
    grid, back = forward_grid, backward_grid

    def costs(
        ii: IntArray, jj: IntArray, g: IntArray, b: IntArray
    ) -> tuple[FloatArray, FloatArray]:
        return forward.at(ii, jj, g), backward.at(ii, jj, b)

    here_f, here_b = costs(i, j, grid, back)
    first_row, last_row = rows.base[grid], rows.base[grid] + rows.heights[grid]
    k = np.clip(rows.base[grid] + i - rows.zh_start[grid], first_row, last_row)
    # The row's cells.
    first, last = rows.lo[k], rows.hi[k]
    columns = first[:, None] + np.arange(int((last - first).max(initial=0)) + 1)[None, :]
    f, b = costs(i[:, None], columns, grid[:, None], back[:, None])
    outside = columns > last[:, None]
    row_via, row_any = _alternatives(
        np.where(outside, np.inf, f),
        b,
        columns - j[:, None],
        here_f[:, None],
        here_b[:, None],
        skip_cost,
    )
    # The column's cells: the rows of the point's grid whose band holds j (a run of rows; an
    # offset per grid keeps the bands of all grids in one sorted order).
    shift = np.repeat(np.arange(len(rows.base)), rows.heights + 1) * (int(rows.hi.max()) + 2)
    offset = grid * (int(rows.hi.max()) + 2)
    top = np.maximum(np.searchsorted(rows.hi + shift, j + offset, "left"), first_row)
    bottom = np.minimum(np.searchsorted(rows.lo + shift, j + offset, "right") - 1, last_row)
    counts = np.maximum(bottom - top + 1, 0)
    owner = np.repeat(np.arange(len(i)), counts)
    starts = np.cumsum(counts) - counts
    cells = top[owner] + np.arange(int(counts.sum())) - np.repeat(starts, counts)
    cells = cells - rows.base[grid[owner]] + rows.zh_start[grid[owner]]  # document rows
    f, b = costs(cells, j[owner], grid[owner], back[owner])
    column_via, column_any = _alternatives(
        f, b, cells - i[owner], here_f[owner], here_b[owner], skip_cost
    )
    via, other = row_via.min(axis=1, initial=np.inf), row_any.min(axis=1, initial=np.inf)
    np.minimum.at(via, owner, column_via)
    np.minimum.at(other, owner, column_any)
    return Through(here_f + here_b, via, other)


def margins_at(
    points: Sequence[tuple[int, int]],
    forward: Sheet,
    forward_grid: IntArray,
    backward: Sheet,
    backward_grid: IntArray,
    rows: Rows,
    best: FloatArray,
    skip_cost: float,
) -> FloatArray:
    """The margin of each of ``points``, whose best paths cost ``best``: how much more the best
    path through another cell of its row or column costs, unless that path is just this
    point's path with units skipped before or after it (not an alternative)."""
    found = through_points(points, forward, forward_grid, backward, backward_grid, rows, skip_cost)
    margins: FloatArray = np.maximum(0.0, found.alternative - best)
    return margins


def _alternatives(
    f: FloatArray,
    b: FloatArray,
    distance: IntArray,
    here_f: FloatArray,
    here_b: FloatArray,
    skip_cost: float,
) -> tuple[FloatArray, FloatArray]:
    """The cost through each cell where that is a real alternative (else infinite), and
    through each cell other than the point."""
    via_point = np.where(
        distance < 0, f + skip_cost * -distance + here_b, here_f + skip_cost * distance + b
    )
    keep = (distance != 0) & (f + b < via_point - 1e-9)
    return np.where(keep, f + b, np.inf), np.where(distance != 0, f + b, np.inf)


def point_margins(found: Search, params: Params, points: Sequence[tuple[int, int]]) -> list[float]:
    """The margin of each of ``points`` (cells of the best path), in the search's cost units."""
    features, band = found.features, found.band
    n, m = features.n_zh, features.n_en
    forward = found.path.costs
    assert forward is not None
    # The backward search keeps to a narrow band around the path: the alternatives that matter
    # are near it, and a long document's second search then costs a fraction of the first.
    narrow = make_band(path_centre(found.path, n), m, MARGIN_BAND)
    lo, hi = np.maximum(narrow.lo, band.lo), np.minimum(narrow.hi, band.hi)
    mirror = Band(m - narrow.hi[::-1], m - narrow.lo[::-1], MARGIN_BAND)
    back_features = reversed_features(features)
    table = pair_table(back_features, mirror, params.max_zh, params.max_en, params.redundancy > 0)
    backward = search(back_features, params, mirror, table).costs
    assert backward is not None

    def rows_of(i: IntArray, _grid: IntArray) -> tuple[IntArray, np.ndarray]:
        return i, (i >= 0) & (i <= n)

    ahead = Sheet(forward, band.lo, band.hi, rows_of)
    behind = Sheet(backward, mirror.lo, mirror.hi, rows_of, (n, m, 0))
    grid = np.zeros(len(points), dtype=np.int64)
    best = np.full(len(points), found.path.cost)
    zero = np.zeros(1, dtype=np.int64)
    rows = Rows(lo, hi, zero, zero, np.array([n]))
    margins = margins_at(points, ahead, grid, behind, grid, rows, best, params.skip_cost)
    return [float(x) for x in margins]


def reversed_features(features: Features) -> Features:
    """The features of the document read backwards (last unit first)."""

    def flip(items: Items) -> Items:
        return Items(
            list(items.zh_keys)[::-1],
            list(items.zh_counts)[::-1],
            list(items.en)[::-1],
            items.weight,
        )

    signals = tuple(flip(items) for items in features.signals)
    zh_len, en_len = features.zh_len[::-1].copy(), features.en_len[::-1].copy()
    return replace(
        features,
        zh_len=zh_len,
        en_len=en_len,
        zh_cum=np.concatenate([[0.0], np.cumsum(zh_len)]),
        en_cum=np.concatenate([[0.0], np.cumsum(en_len)]),
        signals=signals,
        joins=tuple(join.reversed() for join in features.joins),
        zh_group=None if features.zh_group is None else features.zh_group[::-1].copy(),
        en_group=None if features.en_group is None else features.en_group[::-1].copy(),
    )
