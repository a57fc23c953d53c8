"""One signal's keys prepared once per document for counting shared keys between units.

Keys are replaced by dense ranks (so ``rank * (m + 1) + unit`` codes never overflow, whatever
the keys' values); Chinese keys that no English unit holds are dropped. Besides each unit's own
keys, the join knows which keys a unit shares with the next unit of its side: a bead of two
neighbours that say the same thing (a headline over its lede) must not count a match twice.

The Chinese (unit, key) pairs are kept sorted by key, so that the Chinese units holding a key
in a run of units are one stretch, found by binary search; the join looks them up for each
English (unit, key) pair, of which there are several times fewer.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import numpy.typing as npt

from parallax.core.align.band import IntArray
from parallax.core.align.boundaries import BoolArray
from parallax.core.align.items import Items
from parallax.core.align.length import FloatArray

# English (unit, key) pairs joined at a time (bounds the join's memory).
JOIN_BLOCK = 32768
UNIT_BLOCK = 4096  # Chinese units whose keys are looked up at a time


@dataclass(frozen=True)
class KeyJoin:
    """A signal's keys as arrays, with, for each pair, whether the neighbouring unit of its
    side holds the key too."""

    n: int
    m: int
    zh_codes: IntArray  # Chinese pairs as sorted rank * (n + 1) + unit
    zh_next: BoolArray  # unit u + 1 holds the pair's key too
    zh_previous: BoolArray  # unit u - 1 does
    en_units: npt.NDArray[np.int32]  # English pairs in unit order
    en_ranks: npt.NDArray[np.int32]
    en_next: BoolArray
    en_previous: BoolArray

    def common(self, lo: IntArray, hi: IntArray, offset: IntArray, size: int) -> FloatArray:
        """Keys shared by Chinese ``u`` and English ``v``, for ``v`` in ``lo[u]..hi[u]-1``."""
        return self.counts(lo, hi, offset, size, shared=False)[0]

    def counts(
        self, lo: IntArray, hi: IntArray, offset: IntArray, size: int, shared: bool = True
    ) -> tuple[FloatArray, FloatArray, FloatArray]:
        """For every pair in the windows (flat, row ``u`` from ``offset[u]``): the keys
        Chinese ``u`` and English ``v`` share, and (with ``shared``) how many of them Chinese
        ``u + 1`` holds too, and how many English ``v + 1`` does."""
        return _count(self, lo, hi, offset, size, shared)

    def reversed(self) -> KeyJoin:
        """The join of the same document read backwards (unit ``u`` becomes ``n - 1 - u``)."""
        n, m = self.n, self.m
        ranks, units = self.zh_codes // (n + 1), self.zh_codes % (n + 1)
        codes = ranks * (n + 1) + (n - 1 - units)
        order = np.argsort(codes, kind="stable")
        en_order = np.lexsort((self.en_ranks, m - 1 - self.en_units))
        return KeyJoin(
            n,
            m,
            codes[order],
            self.zh_previous[order],
            self.zh_next[order],
            (m - 1 - self.en_units[en_order]).astype(np.int32),
            self.en_ranks[en_order],
            self.en_previous[en_order],
            self.en_next[en_order],
        )


def key_join(items: Items) -> KeyJoin:
    """Prepare ``items`` for :meth:`KeyJoin.counts` (a block at a time: a long document's
    dictionary keys number millions, and their temporary arrays would dominate its memory)."""
    n, m = len(items.zh_keys), len(items.en)
    en_units, en_keys = flatten(items.en)
    distinct = distinct_sorted(en_keys)
    rank = _Ranks(distinct)
    en_ranks = rank(en_keys)
    del en_keys
    # English pairs: their neighbours' keys, found beside them when sorted by key then unit.
    order = _by_rank(en_ranks, len(distinct))
    by_key = en_ranks[order] * (m + 1) + en_units[order]
    en_next, en_previous = np.empty(len(by_key), dtype=bool), np.empty(len(by_key), dtype=bool)
    en_next[order], en_previous[order] = _beside(by_key)
    del order, by_key
    ranks, units = [], []
    for start in range(0, n, UNIT_BLOCK):
        block_units, keys = flatten(items.zh_keys[start : start + UNIT_BLOCK])
        found = rank(keys)
        held = found >= 0
        ranks.append(found[held])
        units.append(block_units[held] + start)
    zh_ranks = np.concatenate([np.zeros(0, dtype=np.int64), *ranks])
    zh_units = np.concatenate([np.zeros(0, dtype=np.int64), *units])
    del ranks, units
    order = _by_rank(zh_ranks, len(distinct))
    codes = zh_ranks[order] * (n + 1) + zh_units[order]
    del order, zh_ranks, zh_units
    zh_next, zh_previous = _beside(codes)
    return KeyJoin(
        n,
        m,
        codes,
        zh_next,
        zh_previous,
        en_units.astype(np.int32),
        en_ranks.astype(np.int32),
        en_next,
        en_previous,
    )


class _Ranks:
    """The rank of each key among the sorted distinct ``keys`` (-1 for a key not among them):
    a table lookup when the keys span a small range (dictionary stems), else binary search."""

    def __init__(self, keys: IntArray) -> None:
        self.keys = keys
        self.table: npt.NDArray[np.int32] | None = None
        if len(keys) and int(keys[-1]) - int(keys[0]) < max(DENSE_SPAN, 4 * len(keys)):
            self.low = int(keys[0])
            self.table = np.full(int(keys[-1]) - self.low + 1, -1, dtype=np.int32)
            self.table[keys - self.low] = np.arange(len(keys), dtype=np.int32)

    def __call__(self, wanted: IntArray) -> IntArray:
        if not len(self.keys):
            return np.full(len(wanted), -1, dtype=np.int64)
        if self.table is not None:
            at = wanted - self.low
            inside = (at >= 0) & (at < len(self.table))
            found: IntArray = np.full(len(wanted), -1, dtype=np.int64)
            found[inside] = self.table[at[inside]]
            return found
        at = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        return np.where(self.keys[at] == wanted, at, -1)


# Keys spanning fewer values than this (or than four times their number) are ranked through a
# table (a few MB: the dictionary's stem ids).
DENSE_SPAN = 1 << 19


def _by_rank(ranks: IntArray, count: int) -> IntArray:
    """The order sorting pairs given in unit order by rank, then unit (a radix sort when the
    ranks fit 16 bits)."""
    if count <= 1 << 16:
        return np.argsort(ranks.astype(np.uint16), kind="stable")
    return np.argsort(ranks, kind="stable")


def _beside(codes: IntArray) -> tuple[BoolArray, BoolArray]:
    """For sorted distinct codes ``key * size + unit`` (``size`` above every unit, so that
    the last unit is never next to the first): whether ``unit + 1`` holds the key
    (the next code is one more), and whether ``unit - 1`` does."""
    after = np.zeros(len(codes), dtype=bool)
    after[:-1] = codes[1:] == codes[:-1] + 1
    before = np.zeros(len(codes), dtype=bool)
    before[1:] = after[:-1]
    return after, before


def distinct_sorted(values: IntArray) -> IntArray:
    """The distinct values, sorted (by sorting: NumPy 2's hashing ``unique`` is slower here)."""
    ordered: IntArray = np.sort(values)
    if len(ordered) < 2:
        return ordered
    distinct: IntArray = ordered[np.concatenate([[True], ordered[1:] != ordered[:-1]])]
    return distinct


def flatten(sets: Sequence[Collection[int]]) -> tuple[IntArray, IntArray]:
    """The (unit, key) pairs of ``sets`` (frozensets or arrays) as two arrays, in unit order.

    A key beyond 64 bits (a number of 20 digits in the text) is replaced by its hash, which
    keeps equal keys equal (and almost surely different ones different)."""
    sizes = np.fromiter(map(len, sets), np.int64, len(sets))
    total = int(sizes.sum())
    if sets and isinstance(sets[0], np.ndarray):
        keys = np.concatenate(list(sets)).astype(np.int64, copy=False)
    else:
        try:
            keys = np.fromiter(chain.from_iterable(sets), np.int64, total)
        except OverflowError:
            keys = np.fromiter(map(_int64, chain.from_iterable(sets)), np.int64, total)
    return np.repeat(np.arange(len(sets)), sizes), keys


def _int64(key: int) -> int:
    return key if _LOWEST <= key <= _HIGHEST else hash(key)


_LOWEST, _HIGHEST = -(2**63), 2**63 - 1


def _count(
    join: KeyJoin, lo: IntArray, hi: IntArray, offset: IntArray, size: int, shared: bool
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """For every pair in the windows (flat), how many keys the two units share (and how many
    of those the next unit of either side holds too).

    For each English (unit ``v``, key) pair, the Chinese units whose window holds ``v`` are a
    run (the windows, widened to only move right, are searched), and those of them holding the
    key are one stretch of the Chinese pairs sorted by key, found by binary search.
    """
    common = np.zeros(size)
    zh_shared = np.zeros(size if shared else 0)
    en_shared = np.zeros(size if shared else 0)
    n = join.n
    if not len(join.zh_codes) or not len(join.en_units) or not n:
        return common, zh_shared, en_shared
    # The windows widened to only move right (an empty window, of a unit in no grid, adds
    # nothing: its bounds must not widen the others').
    empty = hi <= lo
    reach_hi = np.maximum.accumulate(np.where(empty, 0, hi))
    reach_lo = np.minimum.accumulate(np.where(empty, np.iinfo(np.int64).max, lo)[::-1])[::-1]
    zh_units = join.zh_codes % (n + 1)
    for start in range(0, len(join.en_units), JOIN_BLOCK):
        v = join.en_units[start : start + JOIN_BLOCK].astype(np.int64)
        base = join.en_ranks[start : start + JOIN_BLOCK].astype(np.int64) * (n + 1)
        first = np.searchsorted(reach_hi, v, "right")  # the first unit whose window passes v
        last = np.searchsorted(reach_lo, v, "right")  # past the last whose window starts by v
        # Sorted queries: the binary searches then walk the pairs in order (far fewer misses).
        order = np.argsort(base + first)
        starts, runs = np.empty_like(first), np.empty_like(first)
        starts[order] = np.searchsorted(join.zh_codes, (base + first)[order])
        runs[order] = np.searchsorted(join.zh_codes, (base + last)[order])
        runs = np.maximum(runs - starts, 0)
        total = int(runs.sum())
        if total == 0:
            continue
        owner = np.repeat(np.arange(len(runs)), runs)
        pair = np.arange(total) - np.repeat(np.cumsum(runs) - runs, runs) + starts[owner]
        units = zh_units[pair]
        column = v[owner]
        inside = (column >= lo[units]) & (column < hi[units])
        pair, owner, units, column = pair[inside], owner[inside], units[inside], column[inside]
        if not len(pair):
            continue
        flat = offset[units] + column - lo[units]
        # The block's English units are consecutive, so its pairs are one stretch of the table:
        # count there (a count over the whole table per block would make the join quadratic).
        low, high = int(flat.min()), int(flat.max()) + 1
        here = flat - low
        common[low:high] += np.bincount(here, minlength=high - low)
        if shared:
            zh_next = join.zh_next[pair]
            zh_shared[low:high] += np.bincount(here, weights=zh_next, minlength=high - low)
            en_next = join.en_next[start + owner]
            en_shared[low:high] += np.bincount(here, weights=en_next, minlength=high - low)
    return common, zh_shared, en_shared
