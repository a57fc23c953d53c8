"""Everything the aligner knows about a document's units, computed once before the search."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from parallax.core.align.anchors import glossary_items
from parallax.core.align.boundaries import Boundaries
from parallax.core.align.items import Items, empty_items
from parallax.core.align.keyjoin import KeyJoin, key_join
from parallax.core.align.length import FloatArray, en_lengths, estimate_ratio, zh_lengths
from parallax.core.align.lexicon import dictionary_items
from parallax.core.align.marks import mark_items
from parallax.core.align.numbers import number_items
from parallax.core.align.params import Params
from parallax.core.align.quotes import quote_items


@dataclass(frozen=True)
class Features:
    """Unit lengths (with their prefix sums), the length ratio and each signal's items."""

    zh_len: FloatArray
    en_len: FloatArray
    zh_cum: FloatArray  # zh_cum[i] = total length of the first i Chinese units
    en_cum: FloatArray
    ratio: float
    signals: tuple[Items, ...]
    joins: tuple[KeyJoin, ...]  # each signal's keys prepared for joining
    zh_group: npt.NDArray[np.int64] | None = None  # paragraph of each unit (structure), or None
    en_group: npt.NDArray[np.int64] | None = None

    @property
    def n_zh(self) -> int:
        return len(self.zh_len)

    @property
    def n_en(self) -> int:
        return len(self.en_len)

    def boundaries(self, merge_cost: float) -> Boundaries | None:
        """The paragraph structure's costs, when the units are a document's sentences."""
        if self.zh_group is None or self.en_group is None or not merge_cost:
            return None
        return Boundaries(_bounds(self.zh_group), _bounds(self.en_group), merge_cost)


def _bounds(group: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    out = np.ones(len(group) + 1, dtype=bool)
    out[1:-1] = group[1:] != group[:-1]
    return out


def build_features(
    zh: Sequence[str], en: Sequence[str], params: Params, glossary: Iterable[tuple[str, str]] = ()
) -> Features:
    """Measure and index the units of both sides for the signals switched on in ``params``."""
    zh_len, en_len = zh_lengths(zh), en_lengths(en)
    ratio = estimate_ratio(zh_len.tolist(), en_len.tolist())
    builders: dict[str, Callable[[float], Items]] = {
        "dictionary": lambda w: dictionary_items(zh, en, w),
        "numbers": lambda w: number_items(zh, en, w),
        "quotes": lambda w: quote_items(zh, en, w),
        "marks": lambda w: mark_items(zh, en, w),
        "glossary": lambda w: glossary_items(zh, en, glossary, w),
    }
    signals = []
    for name, build in builders.items():
        weight = params.weights[name]
        items = build(weight) if name in params.signals else empty_items(len(zh), len(en))
        if any(items.zh_counts) and any(len(keys) for keys in items.en):
            signals.append(items)
    return Features(
        zh_len=zh_len,
        en_len=en_len,
        zh_cum=np.concatenate([[0.0], np.cumsum(zh_len)]),
        en_cum=np.concatenate([[0.0], np.cumsum(en_len)]),
        ratio=ratio,
        signals=tuple(signals),
        joins=tuple(key_join(items) for items in signals),
    )
