"""How sure the search is of a point of its path: the extra cost of the best path avoiding it.

The forward search gives the cost of the best path from the start to every cell; the same search
run on the reversed document gives the cost from every cell to the end, so their sum is the cost
of the best path through the cell. The *margin* of a point of the best path is how much more the
best path costs that crosses the point's row, or its column, somewhere else. A paragraph row
whose boundaries have large margins is right with high probability; a small margin means
another pairing was nearly as good, which is where a reader should look.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from parallax.core.align.band import Band, make_band
from parallax.core.align.dp import search
from parallax.core.align.engine import Search, path_centre
from parallax.core.align.features import Features
from parallax.core.align.items import Items
from parallax.core.align.length import FloatArray
from parallax.core.align.pairs import pair_table
from parallax.core.align.params import Params

# Half width of the backward search's band, in units.
MARGIN_BAND = 8


def point_margins(found: Search, params: Params, points: Sequence[tuple[int, int]]) -> list[float]:
    """The margin of each of ``points`` (cells of the best path), in the search's cost units."""
    features, band = found.features, found.band
    n, m = features.n_zh, features.n_en
    forward = found.path.costs
    assert forward is not None
    # The backward search keeps to a narrow band around the path: the alternatives that matter
    # are near it, and a long document's second search then costs a fraction of the first.
    narrow = make_band(path_centre(found.path, n), m, MARGIN_BAND)
    lo, hi = np.maximum(narrow.lo, band.lo), np.minimum(narrow.hi, band.hi)
    mirror = Band(m - narrow.hi[::-1], m - narrow.lo[::-1], MARGIN_BAND)
    back_features = reversed_features(features)
    table = pair_table(back_features, mirror, params.max_zh, params.max_en, params.redundancy > 0)
    backward = search(back_features, params, mirror, table).costs
    assert backward is not None
    best = found.path.cost

    def through(i: np.ndarray, j: np.ndarray) -> tuple[FloatArray, FloatArray]:
        """Forward and backward costs at cells ``(i, j)``; infinite outside either band."""
        i, j = np.atleast_1d(i), np.atleast_1d(j)
        x = j - band.lo[i]
        y = (m - j) - mirror.lo[n - i]
        inside_f = (x >= 0) & (j <= band.hi[i])
        inside_b = (y >= 0) & (m - j <= mirror.hi[n - i])
        f = np.where(inside_f, forward[i, np.clip(x, 0, forward.shape[1] - 1)], np.inf)
        b = np.where(inside_b, backward[n - i, np.clip(y, 0, backward.shape[1] - 1)], np.inf)
        return f, b

    margins = []
    for i, j in points:
        here_f, here_b = (float(x[0]) for x in through(np.array(i), np.array(j)))
        # Cells of row i, then of column j: the best path through each, unless that path is
        # just this point's path with units skipped before or after it (not an alternative).
        columns = np.arange(lo[i], hi[i] + 1)
        rows = np.flatnonzero((lo <= j) & (hi >= j))
        alternatives = [math.inf]
        for cells, distance in (
            ((np.full_like(columns, i), columns), columns - j),
            ((rows, np.full_like(rows, j)), rows - i),
        ):
            f, b = through(*cells)
            via_point = np.where(
                distance < 0,
                f + params.skip_cost * -distance + here_b,
                here_f + params.skip_cost * distance + b,
            )
            keep = (distance != 0) & (f + b < via_point - 1e-9)
            if keep.any():
                alternatives.append(float((f + b)[keep].min()))
        margins.append(max(0.0, min(alternatives) - best))
    return margins


def reversed_features(features: Features) -> Features:
    """The features of the document read backwards (last unit first)."""

    def flip(items: Items) -> Items:
        return Items(
            list(items.zh_keys)[::-1],
            list(items.zh_counts)[::-1],
            list(items.en)[::-1],
            items.weight,
        )

    signals = tuple(flip(items) for items in features.signals)
    zh_len, en_len = features.zh_len[::-1].copy(), features.en_len[::-1].copy()
    return replace(
        features,
        zh_len=zh_len,
        en_len=en_len,
        zh_cum=np.concatenate([[0.0], np.cumsum(zh_len)]),
        en_cum=np.concatenate([[0.0], np.cumsum(en_len)]),
        signals=signals,
        joins=tuple(join.reversed(features.n_zh) for join in features.joins),
        zh_group=None if features.zh_group is None else features.zh_group[::-1].copy(),
        en_group=None if features.en_group is None else features.en_group[::-1].copy(),
    )
