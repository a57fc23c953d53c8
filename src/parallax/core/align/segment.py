"""Greedy leftmost-longest headwords of many texts at once, with arrays.

The same words as :meth:`WordIndex.headword_ids` on each text, found without a Python step per
character: the document's Han characters get dense ids, so a string of up to ``K`` of them is
one exact 64-bit number, and the headwords (and prefixes) the index has loaded are looked up by
those numbers; every position's longest headword is found for all positions at once, one length
after the other (only positions whose string so far is a prefix of a headword go on). The rare
positions where a prefix longer than ``K`` characters goes on are finished one by one, as
``headword_ids`` does. The greedy walk (a headword, then the next from its end; one character
on when none starts there) is followed for all runs at once by pointer doubling.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import regex

from parallax.core.align.band import IntArray
from parallax.core.align.keyjoin import distinct_sorted
from parallax.core.align.wordindex import GROUP_SHIFT, WordIndex

_HAN = regex.compile(r"\p{Han}")
MAX_LENGTH = 8  # characters a number holds at most (fewer when ids need more bits)


def segment(index: WordIndex, texts: Sequence[str]) -> tuple[IntArray, IntArray]:
    """The headword ids of every text (flat, in order) and the text each one is in."""
    joined = "\n".join(texts)
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    ids, chars = _dense_ids(codes)
    none = np.zeros(0, dtype=np.int64)
    if not chars:
        return none, none
    index.load(_groups(ids, chars))
    bits = len(chars).bit_length()
    longest = max(1, min(MAX_LENGTH, 63 // bits))
    tables = _numbers(index.table, {c: k + 1 for k, c in enumerate(chars)}, bits, longest)
    starts = np.concatenate([[0], np.cumsum(np.fromiter(map(len, texts), np.int64) + 1)])
    # Blocks of whole texts (runs never cross a text's end) bound the arrays' memory.
    cuts = np.unique(np.searchsorted(starts, np.arange(0, len(ids), BLOCK_CHARS)))
    cuts = cuts[cuts < len(texts)]
    bounds = [*starts[cuts].tolist(), len(ids)]
    heads, found = [], []
    for first, last in zip(bounds[:-1], bounds[1:], strict=True):
        words = Words(ids[first:last], tables, bits)
        for i in words.search(longest).tolist():  # prefixes longer than the numbers hold
            words.finish(index.table, joined, first, int(i))
        at = words.walk()
        heads.append(words.word[at])
        found.append(at + first)
    at = np.concatenate(found)
    return np.concatenate(heads), np.searchsorted(starts, at, "right") - 1


# Characters segmented at a time.
BLOCK_CHARS = 1 << 20


class Words:
    """The longest headword starting at each position of a block of characters."""

    def __init__(self, ids: IntArray, tables: list[tuple[IntArray, IntArray]], bits: int) -> None:
        self.ids, self.tables, self.bits = ids, tables, bits
        self.length = np.zeros(len(ids), dtype=np.int64)  # 0: no headword starts here
        self.word = np.full(len(ids), -1, dtype=np.int64)

    def search(self, longest: int) -> IntArray:
        """Find the headwords of up to ``longest`` characters; the positions where a longer
        prefix goes on."""
        ids, size = self.ids, len(self.ids)
        active = np.flatnonzero(ids)
        number = np.zeros(size, dtype=np.int64)
        for k in range(longest):
            active = active[active + k < size]
            active = active[ids[active + k] > 0]  # the run goes on
            number[active] |= ids[active + k].astype(np.int64) << (self.bits * k)
            value = _look_up(*self.tables[k], number[active])
            found = value >= 2
            self.length[active[found]] = k + 1
            self.word[active[found]] = (value[found] >> 1) - 1
            active = active[(value & 1) == 1]  # a prefix of a longer headword
        return active

    def finish(self, strings: dict[str, int], joined: str, offset: int, i: int) -> None:
        """The longest headword at ``i``, one character after another (``headword_ids``'
        loop; ``joined[offset + i]`` is the character at ``i``)."""
        get, ids = strings.get, self.ids
        j = i + 1
        while j <= len(ids) and ids[j - 1] > 0:
            code = get(joined[offset + i : offset + j], 0)
            if code >= 2:
                self.length[i], self.word[i] = j - i, (code >> 1) - 1
            if not code & 1:
                break
            j += 1

    def walk(self) -> IntArray:
        """The positions where the greedy walk finds a headword, in order: from each run's
        first character, a headword's length on (or one character), until the run ends."""
        size = len(self.ids)
        han = self.ids > 0
        following = np.arange(size) + np.maximum(self.length, 1)
        inside = following < size
        inside[inside] = han[following[inside]]
        jump = np.append(np.where(inside & han, following, size), size)  # ``size``: run ended
        reached = np.zeros(size + 1, dtype=bool)
        reached[:size] = han & ~np.concatenate([[False], han[:-1]])  # each run's start
        ends = np.flatnonzero(np.diff(np.concatenate([[0], han.astype(np.int8), [0]])))
        steps = int((ends[1::2] - ends[::2]).max(initial=0))
        while steps > 0:  # after t rounds, every position within 2**t steps of a start
            reached[jump[np.flatnonzero(reached)]] = True
            jump = jump[jump]
            steps //= 2
        visited = np.flatnonzero(reached[:size])
        at: IntArray = visited[self.length[visited] > 0]
        return at


