"""The key join against a brute-force count, windows of every kind (empty ones included)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core.align.items import Items
from parallax.core.align.keyjoin import flatten, key_join

keys = st.frozensets(st.integers(0, 6), max_size=4)


@st.composite
def documents(draw: st.DrawFn) -> tuple[Items, np.ndarray, np.ndarray]:
    # Keys far apart are ranked by binary search, close ones through a table.
    scale = draw(st.sampled_from([1, 10**12]))
    zh = [
        frozenset(k * scale for k in unit) for unit in draw(st.lists(keys, min_size=1, max_size=9))
    ]
    en = [
        frozenset(k * scale for k in unit) for unit in draw(st.lists(keys, min_size=1, max_size=9))
    ]
    m = len(en)
    lo, hi = [], []
    for _ in zh:
        a, b = sorted(draw(st.tuples(st.integers(0, m), st.integers(0, m))))
        if draw(st.booleans()) and draw(st.booleans()):
            a = b = draw(st.integers(0, m))  # a unit in no grid: an empty window anywhere
        lo.append(a)
        hi.append(b)
    items = Items(zh, [len(k) for k in zh], en)
    return items, np.array(lo, dtype=np.int64), np.array(hi, dtype=np.int64)


def _layout(lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, int]:
    widths = np.maximum(hi - lo, 0)
    offset = np.concatenate([[1], 1 + np.cumsum(widths)[:-1]]).astype(np.int64)
    return offset, int(widths.sum()) + 1


def _brute(
    zh: list[frozenset[int]], en: list[frozenset[int]], lo: np.ndarray, hi: np.ndarray
) -> list[tuple[int, int, int, int, int]]:
    """(u, v, common, also in u + 1, also in v + 1) for every pair in the windows."""
    found = []
    for u, keys in enumerate(zh):
        after = zh[u + 1] if u + 1 < len(zh) else frozenset()
        for v in range(int(lo[u]), int(hi[u])):
            common = keys & en[v]
            beside = en[v + 1] if v + 1 < len(en) else frozenset()
            found.append((u, v, len(common), len(common & after), len(common & beside)))
    return found


def _joined(items: Items, lo: np.ndarray, hi: np.ndarray, reverse: bool = False) -> list:
    join = key_join(items)
    if reverse:
        join = join.reversed()
    offset, size = _layout(lo, hi)
    common, zh_shared, en_shared = join.counts(lo, hi, offset, size)
    assert common[0] == zh_shared[0] == en_shared[0] == 0  # index 0 is no pair
    return [
        (u, v, *(int(a[offset[u] + v - lo[u]]) for a in (common, zh_shared, en_shared)))
        for u in range(len(lo))
        for v in range(int(lo[u]), int(hi[u]))
    ]


@settings(max_examples=200, deadline=None)
@given(documents())
def test_join_counts_as_brute_force(document: tuple[Items, np.ndarray, np.ndarray]) -> None:
    items, lo, hi = document
    zh, en = list(items.zh_keys), list(items.en)
    assert _joined(items, lo, hi) == _brute(zh, en, lo, hi)  # type: ignore[arg-type]


@settings(max_examples=100, deadline=None)
@given(documents())
def test_reversed_join_counts_the_document_read_backwards(
    document: tuple[Items, np.ndarray, np.ndarray],
) -> None:
    items, lo, hi = document
    zh, en = list(items.zh_keys)[::-1], list(items.en)[::-1]
    backwards = Items(zh, [len(k) for k in zh], en)
    # The windows of the reversed document, whatever they are: those of the backwards items.
    assert _joined(items, lo, hi, reverse=True) == _joined(backwards, lo, hi)


def test_keys_beyond_64_bits_are_hashed() -> None:
    units, found = flatten([frozenset({1}), frozenset({2**70, 3})])
    assert units.tolist() == [0, 1, 1]
    assert sorted(found.tolist()) == sorted([1, 3, hash(2**70)])
