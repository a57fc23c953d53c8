"""Find every glossary term in a text, in one Aho–Corasick pass per language.

Chinese is matched on ``chinese.fold(text)`` (same length as the text), so a term typed in
Simplified finds the Traditional text and the other way round; no word segmentation is used.
English is matched on ``english.normalise(text)`` with an offset map, then kept only at whole
word boundaries of the original text. In both languages the longest match starting leftmost
wins and spans never overlap.

pyahocorasick looks up a node's children by linear search, which is slow at the root of a
trie over thousands of Han characters. The Chinese automaton therefore spells every character
as three symbols from three disjoint 7-bit alphabets (fan-out ≤ 128 per node); since a key
always starts with a first-alphabet symbol, matches can only start at character boundaries.
One-character terms (most characters of a text, with a dictionary-sized glossary) are not in
the automaton but looked up directly while selecting the matches.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick

from parallax.core.chinese import fold
from parallax.core.glossary import english
from parallax.core.glossary._gc import gc_paused
from parallax.core.glossary.merging import renderings
from parallax.core.glossary.term import Term
from parallax.core.paths import cache_dir, tell_cache_unusable

CACHE_VERSION = "4"  # bump when the pickled layout changes
CACHE_KEEP = 4  # matchers kept in the cache directory
_WIDTH = 3  # symbols per character in the Chinese automaton


class _Spelling(dict[int, str]):
    """``str.translate`` table spelling each character as ``_WIDTH`` symbols."""

    def __missing__(self, code: int) -> str:
        spelt = (
            chr(0x100 + (code >> 14)) + chr(0x200 + ((code >> 7) & 127)) + chr(0x300 + (code & 127))
        )
        self[code] = spelt
        return spelt


_SPELL = _Spelling()


class Match(NamedTuple):
    """A term found in a text: ``text[start:end]``; ``key`` is the folded/normalised match key.

    A NamedTuple rather than a dataclass: a megabyte of Chinese yields ~150,000 matches, and
    tuples are several times cheaper to create (and untracked by the garbage collector).
    """

    start: int
    end: int
    term_ids: tuple[str, ...]
    key: str


_new_match = tuple.__new__
_LEN_BITS = 16
_LEN_MASK = (1 << _LEN_BITS) - 1


class Matcher:
    """Finds glossary terms in Chinese and English texts. Build with ``Matcher.build(terms)``."""

    def __init__(
        self,
        zh: Any,
        zh_keys: list[tuple[str, tuple[str, ...]]],
        zh_single: dict[str, tuple[str, tuple[str, ...]]],
        en: Any,
        en_info: list[Any],
        with_en: frozenset[str],
    ) -> None:
        self._zh = zh
        self._zh_keys = zh_keys  # value >> 16 -> (folded key, term ids); value & 0xFFFF: length
        self._zh_single = zh_single  # one-character keys -> (folded key, term ids)
        self._zh_ids = dict(zh_keys)
        self._zh_ids.update(zh_single.values())
        self._en = en
        self._en_info = en_info  # value -> (normalised length, term ids)
        self._with_en = with_en
        self._version = CACHE_VERSION

    @classmethod
    def build(cls, terms: Iterable[Term], *, cache: bool | Path = False) -> Matcher:
        """A matcher for ``terms``; with ``cache`` it is pickled in (and reloaded from) the cache
        directory (``True``: ``parallax.core.paths.cache_dir()``), keyed by a hash of the terms."""
        terms = list(terms)
        if not cache:
            return cls._build(terms)
        directory = cache_dir() if cache is True else Path(cache)
        path = directory / f"matcher-{_content_hash(terms)}.pickle"
        try:
            with open(path, "rb") as handle:
                loaded = pickle.load(handle)
            if isinstance(loaded, Matcher) and getattr(loaded, "_version", "") == CACHE_VERSION:
                return loaded
        except Exception:  # missing, stale or corrupt cache: rebuild
            pass
        matcher = cls._build(terms)
        _write_cache(path, matcher)
        return matcher

    @classmethod
    def _build(cls, terms: list[Term]) -> Matcher:
        zh_ids: dict[str, list[str]] = {}
        exact: dict[str, list[str]] = {}
        inflected: dict[str, list[str]] = {}
        with_en = []
        for term in terms:
            if term.zh:
                key = fold(term.zh.strip())
                if key:
                    zh_ids.setdefault(key, []).append(term.id)
            for rendering in renderings(term.en):
                key, forms = english.term_keys(rendering)
                if key:
                    with_en.append(term.id)
                    exact.setdefault(key, []).append(term.id)
                for form in forms:
                    inflected.setdefault(form, []).append(term.id)
        zh = ahocorasick.Automaton()
        zh_keys: list[tuple[str, tuple[str, ...]]] = []
        zh_single: dict[str, tuple[str, tuple[str, ...]]] = {}
        for key, ids in zh_ids.items():
            if len(key) == 1:  # looked up directly: most characters of a text are such terms
                zh_single[key] = (key, _unique(ids))
            elif len(key) <= _LEN_MASK:
                zh.add_word(key.translate(_SPELL), len(zh_keys) << _LEN_BITS | len(key))
                zh_keys.append((key, _unique(ids)))
        en = ahocorasick.Automaton()
        en_info: list[Any] = []
        for key, ids in (*exact.items(), *((k, v) for k, v in inflected.items() if k not in exact)):
            en.add_word(key, len(en_info))
            en_info.append((len(key), _unique(ids)))
        for automaton in (zh, en):
            if len(automaton):
                automaton.make_automaton()
        return cls(zh, zh_keys, zh_single, en, en_info, frozenset(with_en))

    def find_zh(self, text: str) -> list[Match]:
        """Non-overlapping term matches in Chinese ``text`` (offsets into ``text``)."""
        if not text or not (len(self._zh) or self._zh_single):
            return []
        folded = fold(text)
        # best[start] = automaton value of the longest term of 2+ characters starting there
        # (0: none). For one start, longer matches are reported later and overwrite.
        best = [0] * (len(text) + 1)
        if len(self._zh):
            mask, width = _LEN_MASK, _WIDTH
            for end, value in self._zh.iter(folded.translate(_SPELL)):
                best[(end + 1) // width - (value & mask)] = value
        with gc_paused():
            return self._walk(folded, best)

    def _walk(self, folded: str, best: list[int]) -> list[Match]:
        """Leftmost-longest selection: at each start the longest term, else a 1-character one."""
        keys, single, mask, bits = self._zh_keys, self._zh_single.get, _LEN_MASK, _LEN_BITS
        out: list[Match] = []
        append = out.append
        start, size = 0, len(folded)
        while start < size:
            value = best[start]
            if value:
                end = start + (value & mask)
                key, ids = keys[value >> bits]
            else:
                found = single(folded[start])
                if found is None:
                    start += 1
                    continue
                end = start + 1
                key, ids = found
            append(_new_match(Match, (start, end, ids, key)))
            start = end
        return out

    def find_en(self, text: str) -> list[Match]:
        """Non-overlapping whole-word term matches in English ``text`` (offsets into ``text``)."""
        found = self._en_candidates(text)
        best: dict[int, tuple[int, tuple[str, ...], str]] = {}
        for start, end, ids, key in found:
            if start not in best or end > best[start][0]:
                best[start] = (end, ids, key)
        out: list[Match] = []
        last = 0
        for start in sorted(best):
            if start >= last:
                end, ids, key = best[start]
                out.append(Match(start, end, ids, key))
                last = end
        return out

    def en_term_ids(self, text: str) -> set[str]:
        """Ids of every term found in English ``text``, including matches inside longer ones."""
        return {i for _s, _e, ids, _k in self._en_candidates(text) for i in ids}

    def zh_term_ids(self, key: str) -> tuple[str, ...]:
        """Ids of the terms whose folded Chinese is ``key`` (all senses of one Chinese term)."""
        return self._zh_ids.get(key, ())

    def has_english(self, term_id: str) -> bool:
        """True if the term ``term_id`` has an English rendering."""
        return term_id in self._with_en

    def _en_candidates(self, text: str) -> list[tuple[int, int, tuple[str, ...], str]]:
        if not len(self._en) or not text:
            return []
        norm, offsets = english.normalise(text)
        size = len(text)
        out = []
        for end_n, value in self._en.iter(norm):
            length, ids = self._en_info[value]
            start_n = end_n - length + 1
            start, end = offsets[start_n], offsets[end_n] + 1
            if start and text[start - 1].isalnum():
                continue
            if end < size and text[end].isalnum():
                continue
            out.append((start, end, ids, norm[start_n : end_n + 1]))
        return out


def _unique(ids: list[str]) -> tuple[str, ...]:
    return (ids[0],) if len(ids) == 1 else tuple(dict.fromkeys(ids))


def _content_hash(terms: list[Term]) -> str:
    digest = hashlib.sha256(CACHE_VERSION.encode())
    for term in terms:
        digest.update(f"{term.id}\x00{term.zh}\x00{term.en}\x01".encode())
    return digest.hexdigest()[:32]


def _write_cache(path: Path, matcher: Matcher) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".matcher-", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(matcher, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        # Keep the few most recent matchers: each edit of a glossary makes a new one.
        cached = sorted(path.parent.glob("matcher-*.pickle"), key=_mtime, reverse=True)
        for old in cached[CACHE_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError as error:  # a cache is an optimisation: never fail because of it
        tell_cache_unusable(error)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
