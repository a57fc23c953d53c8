"""The glossary signal: a user's term found on both sides of a pair is a strong anchor.

Terms come in as ``(zh, en)`` string pairs (the aligner does not need the glossary package).
Chinese terms are matched on script-folded text, so a Simplified term finds its Traditional
spelling; English terms case-insensitively, at word boundaries, allowing a plural ``s``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from parallax.core.align.items import Items, empty_items
from parallax.core.chinese import fold


def glossary_items(
    zh: Sequence[str], en: Sequence[str], glossary: Iterable[tuple[str, str]], weight: float = 1.0
) -> Items:
    """The glossary signal's items: occurrences of each term's Chinese and English forms."""
    terms = [(fold(z.strip()), e.strip()) for z, e in glossary if z.strip() and e.strip()]
    if not terms:
        return empty_items(len(zh), len(en), weight)
    zh_folded = [fold(text) for text in zh]
    zh_items: list[list[tuple[int, ...]]] = [[] for _ in zh]
    en_keys: list[set[int]] = [set() for _ in en]
    for t, (term_zh, term_en) in enumerate(terms):
        for u, text in enumerate(zh_folded):
            zh_items[u].extend([(t,)] * text.count(term_zh))
        pattern = regex.compile(rf"(?<!\w){regex.escape(term_en)}(?:s|es)?(?!\w)", regex.I)
        for v, text in enumerate(en):
            if pattern.search(text):
                en_keys[v].add(t)
    return Items.from_items(zh_items, [frozenset(keys) for keys in en_keys], weight)
