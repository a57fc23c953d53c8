"""Search over the displayed rows: both languages, script-insensitive, and by toneless pinyin.

``双`` finds ``雙`` (both sides are script-folded, which keeps offsets); English is matched
case-insensitively; a query of Latin letters also matches Chinese by toneless pinyin
(``shuang e zhi`` finds 雙遏制). Pinyin is computed per Han run and cached per text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from parallax.app.model import Lang
from parallax.core import chinese

_HAN_RUN = regex.compile(r"\p{Han}+")
_PINYIN_QUERY = regex.compile(r"[a-zA-Z\u00fc ]+")


@dataclass(frozen=True, slots=True)
class Hit:
    """A match: ``row``, the cell's language and the span in the displayed text."""

    row: int
    lang: Lang
    start: int
    end: int


@lru_cache(maxsize=20_000)
def syllables(text: str) -> tuple[tuple[int, str], ...]:
    """``(offset, toneless syllable)`` of every Han character of ``text`` in order (its readings
    in context, :mod:`parallax.core.readings`)."""
    from parallax.core.readings import pinyin_syllables, toneless

    found = pinyin_syllables(text)
    return tuple((i, toneless(s)) for i, s in enumerate(found) if s and _HAN_RUN.match(text[i]))


def _pinyin_hits(text: str, words: list[str]) -> list[tuple[int, int]]:
    found = []
    sylls = syllables(text)
    n = len(words)
    for i in range(len(sylls) - n + 1):
        window = sylls[i : i + n]
        if [s for _o, s in window] == words and window[-1][0] - window[0][0] == n - 1:
            found.append((window[0][0], window[-1][0] + 1))
    return found


def search(zh: Sequence[str], en: Sequence[str], query: str) -> list[Hit]:
    """Every match of ``query`` in the Chinese texts ``zh`` and English texts ``en`` (by row)."""
    query = query.strip()
    if not query:
        return []
    folded_query = chinese.fold(query)
    english = regex.compile(regex.escape(query), regex.IGNORECASE | regex.V1)
    words = query.lower().replace("ü", "v").split() if _PINYIN_QUERY.fullmatch(query) else []
    hits: list[Hit] = []
    if words:  # the readings of every paragraph in one batch, cached for the loop below
        from parallax.core.readings import pinyin_syllables_many

        pinyin_syllables_many([t for t in zh if t])
    for row, (zh_text, en_text) in enumerate(zip(zh, en, strict=True)):
        if zh_text:
            folded = chinese.fold(zh_text)
            start = folded.find(folded_query)
            while start >= 0:
                hits.append(Hit(row, "zh", start, start + len(query)))
                start = folded.find(folded_query, start + 1)
            if words:
                hits += [Hit(row, "zh", s, e) for s, e in _pinyin_hits(zh_text, words)]
        hits += [Hit(row, "en", m.start(), m.end()) for m in english.finditer(en_text)]
    return sorted(set(hits), key=lambda h: hit_key(h.row, h.lang, h.start))


def hit_key(row: int, lang: str, start: int) -> tuple[int, bool, int]:
    """The sort key of a position: row, Chinese before English, offset."""
    return (row, lang != "zh", start)


def next_hit(hits: Sequence[Hit], here: tuple[int, bool, int], step: int) -> Hit | None:
    """The first hit after ``here`` (``step`` 1) or the last before it (-1), wrapping around."""
    if not hits:
        return None
    keys = [hit_key(h.row, h.lang, h.start) for h in hits]
    if step > 0:
        return next((h for h, k in zip(hits, keys, strict=True) if k > here), hits[0])
    pairs = zip(reversed(hits), reversed(keys), strict=True)
    return next((h for h, k in pairs if k < here), hits[-1])
