"""The paragraph structure's cost: a paragraph boundary of one side passed inside a paragraph of
the other side means the two paragraphs share a row (a merge), which costs ``merge_cost``.

A boundary is passed at a point of the path (``i`` Chinese and ``j`` English units consumed)
or inside a bead. At a point, the cost is charged half on the bead arriving there and half on
the bead leaving, so that the cost of a path is the same read forwards or backwards (the
row confidences of :mod:`margins` add a forward and a backward search).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from parallax.core.align.band import IntArray
from parallax.core.align.length import FloatArray

BoolArray = npt.NDArray[np.bool_]


class Boundaries:
    """Where the paragraphs of both sides end, for bead costs over the grid."""

    def __init__(self, zh: BoolArray, en: BoolArray, merge_cost: float) -> None:
        self.zh, self.en = zh, en  # zh[i]: position i lies between two paragraphs (or an end)
        self.zh_count = np.cumsum(zh)  # boundaries at positions 0..i
        self.en_count = np.cumsum(en)
        self.merge = merge_cost

    def bead_cost(self, i: IntArray, j: IntArray, a: int, b: int) -> FloatArray:
        """The cost of an ``a``-``b`` bead ending at ``(i, j)`` (broadcast arrays)."""
        n, m = len(self.zh) - 1, len(self.en) - 1
        i1, j1 = np.clip(i, 0, n), np.clip(j, 0, m)
        i0, j0 = np.clip(i - a, 0, n), np.clip(j - b, 0, m)
        half = 0.5 * self.merge
        cost = np.zeros(np.broadcast(i, j).shape)
        if a:
            cost += half * (self.zh[i1] & ~self.en[j1]) + half * (self.zh[i0] & ~self.en[j0])
            crossed: IntArray = self.zh_count[np.maximum(i1 - 1, 0)] - self.zh_count[i0]
            cost += self.merge * np.maximum(crossed, 0)
        if b:
            cost += half * (self.en[j1] & ~self.zh[i1]) + half * (self.en[j0] & ~self.zh[i0])
            crossed_en: IntArray = self.en_count[np.maximum(j1 - 1, 0)] - self.en_count[j0]
            cost += self.merge * np.maximum(crossed_en, 0)
        return cost
