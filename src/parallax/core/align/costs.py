"""Bead costs for a block of grid rows at once, fully vectorised with NumPy.

Row ``i`` of the grid (``i`` Chinese units consumed) holds cells ``x = 0..width-1`` standing for
English positions ``j = band.lo[i] + x``. The cost of an ``a``-``b`` bead ending at ``(i, j)``
adds the bead prior, the length cost of Chinese units ``i-a..i-1`` against English units
``j-b..j-1``, and the lexical cost from the pair table's match counts.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from parallax.core.align.band import Band, IntArray
from parallax.core.align.features import Features
from parallax.core.align.length import FloatArray, length_cost
from parallax.core.align.pairs import PairTable
from parallax.core.align.params import Params


def _gather(table: PairTable, flat: FloatArray, u: IntArray, v: IntArray) -> FloatArray:
    """``flat`` at pairs ``(u, v)`` (broadcast), 0 where the pair is not in the table."""
    lo, hi = table.lo[u], table.hi[u]
    inside = (u >= 0) & (v >= lo) & (v < hi)
    if flat.size == 0:
        return np.zeros(np.broadcast(u, v).shape)
    index = np.where(inside, table.offset[u] + v - lo, 0)
    return np.where(inside, flat[index], 0.0)


def block_costs(
    features: Features,
    params: Params,
    table: PairTable,
    band: Band,
    rows: range,
    width: int,
    shapes: list[tuple[int, int]],
) -> list[FloatArray]:
    """For each shape, the ``(len(rows), width)`` costs of that bead ending at each cell."""
    m = features.n_en
    i = np.arange(rows.start, rows.stop)[:, None]
    j = band.lo[i] + np.arange(width)[None, :]
    max_zh, max_en = params.max_zh, params.max_en
    lexical = bool(features.signals)
    zh_total = np.concatenate([table.zh_total, [0.0]])  # index -1 -> no unit
    en_total = np.concatenate([table.en_total, [0.0]])
    # hits[k][t]: keys shared by unit i-1-k and en unit j-1-t (weighted over the signals).
    units = [np.where(i - 1 - k >= 0, i - 1 - k, -1) for k in range(max_zh)]
    en_units = [np.where((j - 1 - t >= 0) & (j - 1 - t < m), j - 1 - t, -1) for t in range(max_en)]
    if lexical:
        hits = _Lazy(lambda k, t: _gather(table, table.en_matched, units[k], en_units[t]))
        # zh_shared[k, t]: keys of unit i-2-k also in unit i-1-k and in en unit j-1-t;
        # en_shared[k, t]: keys of unit i-1-k in both en units j-2-t and j-1-t.
        zh_shared = _Lazy(lambda k, t: _gather(table, table.zh_shared, units[k + 1], en_units[t]))
        en_shared = _Lazy(lambda k, t: _gather(table, table.en_shared, units[k], en_units[t + 1]))
        redundancy = params.redundancy
    costs = []
    bounds = features.boundaries(params.merge_cost)
    for a, b in shapes:
        total = np.full((len(rows), width), float(params.beads.get((a, b), params.skip_cost)))
        if bounds is not None:
            total += bounds.bead_cost(i, j, a, b)
        if b == 0:
            costs.append(total)
            continue
        if "length" in params.signals:
            zh_len = features.zh_cum[i] - features.zh_cum[np.maximum(i - a, 0)]
            en_len = features.en_cum[np.clip(j, 0, m)] - features.en_cum[np.clip(j - b, 0, m)]
            total += params.length_weight * length_cost(
                zh_len, en_len, features.ratio, params.length_variance
            )
        if lexical:
            zh_sum = np.zeros_like(total)
            en_sum = np.zeros_like(total)
            zh_union = np.zeros_like(total)  # keys of the Chinese found in the bead's English
            en_union = np.zeros_like(total)
            items = np.zeros_like(total)
            for k in range(a):
                found: FloatArray = np.sum([hits[k, t] for t in range(b)], axis=0)
                if redundancy and b > 1:
                    found = found - redundancy * sum(en_shared[k, t] for t in range(b - 1))
                zh_union += found
                zh_sum += np.minimum(zh_total[units[k]], found)
                items += zh_total[units[k]]
            for t in range(b):
                found = np.sum([hits[k, t] for k in range(a)], axis=0)
                if redundancy and a > 1:
                    found = found - redundancy * sum(zh_shared[k, t] for k in range(a - 1))
                en_union += found
                en_sum += np.minimum(en_total[en_units[t]], found)
                items += en_total[en_units[t]]
            # A unit whose matches all repeat its neighbour's (a headline over its lede) adds
            # no evidence: each side's matches are capped by the other side's distinct ones.
            matched = np.minimum(zh_sum, en_union) + np.minimum(en_sum, zh_union)
            if params.lexical_mode == "evidence":
                total += params.lexical_weight * (params.unmatched_share * items - matched)
            else:
                sim = (matched + params.smoothing * params.neutral) / (items + params.smoothing)
                total += params.lexical_weight * (1.0 - sim) * (a + b) / 2
        costs.append(total)
    return costs


class _Lazy:
    """Arrays computed on first use, keyed by (k, t)."""

    def __init__(self, make: Callable[[int, int], FloatArray]) -> None:
        self.make = make
        self.done: dict[tuple[int, int], FloatArray] = {}

    def __getitem__(self, key: tuple[int, int]) -> FloatArray:
        found = self.done.get(key)
        if found is None:
            found = self.done[key] = self.make(*key)
        return found
