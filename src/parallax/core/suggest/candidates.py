"""The aligned pairs of a document that suggestions are drawn from.

A bead longer than :data:`SLICE` Chinese characters (or its English in proportion) is read in
slices: about ``SLICE`` Chinese characters each, cut after a line or sentence end, with the
English of the same share of the text plus a margin on each side. A quote or a word is matched
with its translation nearby, so the work stays linear in the length of the text: a 1 MB
paragraph of nested quotes is never compared with the whole of itself for every quote.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from parallax.core.align import Bead
from parallax.core.document import Document

SLICE = 2000  # Chinese characters read together
EN_PER_ZH = 4  # English characters per Chinese one allowed in a slice before slicing
MARGIN = 0.25  # English added on each side of a slice, as a share of the slice
_ZH_ENDS = "\n。！？；"
_EN_ENDS = "\n.!?;"
_BREAKS = "，、：」』）》 ,"
MAX_WORD = 40


@dataclass(frozen=True, slots=True)
class Pair:
    """One aligned bead (or a slice of a long one) with text on both sides: ``row`` is the
    bead's index in the beads."""

    row: int
    zh: str
    en: str


class Tries:
    """How often each candidate text was looked at, across the pairs of a document: a text is
    looked at in :data:`MAX_TRIES` places at most, so a quote repeated ten thousand times costs
    a few look-ups, not ten thousand (its count comes from the whole text anyway)."""

    MAX_TRIES = 3

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], int] = {}

    def take(self, kind: str, text: str) -> bool:
        """True (and counted) if ``text`` of this ``kind`` is to be looked at here."""
        key = (kind, text)
        count = self._seen.get(key, 0)
        if count >= self.MAX_TRIES:
            return False
        self._seen[key] = count + 1
        return True


def pairs(doc: Document, beads: Sequence[Bead]) -> list[Pair]:
    """The beads with both Chinese and English text, joined paragraph texts; long ones in
    slices (see the module docstring)."""
    found: list[Pair] = []
    for row, bead in enumerate(beads):
        if bead.zh and bead.en:
            zh = "\n".join(doc.zh[i].text for i in bead.zh)
            en = "\n".join(doc.en[i].text for i in bead.en)
            found.extend(slices(row, zh, en))
    return found


def slices(row: int, zh: str, en: str) -> list[Pair]:
    """``zh`` and ``en`` as one pair, or in slices when longer than :data:`SLICE`."""
    count = max(math.ceil(len(zh) / SLICE), math.ceil(len(en) / (SLICE * EN_PER_ZH)))
    if count <= 1:
        return [Pair(row, zh, en)]
    zh_cuts = _cuts(zh, count, _ZH_ENDS)
    en_cuts = _cuts(en, count, _EN_ENDS)
    margin = int(MARGIN * len(en) / count)
    return [
        Pair(
            row,
            zh[zh_cuts[k] : zh_cuts[k + 1]],
            en[_word_start(en, en_cuts[k] - margin) : _word_end(en, en_cuts[k + 1] + margin)],
        )
        for k in range(count)
    ]


def _cuts(text: str, count: int, ends: str) -> list[int]:
    """``count + 1`` increasing offsets from 0 to ``len(text)``, each inner one just after a
    line or sentence end shortly before the even share, else at the even share."""
    cuts = [0]
    for k in range(1, count):
        target = len(text) * k // count
        floor = max(cuts[-1] + 1, target - len(text) // (4 * count))
        best = max(text.rfind(end, floor, target) for end in ends)
        if best < 0:  # no sentence end near: at least not inside a word
            best = max(text.rfind(end, floor, target) for end in _BREAKS)
        cuts.append(best + 1 if best >= 0 else max(target, cuts[-1] + 1))
    cuts.append(len(text))
    return cuts


def _word_start(text: str, at: int) -> int:
    """``at`` (clamped) moved back to the start of its word (a few characters at most)."""
    at = min(max(0, at), len(text))
    blank = max(
        text.rfind(" ", max(0, at - MAX_WORD), at), text.rfind("\n", max(0, at - MAX_WORD), at)
    )
    return blank + 1 if blank >= 0 else at


def _word_end(text: str, at: int) -> int:
    """``at`` (clamped) moved on to the end of its word (a few characters at most)."""
    at = min(max(0, at), len(text))
    blanks = [
        i for i in (text.find(" ", at, at + MAX_WORD), text.find("\n", at, at + MAX_WORD)) if i >= 0
    ]
    return min(blanks) if blanks else at
