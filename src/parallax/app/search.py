"""Search over the displayed rows: both languages, script-insensitive, and by pinyin.

``双`` finds ``雙`` (both sides are script-folded, which keeps offsets); English is matched
case-insensitively; a query that could be pinyin also matches Chinese by its syllables, with or
without blanks, tone marks or tone numbers (``shuang e zhi``, ``shuangezhi``, ``shuāng'èzhì``,
``shuang1 e4 zhi4`` all find 雙遏制). Pinyin is computed per Han run and cached per text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from parallax.app.model import Lang
from parallax.core import chinese

_HAN_RUN = regex.compile(r"\p{Han}+")


@dataclass(frozen=True, slots=True)
class Hit:
    """A match: ``row``, the cell's language and the span in the displayed text."""

    row: int
    lang: Lang
    start: int
    end: int


@lru_cache(maxsize=20_000)
def syllables(text: str) -> tuple[tuple[int, str], ...]:
    """``(offset, compact toneless syllable)`` of every Han character of ``text`` in order (its
    readings in context, :mod:`parallax.core.readings`)."""
    from parallax.core.glossary.filtering import compact_pinyin
    from parallax.core.readings import pinyin_syllables

    found = pinyin_syllables(text)
    return tuple(
        (i, compact_pinyin(s)) for i, s in enumerate(found) if s and _HAN_RUN.match(text[i])
    )


def spoken(query: str) -> str:
    """``query`` as compact toneless pinyin (``Jiéméng`` and ``jie2 meng2`` -> ``jiemeng``),
    or "" when it cannot be pinyin (not Latin letters, tone digits, blanks, ``'`` and ``-``)."""
    from parallax.core.glossary.filtering import compact_pinyin

    bare = "".join(c for c in unicodedata.normalize("NFD", query) if not unicodedata.combining(c))
    if not bare.isascii() or not all(c.isalnum() or c in " '-" for c in bare):
        return ""
    return compact_pinyin(query)


def _pinyin_hits(text: str, wanted: str) -> list[tuple[int, int]]:
    """Runs of consecutive Han characters of ``text`` whose syllables spell ``wanted``."""
    sylls = syllables(text)
    found = []
    for i, (first, syllable) in enumerate(sylls):
        if not wanted.startswith(syllable) or not syllable:
            continue
        spelt, j = syllable, i
        while len(spelt) < len(wanted) and j + 1 < len(sylls):
            j += 1
            offset, nxt = sylls[j]
            if offset != first + (j - i) or not wanted.startswith(spelt + nxt):
                break
            spelt += nxt
        if spelt == wanted:
            found.append((first, sylls[j][0] + 1))
    return found


def search(zh: Sequence[str], en: Sequence[str], query: str) -> list[Hit]:
    """Every match of ``query`` in the Chinese texts ``zh`` and English texts ``en`` (by row)."""
    query = query.strip()
    if not query:
        return []
    folded_query = chinese.fold(query)
    english = regex.compile(regex.escape(query), regex.IGNORECASE | regex.V1)
    pinyin = spoken(query)
    hits: list[Hit] = []
    if pinyin:  # the readings of every paragraph in one batch, cached for the loop below
        from parallax.core.readings import pinyin_syllables_many

        pinyin_syllables_many([t for t in zh if t])
    for row, (zh_text, en_text) in enumerate(zip(zh, en, strict=True)):
        if zh_text:
            folded = chinese.fold(zh_text)
            start = folded.find(folded_query)
            while start >= 0:
                hits.append(Hit(row, "zh", start, start + len(query)))
                start = folded.find(folded_query, start + 1)
            if pinyin:
                hits += [Hit(row, "zh", s, e) for s, e in _pinyin_hits(zh_text, pinyin)]
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
