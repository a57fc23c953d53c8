"""The aligned pairs of a document that suggestions are drawn from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from parallax.core.align import Bead
from parallax.core.document import Document


@dataclass(frozen=True, slots=True)
class Pair:
    """One aligned bead with text on both sides: ``row`` is its index in the beads."""

    row: int
    zh: str
    en: str


def pairs(doc: Document, beads: Sequence[Bead]) -> list[Pair]:
    """The beads with both Chinese and English text, joined paragraph texts."""
    found: list[Pair] = []
    for row, bead in enumerate(beads):
        if bead.zh and bead.en:
            zh = "\n".join(doc.zh[i].text for i in bead.zh)
            en = "\n".join(doc.en[i].text for i in bead.en)
            found.append(Pair(row, zh, en))
    return found
