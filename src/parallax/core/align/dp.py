"""The search: a monotonic dynamic programme over bead shapes inside a band, one row at a time.

Row ``i`` of the grid holds the best cost of aligning the first ``i`` Chinese units with the
first ``j`` English units, for every ``j`` in the band (cell ``x`` of row ``i`` is
``j = band.lo[i] + x``). Bead costs come from :mod:`costs` for blocks of rows, together with the
flat index of each bead's starting cell; each row is then one gather of the earlier rows' costs
for every shape at once, a minimum over shapes, and a running minimum for 0-1 beads (skipping an
English unit, the only dependency inside a row). Time and memory grow with (units × band width):
linearly in document length.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from parallax.core.align.band import Band
from parallax.core.align.costs import block_costs
from parallax.core.align.features import Features
from parallax.core.align.length import FloatArray
from parallax.core.align.pairs import PairTable
from parallax.core.align.params import Params

_INF = np.inf
_SKIP_EN = -2  # choice code of a 0-1 bead
# Rows whose costs are computed together (bounds the memory of the cost blocks).
BLOCK_ROWS = 256


@dataclass(frozen=True)
class Path:
    """The best path: its beads as ``((zh_start, zh_end), (en_start, en_end))`` half-open ranges,
    whether it came within reach of the band's edge (the band should then be widened), its cost,
    and the cost of the best path to every cell (``costs[i, x]``, cell ``x`` of row ``i``)."""

    beads: list[tuple[tuple[int, int], tuple[int, int]]]
    touches_edge: bool
    cost: float
    costs: FloatArray | None = None


def search(features: Features, params: Params, band: Band, table: PairTable) -> Path:
    """The lowest-cost alignment inside ``band``."""
    n, m = features.n_zh, features.n_en
    shapes = [shape for shape in params.beads if shape[0] >= 1 and shape[1] >= 1] + [(1, 0)]
    width = int((band.hi - band.lo).max()) + 1
    lo, hi = band.lo.astype(np.int64), band.hi.astype(np.int64)
    span = hi - lo + 1  # cells of each row inside the band
    flat_costs = np.full((n + 1) * width + 1, _INF)  # the last cell stays infinite
    costs = flat_costs[:-1].reshape(n + 1, width)
    outside = len(flat_costs) - 1
    choices = np.full((n + 1, width), -1, dtype=np.int8)
    cells = np.arange(width)
    skip_steps = SkipSteps(features, params, lo, width)
    # Row 0: only 0-1 beads.
    first = np.full(width, _INF)
    first[0] = 0.0
    steps = skip_steps.of_row(0)
    costs[0] = np.minimum.accumulate(first - steps) + steps
    choices[0, 1:] = _SKIP_EN
    costs[0, span[0] :] = _INF
    a_of = np.array([a for a, _ in shapes])
    b_of = np.array([b for _, b in shapes])
    for start in range(1, n + 1, BLOCK_ROWS):
        rows = range(start, min(start + BLOCK_ROWS, n + 1))
        i = np.arange(rows.start, rows.stop)[:, None]  # (R, 1)
        j = lo[i] + cells[None, :]
        block = np.stack(block_costs(features, params, table, i, j, shapes), axis=1)
        source = i - a_of[None, :]  # (R, S): the row each shape's bead starts on
        safe = np.maximum(source, 0)
        column = cells[None, None, :] + (lo[i] - b_of[None, :] - lo[safe])[:, :, None]
        valid = (source[:, :, None] >= 0) & (column >= 0) & (column < span[safe][:, :, None])
        index = np.where(valid, safe[:, :, None] * width + column, outside)
        spans = span[rows.start : rows.stop].tolist()
        for r, row in enumerate(rows):
            w = spans[r]  # the row's cells inside the band; the rest stay infinite
            total = flat_costs[index[r, :, :w]] + block[r, :, :w]
            choice = total.argmin(axis=0)
            best = total[choice, cells[:w]]
            steps = skip_steps.of_row(row)[:w]
            running = np.minimum.accumulate(best - steps) + steps
            skipped = running < best - 1e-9
            choices[row, :w] = np.where(skipped, _SKIP_EN, choice)
            costs[row, :w] = np.where(skipped, running, best)
    return _backtrack(choices, shapes, band, n, m, float(costs[n, m - lo[n]]), costs)


class SkipSteps:
    """Cumulative costs of runs of 0-1 beads along a row (``steps[x]``: from cell 0 to ``x``)."""

    def __init__(self, features: Features, params: Params, lo: npt.NDArray[np.int64], width: int):
        self.plain = params.skip_cost * np.arange(width, dtype=np.float64)
        self.lo = lo
        self.cells = np.arange(width)
        self.bounds = features.boundaries(params.merge_cost)
        if self.bounds is not None:
            # A 0-1 bead ending at English position j inside a Chinese paragraph pays half the
            # merge cost for each English paragraph boundary at its two ends (boundaries.py).
            en = self.bounds.en.astype(np.float64)
            ends = en.copy()
            ends[1:] += en[:-1]
            step = params.skip_cost + 0.5 * params.merge_cost * ends
            step = np.concatenate([step, np.full(width, params.skip_cost)])  # past the grid
            self.cumulative = np.cumsum(step)

    def of_row(self, i: int) -> FloatArray:
        """The steps of row ``i`` of the band."""
        if self.bounds is None or self.bounds.zh[i]:
            return self.plain
        start = int(self.lo[i])
        cumulative = self.cumulative
        steps: FloatArray = cumulative[start : start + len(self.cells)] - cumulative[start]
        return steps

    def of_rows(self, rows: npt.NDArray[np.int64], lo: npt.NDArray[np.int64]) -> FloatArray:
        """The steps of grid rows ``rows`` (any rows) whose first cells are English ``lo``."""
        if self.bounds is None:
            return np.broadcast_to(self.plain, (len(rows), len(self.plain)))
        cumulative = self.cumulative
        steps = cumulative[lo[:, None] + self.cells] - cumulative[lo][:, None]
        found: FloatArray = np.where(self.bounds.zh[rows][:, None], self.plain, steps)
        return found


def _backtrack(
    choices: npt.NDArray[np.int8],
    shapes: list[tuple[int, int]],
    band: Band,
    n: int,
    m: int,
    cost: float,
    costs: FloatArray,
) -> Path:
    beads: list[tuple[tuple[int, int], tuple[int, int]]] = []
    touches = False
    lo, hi = band.lo.tolist(), band.hi.tolist()  # Python ints: this loop is per bead
    margin = 2
    i, j = n, m
    while i > 0 or j > 0:
        if not touches:  # within reach of an edge of the band that is not the grid's
            touches = (lo[i] > 0 and j - lo[i] < margin) or (hi[i] < m and hi[i] - j < margin)
        code = int(choices[i, j - lo[i]])
        if code == _SKIP_EN:
            a, b = 0, 1
        elif code < 0:
            raise AssertionError(f"no path through cell ({i}, {j})")
        else:
            a, b = shapes[code]
        beads.append(((i - a, i), (j - b, j)))
        i, j = i - a, j - b
    beads.reverse()
    return Path(beads, touches, cost, costs)
