"""Matchable items: what every lexical signal produces for the two sides of a document.

A signal turns each Chinese unit into a list of *items* (a dictionary word, a number, a quoted
span, a glossary term), each with the set of integer *keys* it may appear as in English, and each
English unit into the set of keys it contains. A Chinese item is matched in an English unit when
its keys meet the unit's keys; an English key is matched when some item of the Chinese unit has
it. The aligner only ever asks :func:`pair_counts` for pairs near the diagonal.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Items:
    """One signal's items for a document: ``zh[u]`` are unit ``u``'s key sets, ``en[v]`` keys."""

    zh: Sequence[Sequence[Collection[int]]]
    en: Sequence[frozenset[int]]
    weight: float = 1.0
    _zh_union: list[frozenset[int]] = field(init=False, repr=False, compare=False)
    _zh_owner: list[dict[int, tuple[int, ...]]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        unions: list[frozenset[int]] = []
        owners: list[dict[int, tuple[int, ...]]] = []
        for unit in self.zh:
            owner: dict[int, list[int]] = {}
            for number, keys in enumerate(unit):
                for key in keys:
                    owner.setdefault(key, []).append(number)
            unions.append(frozenset(owner))
            owners.append({key: tuple(items) for key, items in owner.items()})
        object.__setattr__(self, "_zh_union", unions)
        object.__setattr__(self, "_zh_owner", owners)

    def zh_total(self, u: int) -> int:
        """How many items Chinese unit ``u`` has."""
        return len(self.zh[u])

    def en_total(self, v: int) -> int:
        """How many keys English unit ``v`` has."""
        return len(self.en[v])

    def pair_counts(self, u: int, v: int) -> tuple[int, int]:
        """(items of zh unit ``u`` matched in en unit ``v``, keys of ``v`` matched by ``u``)."""
        common = self._zh_union[u] & self.en[v]
        if len(common) <= 1:
            return len(common), len(common)
        owner = self._zh_owner[u]
        matched = {item for key in common for item in owner[key]}
        return len(matched), len(common)


def empty_items(n_zh: int, n_en: int, weight: float = 1.0) -> Items:
    """Items of a signal that found nothing (or is switched off)."""
    return Items([()] * n_zh, [frozenset()] * n_en, weight)
