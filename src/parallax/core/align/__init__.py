"""Paragraph and sentence alignment of Chinese and English texts (pure; NumPy for speed).

``align_units`` finds the monotonic sequence of beads (0-1, 1-0, 1-1, 1-2, 2-1, 2-2, 1-3, 3-1,
1-4, 4-1) of lowest cost by dynamic programming in a band around the length diagonal. The cost
adds bead-shape priors, a Gale–Church length cost with a per-document length ratio, and lexical
evidence combining the CC-CEDICT dictionary, numbers, quoted spans, question and exclamation
marks, and the user's glossary. Paragraphs are aligned through their sentences
(:mod:`structure`), with confidences from the margins of the rows' boundaries (:mod:`margins`);
:mod:`quick` is a pure-Python length-only alignment for the reader's first paint.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from parallax.core.align.bead import LOW_CONFIDENCE, Bead
from parallax.core.align.params import PARAGRAPHS, SENTENCES, Params
from parallax.core.document import Document

__all__ = [
    "LOW_CONFIDENCE",
    "Bead",
    "Params",
    "UnitKind",
    "align_document",
    "align_sentences",
    "align_units",
    "paragraph_pairs",
]

UnitKind = Literal["paragraphs", "sentences", "lines"]
UNIT_KINDS: tuple[str, ...] = ("paragraphs", "sentences", "lines")


def params_for(units: str) -> Params:
    """The default parameters for a kind of unit."""
    if units not in UNIT_KINDS:
        raise ValueError(f"unknown units {units!r} (choose from {', '.join(UNIT_KINDS)})")
    return PARAGRAPHS if units == "paragraphs" else SENTENCES


def align_units(
    zh: Sequence[str],
    en: Sequence[str],
    *,
    units: UnitKind = "paragraphs",
    glossary: Iterable[tuple[str, str]] = (),
    params: Params | None = None,
) -> list[Bead]:
    """Align Chinese units with English units.

    Every unit is in exactly one bead, in order; with one side empty every bead is 0-1 or 1-0.
    ``glossary`` holds ``(zh, en)`` term pairs found on both sides as strong anchors. ``params``
    overrides the defaults for ``units`` (benchmarks use it to switch signals off).
    """
    from parallax.core.align.engine import align  # NumPy: imported when aligning, not before
    from parallax.core.align.paragraphs import align_paragraphs

    chosen = params_for(units) if params is None else params
    if units == "paragraphs":
        return align_paragraphs(zh, en, chosen, list(glossary))
    return align(list(zh), list(en), chosen, list(glossary))


def align_document(doc: Document, *, glossary: Iterable[tuple[str, str]] = ()) -> list[Bead]:
    """Align a document's paragraphs."""
    return align_units(doc.zh_texts, doc.en_texts, units="paragraphs", glossary=glossary)


def paragraph_pairs(
    doc: Document, *, glossary: Iterable[tuple[str, str]] = ()
) -> list[tuple[str, str]]:
    """The document's aligned paragraph pairs as ``(Chinese, English)`` texts (pairs with an
    empty side left out)."""
    return [
        ("\n".join(doc.zh_texts[i] for i in b.zh), "\n".join(doc.en_texts[i] for i in b.en))
        for b in align_document(doc, glossary=glossary)
        if b.zh and b.en
    ]


def align_sentences(
    zh_text: str, en_text: str, *, glossary: Iterable[tuple[str, str]] = ()
) -> tuple[list[str], list[str], list[Bead]]:
    """Split an aligned paragraph pair into sentences and align them."""
    from parallax.core.sentences import split_en, split_zh

    zh, en = split_zh(zh_text), split_en(en_text)
    return zh, en, align_units(zh, en, units="sentences", glossary=glossary)
