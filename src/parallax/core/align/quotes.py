"""The quoted-spans signal: 「」『』《》“” in Chinese against "…", “…” and '…' in English.

Translations keep quotations: a unit quoting twice is likely the translation of a unit quoting
twice. The k-th quoted span of a unit is an item with key k, so a pair of units matches
``min(quotes in Chinese, quotes in English)`` spans.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from parallax.core.align.items import Items

_ZH_QUOTE = regex.compile(r"「[^「」]*」|『[^『』]*』|《[^《》]*》|“[^“”]*”|\"[^\"]*\"")
_EN_QUOTE = regex.compile(r"\"[^\"]+\"|“[^“”]+”|(?<![\w’'])['‘][^'‘’\n]+?['’](?![\w])")
_EN_OPEN = regex.compile(r"\"|“")


def zh_quote_count(text: str) -> int:
    """How many quoted spans (including 《titles》) a Chinese text holds."""
    return len(_ZH_QUOTE.findall(text))


def en_quote_count(text: str) -> int:
    """How many quoted spans an English text holds (an unclosed quote counts once)."""
    closed = _EN_QUOTE.findall(text)
    if closed:
        return len(closed)
    return 1 if _EN_OPEN.search(text) else 0


def quote_items(zh: Sequence[str], en: Sequence[str], weight: float = 1.0) -> Items:
    """The quotes signal's items for a document."""
    return Items.from_items(
        [[(k,) for k in range(zh_quote_count(text))] for text in zh],
        [frozenset(range(en_quote_count(text))) for text in en],
        weight,
    )
