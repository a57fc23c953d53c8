"""The paragraph structure's cost: a paragraph boundary of one side passed inside a paragraph of
the other side means the two paragraphs share a row (a merge), which costs ``merge_cost``.

A boundary is passed at a point of the path (``i`` Chinese and ``j`` English units consumed)
or inside a bead. At a point, the cost is charged half on the bead arriving there and half on
the bead leaving, so that the cost of a path is the same read forwards or backwards (the
row confidences of :mod:`margins` add a forward and a backward search).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from parallax.core.align.band import IntArray
from parallax.core.align.length import FloatArray

BoolArray = npt.NDArray[np.bool_]


class Boundaries:
    """Where the paragraphs of both sides end, for bead costs over the grid."""

    def __init__(self, zh: BoolArray, en: BoolArray, merge_cost: float) -> None:
        self.zh, self.en = zh, en  # zh[i]: position i lies between two paragraphs (or an end)
        self.zh_count: IntArray = np.cumsum(zh, dtype=np.int64)  # boundaries at 0..i
        self.en_count: IntArray = np.cumsum(en, dtype=np.int64)
        self.merge = merge_cost

    def bead_costs(self, i: IntArray, j: IntArray) -> Callable[[int, int], FloatArray]:
        """The costs of ``a``-``b`` beads ending at cells ``(i, j)`` (broadcast arrays), for
        any shape: ``bead_costs(i, j)(a, b)``, each boundary read once for all shapes."""
        n, m = len(self.zh) - 1, len(self.en) - 1
        i1, j1 = np.clip(i, 0, n), np.clip(j, 0, m)
        zh1, en1 = self.zh[i1], self.en[j1]
        zh_inside = self.zh_count[np.maximum(i1 - 1, 0)]
        en_inside = self.en_count[np.maximum(j1 - 1, 0)]
        memo: dict[tuple[str, int], tuple[BoolArray, IntArray]] = {}

        def start(side: str, d: int) -> tuple[BoolArray, IntArray]:
            found = memo.get((side, d))
            if found is None:
                at = np.clip(i - d, 0, n) if side == "zh" else np.clip(j - d, 0, m)
                flags, count = (
                    (self.zh, self.zh_count) if side == "zh" else (self.en, self.en_count)
                )
                found = memo[(side, d)] = (flags[at], count[at])
            return found

        half = 0.5 * self.merge
        zh_end, en_end = half * (zh1 & ~en1), half * (en1 & ~zh1)  # at the bead's end
        crossed: dict[tuple[str, int], FloatArray] = {}

        def inside(side: str, d: int) -> FloatArray:
            """The merge cost of the boundaries strictly inside the bead's ``d`` units."""
            found = crossed.get((side, d))
            if found is None:
                before = start(side, d)[1]
                within = (zh_inside if side == "zh" else en_inside) - before
                found = crossed[(side, d)] = self.merge * np.maximum(within, 0)
            return found

        def cost(a: int, b: int) -> FloatArray:
            zh0 = start("zh", a)[0]
            en0 = start("en", b)[0]
            total = np.zeros(np.broadcast(i, j).shape)
            if a:
                total += zh_end + half * (zh0 & ~en0)
                total += inside("zh", a)
            if b:
                total += en_end + half * (en0 & ~zh0)
                total += inside("en", b)
            return total

        return cost
