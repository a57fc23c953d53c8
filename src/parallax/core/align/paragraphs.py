"""Aligning paragraphs through their sentences (see :mod:`structure`)."""

from __future__ import annotations

from collections.abc import Sequence

from parallax.core.align.bead import Bead
from parallax.core.align.engine import align
from parallax.core.align.params import Params
from parallax.core.align.structure import paragraph_rows, split_paragraphs


def align_paragraphs(
    zh: Sequence[str], en: Sequence[str], params: Params, glossary: Sequence[tuple[str, str]] = ()
) -> list[Bead]:
    """Paragraph beads of ``zh`` and ``en``, found by aligning all their sentences at once."""
    if not zh or not en:
        return align(list(zh), list(en), params, glossary)
    if len(zh) == 1 and len(en) == 1:
        return [Bead((0,), (0,), 1.0)]  # one row whatever the sentences say
    sentences = split_paragraphs(zh, en)
    beads = align(
        sentences.zh,
        sentences.en,
        params,
        glossary,
        groups=(sentences.zh_paragraph, sentences.en_paragraph),
    )
    rows = paragraph_rows(sentences, [(b.zh, b.en) for b in beads])
    return [Bead(zh_ids, en_ids, 0.9) for zh_ids, en_ids in rows]
