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
from parallax.core.align.boundaries import BoolArray
from parallax.core.align.items import Items
from parallax.core.align.length import FloatArray

# Chinese (unit, key) pairs joined at a time (bounds the join's memory).
JOIN_BLOCK = 16_384
# Keys (and units) looked up at a time when the join is prepared.
KEY_BLOCK = 1 << 18
UNIT_BLOCK = 4096


@dataclass(frozen=True)
class Side:
    """(unit, key rank) pairs in unit order (32-bit: there are millions of them)."""

    units: IntArray
    ranks: IntArray


@dataclass(frozen=True)
class KeyJoin:
    """A signal's keys as arrays: Chinese (unit, key) pairs, sorted English codes, and for
    each pair or code whether the neighbouring unit of its side holds the key too."""

    m: int
    zh: Side
    en_codes: IntArray  # sorted rank * (m + 1) + unit
    zh_next: BoolArray  # for each Chinese pair: unit u + 1 holds its key too
    zh_previous: BoolArray  # unit u - 1 does
    en_next: BoolArray  # for each English code: unit v + 1 holds its key too
    en_previous: BoolArray

    def common(self, lo: IntArray, hi: IntArray, offset: IntArray, size: int) -> FloatArray:
        """Keys shared by Chinese ``u`` and English ``v``, for ``v`` in ``lo[u]..hi[u]-1``."""
        return self.counts(lo, hi, offset, size, shared=False)[0]

    def counts(
        self, lo: IntArray, hi: IntArray, offset: IntArray, size: int, shared: bool = True
    ) -> tuple[FloatArray, FloatArray, FloatArray]:
        """For every pair in the windows (flat): the keys Chinese ``u`` and English ``v``
        share, and (with ``shared``) how many of them Chinese ``u + 1`` holds too, and how
        many English ``v + 1`` does."""
        return _count(self, lo, hi, offset, size, shared)

    def reversed(self, n: int) -> KeyJoin:
        """The join of the same document read backwards (unit ``u`` becomes ``n - 1 - u``)."""
        m = self.m
        flipped = self.en_codes // (m + 1) * (m + 1) + m - 1 - self.en_codes % (m + 1)
        order = np.argsort(flipped, kind="stable")
        return KeyJoin(
            m,
            Side(n - 1 - self.zh.units[::-1], self.zh.ranks[::-1]),
            flipped[order],
            self.zh_previous[::-1],
            self.zh_next[::-1],
            self.en_previous[order],
            self.en_next[order],
        )


def key_join(items: Items) -> KeyJoin:
    """Prepare ``items`` for :meth:`KeyJoin.counts` (a block at a time: a long document's
    dictionary keys number millions, and their temporary arrays would dominate its memory)."""
    m = len(items.en)
    en_units, en_keys = flatten(items.en)
    distinct = distinct_sorted(en_keys)
    en_codes = np.sort(np.searchsorted(distinct, en_keys) * (m + 1) + en_units)
    del en_units, en_keys
    units, ranks = [], []
    for start in range(0, len(items.zh_keys), UNIT_BLOCK):
        block_units, keys = flatten(items.zh_keys[start : start + UNIT_BLOCK])
        at = np.searchsorted(distinct, keys)
        found = distinct[np.minimum(at, len(distinct) - 1)] == keys if len(distinct) else at < 0
        units.append((block_units[found] + start).astype(np.int32))
        ranks.append(at[found].astype(np.int32))
    zh = Side(np.concatenate(units or [_NONE]), np.concatenate(ranks or [_NONE]))
    top = max(len(distinct), 1)
    codes = zh.units.astype(np.int64) * top + zh.ranks  # distinct: a unit's keys are a set
    if len(codes) > 1 and not bool(np.all(codes[1:] > codes[:-1])):
        order = np.argsort(codes, kind="stable")
        zh, codes = Side(zh.units[order], zh.ranks[order]), codes[order]
    return KeyJoin(
        m,
        zh,
        en_codes,
        _holds(codes, top),
        _holds(codes, -top),
        _holds(en_codes, 1),
        _holds(en_codes, -1),
    )


def _holds(codes: IntArray, shift: int) -> BoolArray:
    """For each of the sorted distinct ``codes``, whether ``code + shift`` is one of them."""
    found = np.zeros(len(codes), dtype=bool)
    for start in range(0, len(codes), KEY_BLOCK):
        wanted = codes[start : start + KEY_BLOCK] + shift
        at = np.minimum(np.searchsorted(codes, wanted), len(codes) - 1)
        found[start : start + KEY_BLOCK] = codes[at] == wanted
    return found


_NONE = np.zeros(0, dtype=np.int32)


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
    join: KeyJoin, lo: IntArray, hi: IntArray, offset: IntArray, size: int, shared: bool
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """For every pair in the windows (flat), how many keys the two units share (and how many
    of those the next unit of either side holds too).

    A join on keys: for each Chinese (unit, key), the English units holding that key inside the
    unit's window are one contiguous run of the sorted codes, found by binary search.
    """
    common = np.zeros(size)
    zh_shared = np.zeros(size if shared else 0)
    en_shared = np.zeros(size if shared else 0)
    codes, m = join.en_codes, join.m
    # Units whose window is empty (outside every grid searched) need no join.
    keep = np.flatnonzero(hi[join.zh.units] > lo[join.zh.units])
    if not len(codes) or not len(keep):
        return common, zh_shared, en_shared
    for start in range(0, len(keep), JOIN_BLOCK):
        pairs = keep[start : start + JOIN_BLOCK]
        units = join.zh.units[pairs]
        base = join.zh.ranks[pairs].astype(np.int64) * (m + 1)
        order = np.argsort(base, kind="stable")  # sorted queries: a far faster binary search
        pairs, units, base = pairs[order], units[order], base[order]
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
        here = flat - first
        common[first:last] += np.bincount(here, minlength=last - first)
        if shared:
            zh_next = join.zh_next[pairs][owner]
            zh_shared[first:last] += np.bincount(here, weights=zh_next, minlength=last - first)
            en_next = join.en_next[position]
            en_shared[first:last] += np.bincount(here, weights=en_next, minlength=last - first)
    return common, zh_shared, en_shared
