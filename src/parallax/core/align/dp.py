"""The search: a monotonic dynamic programme over bead shapes inside a band, one row at a time.

Row ``i`` of the grid holds the best cost of aligning the first ``i`` Chinese units with the
first ``j`` English units, for every ``j`` in the band. Each row is computed with NumPy over the
whole band at once; the only dependency inside a row (a 0-1 bead, skipping an English unit) is a
running minimum. Time and memory grow with (units × band width), linearly in document length.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from parallax.core.align.band import Band, IntArray
from parallax.core.align.features import Features
from parallax.core.align.length import FloatArray, length_cost
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


def search(features: Features, params: Params, band: Band, table: PairTable) -> Path:
    """The lowest-cost alignment inside ``band``."""
    n, m = features.n_zh, features.n_en
    shapes = [shape for shape in params.beads if shape[0] >= 1 and shape[1] >= 1] + [(1, 0)]
    costs: list[FloatArray] = []
    choices: list[IntArray] = []
    for i in range(n + 1):
        lo, hi = int(band.lo[i]), int(band.hi[i])
        js = np.arange(lo, hi + 1)
        best = np.full(len(js), _INF)
        choice = np.full(len(js), -1, dtype=np.int64)
        if i == 0:
            best[0] = 0.0
        else:
            row = _RowCosts(features, params, table, i, js)
            for k, (a, b) in enumerate(shapes):
                if a > i:
                    continue
                prev = _take(costs[i - a], band, i - a, js - b)
                if not np.isfinite(prev).any():
                    continue
                total = prev + row.cost(a, b)
                better = total < best
                best[better] = total[better]
                choice[better] = k
        if len(js) > 1:
            steps = params.skip_cost * np.arange(len(js), dtype=np.float64)
            running = np.minimum.accumulate(best - steps) + steps
            skipped = running < best - 1e-9
            choice[skipped] = _SKIP_EN
            best = np.minimum(best, running)
        costs.append(best)
        choices.append(choice)
    return _backtrack(choices, shapes, band, n, m)


def _take(row: FloatArray, band: Band, i: int, js: IntArray) -> FloatArray:
    lo, hi = band.lo[i], band.hi[i]
    inside = (js >= lo) & (js <= hi)
    return np.where(inside, row[np.clip(js - lo, 0, hi - lo)], _INF)


class _RowCosts:
    """Bead costs for every cell of one row, from prefix sums over a block of pair counts."""

    def __init__(self, features: Features, params: Params, table: PairTable, i: int, js: IntArray
                 ) -> None:
        self.features, self.params, self.i, self.js = features, params, i, js
        max_en = params.max_en
        self.xs = np.arange(len(js)) + max_en
        vs = np.arange(js[0] - max_en, js[-1] + 1)
        depth = min(params.max_zh, i)
        self.zh_total = [float(table.zh_total[i - 1 - k]) for k in range(depth)]
        self.zh_prefix = [_prefix(table.take(table.zh_matched, i - 1 - k, vs)) for k in range(depth)]
        en_rows = [table.take(table.en_matched, i - 1 - k, vs) for k in range(depth)]
        inside = (vs >= 0) & (vs < features.n_en)
        en_total = np.where(inside, table.en_total[np.clip(vs, 0, max(features.n_en - 1, 0))], 0.0)
        self.en_total_prefix = _prefix(en_total)
        self.en_prefix = []
        stacked = np.zeros(len(vs))
        for k in range(depth):
            stacked = stacked + en_rows[k]
            self.en_prefix.append(_prefix(np.minimum(en_total, stacked)))
        self.lexical = features.signals and True

    def cost(self, a: int, b: int) -> FloatArray:
        """The cost of an ``a``-``b`` bead ending at each cell of the row."""
        params = self.params
        if b == 0:
            return np.full(len(self.js), params.skip_cost)
        total = np.full(len(self.js), params.beads[(a, b)])
        if "length" in params.signals:
            f = self.features
            zh_len = f.zh_cum[self.i] - f.zh_cum[self.i - a]
            starts = np.clip(self.js - b, 0, f.n_en)
            en_len = f.en_cum[np.clip(self.js, 0, f.n_en)] - f.en_cum[starts]
            total += params.length_weight * length_cost(
                zh_len, en_len, f.ratio, params.length_variance
            )
        if self.lexical:
            xs, lo = self.xs, self.xs - b
            matched = self.en_prefix[a - 1][xs] - self.en_prefix[a - 1][lo]
            for k in range(a):
                prefix = self.zh_prefix[k]
                matched += np.minimum(self.zh_total[k], prefix[xs] - prefix[lo])
            items = sum(self.zh_total[:a]) + self.en_total_prefix[xs] - self.en_total_prefix[lo]
            sim = (matched + params.smoothing * params.neutral) / (items + params.smoothing)
            total += params.lexical_weight * (1.0 - sim) * (a + b) / 2
        return total


def _prefix(values: FloatArray) -> FloatArray:
    return np.concatenate([[0.0], np.cumsum(values)])


def _backtrack(
    choices: list[IntArray], shapes: list[tuple[int, int]], band: Band, n: int, m: int
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
    return Path(beads, touches)
