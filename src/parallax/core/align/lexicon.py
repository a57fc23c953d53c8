"""The bilingual dictionary signal: Chinese words of one unit found as English words in the other.

Each Chinese unit is cut into CC-CEDICT headwords by greedy longest match (Traditional and
Simplified headwords alike); a word whose senses hold English content words is an item whose keys
are the stems of those words. Each English unit's keys are the stems of its content words that
occur in some gloss. Stems that occur in a large share of a document's English units say little
about which unit is which, so they are dropped per document (a document-level stop list).
The headwords and stemmed glosses are compiled once into a :class:`~wordindex.WordIndex`
(shipped with the package for the bundled CC-CEDICT, else built in the cache directory).
"""

from __future__ import annotations

import hashlib
import importlib.resources
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, repeat
from pathlib import Path

import numpy as np
import numpy.typing as npt

from parallax.core import cedict
from parallax.core.align.band import IntArray
from parallax.core.align.english import STOP_WORDS, stem, tokens, tokens_and_breaks
from parallax.core.align.items import Items
from parallax.core.align.keyjoin import distinct_sorted
from parallax.core.align.segment import segment
from parallax.core.align.wordindex import INDEX_VERSION, WordIndex, compile_index, is_index
from parallax.core.cedict.cache import cache_file
from parallax.core.cedict.dictionary import parse
from parallax.core.cedict.source import ENV_SOURCE

KeyArray = npt.NDArray[np.int32]  # a unit's keys (32-bit: there are millions of them)

LEXICON_VERSION = 3
# Keys present in more than this share of the English units (and in more than MIN_COMMON units)
# are dropped: they do not tell units apart.
COMMON_SHARE = 0.25
MIN_COMMON = 3
# Headwords with more gloss stems than this are too ambiguous to be evidence (打, 上, 开...).
MAX_GLOSS_STEMS = 40
SHIPPED = "cedict-index"
# Units whose keys are gathered at a time (bounds the temporary arrays of a long document).
UNIT_BLOCK = 2048  # under parallax/data, written by the build hook (hatch_build.py)


@dataclass(frozen=True)
class Lexicon:
    """CC-CEDICT glosses as stem ids: ``keys[h]`` for headword ``h``; ``stem_ids`` for English."""

    keys: tuple[tuple[int, ...], ...]
    stem_ids: dict[str, int]


class EnglishKeys:
    """English texts as sets of gloss stem ids (tokens memoised)."""

    def __init__(self, stem_ids: dict[str, int]) -> None:
        self.stem_ids = stem_ids
        self.memo: dict[str, int] = {}

    def __call__(self, text: str) -> frozenset[int]:
        memo = self.memo
        words = set(tokens(text))
        for token in words.difference(memo):
            memo[token] = self.token_id(token)
        return frozenset(memo[token] for token in words) - _NONE

    def token_id(self, token: str) -> int:
        """The stem id of a lowercase token, or -1 (a stop word, or in no gloss)."""
        if token in STOP_WORDS or len(token) < 2:
            return -1
        return self.stem_ids.get(stem(token), -1)


_NONE = frozenset([-1])


def source_identity(path: Path) -> str:
    """What an index compiled from the CC-CEDICT file ``path`` records: content and versions."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return f"sha256:{digest}|index {INDEX_VERSION}|lexicon {LEXICON_VERSION}"


def shipped_index_dir() -> Path:
    """Where the build hook puts the index of the bundled CC-CEDICT."""
    return Path(str(importlib.resources.files("parallax").joinpath("data", SHIPPED)))


@cache
def word_index() -> WordIndex:
    """The index of the CC-CEDICT in use: shipped with the package, cached, or compiled now."""
    source = cedict.source_path()
    found = _ready_index(source)
    if found is None:
        found = cache_file("wordindex", INDEX_VERSION * 100 + LEXICON_VERSION)
        found = found.with_suffix("")
        build_index(source, found)
    return WordIndex(found)


def index_ready() -> bool:
    """Whether the aligner's index of the CC-CEDICT in use exists (no compiling to wait for)."""
    try:
        return _ready_index(cedict.source_path()) is not None
    except (OSError, cedict.CedictError):
        return False


def _ready_index(source: Path) -> Path | None:
    """The shipped or cached index compiled from ``source``, if there is one."""
    identity = source_identity(source) if source.is_file() else ""
    candidates = [] if os.environ.get(ENV_SOURCE) else [shipped_index_dir()]
    cached = cache_file("wordindex", INDEX_VERSION * 100 + LEXICON_VERSION)
    for directory in [*candidates, cached.with_suffix("")]:
        if is_index(directory) and (directory / "source.txt").read_text("utf-8") == identity:
            return directory
    return None


def build_index(source: Path, directory: Path) -> None:
    """Compile the index of the CC-CEDICT file ``source`` into ``directory``."""
    dictionary = parse(source)
    lexicon = build_lexicon(dictionary)
    stems = sorted(lexicon.stem_ids, key=lexicon.stem_ids.__getitem__)
    compile_index(dictionary.headwords, lexicon.keys, stems, directory, source_identity(source))


def build_lexicon(dictionary: cedict.Cedict) -> Lexicon:
    """Stem every gloss word of ``dictionary`` (stop words left out)."""
    word_stem: list[int] = []
    stem_ids: dict[str, int] = {}
    for word in dictionary.words:
        if word in STOP_WORDS or len(word) < 2:
            word_stem.append(-1)
        else:
            word_stem.append(stem_ids.setdefault(stem(word), len(stem_ids)))
    keys: list[tuple[int, ...]] = []
    for gloss in dictionary.glosses:
        found = sorted({word_stem[w] for w in gloss} - {-1})
        keys.append(tuple(found) if len(found) <= MAX_GLOSS_STEMS else ())
    return Lexicon(tuple(keys), stem_ids)


