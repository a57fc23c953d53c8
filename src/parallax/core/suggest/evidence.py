"""CC-CEDICT evidence linking Chinese characters to English words.

A Chinese span is covered by the CC-CEDICT headwords inside it (every substring that is a
headword, Traditional or Simplified); an English word is evidence for a headword when it matches
one of the content words of its senses. Words are compared loosely: case, British ``-ise`` and
plural or verb endings are ignored, and a word matches a longer one it begins
(contain ~ containment).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from parallax.core import cedict
from parallax.core.cedict.dictionary import gloss_words
from parallax.core.chinese import fold
from parallax.core.words import en_words

MAX_HEADWORD = 8
SINGLE = 0.7  # weight of the evidence for a single character (a morpheme: 雙, 戰, 非)
_STOP_WORDS = (
    "a an the of to in on at by for from with as and or but not no nor is are was were be been "
    "being it its this that these those their they them he she his her we our you your i me my "
    "which who whom what when where how than then so such very can will would shall should may "
    "might must do does did has have had into onto over under about up down out off all any "
    "some each other one two s sb sth something someone oneself etc also only just more most "
    "same own there here if whether while both either"
)
STOP = frozenset(_STOP_WORDS.split())
_HAN_RUN = regex.compile(r"\p{Han}+")
_BRITISH = regex.compile(r"is(ation|ations|e|ed|es|ing)$")


def norm(word: str) -> str:
    """``word`` lower-cased, British ``-ise`` spelt ``-ize``, a plural ``s`` or ``ies`` undone."""
    word = word.lower().replace("’", "'")
    word = _BRITISH.sub(lambda m: "iz" + m.group(1), word) if len(word) > 5 else word
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"  # allies -> ally, countries -> country
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


def same_word(a: str, b: str) -> bool:
    """True when two normalised words are the same word or near forms of it: one extends the
    other a little (contain ~ containment) or they share a long stem (strategy ~ strategic)."""
    if a == b:
        return True
    if a[:5] != b[:5]:
        return False  # both rules below need five letters in common
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 5 and long.startswith(short) and len(long) - len(short) <= 5:
        return True
    stem = len(os.path.commonprefix((a, b)))
    return stem >= 6 and len(short) - stem <= 2 and len(long) - stem <= 5


@dataclass(frozen=True, slots=True)
class Piece:
    """A CC-CEDICT headword found at ``[start, end)``: the content words of each of its senses."""

    start: int
    end: int
    senses: tuple[frozenset[str], ...]
    glosses: frozenset[str]

    def hits(self, word: str) -> frozenset[str]:
        """The gloss words that the normalised English ``word`` (or its hyphenated parts) is."""
        return _hits(self.glosses, word)

    def share(self, hit: set[str] | frozenset[str]) -> float:
        """How well the gloss words ``hit`` render this headword: the best share of one sense's
        content words, weighed down for a single character."""
        best = max((len(sense & hit) / len(sense) for sense in self.senses if sense), default=0.0)
        return best if self.end - self.start > 1 else best * SINGLE


@lru_cache(maxsize=1 << 16)
def _hits(glosses: frozenset[str], word: str) -> frozenset[str]:
    parts = (word, *word.split("-")) if "-" in word else (word,)
    return frozenset(g for g in glosses if any(same_word(g, p) for p in parts))


@cache
def _senses(headword: str) -> tuple[frozenset[str], ...]:
    found: list[frozenset[str]] = []
    for entry in cedict.lookup(headword):
        for sense in entry.senses:
            words = frozenset(
                w for w in map(norm, gloss_words([sense])) if w not in STOP and len(w) > 1
            )
            if words and words not in found:
                found.append(words)
    return tuple(found)


@lru_cache(maxsize=256)
def pieces(text: str, *, singles: bool = True) -> tuple[Piece, ...]:
    """Every headword occurring in ``text`` with content senses (single characters too when
    ``singles``), ordered by start then length; a span is also looked up script-folded.
    Cached: every quote of a paragraph looks in the same text."""
    found: list[Piece] = []
    index = cedict.load().index
    folded = fold(text)  # same length: Hong Kong variants CC-CEDICT lacks, in Simplified
    for run in _HAN_RUN.finditer(text):
        start, stop = run.span()
        for i in range(start, stop):
            for j in range(i + (1 if singles else 2), min(stop, i + MAX_HEADWORD) + 1):
                word = text[i:j] if text[i:j] in index else folded[i:j]
                if word in index:
                    senses = _senses(word)
                    if senses:
                        found.append(Piece(i, j, senses, frozenset().union(*senses)))
    return tuple(found)


@lru_cache(maxsize=64)
def gloss_index(text: str) -> dict[str, tuple[int, ...]]:
    """Where in :func:`pieces` of ``text`` each gloss word is: by whole word and, for words of
    five letters or more, by their first five letters plus ``*`` (all :func:`same_word` needs).
    """
    found: dict[str, list[int]] = {}
    for k, piece in enumerate(pieces(text)):
        for gloss in piece.glosses:
            for key in _keys(gloss):
                found.setdefault(key, []).append(k)
    return {key: tuple(dict.fromkeys(ks)) for key, ks in found.items()}


def _keys(word: str) -> tuple[str, ...]:
    return (word, word[:5] + "*") if len(word) >= 5 else (word,)


def pieces_hit_by(text: str, word: str) -> list[int]:
    """The indexes (in :func:`pieces` order) of the pieces of ``text`` that the normalised
    English ``word`` may hit (check with :meth:`Piece.hits`), found without a scan."""
    index = gloss_index(text)
    parts = (word, *word.split("-")) if "-" in word else (word,)
    found = {k for part in parts for key in _keys(part) for k in index.get(key, ())}
    return sorted(found)


def han_count(text: str) -> int:
    """The number of Han characters in ``text``."""
    return sum(len(m.group()) for m in _HAN_RUN.finditer(text))


@dataclass(frozen=True, slots=True)
class Token:
    """An English word at ``[start, end)``, normalised; ``stop`` for function words."""

    start: int
    end: int
    word: str
    stop: bool


@lru_cache(maxsize=256)
def tokens(text: str) -> tuple[Token, ...]:
    """The words of English ``text``, normalised (hyphenated words stay whole)."""
    found: list[Token] = []
    for start, end in en_words(text):
        word = norm(text[start:end])
        found.append(Token(start, end, word, word in STOP))
    return tuple(found)


@dataclass(frozen=True)
class WordIndex:
    """The words of an English text: the token indexes of each content word, and the words by
    whole word, hyphenated part and first five letters (what :func:`same_word` needs)."""

    tokens: tuple[Token, ...]
    positions: dict[str, list[int]]
    keys: dict[str, set[str]]


@lru_cache(maxsize=64)
def word_index(text: str) -> WordIndex:
    """The :class:`WordIndex` of English ``text`` (cached)."""
    toks = tokens(text)
    positions: dict[str, list[int]] = {}
    keys: dict[str, set[str]] = {}
    for i, token in enumerate(toks):
        if token.stop:
            continue
        positions.setdefault(token.word, []).append(i)
        for part in {token.word, *token.word.split("-")}:
            keys.setdefault(part, set()).add(token.word)
            if len(part) >= 5:
                keys.setdefault(part[:5] + "*", set()).add(token.word)
    return WordIndex(toks, positions, keys)


def token_hits(zh_pieces: Sequence[Piece], index: WordIndex) -> dict[int, list[frozenset[str]]]:
    """Token index -> the gloss words it hits in each piece, for the tokens hitting any."""
    candidates: set[str] = set()
    for piece in zh_pieces:
        for gloss in piece.glosses:
            candidates |= index.keys.get(gloss, set())
            if len(gloss) >= 5:
                candidates |= index.keys.get(gloss[:5] + "*", set())
    found: dict[int, list[frozenset[str]]] = {}
    for word in candidates:
        hits = [piece.hits(word) for piece in zh_pieces]
        if any(hits):
            for i in index.positions[word]:
                found[i] = hits
    return found


def cover(zh_pieces: Sequence[Piece], hits: Sequence[set[str]], total: int) -> float:
    """The share of ``total`` Han characters rendered, given the gloss words ``hits[k]`` found
    for each piece: every character counts the best share of a piece holding it."""
    if not total:
        return 0.0
    best: dict[int, float] = {}
    for piece, hit in zip(zh_pieces, hits, strict=True):
        if hit:
            share = piece.share(hit)
            for position in range(piece.start, piece.end):
                if share > best.get(position, 0.0):
                    best[position] = share
    return min(1.0, sum(best.values()) / total)


def bag_coverage(zh: str, en: str) -> float:
    """How much of ``zh`` the words of ``en`` account for, 0..1 (order ignored)."""
    zh_pieces = pieces(zh)
    hits: list[set[str]] = [set() for _ in zh_pieces]
    for found in token_hits(zh_pieces, word_index(en)).values():
        for k, hit in enumerate(found):
            hits[k] |= hit
    return cover(zh_pieces, hits, han_count(zh))
