"""The search band: for each row of the alignment grid, the range of English positions searched.

The band follows the *length diagonal* (where the share of Chinese text consumed equals the share
of English text consumed) rather than the index diagonal, so long and short units do not push the
true path out of it. Consecutive rows overlap, so every row can be reached from the previous one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from parallax.core.align.length import FloatArray

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Band:
    """Rows ``0..n``; row ``i`` searches English positions ``lo[i]..hi[i]`` (inclusive)."""

    lo: IntArray
    hi: IntArray
    half_width: int

    def covers_all(self, m: int) -> bool:
        """Whether every row spans every English position."""
        return bool(np.all(self.lo == 0) and np.all(self.hi == m))


def length_diagonal(zh_cum: FloatArray, en_cum: FloatArray) -> FloatArray:
    """For each Chinese position ``i``, the English position at the same share of the text."""
    n, m = len(zh_cum) - 1, len(en_cum) - 1
    # Half a character per unit keeps the prefix sums strictly increasing.
    zh_share = (zh_cum + 0.5 * np.arange(n + 1)) / (zh_cum[-1] + 0.5 * n or 1.0)
    en_share = (en_cum + 0.5 * np.arange(m + 1)) / (en_cum[-1] + 0.5 * m or 1.0)
    return np.interp(zh_share, en_share, np.arange(m + 1, dtype=np.float64))


def make_band(centre: FloatArray, m: int, half_width: int) -> Band:
    """A band of ``half_width`` positions on both sides of ``centre``, clipped and connected."""
    lo = np.clip(np.floor(centre).astype(np.int64) - half_width, 0, m)
    hi = np.clip(np.ceil(centre).astype(np.int64) + half_width, 0, m)
    lo[0], hi[-1] = 0, m
    lo = np.maximum.accumulate(lo)
    hi[:-1] = np.maximum(hi[:-1], lo[1:])  # each row reaches the next row's start
    hi = np.maximum.accumulate(hi)
    return Band(lo, hi, half_width)
