"""Lexical match counts for the pairs of units near the band, all signals weighted together."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from parallax.core.align.band import Band, IntArray
from parallax.core.align.features import Features
from parallax.core.align.length import FloatArray


@dataclass(frozen=True)
class PairTable:
    """Weighted match counts of Chinese unit ``u`` against English units ``lo[u]..hi[u]-1``.

    ``zh_matched`` counts the items of ``u`` matched in ``v``, ``en_matched`` the keys of ``v``
    matched by ``u`` (both flat, row ``u`` starting at ``offset[u]``, and index 0 standing for
    no pair: it holds 0); ``zh_total[u]`` and
    ``en_total[v]`` are the units' weighted item counts.
    """

    lo: IntArray
    hi: IntArray
    offset: IntArray
    zh_matched: FloatArray
    en_matched: FloatArray
    zh_total: FloatArray
    en_total: FloatArray
    zh_shared: FloatArray  # keys common to u, u+1 and v (u's row layout)
    en_shared: FloatArray  # keys common to u, v and v+1

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


def pair_table(
    features: Features, band: Band, max_zh: int, max_en: int, redundancy: bool = True
) -> PairTable:
    """Count the matches of every pair of units that some bead inside ``band`` may hold
    (with ``redundancy``, also the keys shared with a neighbour: see :mod:`keyjoin`)."""
    lo, hi = pair_windows(band, features.n_zh, features.n_en, max_zh, max_en)
    return window_table(features, lo, hi, redundancy)


def window_table(
    features: Features,
    lo: IntArray,
    hi: IntArray,
    redundancy: bool = True,
    zh_matched: bool = True,
) -> PairTable:
    """Count the matches of Chinese unit ``u`` with English units ``lo[u]..hi[u]-1``
    (``zh_matched``: also the Chinese items matched, which only bead confidences read)."""
    n, m = features.n_zh, features.n_en
    widths = np.maximum(hi - lo, 0)
    # Flat index 0 is no pair (always 0): a read outside the windows can point there.
    offset = np.concatenate([[1], 1 + np.cumsum(widths)[:-1]]).astype(np.int64) if n else widths
    size = int(widths.sum()) + 1
    matched_zh = np.zeros(size if zh_matched else 0)
    en_matched = np.zeros(size)
    zh_total = np.zeros(n)
    en_total = np.zeros(m)
    zh_shared = np.zeros(size)
    en_shared = np.zeros(size)
    for items, join in zip(features.signals, features.joins, strict=True):
        w = items.weight
        counts = np.array(items.zh_counts, dtype=np.float64)
        zh_total += w * counts
        en_total += w * np.fromiter(map(len, items.en), np.float64, m)
        common, zh_common, en_common = join.counts(lo, hi, offset, size, redundancy)
        if zh_matched:
            matched_zh[1:] += w * np.minimum(common[1:], np.repeat(counts, widths))
        en_matched += w * common
        if redundancy:
            zh_shared += w * zh_common
            en_shared += w * en_common
    return PairTable(
        lo, hi, offset, matched_zh, en_matched, zh_total, en_total, zh_shared, en_shared
    )
