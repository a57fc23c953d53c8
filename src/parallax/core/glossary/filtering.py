"""Filtering and sorting terms for the glossary manager.

A query is words separated by blanks; every criterion must hold (AND):

* free text: each word occurs in the Chinese (script-insensitive: 雙/双), the English or the
  note (case-insensitive); or the words together are toneless pinyin of the term
  (``shuang e zhi`` or ``shuangezhi``);
* ``tag:NAME`` (the term has this tag, case-insensitive; repeat for several);
* ``status:new|learning|known`` (a prefix is enough: ``status:le``; repeat for either);
* ``py:shuang e zhi``: pinyin only (the words after ``py:`` up to the next ``key:`` belong to it).

An empty value (``tag:`` while typing) is ignored.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from parallax.core import chinese, readings
from parallax.core.errors import ParallaxError
from parallax.core.glossary.term import STATUSES, Term

SORT_KEYS: tuple[str, ...] = ("zh", "pinyin", "en", "status", "created", "updated")
_PREFIXES = ("tag", "status", "py")
_NOT_LETTER = re.compile(r"[^a-z]")


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed filter: free-text words, tags, statuses and a compact toneless pinyin."""

    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    pinyin: str = ""

    @property
    def empty(self) -> bool:
        """True when the query keeps every term."""
        return not (self.words or self.tags or self.statuses or self.pinyin)


def parse_query(text: str) -> Query:
    """The criteria of the query ``text`` (see the module docstring)."""
    words: list[str] = []
    tags: list[str] = []
    statuses: list[str] = []
    pinyin: list[str] = []
    in_pinyin = False
    for token in text.split():
        key, sep, value = token.partition(":")
        key = key.lower()
        if sep and key in _PREFIXES:
            in_pinyin = key == "py"
            if not value:
                continue
            if key == "tag":
                tags.append(value.casefold())
            elif key == "status":
                statuses.append(value.lower())
            else:
                pinyin.append(value)
        elif in_pinyin:
            pinyin.append(token)
        else:
            words.append(token)
    return Query(tuple(words), tuple(tags), tuple(statuses), compact_pinyin(" ".join(pinyin)))


def compact_pinyin(text: str) -> str:
    """Lower-case pinyin without tones, blanks or tone digits (``Shuāng è-zhì`` -> ``shuangezhi``;
    ``ü`` and ``v`` become ``u``)."""
    bare = "".join(
        c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c)
    )
    return _NOT_LETTER.sub("", bare.replace("v", "u"))


@functools.lru_cache(maxsize=65536)
def _computed_pinyin(zh: str) -> str:
    return compact_pinyin(readings.pinyin(zh, tones=False)) if chinese.has_han(zh) else ""


def term_pinyin(term: Term) -> str:
    """The term's compact toneless pinyin: from ``term.pinyin``, computed when that is empty."""
    return compact_pinyin(term.pinyin) if term.pinyin.strip() else _computed_pinyin(term.zh)


def matches(term: Term, query: Query) -> bool:
    """True if ``term`` meets every criterion of ``query``."""
    if query.statuses and not any(term.status.startswith(s) for s in query.statuses):
        return False
    if query.tags:
        have = {t.casefold() for t in term.tags}
        if not all(t in have for t in query.tags):
            return False
    if query.pinyin and query.pinyin not in term_pinyin(term):
        return False
    if query.words:
        zh = chinese.fold(term.zh)
        text = f"{term.en}\n{term.note}".casefold()
        if not all(chinese.fold(w) in zh or w.casefold() in text for w in query.words):
            spoken = compact_pinyin(" ".join(query.words)) if _latin(query.words) else ""
            return bool(spoken) and spoken in term_pinyin(term)
    return True


def _latin(words: Sequence[str]) -> bool:
    """True if the words could be pinyin: Latin letters (tone marks allowed), tone digits,
    ``'`` or ``-``."""
    joined = "".join(
        c for c in unicodedata.normalize("NFD", "".join(words)) if not unicodedata.combining(c)
    )
    return joined.isascii() and all(c.isalnum() or c in "'-" for c in joined)


def filter_terms(terms: Iterable[Term], query: str | Query) -> list[Term]:
    """The terms that match ``query`` (a string or a parsed :class:`Query`), in their order."""
    parsed = parse_query(query) if isinstance(query, str) else query
    if parsed.empty:
        return list(terms)
    return [t for t in terms if matches(t, parsed)]


def sort_key(key: str) -> Callable[[Term], object]:
    """The sort key function for column ``key`` (one of :data:`SORT_KEYS`); ValueError if
    unknown."""
    keys: dict[str, Callable[[Term], object]] = {
        "zh": lambda t: (chinese.fold(t.zh), t.zh),
        "pinyin": term_pinyin,
        "en": lambda t: t.en.casefold(),
        "status": lambda t: STATUSES.index(t.status),
        "created": lambda t: t.created,
        "updated": lambda t: t.updated,
    }
    if key not in keys:
        raise ParallaxError(f"unknown sort key {key!r} (choose from {', '.join(SORT_KEYS)})")
    return keys[key]


def sort_terms(terms: Iterable[Term], key: str, *, reverse: bool = False) -> list[Term]:
    """``terms`` sorted by ``key`` (stable: equal terms keep their order, also reversed)."""
    return sorted(terms, key=sort_key(key), reverse=reverse)  # type: ignore[arg-type]


__all__ = [
    "SORT_KEYS",
    "Query",
    "compact_pinyin",
    "filter_terms",
    "matches",
    "parse_query",
    "sort_key",
    "sort_terms",
    "term_pinyin",
]
