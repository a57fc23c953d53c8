"""Headwords found in Chinese text: greedy leftmost-longest matching of CC-CEDICT headwords
(Traditional and Simplified), cached apart from the dictionary so that aligning never loads its
entries."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from parallax.core.cedict.dictionary import Cedict

_HAN_RUN = regex.compile(r"\p{Han}+")


@dataclass(frozen=True)
class Segmenter:
    """Greedy leftmost-longest matching of headwords inside runs of Han characters.

    ``table`` maps every headword and every proper prefix of one to ``2 * (h + 1) + p``, where
    ``h`` is the headword index (-1 for a prefix that is not a headword) and ``p`` is 1 when the
    string is also a proper prefix of a longer headword. One dictionary probe per character.
    """

    table: dict[str, int]

    def segment(self, text: str) -> list[tuple[int, int, int]]:
        """The headwords found in ``text``: ``(start, end, headword index)``."""
        return list(walk_headwords(self.table.get, text))

    def headword_ids(self, text: str) -> list[int]:
        """The headword indexes found in ``text``, in order (what the aligner needs)."""
        return [h for _, _, h in self.segment(text)]


def walk_headwords(get: Callable[[str, int], int], text: str) -> Iterator[tuple[int, int, int]]:
    """The greedy leftmost-longest walk of ``text``'s Han runs through a table of headwords
    and their prefixes coded as in :class:`Segmenter` (``get``: its ``dict.get``):
    ``(start, end, headword index)`` of each headword found, in order."""
    for run in _HAN_RUN.finditer(text):
        i, n = run.span()
        while i < n:
            end, word, j = 0, -1, i + 1
            while j <= n:
                code = get(text[i:j], 0)
                if code >= 2:
                    end, word = j, (code >> 1) - 1
                if not code & 1:
                    break
                j += 1
            if word >= 0:
                yield i, end, word
                i = end
            else:
                i += 1


def build_segmenter(dictionary: Cedict) -> Segmenter:
    """The headword matcher of ``dictionary`` (a second or so; cached by callers)."""
    table: dict[str, int] = {}
    for h, form in enumerate(dictionary.headwords):
        if not _HAN_RUN.fullmatch(form):
            continue
        table[form] = (table.get(form, 0) & 1) | 2 * (h + 1)
        for k in range(1, len(form)):
            prefix = form[:k]
            table[prefix] = table.get(prefix, 0) | 1
    return Segmenter(table)
