"""The bilingual dictionary signal: Chinese words of one unit found as English words in the other.

Each Chinese unit is cut into CC-CEDICT headwords by greedy longest match (Traditional and
Simplified headwords alike); a word whose senses hold English content words is an item whose keys
are the stems of those words. Each English unit's keys are the stems of its content words that
occur in some gloss. Stems that occur in a large share of a document's English units say little
about which unit is which, so they are dropped per document (a document-level stop list).
The stemmed glosses are cached next to the dictionary's own cache.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import chain

import numpy as np
import numpy.typing as npt

from parallax.core import cedict
from parallax.core.align.english import STOP_WORDS, stem, tokens
from parallax.core.align.items import Items

LEXICON_VERSION = 2
# Keys present in more than this share of the English units (and in more than MIN_COMMON units)
# are dropped: they do not tell units apart.
COMMON_SHARE = 0.25
MIN_COMMON = 3
# Headwords with more gloss stems than this are too ambiguous to be evidence (打, 上, 开...).
MAX_GLOSS_STEMS = 40


@dataclass(frozen=True)
class Lexicon:
    """CC-CEDICT glosses as stem ids: ``keys[h]`` for headword ``h``; ``stem_ids`` for English."""

    keys: tuple[tuple[int, ...], ...]
    stem_ids: dict[str, int]
    _token_ids: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def zh_words(self, text: str) -> list[tuple[int, ...]]:
        """The key sets of the translatable words of a Chinese text, in order."""
        keys = self.keys
        return [keys[h] for h in cedict.segmenter().headword_ids(text) if keys[h]]

    def en_keys(self, text: str) -> frozenset[int]:
        """The stem ids of the glossable content words of an English text."""
        memo = self._token_ids
        found = set()
        for token in tokens(text):
            key = memo.get(token)
            if key is None:
                key = memo[token] = self._token_id(token)
            if key >= 0:
                found.add(key)
        return frozenset(found)

    def _token_id(self, token: str) -> int:
        if token in STOP_WORDS or len(token) < 2:
            return -1
        return self.stem_ids.get(stem(token), -1)


@cache
def lexicon() -> Lexicon:
    """The lexicon of the default CC-CEDICT, from the cache or built (once per process)."""
    path = cedict.cache_file("lexicon", LEXICON_VERSION)
    found = cedict.read_cache(path, Lexicon)
    if found is None:
        found = build_lexicon(cedict.load())
        cedict.write_cache(path, found)
    cedict.segmenter()  # load (or build) the headword matcher now, not inside the first unit
    return found


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
    lex = lexicon()
    en_keys = [lex.en_keys(text) for text in en]
    common: frozenset[int] = frozenset()
    if len(en_keys) > MIN_COMMON:
        counts = Counter(key for keys in en_keys for key in keys)
        limit = max(MIN_COMMON, COMMON_SHARE * len(en_keys))
        common = frozenset(key for key, count in counts.items() if count > limit)
        if common:
            en_keys = [keys - common for keys in en_keys]
    universe = frozenset().union(*en_keys)
    zh_keys: list[npt.NDArray[np.int64]] = []
    zh_counts: list[int] = []
    filtered: dict[tuple[int, ...], tuple[int, ...]] = {}
    for text in zh:
        words = lex.zh_words(text)
        if common:
            words = [keys for keys in (_without(k, common, filtered) for k in words) if keys]
        zh_counts.append(len(words))
        keys = frozenset(chain.from_iterable(words)) & universe
        zh_keys.append(np.fromiter(keys, np.int64, len(keys)))
    # Arrays take a tenth of the memory of sets, which matters with 100,000 units.
    en_arrays = [np.fromiter(keys, np.int64, len(keys)) for keys in en_keys]
    return Items(zh_keys, zh_counts, en_arrays, weight)


def _without(
    keys: tuple[int, ...], common: frozenset[int], memo: dict[tuple[int, ...], tuple[int, ...]]
) -> tuple[int, ...]:
    found = memo.get(keys)
    if found is None:
        found = memo[keys] = tuple(k for k in keys if k not in common)
    return found
