"""The aligner's output: beads of Chinese and English unit indexes with a confidence."""

from __future__ import annotations

from dataclasses import dataclass

# Beads scoring below this are shown as doubtful by the reader and `parallax show`.
LOW_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class Bead:
    """Chinese units ``zh`` translated by English units ``en`` (0-based, consecutive).

    One side is empty when a unit has no counterpart. ``score`` is the aligner's confidence in
    this bead, from 0 (a guess) to 1 (certain). ``confirmed`` beads were checked by a person:
    re-aligning around them keeps them exactly (:mod:`parallax.core.align.anchored`).
    """

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float
    confirmed: bool = False
