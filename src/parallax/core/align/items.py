"""Matchable items: what every lexical signal produces for the two sides of a document.

A signal turns each Chinese unit into *items* (a dictionary word, a number, a quoted span, a
glossary term), each with the integer *keys* it may appear as in English, and each English unit
into the set of keys it contains. For a pair of units, the English keys matched are those the
Chinese unit can produce; the Chinese items matched are counted as the same number (capped by the
unit's item count), which avoids tracking which item produced which key and changes MAC-Dev
scores by less than 0.005. The aligner only asks :meth:`Items.pair_counts` for pairs near the
diagonal.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import chain


@dataclass(frozen=True)
class Items:
    """One signal's items: Chinese unit ``u`` has ``zh_counts[u]`` items whose keys together are
    ``zh_keys[u]``; English unit ``v`` has keys ``en[v]``."""

    zh_keys: Sequence[Collection[int]]  # frozensets or NumPy integer arrays
    zh_counts: Sequence[int]
    en: Sequence[Collection[int]]
    weight: float = 1.0

    @classmethod
    def from_items(
        cls,
        zh: Sequence[Sequence[Collection[int]]],
        en: Sequence[frozenset[int]],
        weight: float = 1.0,
    ) -> Items:
        """Items from each Chinese unit's list of key sets (units without any share one empty
        set: most units of a long document have no number, quote or mark)."""
        keys = [frozenset(chain.from_iterable(unit)) if unit else _EMPTY for unit in zh]
        return cls(keys, [len(unit) for unit in zh], [k or _EMPTY for k in en], weight)

    def zh_total(self, u: int) -> int:
        """How many items Chinese unit ``u`` has."""
        return self.zh_counts[u]

    def en_total(self, v: int) -> int:
        """How many keys English unit ``v`` has."""
        return len(self.en[v])

    def pair_counts(self, u: int, v: int) -> tuple[int, int]:
        """(items of zh unit ``u`` matched in en unit ``v``, keys of ``v`` matched by ``u``)."""
        common = len(set(self.zh_keys[u]) & set(self.en[v]))
        return min(common, self.zh_counts[u]), common


_EMPTY: frozenset[int] = frozenset()


def empty_items(n_zh: int, n_en: int, weight: float = 1.0) -> Items:
    """Items of a signal that found nothing (or is switched off)."""
    return Items([_EMPTY] * n_zh, [0] * n_zh, [_EMPTY] * n_en, weight)
