"""Aligned units of a whole document, as ``parallax align`` writes them.

Paragraphs and lines are aligned as they are; sentences are aligned inside each aligned
paragraph pair (so a sentence never crosses a paragraph row). The result is a
:class:`UnitAlignment` (unit texts of both sides and the beads joining them, ids 0-based in
document order) and the notes the caller tells the user.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from parallax.core.align.bead import Bead
from parallax.core.document import Document
from parallax.core.resolve_alignment import Resolution, resolve_alignment
from parallax.core.sentence_alignment import align_pair_sentences, pair_texts

OutputUnits = Literal["paragraphs", "lines", "sentences"]


@dataclass(frozen=True)
class UnitAlignment:
    """Aligned units: the unit texts of both sides and the beads joining them."""

    zh: list[str]
    en: list[str]
    beads: list[Bead]


@dataclass(frozen=True)
class AlignmentReport:
    """A document's aligned units, how its paragraphs (or lines) were aligned, and one-line
    problems for the user (damaged hand-fixed files set aside)."""

    alignment: UnitAlignment
    resolution: Resolution
    problems: list[str] = field(default_factory=list)


def align_for_output(
    document: Document,
    units: OutputUnits,
    *,
    glossary: Iterable[tuple[str, str]] = (),
    fresh: bool = False,
    before_aligning: Callable[[], None] | None = None,
) -> AlignmentReport:
    """Align ``document`` by ``units`` (hand fixes used unless ``fresh``); ``before_aligning``
    as in :func:`~parallax.core.resolve_alignment.resolve_alignment`."""
    zh, en = document.zh_texts, document.en_texts
    pairs = list(glossary)
    kind: Literal["paragraphs", "lines"] = "lines" if units == "lines" else "paragraphs"
    resolution = resolve_alignment(
        zh,
        en,
        units=kind,
        fresh=fresh,
        glossary=pairs,
        cache=False,
        before_aligning=before_aligning,
    )
    problems = [resolution.problem] if resolution.problem else []
    if units != "sentences":
        return AlignmentReport(UnitAlignment(zh, en, list(resolution.beads)), resolution, problems)
    result = UnitAlignment([], [], [])
    for bead in resolution.beads:
        zh_text, en_text = pair_texts(zh, en, bead)
        sentences = align_pair_sentences(zh_text, en_text, glossary=pairs, fresh=fresh)
        if sentences.resolution.problem:
            problems.append(sentences.resolution.problem)
        beads: Iterable[Bead] = sentences.resolution.beads
        if not bead.zh or not bead.en:  # unmatched sentences keep their paragraph's confidence
            beads = [Bead(b.zh, b.en, bead.score) for b in beads]
        zh_base, en_base = len(result.zh), len(result.en)
        result.zh.extend(sentences.zh)
        result.en.extend(sentences.en)
        result.beads.extend(
            Bead(
                tuple(zh_base + i for i in b.zh),
                tuple(en_base + i for i in b.en),
                b.score,
                b.confirmed,
            )
            for b in beads
        )
    return AlignmentReport(result, resolution, problems)
