"""The reading tables: CC-CEDICT words with one reading, and each character's usual reading.

* ``words``: every CC-CEDICT headword of two or more characters (Simplified form) that has
  exactly one reading, upper and lower case taken as one (``银行`` -> ``yín háng``); neutral
  tones as CC-CEDICT gives them.
* ``usual``: for each character, the reading it has in most running text, counted over the
  words of jieba's dictionary weighted by their frequency, each word read by CC-CEDICT (one
  reading) or pypinyin's phrase table. Neutral tones count only when a character has no other
  reading (they belong to particular words: 子 is *zi* in 桌子 but *zǐ* in 之子).
* ``names``: the same for the proper nouns of CC-CEDICT (places and people, transliterations),
  used for characters inside words no dictionary knows (mostly names).
* ``free``: jieba's frequency of each character as a word on its own.

Building the tables reads the dictionaries once (a few seconds); the result is pickled in the
cache directory next to the CC-CEDICT cache, keyed by its source file.
"""

from __future__ import annotations

import importlib.resources
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass

import regex

from parallax.core import cedict
from parallax.core.cedict.cache import cache_file, read_cache, write_cache
from parallax.core.readings.marks import marked

VERSION = 3
NAME_MIN = 10  # proper nouns a character must occur in for its reading in names to count
_SYLLABLE = regex.compile(r"^[a-z]+(?::)?[a-z]*[1-5]$")
_HAN = regex.compile(r"^\p{Han}+$")
_lock = threading.Lock()
_tables: list[Tables] = []


@dataclass(frozen=True)
class Tables:
    """Word readings and character priors (all syllables tone-marked)."""

    words: dict[str, tuple[str, ...]]
    usual: dict[str, str]
    names: dict[str, str]
    free: dict[str, int]


def tables() -> Tables:
    """The reading tables, loaded (or built and cached) once per process."""
    if _tables:
        return _tables[0]
    with _lock:
        if not _tables:
            cache = cache_file("readings", VERSION)
            found = read_cache(cache, Tables)
            if found is None:
                found = build()
                write_cache(cache, found)
            _tables.append(found)
    return _tables[0]


Names = dict[str, Counter[str]]


def cedict_readings(dictionary: cedict.Cedict) -> tuple[dict[str, set[tuple[str, ...]]], Names]:
    """Each Simplified headword's readings (numbered, lower case) and the proper-noun counts."""
    readings: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    proper: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for line in dictionary.lines:
        trad, simp, rest = line.split(" ", 2)
        if not _HAN.match(simp):
            continue
        numbered = rest[1 : rest.index("]")].split()
        syllables = tuple(s.lower() for s in numbered)
        if len(syllables) != len(simp) or not all(_SYLLABLE.match(s) for s in syllables):
            continue
        readings[simp].add(syllables)
        if len(simp) > 1 and numbered[0][:1].isupper():
            for char, syllable in zip(simp, syllables, strict=True):
                proper[char][syllable] += 1
    return readings, proper


def build() -> Tables:
    """Build the tables from CC-CEDICT, jieba's dictionary and pypinyin's phrase table."""
    from pypinyin.constants import PHRASES_DICT

    readings, proper = cedict_readings(cedict.load())
    words = {
        word: tuple(marked(s) for s in next(iter(found)))
        for word, found in readings.items()
        if len(word) > 1 and len(found) == 1
    }
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    free: dict[str, int] = {}
    for word, frequency in _jieba_words():
        if len(word) == 1:
            free[word] = frequency
            continue
        reading = words.get(word)
        if reading is None and word in PHRASES_DICT:
            reading = tuple(options[0] for options in PHRASES_DICT[word])
        if reading is None or len(reading) != len(word):
            continue
        for char, syllable in zip(word, reading, strict=True):
            counts[char][syllable] += frequency
    names = {
        char: marked(found.most_common(1)[0][0])
        for char, found in proper.items()
        if sum(found.values()) >= NAME_MIN
    }
    return Tables(words, {c: _usual(found) for c, found in counts.items()}, names, free)


def _usual(found: Counter[str]) -> str:
    """The commonest reading, neutral tones only when there is nothing else."""
    toned = [(n, s) for s, n in found.items() if not is_neutral(s)]
    return max(toned)[1] if toned else found.most_common(1)[0][0]


def is_neutral(syllable: str | None) -> bool:
    """True for a neutral-tone syllable (no tone mark); False for None."""
    if syllable is None:
        return False
    return not any(c in "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜḿńňǹ" for c in syllable)


def _jieba_words() -> list[tuple[str, int]]:
    text = importlib.resources.files("jieba").joinpath("dict.txt").read_text("utf-8")
    found = []
    for line in text.splitlines():
        parts = line.split(" ")
        if len(parts) >= 2 and _HAN.match(parts[0]) and parts[1].isdigit():
            found.append((parts[0], int(parts[1])))
    return found
