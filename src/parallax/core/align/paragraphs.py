"""Aligning paragraphs through their sentences (see :mod:`structure`), with row confidences."""

from __future__ import annotations

import math
from collections.abc import Sequence

from parallax.core.align.bead import Bead
from parallax.core.align.engine import align, search_features, unit_features
from parallax.core.align.margins import point_margins
from parallax.core.align.params import WHOLE_PARAGRAPHS, Params
from parallax.core.align.pieces import piece_margins, search_pieces
from parallax.core.align.structure import paragraph_rows, split_paragraphs

# A row's confidence is logistic((margin - HALF_MARGIN) / MARGIN_SCALE), where the margin is
# the smaller of its two ends' (see :mod:`margins`): below HALF_MARGIN the row is doubtful.
HALF_MARGIN = 2.0
MARGIN_SCALE = 1.0
# Documents of more sentences than this many band widths are aligned piece by piece.
LONG_DOCUMENT = 4


def align_paragraphs(
    zh: Sequence[str], en: Sequence[str], params: Params, glossary: Sequence[tuple[str, str]] = ()
) -> list[Bead]:
    """Paragraph beads of ``zh`` and ``en``, found by aligning all their sentences at once."""
    if not zh or not en:
        return align(list(zh), list(en), params, glossary)
    if len(zh) == 1 and len(en) == 1:
        return [Bead((0,), (0,), 1.0)]  # one row whatever the sentences say
    sentences = split_paragraphs(zh, en)
    groups = (sentences.zh_paragraph, sentences.en_paragraph)
    features = unit_features(sentences.zh, sentences.en, params, glossary, groups)
    if features.n_zh + features.n_en > LONG_DOCUMENT * params.band:
        pieces = search_pieces(features, params, WHOLE_PARAGRAPHS)
        rows = paragraph_rows(sentences, _spans(pieces.beads))
        ends = _row_ends(rows, sentences.zh_paragraph, sentences.en_paragraph)
        margins = dict(zip(ends, piece_margins(pieces, params, ends), strict=True))
    else:
        found = search_features(features, params)
        rows = paragraph_rows(sentences, _spans(found.path.beads))
        ends = _row_ends(rows, sentences.zh_paragraph, sentences.en_paragraph)
        margins = dict(zip(ends, point_margins(found, params, ends), strict=True))
    beads = []
    previous = (0, 0)
    for (zh_ids, en_ids), end in zip(rows, ends, strict=True):
        margin = min(margins.get(previous, math.inf), margins.get(end, math.inf))
        beads.append(Bead(zh_ids, en_ids, round(_logistic(margin), 4)))
        previous = end
    return beads


def _spans(
    beads: Sequence[tuple[tuple[int, int], tuple[int, int]]],
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(tuple(range(*zh_span)), tuple(range(*en_span))) for zh_span, en_span in beads]


def _row_ends(
    rows: Sequence[tuple[tuple[int, ...], tuple[int, ...]]],
    zh_paragraph: Sequence[int],
    en_paragraph: Sequence[int],
) -> list[tuple[int, int]]:
    """The sentence-grid point where each row ends (after its last sentences)."""
    zh_end = _ends(zh_paragraph)
    en_end = _ends(en_paragraph)
    points = []
    i = j = 0
    for zh_ids, en_ids in rows:
        if zh_ids:
            i = zh_end[zh_ids[-1]]
        if en_ids:
            j = en_end[en_ids[-1]]
        points.append((i, j))
    return points


def _ends(paragraph_of: Sequence[int]) -> dict[int, int]:
    ends: dict[int, int] = {}
    for position, paragraph in enumerate(paragraph_of):
        ends[paragraph] = position + 1
    return ends


def _logistic(margin: float) -> float:
    if math.isinf(margin):
        return 1.0
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, (margin - HALF_MARGIN) / MARGIN_SCALE))))
