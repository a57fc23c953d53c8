"""Lexical match counts for the pairs of units near the band, all signals weighted together."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from parallax.core.align.band import Band, IntArray
from parallax.core.align.features import Features
from parallax.core.align.items import Items
from parallax.core.align.length import FloatArray

# Chinese units joined at a time in _common_keys.
JOIN_BLOCK = 1024


@dataclass(frozen=True)
class PairTable:
    """Weighted match counts of Chinese unit ``u`` against English units ``lo[u]..hi[u]-1``.

    ``zh_matched`` counts the items of ``u`` matched in ``v``, ``en_matched`` the keys of ``v``
    matched by ``u`` (both flat, row ``u`` starting at ``offset[u]``); ``zh_total[u]`` and
    ``en_total[v]`` are the units' weighted item counts.
    """

    lo: IntArray
    hi: IntArray
    offset: IntArray
    zh_matched: FloatArray
    en_matched: FloatArray
    zh_total: FloatArray
    en_total: FloatArray

    def row(self, flat: FloatArray, u: int, start: int, size: int) -> FloatArray:
        """Row ``u`` of ``flat`` (a matched array) at English units ``start..start+size-1``."""
        out = np.zeros(size)
        lo, hi = int(self.lo[u]), int(self.hi[u])
        first, last = max(start, lo), min(start + size, hi)
        if first < last:
            base = int(self.offset[u]) - lo
            out[first - start : last - start] = flat[base + first : base + last]
        return out


def pair_windows(band: Band, n: int, m: int, max_zh: int, max_en: int) -> tuple[IntArray, IntArray]:
    """For each Chinese unit, the English units it may share a bead with inside the band."""
    lo = np.full(n, m, dtype=np.int64)
    hi = np.zeros(n, dtype=np.int64)
    units = np.arange(n)
    for shift in range(1, max_zh + 1):
        rows = np.minimum(units + shift, n)
        lo = np.minimum(lo, band.lo[rows] - max_en)
        hi = np.maximum(hi, band.hi[rows])
    return np.clip(lo, 0, m), np.clip(hi, 0, m)


def pair_table(features: Features, band: Band, max_zh: int, max_en: int) -> PairTable:
    """Count the matches of every pair of units that some bead inside ``band`` may hold."""
    n, m = features.n_zh, features.n_en
    lo, hi = pair_windows(band, n, m, max_zh, max_en)
    widths = np.maximum(hi - lo, 0)
    offset = np.concatenate([[0], np.cumsum(widths)[:-1]]).astype(np.int64) if n else widths
    size = int(widths.sum())
    zh_matched = np.zeros(size)
    en_matched = np.zeros(size)
    zh_total = np.zeros(n)
    en_total = np.zeros(m)
    for items in features.signals:
        w = items.weight
        counts = np.array(items.zh_counts, dtype=np.float64)
        zh_total += w * counts
        en_total += w * np.array([len(keys) for keys in items.en], dtype=np.float64)
        common = _common_keys(items, lo, hi, offset, size)
        zh_matched += w * np.minimum(common, np.repeat(counts, widths))
        en_matched += w * common
    return PairTable(lo, hi, offset, zh_matched, en_matched, zh_total, en_total)


def _flatten(sets: Sequence[Collection[int]]) -> tuple[IntArray, IntArray]:
    """The (unit, key) pairs of ``sets`` (frozensets or arrays) as two arrays, in unit order."""
    sizes = np.fromiter((len(keys) for keys in sets), np.int64, len(sets))
    if sets and isinstance(sets[0], np.ndarray):
        keys = np.concatenate(list(sets)).astype(np.int64, copy=False)
    else:
        keys = np.fromiter(chain.from_iterable(sets), np.int64, int(sizes.sum()))
    return np.repeat(np.arange(len(sets)), sizes), keys


def _common_keys(
    items: Items, lo: IntArray, hi: IntArray, offset: IntArray, size: int
) -> FloatArray:
    """For every pair in the windows (flat), how many keys the two units share.

    A join on keys: the English (key, unit) pairs sorted by ``key * (m + 1) + unit``; for each
    Chinese (unit, key), the English units holding that key inside the unit's window are one
    contiguous run of that order, found by binary search. Chinese keys absent from the English
    are dropped first; Chinese units go in blocks, which bounds the memory of the join.
    """
    m = len(items.en)
    common = np.zeros(size)
    en_units, en_keys = _flatten(items.en)
    zh_units, zh_keys = _flatten(items.zh_keys)
    if not len(en_keys) or not len(zh_keys):
        return common
    if max(en_keys.max(), zh_keys.max()) > np.iinfo(np.int64).max // (m + 2):
        en_keys, zh_keys = _dense(en_keys, zh_keys)  # key * (m + 1) must not overflow
    codes = np.sort(en_keys * (m + 1) + en_units)
    keep = np.isin(zh_keys, en_keys)
    zh_units, zh_keys = zh_units[keep], zh_keys[keep]
    bounds = np.searchsorted(zh_units, np.arange(0, len(items.zh_keys) + JOIN_BLOCK, JOIN_BLOCK))
    for start, stop in zip(bounds[:-1], bounds[1:], strict=False):
        if start == stop:
            continue
        units, base = zh_units[start:stop], zh_keys[start:stop] * (m + 1)
        order = np.argsort(base, kind="stable")
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
        common += np.bincount(flat, minlength=size)
    return common


def _dense(en_keys: IntArray, zh_keys: IntArray) -> tuple[IntArray, IntArray]:
    """The keys renumbered 0, 1, … in the same order (equal keys stay equal)."""
    _, ranks = np.unique(np.concatenate([en_keys, zh_keys]), return_inverse=True)
    ranks = ranks.astype(np.int64)
    return ranks[: len(en_keys)], ranks[len(en_keys) :]