def _dense_ids(codes: np.ndarray) -> tuple[IntArray, list[str]]:
    """For each character, its Han character's id (1, 2, ...) or 0; and the Han characters."""
    present = np.zeros(0x110000, dtype=bool)
    present[codes] = True
    distinct = np.flatnonzero(present)
    text = "".join(map(chr, distinct.tolist()))
    han = distinct[[m.start() for m in _HAN.finditer(text)]]
    table = np.zeros(0x110000, dtype=np.int32)
    table[han] = np.arange(1, len(han) + 1)
    return table[codes], [chr(c) for c in han.tolist()]


def _groups(ids: IntArray, chars: list[str]) -> IntArray:
    """The index's groups (:func:`group_key`) the document's runs of Han characters need: each
    character, and each pair of neighbours (found through their ids: far fewer than pairs)."""
    size = len(chars) + 1
    left, right = ids[:-1], ids[1:]
    both = (left > 0) & (right > 0)
    pairs = left[both].astype(np.int64) * size + right[both]
    if size * size <= DENSE_PAIRS:
        present = np.zeros(size * size, dtype=bool)
        present[pairs] = True
        pairs = np.flatnonzero(present)
    else:
        pairs = distinct_sorted(pairs)
    points = np.array([0, *map(ord, chars)], dtype=np.int64)
    first, second = points[pairs // size], points[pairs % size]
    return np.concatenate([points[1:] << GROUP_SHIFT, (first << GROUP_SHIFT) | second])


# Pairs of character ids marked in a table of flags when there are at most this many.
DENSE_PAIRS = 1 << 24


def _numbers(
    strings: dict[str, int], ids: dict[str, int], bits: int, longest: int
) -> list[tuple[IntArray, IntArray]]:
    """The index's loaded strings of ``k + 1 <= longest`` of the document's characters as
    numbers: for each ``k``, those numbers (sorted) and the strings' codes."""
    numbers: list[list[int]] = [[] for _ in range(longest)]
    codes: list[list[int]] = [[] for _ in range(longest)]
    for text, code in strings.items():
        if len(text) > longest:
            continue
        number = 0
        for k, char in enumerate(text):
            found = ids.get(char)
            if found is None:
                break
            number |= found << (bits * k)
        else:
            numbers[len(text) - 1].append(number)
            codes[len(text) - 1].append(code)
    tables = []
    for listed, listed_codes in zip(numbers, codes, strict=True):
        sorted_numbers = np.array(listed, dtype=np.int64)
        order = np.argsort(sorted_numbers)
        tables.append((sorted_numbers[order], np.array(listed_codes, dtype=np.int64)[order]))
    # One character: a number is an id, so a table indexed by it.
    single = np.zeros(len(ids) + 1, dtype=np.int64)
    single[tables[0][0]] = tables[0][1]
    tables[0] = (np.zeros(0, dtype=np.int64), single)
    return tables


def _look_up(table: IntArray, values: IntArray, numbers: IntArray) -> IntArray:
    """The codes of ``numbers`` (0: not a loaded string); with no ``table``, ``values`` is
    indexed by the numbers themselves."""
    if not len(table):
        found: IntArray = values[numbers] if len(values) else np.zeros(len(numbers), np.int64)
        return found
    at = np.minimum(np.searchsorted(table, numbers), len(table) - 1)
    found = np.where(table[at] == numbers, values[at], 0)
    return found
