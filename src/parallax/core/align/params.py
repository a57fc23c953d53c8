"""The aligner's parameters: bead shapes and their prior costs, signal weights, band width.

Costs are in nats (negative log probabilities, up to constants). The values were tuned on
MAC-Dev sentence alignment, on MAC-Dev pseudo-paragraphs, on the news-dev development set and
on the paragraph cases in ``tests/data/align``; see ``benchmarks/align_quality.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

SIGNALS = ("length", "dictionary", "numbers", "quotes", "marks", "glossary")

PARAGRAPH_BEADS: dict[tuple[int, int], float] = {
    (1, 1): 0.0,
    (1, 2): 2.0,
    (2, 1): 2.0,
    (2, 2): 8.0,
    (1, 3): 4.0,
    (3, 1): 4.0,
}
SENTENCE_BEADS: dict[tuple[int, int], float] = {
    **PARAGRAPH_BEADS,
    (1, 3): 5.0,
    (3, 1): 5.0,
    (1, 4): 6.5,
    (4, 1): 6.5,
}


@dataclass(frozen=True)
class Params:
    """Everything the aligner's cost depends on."""

    beads: dict[tuple[int, int], float] = field(default_factory=lambda: dict(PARAGRAPH_BEADS))
    skip_cost: float = 4.0  # a 1-0 or 0-1 bead
    length_weight: float = 1.0
    length_variance: float = 6.0
    lexical_weight: float = 8.0
    # "similarity": lexical_weight * (1 - matched share) per unit of the bead, which does not grow
    # with unit length (paragraphs); "evidence": lexical_weight * (unmatched_share * items -
    # matched items), a log-likelihood-ratio-like count that weighs long units more (sentences).
    lexical_mode: Literal["similarity", "evidence"] = "similarity"
    unmatched_share: float = 0.27
    smoothing: float = 2.0  # pseudo-count pulling the lexical similarity towards `neutral`
    neutral: float = 0.2
    weights: dict[str, float] = field(
        default_factory=lambda: {
            "dictionary": 1.0,
            "numbers": 3.0,
            "quotes": 1.0,
            "marks": 1.0,
            "glossary": 5.0,
        }
    )
    signals: frozenset[str] = frozenset(SIGNALS)
    band: int = 32  # initial half width of the band, in units
    redundancy: float = 0.0  # share of a bead's repeated matches discounted (0: none)
    # A paragraph boundary passed inside a paragraph of the other side (or inside a bead).
    merge_cost: float = 0.0

    def __post_init__(self) -> None:
        if (1, 1) not in self.beads or any(a < 1 or b < 1 for a, b in self.beads):
            raise ValueError("bead shapes must include (1, 1) and pair at least one unit a side")
        if self.lexical_mode not in ("similarity", "evidence"):
            raise ValueError(f"unknown lexical mode {self.lexical_mode!r}")
        if self.band < 1:
            raise ValueError(f"band half width must be at least 1, not {self.band}")

    @property
    def max_zh(self) -> int:
        """The most Chinese units in one bead."""
        return max(a for a, _ in self.beads)

    @property
    def max_en(self) -> int:
        """The most English units in one bead."""
        return max(b for _, b in self.beads)

    def without(self, signal: str) -> Params:
        """These parameters with one signal switched off (for ablation)."""
        if signal not in SIGNALS:
            raise ValueError(f"unknown signal {signal!r} (choose from {', '.join(SIGNALS)})")
        return replace(self, signals=self.signals - {signal})


# Paragraphs searched as whole units, without their sentences: the aligner before paragraphs were
# aligned through their sentences (benchmarks/align_quality.py keeps it for the ablation).
WHOLE_PARAGRAPHS = Params(lexical_weight=6.0, length_weight=0.5, length_variance=9.0)
SENTENCES = Params(
    beads=dict(SENTENCE_BEADS),
    lexical_mode="evidence",
    lexical_weight=0.45,
    unmatched_share=0.35,
    skip_cost=8.0,
    length_weight=0.55,
    weights={"dictionary": 1.0, "numbers": 1.5, "quotes": 1.0, "marks": 1.4, "glossary": 5.0},
    redundancy=0.0,
)
# Paragraphs are aligned through their sentences (see structure.py): sentence costs, a cheaper
# skip (translators drop headlines, ledes and whole paragraphs), the paragraph structure's
# merge cost and the redundancy discount (headlines repeat their lede).
PARAGRAPHS = replace(SENTENCES, skip_cost=2.0, merge_cost=1.5, redundancy=1.0)
