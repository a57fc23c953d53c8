"""One signal's keys prepared once per document for counting shared keys between units.

Keys are replaced by dense ranks (so ``rank * (m + 1) + unit`` codes never overflow, whatever
the keys' values); Chinese keys that no English unit holds are dropped. Besides each unit's own
keys, the join keeps the keys a unit shares with the next unit of its side: a bead of two
neighbours that say the same thing (a headline over its lede) must not count a match twice.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from parallax.core.align.band import IntArray
from parallax.core.align.items import Items
from parallax.core.align.length import FloatArray

# Chinese (unit, key) pairs joined at a time (bounds the join's memory).
JOIN_BLOCK = 16_384


@dataclass(frozen=True)
class Side:
    """(unit, key rank) pairs in unit order."""

    units: IntArray
    ranks: IntArray


@dataclass(frozen=True)
class KeyJoin:
    """A signal's keys as arrays: Chinese pairs, sorted English codes, and neighbours' shares."""

    m: int
    zh: Side
    en_codes: IntArray  # sorted rank * (m + 1) + unit
    zh_next: Side  # keys of Chinese unit u also in unit u + 1
    en_next_codes: IntArray  # codes of keys of English unit v also in unit v + 1

    def common(self, lo: IntArray, hi: IntArray, offset: IntArray, size: int) -> FloatArray:
        """Keys shared by Chinese ``u`` and English ``v``, for ``v`` in ``lo[u]..hi[u]-1``."""
        return _count(self.zh, self.en_codes, self.m, lo, hi, offset, size)

    def zh_shared(self, lo: IntArray, hi: IntArray, offset: IntArray, size: int) -> FloatArray:
        """Keys shared by Chinese ``u``, ``u + 1`` and English ``v`` (``u``'s windows)."""
        return _count(self.zh_next, self.en_codes, self.m, lo, hi, offset, size)

    def reversed(self, n: int) -> KeyJoin:
        """The join of the same document read backwards (unit ``u`` becomes ``n - 1 - u``)."""
        m = self.m

        def flip(side: Side, last: int) -> Side:
            return Side(last - side.units[::-1], side.ranks[::-1])

        def flip_codes(codes: IntArray, last: int) -> IntArray:
            return np.sort(codes // (m + 1) * (m + 1) + last - codes % (m + 1))

        return KeyJoin(
            m,
            flip(self.zh, n - 1),
            flip_codes(self.en_codes, m - 1),
            flip(self.zh_next, n - 2),  # the pair (u, u + 1) is keyed by its first unit
            flip_codes(self.en_next_codes, m - 2),
        )

    def en_shared(self, lo: IntArray, hi: IntArray, offset: IntArray, size: int) -> FloatArray:
        """Keys shared by Chinese ``u`` and English ``v`` and ``v + 1``."""
        return _count(self.zh, self.en_next_codes, self.m, lo, hi, offset, size)


def key_join(items: Items) -> KeyJoin:
    """Prepare ``items`` for :meth:`KeyJoin.common` and the neighbour counts."""
    m = len(items.en)
    zh_units, zh_keys = flatten(items.zh_keys)
    en_units, en_keys = flatten(items.en)
    distinct = distinct_sorted(en_keys)
    keep = np.isin(zh_keys, distinct)
    zh = Side(zh_units[keep], np.searchsorted(distinct, zh_keys[keep]))
    en = Side(en_units, np.searchsorted(distinct, en_keys))
    return KeyJoin(
        m,
        zh,
        np.sort(en.ranks * (m + 1) + en.units),
        _next_shared(zh, len(distinct)),
        np.sort(_code(_next_shared(en, len(distinct)), m)),
    )


def distinct_sorted(values: IntArray) -> IntArray:
    """The distinct values, sorted (by sorting: NumPy 2's hashing ``unique`` is slower here)."""
    ordered: IntArray = np.sort(values)
    if len(ordered) < 2:
        return ordered
    distinct: IntArray = ordered[np.concatenate([[True], ordered[1:] != ordered[:-1]])]
    return distinct


def _code(side: Side, m: int) -> IntArray:
    return side.ranks * (m + 1) + side.units


def _next_shared(side: Side, top: int) -> Side:
    """The (unit, rank) pairs whose rank the next unit also holds."""
    codes = side.units * max(top, 1) + side.ranks
    shared = np.intersect1d(codes, codes - max(top, 1), assume_unique=True)
    return Side(shared // max(top, 1), shared % max(top, 1))


def flatten(sets: Sequence[Collection[int]]) -> tuple[IntArray, IntArray]:
    """The (unit, key) pairs of ``sets`` (frozensets or arrays) as two arrays, in unit order.

    A key beyond 64 bits (a number of 20 digits in the text) is replaced by its hash, which
    keeps equal keys equal (and almost surely different ones different)."""
    sizes = np.fromiter((len(keys) for keys in sets), np.int64, len(sets))
    if sets and isinstance(sets[0], np.ndarray):
        keys = np.concatenate(list(sets)).astype(np.int64, copy=False)
    else:
        keys = np.fromiter(map(_int64, chain.from_iterable(sets)), np.int64, int(sizes.sum()))
    return np.repeat(np.arange(len(sets)), sizes), keys


def _int64(key: int) -> int:
    return key if _LOWEST <= key <= _HIGHEST else hash(key)


_LOWEST, _HIGHEST = -(2**63), 2**63 - 1


def _count(
    zh: Side, codes: IntArray, m: int, lo: IntArray, hi: IntArray, offset: IntArray, size: int
) -> FloatArray:
    """For every pair in the windows (flat), how many keys the two units share.

    A join on keys: for each Chinese (unit, key), the English units holding that key inside the
    unit's window are one contiguous run of the sorted codes, found by binary search.
    """
    common = np.zeros(size)
    if not len(codes) or not len(zh.units):
        return common
    for start in range(0, len(zh.units), JOIN_BLOCK):
        units = zh.units[start : start + JOIN_BLOCK]
        base = zh.ranks[start : start + JOIN_BLOCK] * (m + 1)
        order = np.argsort(base, kind="stable")  # sorted queries: a far faster binary search
        units, base = units[order], base[order]
        starts = np.searchsorted(codes, base + lo[units])
        runs = np.searchsorted(codes, base + hi[units]) - starts
        total = int(runs.sum())
        if total == 0:
            continue
        owner = np.repeat(np.arange(len(runs)), runs)
        position = np.arange(total) - np.repeat(np.cumsum(runs) - runs, runs) + starts[owner]
        owners = units[owner]
        flat = offset[owners] + codes[position] % (m + 1) - lo[owners]
        # The block's units are consecutive, so its pairs are one stretch of the table: count
        # there (a count over the whole table per block would make the join quadratic).
        first, last = int(flat.min()), int(flat.max()) + 1
        common[first:last] += np.bincount(flat - first, minlength=last - first)
    return common
