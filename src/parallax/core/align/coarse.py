"""A first, coarse search over whole paragraphs, to centre the sentence search's band.

On a long document the sentences' length diagonal drifts far from the true path wherever the
length ratio changes (a chapter translated more freely than the last), and following that drift
takes the banded search several passes. Searching the paragraphs first, as whole units, is
cheap (a few times fewer units), and its path mapped to sentence positions puts the band of the
sentence search on the true path from the start.
"""

from __future__ import annotations

import numpy as np

from parallax.core.align.features import Features
from parallax.core.align.items import Items
from parallax.core.align.keyjoin import distinct_sorted, flatten, key_join
from parallax.core.align.length import FloatArray

# Paragraphs whose keys are united at a time (bounds the temporary arrays).
GROUP_BLOCK = 2048


def paragraph_features(features: Features) -> Features:
    """The features of the paragraphs that ``features``' units (sentences) are grouped into."""
    assert features.zh_group is not None and features.en_group is not None
    zh_group, en_group = features.zh_group, features.en_group
    n, m = int(zh_group[-1]) + 1, int(en_group[-1]) + 1
    zh_len = np.bincount(zh_group, weights=features.zh_len, minlength=n).astype(np.float64)
    en_len = np.bincount(en_group, weights=features.en_len, minlength=m).astype(np.float64)
    signals = tuple(_grouped(items, zh_group, en_group, n, m) for items in features.signals)
    return Features(
        zh_len=zh_len,
        en_len=en_len,
        zh_cum=np.concatenate([[0.0], np.cumsum(zh_len)]),
        en_cum=np.concatenate([[0.0], np.cumsum(en_len)]),
        ratio=features.ratio,
        signals=signals,
        joins=tuple(key_join(items) for items in signals),
    )


def sentence_centre(
    paragraph_path: list[tuple[tuple[int, int], tuple[int, int]]], features: Features
) -> FloatArray:
    """For each Chinese sentence position, the English sentence position of the paragraph
    path (``((zh_start, zh_end), (en_start, en_end))`` beads of paragraphs)."""
    assert features.zh_group is not None and features.en_group is not None
    zh_ends = np.concatenate([[0], np.cumsum(np.bincount(features.zh_group))])
    en_ends = np.concatenate([[0], np.cumsum(np.bincount(features.en_group))])
    zh_points, en_points = [0.0], [0.0]
    for (_, zh_end), (_, en_end) in paragraph_path:
        i, j = float(zh_ends[zh_end]), float(en_ends[en_end])
        if i > zh_points[-1]:
            zh_points.append(i)
            en_points.append(j)
        else:
            en_points[-1] = j
    return np.interp(np.arange(features.n_zh + 1, dtype=np.float64), zh_points, en_points)


def _grouped(items: Items, zh_group: np.ndarray, en_group: np.ndarray, n: int, m: int) -> Items:
    counts = np.bincount(
        zh_group, weights=np.asarray(items.zh_counts, dtype=np.float64), minlength=n
    )
    return Items(
        _union(items.zh_keys, zh_group, n),
        [int(c) for c in counts],
        _union(items.en, en_group, m),
        items.weight,
    )


def _union(sets: object, group: np.ndarray, size: int) -> list[np.ndarray]:
    """Each group's keys: the union of its units' keys (sorted arrays), a block of groups at
    a time (a long document's sentences hold millions of keys)."""
    units_of = np.searchsorted(group, np.arange(size + 1))  # units are in group order
    found: list[np.ndarray] = []
    for first in range(0, size, GROUP_BLOCK):
        last = min(first + GROUP_BLOCK, size)
        start, stop = int(units_of[first]), int(units_of[last])
        units, keys = flatten(sets[start:stop])  # type: ignore[index]
        owners = group[units + start]
        codes = distinct_sorted(owners.astype(np.int64) * (int(keys.max(initial=0)) + 1) + keys)
        top = int(keys.max(initial=0)) + 1
        bounds = np.searchsorted(codes // top, np.arange(first, last + 1))
        values = (codes % top).astype(np.int32)
        found += [values[bounds[k] : bounds[k + 1]] for k in range(last - first)]
    return found
