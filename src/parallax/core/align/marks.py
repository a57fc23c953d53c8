"""The sentence-marks signal: questions and exclamations stay questions and exclamations.

A Chinese unit with ？ or ！ (full-width or ASCII) has one item per mark; an English unit's keys
say whether it holds a ``?`` (key 0) and a ``!`` (key 1). Cheap, and decisive in dialogue, where
the dictionary finds little.
"""

from __future__ import annotations

from collections.abc import Sequence

from parallax.core.align.items import Items

QUESTION, EXCLAMATION = 0, 1


def zh_marks(text: str) -> list[tuple[int, ...]]:
    """One item per question or exclamation mark of a Chinese text."""
    questions = text.count("？") + text.count("?")
    exclamations = text.count("！") + text.count("!")
    marks: list[tuple[int, ...]] = [(QUESTION,)] * questions
    return marks + [(EXCLAMATION,)] * exclamations


def en_marks(text: str) -> frozenset[int]:
    """Which marks an English text holds."""
    found = set()
    if "?" in text:
        found.add(QUESTION)
    if "!" in text:
        found.add(EXCLAMATION)
    return frozenset(found)


def mark_items(zh: Sequence[str], en: Sequence[str], weight: float = 1.0) -> Items:
    """The sentence-marks signal's items for a document."""
    return Items.from_items(
        [zh_marks(text) for text in zh], [en_marks(text) for text in en], weight
    )
