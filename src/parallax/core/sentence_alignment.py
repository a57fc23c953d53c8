"""Sentences of aligned pairs: split each side, then align them (or take the user's fix).

One path for the reader's sentence view and ``parallax align --units sentences``: a pair's
sentences keep the alignment the user fixed by hand in the sentence view (unless ``fresh``),
else the aligner's; a damaged fix is treated as :mod:`parallax.core.resolve_alignment` treats
one (set aside, named in the problem).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from parallax.core.align.bead import Bead
from parallax.core.document import PARAGRAPH_BREAK
from parallax.core.resolve_alignment import Resolution, hand_fixed


@dataclass(frozen=True)
class PairSentences:
    """The sentences of one aligned pair and their alignment (``resolution.source`` says whether
    it was fixed by hand)."""

    zh: list[str]
    en: list[str]
    resolution: Resolution


def align_pair_sentences(
    zh_text: str,
    en_text: str,
    *,
    glossary: Iterable[tuple[str, str]] = (),
    fresh: bool = False,
) -> PairSentences:
    """Split a pair's Chinese and English into sentences and align them."""
    from parallax.core.align import align_units
    from parallax.core.sentences import split_en, split_zh

    zh, en = split_zh(zh_text), split_en(en_text)
    hand, problem = (None, "") if fresh else hand_fixed(zh, en)
    if hand is not None:
        return PairSentences(zh, en, hand)
    beads = align_units(zh, en, units="sentences", glossary=glossary)
    return PairSentences(zh, en, Resolution(tuple(beads), "aligner", problem=problem))


def pair_texts(zh: Sequence[str], en: Sequence[str], bead: Bead) -> tuple[str, str]:
    """The Chinese and English of a paragraph bead, joined as the reader joins a row's
    paragraphs."""
    return (
        PARAGRAPH_BREAK.join(zh[i] for i in bead.zh),
        PARAGRAPH_BREAK.join(en[i] for i in bead.en),
    )
