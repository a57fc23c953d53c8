"""Aligning two sequences of units: features, band, search (widening the band when needed).

The length ratio is first estimated from the documents' totals, which a paragraph missing from
one side skews; it is re-estimated from the units the first search paired, and the search runs
again when the ratio moved.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from parallax.core.align.band import Band, length_diagonal, make_band
from parallax.core.align.bead import Bead
from parallax.core.align.confidence import bead_confidence
from parallax.core.align.dp import Path, search
from parallax.core.align.features import Features, build_features
from parallax.core.align.length import MAX_RATIO, MIN_RATIO, FloatArray
from parallax.core.align.pairs import PairTable, pair_table
from parallax.core.align.params import Params

# Times the band may follow a path hugging its edge before it is widened.
RECENTRE = 12
# Re-run the search when the re-estimated length ratio differs by more than this share.
RATIO_TOLERANCE = 0.03
# Up to this many units in all, the length ratio comes from a first search without lengths
# (in longer documents a missing paragraph hardly moves the ratio of the totals).
SHORT_DOCUMENT = 60


@dataclass(frozen=True)
class Search:
    """What the search found: the features it used, its final band and pair table, the path."""

    features: Features
    band: Band
    table: PairTable
    path: Path


def align(
    zh: Sequence[str],
    en: Sequence[str],
    params: Params,
    glossary: Iterable[tuple[str, str]] = (),
) -> list[Bead]:
    """Align ``zh`` with ``en`` under ``params``; every unit lands in exactly one bead, in order."""
    n, m = len(zh), len(en)
    if n == 0 or m == 0:
        return [Bead((u,), (), 0.0) for u in range(n)] + [Bead((), (v,), 0.0) for v in range(m)]
    found = search_units(zh, en, params, glossary)
    beads = []
    for (zh_start, zh_end), (en_start, en_end) in found.path.beads:
        zh_units, en_units = range(zh_start, zh_end), range(en_start, en_end)
        score = bead_confidence(found.features, params, found.table, zh_units, en_units)
        beads.append(Bead(tuple(zh_units), tuple(en_units), round(score, 4)))
    return beads


def search_units(
    zh: Sequence[str],
    en: Sequence[str],
    params: Params,
    glossary: Iterable[tuple[str, str]] = (),
    groups: tuple[Sequence[int], Sequence[int]] | None = None,
) -> Search:
    """The best path aligning ``zh`` with ``en`` (both non-empty); ``groups`` gives the
    paragraph of each unit when the units are a document's sentences."""
    return search_features(unit_features(zh, en, params, glossary, groups), params)


def unit_features(
    zh: Sequence[str],
    en: Sequence[str],
    params: Params,
    glossary: Iterable[tuple[str, str]] = (),
    groups: tuple[Sequence[int], Sequence[int]] | None = None,
) -> Features:
    """The features of ``zh`` and ``en``, with the paragraph of each unit when ``groups``."""
    features = build_features(zh, en, params, glossary)
    if groups is None:
        return features
    return replace(
        features,
        zh_group=np.asarray(groups[0], dtype=np.int64),
        en_group=np.asarray(groups[1], dtype=np.int64),
    )


def search_features(features: Features, params: Params) -> Search:
    """The best path for these features (the length ratio re-estimated from a first path)."""
    n, m = features.n_zh, features.n_en
    tables: dict[int, tuple[Band, PairTable]] = {}
    if n + m <= SHORT_DOCUMENT and "length" in params.signals:
        features = _ratio_from_lexical_pass(features, params, tables)
    path, table = search_widening(features, params, tables)
    ratio = paired_ratio(features, path.beads)
    if ratio is not None and abs(ratio / features.ratio - 1) > RATIO_TOLERANCE:
        features = replace(features, ratio=ratio)
        path, table = search_widening(features, params, tables)
    band, _ = next(iter(tables.values()))
    return Search(features, band, table, path)


def _ratio_from_lexical_pass(
    features: Features, params: Params, tables: dict[int, tuple[Band, PairTable]]
) -> Features:
    """Estimate the length ratio from the units a search without the length signal pairs.

    In a short document one paragraph left out by the translator skews the ratio of the totals
    enough to make the length signal pair the wrong paragraphs; the dictionary, numbers and
    quotes alone find the right pairs, and their lengths give the ratio.
    """
    path, _ = search_widening(features, params.without("length"), tables)
    ratio = paired_ratio(features, path.beads)
    return features if ratio is None else replace(features, ratio=ratio)


def search_widening(
    features: Features, params: Params, tables: dict[int, tuple[Band, PairTable]]
) -> tuple[Path, PairTable]:
    """Search in a band around the length diagonal; follow or widen it while the path hugs it.

    When the best path runs along the band's edge, the true path probably lies beyond: the band
    is first re-centred on the path found (up to :data:`RECENTRE` times, which follows a slow
    drift at no extra cost per row), then doubled in width until the path stays inside.
    ``tables`` keeps the last band and pair table: they do not depend on the length ratio, so a
    second search with a new ratio starts from them.
    """
    m = features.n_en
    if tables:
        band, table = next(iter(tables.values()))
    else:
        band = make_band(length_diagonal(features.zh_cum, features.en_cum), m, params.band)
        table = pair_table(features, band, params.max_zh, params.max_en, params.redundancy > 0)
    recentred = 0
    while True:
        tables.clear()
        tables[band.half_width] = band, table
        path = search(features, params, band, table)
        if not path.touches_edge or band.covers_all(m):
            return path, table
        if recentred < RECENTRE:
            recentred += 1
            band = make_band(path_centre(path, features.n_zh), m, band.half_width)
        else:
            band = make_band(path_centre(path, features.n_zh), m, band.half_width * 2)
        table = pair_table(features, band, params.max_zh, params.max_en, params.redundancy > 0)


def path_centre(path: Path, n: int) -> FloatArray:
    """For each Chinese position ``0..n``, the English position of ``path`` there."""
    zh_points, en_points = [0.0], [0.0]
    for (_, zh_end), (_, en_end) in path.beads:
        if zh_end > zh_points[-1]:
            zh_points.append(float(zh_end))
            en_points.append(float(en_end))
        else:
            en_points[-1] = float(en_end)  # English-only beads: the path moves right
    return np.interp(np.arange(n + 1, dtype=np.float64), zh_points, en_points)


def paired_ratio(
    features: Features, beads: Sequence[tuple[tuple[int, int], tuple[int, int]]]
) -> float | None:
    """English characters per Chinese character over the beads that pair both sides."""
    zh_total = en_total = 0.0
    for (zh_start, zh_end), (en_start, en_end) in beads:
        if zh_end > zh_start and en_end > en_start:
            zh_total += features.zh_cum[zh_end] - features.zh_cum[zh_start]
            en_total += features.en_cum[en_end] - features.en_cum[en_start]
    if zh_total < 20 or en_total < 20:
        return None
    return min(MAX_RATIO, max(MIN_RATIO, en_total / zh_total))
