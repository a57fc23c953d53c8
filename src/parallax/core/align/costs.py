"""Bead costs for a block of grid rows at once, fully vectorised with NumPy.

A cell ``(i, j)`` of the grid has consumed ``i`` Chinese and ``j`` English units. The cost of an
``a``-``b`` bead ending at ``(i, j)`` adds the bead prior, the length cost of Chinese units
``i-a..i-1`` against English units ``j-b..j-1``, and the lexical cost from the pair table's
match counts.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from parallax.core.align.band import IntArray
from parallax.core.align.features import Features
from parallax.core.align.length import MAX_COST, FloatArray
from parallax.core.align.pairs import PairTable
from parallax.core.align.params import Params


def block_costs(
    features: Features,
    params: Params,
    table: PairTable,
    i: IntArray,
    j: IntArray,
    shapes: list[tuple[int, int]],
) -> list[FloatArray]:
    """For each shape, the costs of that bead ending at each cell ``(i, j)`` (arrays of one
    shape: a block of band rows, or any cells). What the shapes share (the pair table read at
    each pair of units, their sums, the prefix lengths) is read once."""
    m = features.n_en
    i, j = np.broadcast_arrays(i, j)
    lexical = bool(features.signals)
    units = [np.where(i - 1 - k >= 0, i - 1 - k, -1) for k in range(params.max_zh)]
    en_units = [
        np.where((j - 1 - t >= 0) & (j - 1 - t < m), j - 1 - t, -1) for t in range(params.max_en)
    ]
    pairs = _Pairs(table, units, en_units, j)
    lengths = _Lengths(features, i, j)
    bounds = features.boundaries(params.merge_cost)
    structure = bounds.bead_costs(i, j) if bounds is not None else None
    redundancy = params.redundancy
    costs = []
    for a, b in shapes:
        prior = float(params.beads.get((a, b), params.skip_cost))
        total = np.full(i.shape, prior) if structure is None else structure(a, b) + prior
        if b == 0:
            costs.append(total)
            continue
        if "length" in params.signals:
            total += params.length_weight * lengths.cost(a, b, params.length_variance)
        if lexical:
            zh_sum, zh_union = pairs.zh_side(a, b, redundancy)
            en_sum, en_union = pairs.en_side(a, b, redundancy)
            items = pairs.items(a, b)
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


class _Pairs:
    """The pair table read at the units of the beads ending at the cells: Chinese unit
    ``units[k]`` (``i-1-k``, or -1) against English unit ``en_units[t]`` (``j-1-t``, or -1),
    each read and each sum computed once for all shapes."""

    def __init__(
        self, table: PairTable, units: list[IntArray], en_units: list[IntArray], j: IntArray
    ) -> None:
        self.table, self.units, self.en_units, self.j = table, units, en_units, j
        self.zh_totals = np.concatenate([table.zh_total, [0.0]])  # index -1 -> no unit
        self.en_totals = np.concatenate([table.en_total, [0.0]])
        self.memo: dict[tuple[object, ...], FloatArray] = {}
        self.sides: dict[tuple[object, ...], tuple[FloatArray, FloatArray]] = {}
        self.places: dict[tuple[int, int], IntArray] = {}
        self.rows: dict[int, tuple[IntArray, IntArray, IntArray]] = {}

    def _once(self, key: tuple[object, ...], make: Callable[[], FloatArray]) -> FloatArray:
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = make()
        return found

    def _at(self, flat: FloatArray, k: int, t: int) -> FloatArray:
        """``flat`` at unit pairs ``(units[k], en_units[t])``; 0 outside the table."""
        index = self.places.get((k, t))
        if index is None:
            row = self.rows.get(k)
            if row is None:
                table, u = self.table, self.units[k]
                lo = table.lo[u]
                # English unit j-1-t is in u's window when 0 <= j-1-lo - t < hi-lo (and u is).
                ahead = np.where(u >= 0, self.j - 1 - lo, -1)
                row = self.rows[k] = (ahead, table.hi[u] - lo, table.offset[u] + ahead)
            ahead, width, start = row
            inside = (ahead >= t) & (ahead - t < width)
            index = self.places[(k, t)] = np.where(inside, start - t, 0)
        if flat.size == 0:
            return np.zeros(index.shape)
        found: FloatArray = flat[index]
        return found

    def hits(self, k: int, t: int) -> FloatArray:
        """Keys shared by Chinese unit i-1-k and English unit j-1-t (weighted)."""
        return self._once(("hits", k, t), lambda: self._at(self.table.en_matched, k, t))

    def zh_found(self, k: int, b: int) -> FloatArray:
        """Keys of Chinese unit i-1-k found in English units j-b..j-1."""
        return self._once(("zh", k, b), lambda: np.sum([self.hits(k, t) for t in range(b)], 0))

    def en_found(self, t: int, a: int) -> FloatArray:
        """Keys of English unit j-1-t found in Chinese units i-a..i-1."""
        return self._once(("en", t, a), lambda: np.sum([self.hits(k, t) for k in range(a)], 0))

    def en_repeated(self, k: int, b: int) -> FloatArray:
        """Keys of Chinese unit i-1-k found in two neighbouring English units of j-b..j-1."""

        def make() -> FloatArray:
            shared = self.table.en_shared  # keys of u in both v and v + 1
            return sum(self._at(shared, k, t + 1) for t in range(b - 1))  # type: ignore[return-value]

        return self._once(("en_repeated", k, b), make)

    def zh_repeated(self, t: int, a: int) -> FloatArray:
        """Keys of English unit j-1-t found in two neighbouring Chinese units of i-a..i-1."""

        def make() -> FloatArray:
            shared = self.table.zh_shared  # keys of v in both u and u + 1
            return sum(self._at(shared, k + 1, t) for k in range(a - 1))  # type: ignore[return-value]

        return self._once(("zh_repeated", t, a), make)

    def zh_side(self, a: int, b: int, redundancy: float) -> tuple[FloatArray, FloatArray]:
        """For Chinese units i-a..i-1 against English j-b..j-1: the items of each Chinese unit
        found (each capped by the unit's items), summed; and the keys found, summed."""
        key = ("zh_side", a, b)
        found = self.sides.get(key)
        if found is None:
            if a == 0:
                zero = np.zeros(self.units[0].shape)
                return zero, zero
            capped, union = self.zh_side(a - 1, b, redundancy)
            net = self.zh_found(a - 1, b)
            if redundancy and b > 1:
                net = net - redundancy * self.en_repeated(a - 1, b)
            found = self.sides[key] = (
                capped + np.minimum(self.zh_total(a - 1), net),
                union + net,
            )
        return found

    def en_side(self, a: int, b: int, redundancy: float) -> tuple[FloatArray, FloatArray]:
        """As :meth:`zh_side`, for the English units."""
        key = ("en_side", a, b)
        found = self.sides.get(key)
        if found is None:
            if b == 0:
                zero = np.zeros(self.units[0].shape)
                return zero, zero
            capped, union = self.en_side(a, b - 1, redundancy)
            net = self.en_found(b - 1, a)
            if redundancy and a > 1:
                net = net - redundancy * self.zh_repeated(b - 1, a)
            found = self.sides[key] = (
                capped + np.minimum(self.en_total(b - 1), net),
                union + net,
            )
        return found

    def items(self, a: int, b: int) -> FloatArray:
        """The items of Chinese units i-a..i-1 and English units j-b..j-1."""
        if b == 0:
            if a == 0:
                return np.zeros(self.units[0].shape)
            return self._once(("items", a, 0), lambda: self.items(a - 1, 0) + self.zh_total(a - 1))
        return self._once(("items", a, b), lambda: self.items(a, b - 1) + self.en_total(b - 1))

    def zh_total(self, k: int) -> FloatArray:
        return self._once(("zh_total", k), lambda: self.zh_totals[self.units[k]])

    def en_total(self, t: int) -> FloatArray:
        return self._once(("en_total", t), lambda: self.en_totals[self.en_units[t]])


class _Lengths:
    """The lengths of the beads ending at the cells: Chinese ``a`` units, English ``b``."""

    def __init__(self, features: Features, i: IntArray, j: IntArray) -> None:
        self.features, self.i, self.j = features, i, j
        self.m = features.n_en
        self.zh_end = features.zh_cum[i]
        self.en_end = features.en_cum[np.clip(j, 0, self.m)]
        self.memo: dict[tuple[str, int], FloatArray] = {}

    def zh(self, a: int) -> FloatArray:
        found = self.memo.get(("zh", a))
        if found is None:
            start = self.features.zh_cum[np.maximum(self.i - a, 0)]
            found = self.memo[("zh", a)] = self.zh_end - start
        return found

    def cost(self, a: int, b: int, variance: float) -> FloatArray:
        """:func:`length.length_cost` of the ``a``-``b`` beads (the expected lengths shared)."""
        expected = self.memo.get(("expected", a))
        if expected is None:
            expected = self.memo[("expected", a)] = self.features.ratio * self.zh(a)
        en_len = self.en(b)
        mean = np.maximum((expected + en_len) / 2, 1.0)
        delta = (en_len - expected) / np.sqrt(variance * mean)
        found: FloatArray = np.minimum(0.5 * np.square(delta), MAX_COST)
        return found

    def en(self, b: int) -> FloatArray:
        found = self.memo.get(("en", b))
        if found is None:
            start = self.features.en_cum[np.clip(self.j - b, 0, self.m)]
            found = self.memo[("en", b)] = self.en_end - start
        return found
