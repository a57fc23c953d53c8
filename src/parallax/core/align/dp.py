"""The search: a monotonic dynamic programme over bead shapes inside a band, one row at a time.

Row ``i`` of the grid holds the best cost of aligning the first ``i`` Chinese units with the
first ``j`` English units, for every ``j`` in the band (cell ``x`` of row ``i`` is
``j = band.lo[i] + x``). Bead costs come from :mod:`costs` for blocks of rows; each row is then
filled with NumPy over the whole band at once, the only dependency inside a row (a 0-1 bead,
skipping an English unit) being a running minimum. Time and memory grow with (units × band
width): linearly in document length.
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


@dataclass(frozen=True)
class Path:
    """The best path: its beads as ``((zh_start, zh_end), (en_start, en_end))`` half-open ranges,
    and whether it came within reach of the band's edge (the band should then be widened)."""

    beads: list[tuple[tuple[int, int], tuple[int, int]]]
    touches_edge: bool
    cost: float


# Rows whose costs are computed together (bounds the memory of the cost blocks).
BLOCK_ROWS = 512


def search(features: Features, params: Params, band: Band, table: PairTable) -> Path:
    """The lowest-cost alignment inside ``band``."""
    n, m = features.n_zh, features.n_en
    shapes = [shape for shape in params.beads if shape[0] >= 1 and shape[1] >= 1] + [(1, 0)]
    width = int((band.hi - band.lo).max()) + 1
    lo = band.lo.astype(np.int64)
    costs = np.full((n + 1, width), _INF)
    choices = np.full((n + 1, width), -1, dtype=np.int8)
    costs[0, 0] = 0.0
    steps = params.skip_cost * np.arange(width, dtype=np.float64)
    # Row 0: only 0-1 beads.
    costs[0] = np.minimum.accumulate(costs[0] - steps) + steps
    choices[0, 1:] = _SKIP_EN
    costs[0, int(band.hi[0]) + 1 :] = _INF
    for first in range(1, n + 1, BLOCK_ROWS):
        rows = range(first, min(first + BLOCK_ROWS, n + 1))
        block = block_costs(features, params, table, band, rows, width, shapes)
        for r, i in enumerate(rows):
            best = np.full(width, _INF)
            choice = choices[i]
            for k, (a, b) in enumerate(shapes):
                if a > i:
                    continue
                total = _shifted(costs[i - a], int(lo[i] - b - lo[i - a])) + block[k][r]
                better = total < best
                best[better] = total[better]
                choice[better] = k
            best[_beyond_band(band, i, width)] = _INF
            running = np.minimum.accumulate(best - steps) + steps
            choice[running < best - 1e-9] = _SKIP_EN
            costs[i] = np.minimum(best, running)
            costs[i, _beyond_band(band, i, width)] = _INF
    return _backtrack(choices, shapes, band, n, m, float(costs[n, m - lo[n]]))


def _beyond_band(band: Band, i: int, width: int) -> slice:
    """The cells of row ``i`` beyond the band's upper edge."""
    return slice(int(band.hi[i] - band.lo[i]) + 1, width)


def _shifted(values: FloatArray, shift: int) -> FloatArray:
    """``values[x + shift]`` for every cell ``x``, infinite outside the row."""
    if shift == 0:
        return values
    out = np.full(len(values), _INF)
    if shift > 0:
        if shift < len(values):
            out[: len(values) - shift] = values[shift:]
    elif -shift < len(values):
        out[-shift:] = values[: len(values) + shift]
    return out


def _backtrack(
    choices: npt.NDArray[np.int8],
    shapes: list[tuple[int, int]],
    band: Band,
    n: int,
    m: int,
    cost: float,
) -> Path:
    beads: list[tuple[tuple[int, int], tuple[int, int]]] = []
    touches = False
    i, j = n, m
    while i > 0 or j > 0:
        touches = touches or band.near_edge(i, j, m)
        code = int(choices[i][j - band.lo[i]])
        if code == _SKIP_EN:
            a, b = 0, 1
        elif code < 0:
            raise AssertionError(f"no path through cell ({i}, {j})")
        else:
            a, b = shapes[code]
        beads.append(((i - a, i), (j - b, j)))
        i, j = i - a, j - b
    beads.reverse()
    return Path(beads, touches, cost)
