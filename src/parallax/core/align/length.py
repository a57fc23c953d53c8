"""The length signal: English non-space characters against Chinese characters.

A translation's length is roughly proportional to its original's, with a ratio that depends on
the document (2.7 to 5 English characters per Chinese character); it is estimated per document
from the totals. The cost of a bead is Gale and Church's: the squared standardised difference
between the English length and the expected one, with a variance growing with length.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import regex

DEFAULT_RATIO = 3.4
MIN_RATIO, MAX_RATIO = 1.5, 8.0
_NOT_HAN = regex.compile(r"[^\p{Han}]+")
_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")
# A Latin letter or digit in Chinese text weighs this much against a Han character.
_LATIN_IN_ZH = 1 / DEFAULT_RATIO

# No length mismatch costs more than this: a unit that cannot be skipped (one unit against one)
# must still pair, and a grossly wrong ratio must not dominate the dictionary's evidence.
MAX_COST = 12.0

FloatArray = npt.NDArray[np.float64]


def zh_length(text: str) -> float:
    """The length of a Chinese unit: Han characters, plus other letters and digits weighted."""
    han = len(_NOT_HAN.sub("", text))
    other = len(_NOT_ALNUM.sub("", text)) - han
    return han + _LATIN_IN_ZH * other


def en_length(text: str) -> float:
    """The length of an English unit: its letters and digits."""
    return float(len(_NOT_ALNUM.sub("", text)))


def zh_lengths(texts: Sequence[str]) -> FloatArray:
    """:func:`zh_length` of each of ``texts`` (at once, a table lookup per character)."""
    han, alnum = _counts(texts)
    lengths: FloatArray = han + _LATIN_IN_ZH * (alnum - han)
    return lengths


def en_lengths(texts: Sequence[str]) -> FloatArray:
    """:func:`en_length` of each of ``texts``."""
    return _counts(texts)[1]


_HAN, _ALNUM = 1, 2


def _classify(chars: str) -> npt.NDArray[np.uint8]:
    """For each character: Han (1), letter or digit (2), as the patterns above see them."""
    flags = np.zeros(len(chars), dtype=np.uint8)
    for flag, pattern in ((_HAN, r"\p{Han}"), (_ALNUM, r"[\p{L}\p{N}]")):
        at = [match.start() for match in regex.finditer(pattern, chars)]
        flags[at] |= flag
    return flags


def _counts(texts: Sequence[str]) -> tuple[FloatArray, FloatArray]:
    """Han characters and letters or digits (the classes of :func:`zh_length`) of each text:
    the distinct characters are classified once, then looked up."""
    joined = "\n".join(texts)
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    present = np.zeros(0x110000, dtype=bool)
    present[codes] = True
    distinct = np.flatnonzero(present)
    table = np.zeros(0x110000, dtype=np.uint8)
    table[distinct] = _classify("".join(map(chr, distinct.tolist())))
    flags = table[codes]
    sizes = np.fromiter(map(len, texts), np.int64, len(texts))
    starts = np.concatenate([[0], np.cumsum(sizes + 1)[:-1]]).astype(np.int64)
    found = []
    for flag in (_HAN, _ALNUM):
        total = np.concatenate([[0], np.cumsum(flags & flag != 0)])
        found.append((total[starts + sizes] - total[starts]).astype(np.float64))
    return found[0], found[1]


def estimate_ratio(zh: Sequence[float], en: Sequence[float]) -> float:
    """English characters per Chinese character in this document, from the totals."""
    total_zh, total_en = float(sum(zh)), float(sum(en))
    if total_zh < 20 or total_en < 20:
        return DEFAULT_RATIO
    return min(MAX_RATIO, max(MIN_RATIO, total_en / total_zh))


def length_cost(
    zh_len: FloatArray | float, en_len: FloatArray, ratio: float, variance: float
) -> FloatArray:
    """Gale–Church cost ``δ²/2`` of pairing Chinese and English spans of these lengths.

    ``δ = (en - ratio·zh) / sqrt(variance · mean)`` where ``mean`` is the two lengths' average
    in English characters (at least one character, so empty spans stay finite).
    """
    expected = ratio * np.asarray(zh_len, dtype=np.float64)
    mean = np.maximum((expected + en_len) / 2, 1.0)
    delta = (en_len - expected) / np.sqrt(variance * mean)
    return np.minimum(0.5 * np.square(delta), MAX_COST)