def dictionary_items(zh: Sequence[str], en: Sequence[str], weight: float = 1.0) -> Items:
    """The dictionary signal's items for a document."""
    index = word_index()
    en_keys, common = _english_keys(EnglishKeys(index.stem_ids), en)
    universe = distinct_sorted(np.concatenate([np.zeros(0, dtype=np.int32), *en_keys]))
    heads, units = segment(index, zh)
    zh_keys, zh_counts = _unit_keys(index, heads, units, len(zh), common, universe.astype(np.int64))
    return Items(zh_keys, zh_counts, en_keys, weight)


def _english_keys(english: EnglishKeys, en: Sequence[str]) -> tuple[list[KeyArray], IntArray]:
    """Each English unit's keys (sorted 32-bit arrays: a tenth of the memory of sets, which
    matters with 100,000 units), without the document's common ones, and those common keys."""
    units, keys = _token_ids(english, en)
    top = len(english.stem_ids) + 1
    pairs = distinct_sorted(units[keys >= 0] * top + keys[keys >= 0])  # each (unit, key) once
    units, keys = pairs // top, pairs % top
    common = np.zeros(0, dtype=np.int64)
    if len(en) > MIN_COMMON:
        # Keys in a large share of the units: a document-level stop list.
        limit = max(MIN_COMMON, COMMON_SHARE * len(en))
        common = np.flatnonzero(np.bincount(keys, minlength=top) > limit)
        rare = ~np.isin(keys, common)
        units, keys = units[rare], keys[rare]
    bounds = np.searchsorted(units, np.arange(len(en) + 1))
    narrow = keys.astype(np.int32)
    return [narrow[bounds[v] : bounds[v + 1]] for v in range(len(en))], common


def _token_ids(english: EnglishKeys, en: Sequence[str]) -> tuple[IntArray, IntArray]:
    """Each token of ``en`` (in order) as its unit and its stem id (-1: none)."""
    joined = "\n".join(en)
    memo = english.memo
    if joined.count("\n") != len(en) - 1:  # a unit holds a line break: one by one
        found = [tokens(text) for text in en]
        sizes = np.fromiter(map(len, found), np.int64, len(found))
        flat = list(chain.from_iterable(found))
        units = np.repeat(np.arange(len(en), dtype=np.int64), sizes)
    else:  # all at once, the units' breaks among the tokens
        flat = tokens_and_breaks(joined)
        units = None
    for token in set(flat).difference(memo):
        if token != "\n":
            memo[token] = english.token_id(token)
    ids = np.fromiter(map(memo.get, flat, repeat(_BREAK)), np.int64, len(flat))
    if units is None:
        breaks = ids == _BREAK
        units, ids = np.cumsum(breaks)[~breaks], ids[~breaks]
    return units, ids


_BREAK = -2


def _unit_keys(
    index: WordIndex,
    heads: IntArray,
    units: IntArray,
    n: int,
    common_keys: IntArray,
    universe: IntArray,
) -> tuple[list[KeyArray], list[int]]:
    """Each of the ``n`` units' keys (in ``universe``) and its count of words with a key not
    in ``common_keys``, from its headwords (``heads``, in unit order, in units ``units``), a
    block of units at a time (a long document's keys number millions)."""
    size = int(max(universe.max(initial=0), common_keys.max(initial=0), index.keys.max())) + 1
    common = np.zeros(size, dtype=bool)
    common[common_keys] = True
    wanted = np.zeros(size, dtype=bool)
    wanted[universe] = True
    keys: list[KeyArray] = []
    counts: list[int] = []
    bounds = np.searchsorted(units, np.arange(0, n + UNIT_BLOCK, UNIT_BLOCK))
    for block, start in enumerate(range(0, n, UNIT_BLOCK)):
        first, last = int(bounds[block]), int(bounds[block + 1])
        block_keys, block_counts = _block_keys(
            index,
            heads[first:last],
            units[first:last] - start,
            min(UNIT_BLOCK, n - start),
            common,
            wanted,
        )
        keys += block_keys
        counts += block_counts
    return keys, counts


def _block_keys(
    index: WordIndex,
    heads: IntArray,
    unit_of_word: IntArray,
    n: int,
    common: np.ndarray,
    wanted: np.ndarray,
) -> tuple[list[KeyArray], list[int]]:
    """:func:`_unit_keys` of a block of ``n`` units (``common`` and ``wanted``: flags by
    key)."""
    starts, lengths = index.key_ranges(heads)
    word_of_key = np.repeat(np.arange(len(heads)), lengths)
    position = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    keys = np.asarray(index.keys[starts[word_of_key] + position], dtype=np.int64)
    rare = ~common[keys]
    keys, word_of_key = keys[rare], word_of_key[rare]
    counted = np.ones(len(word_of_key), dtype=bool)  # each word once (word_of_key is sorted)
    counted[1:] = word_of_key[1:] != word_of_key[:-1]
    zh_counts = np.bincount(unit_of_word[word_of_key[counted]], minlength=n).tolist()
    inside = wanted[keys]
    top = len(wanted)
    codes = distinct_sorted(unit_of_word[word_of_key[inside]] * top + keys[inside])
    bounds = np.searchsorted(codes // top, np.arange(n + 1))
    found = (codes % top).astype(np.int32)
    return [found[bounds[u] : bounds[u + 1]] for u in range(n)], zh_counts
