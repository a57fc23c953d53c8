"""Aligning two sequences of units: features, band, search (widening the band when needed).

The length ratio is first estimated from the documents' totals, which a paragraph missing from
one side skews; it is re-estimated from the units the first search paired, and the search runs
again when the ratio moved.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from parallax.core.align.band import Band, length_diagonal, make_band
from parallax.core.align.bead import Bead
from parallax.core.align.confidence import bead_confidence
from parallax.core.align.dp import Path, search
from parallax.core.align.features import Features, build_features
from parallax.core.align.length import MAX_RATIO, MIN_RATIO
from parallax.core.align.pairs import PairTable, pair_table
from parallax.core.align.params import Params

# Re-run the search when the re-estimated length ratio differs by more than this share.
RATIO_TOLERANCE = 0.03


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
    features = build_features(zh, en, params, glossary)
    tables: dict[int, tuple[Band, PairTable]] = {}
    path, table = _search_widening(features, params, tables)
    ratio = paired_ratio(features, path)
    if ratio is not None and abs(ratio / features.ratio - 1) > RATIO_TOLERANCE:
        features = replace(features, ratio=ratio)
        path, table = _search_widening(features, params, tables)
    beads = []
    for (zh_start, zh_end), (en_start, en_end) in path.beads:
        zh_units, en_units = range(zh_start, zh_end), range(en_start, en_end)
        score = bead_confidence(features, params, table, zh_units, en_units)
        beads.append(Bead(tuple(zh_units), tuple(en_units), round(score, 4)))
    return beads


def _search_widening(
    features: Features, params: Params, tables: dict[int, tuple[Band, PairTable]]
) -> tuple[Path, PairTable]:
    """Search in a band around the length diagonal, doubling its width while the path hugs it.

    ``tables`` keeps the band and pair table of the widest band tried: they do not depend on the
    length ratio, so a second search with a new ratio starts from them.
    """
    m = features.n_en
    centre = length_diagonal(features.zh_cum, features.en_cum)
    half_width = max(tables, default=params.band)
    while True:
        if half_width not in tables:
            tables.clear()  # only the widest band's table is worth keeping
            band = make_band(centre, m, half_width)
            tables[half_width] = band, pair_table(features, band, params.max_zh, params.max_en)
        band, table = tables[half_width]
        path = search(features, params, band, table)
        if not path.touches_edge or band.covers_all(m):
            return path, table
        half_width *= 2


def paired_ratio(features: Features, path: Path) -> float | None:
    """English characters per Chinese character over the beads that pair both sides."""
    zh_total = en_total = 0.0
    for (zh_start, zh_end), (en_start, en_end) in path.beads:
        if zh_end > zh_start and en_end > en_start:
            zh_total += features.zh_cum[zh_end] - features.zh_cum[zh_start]
            en_total += features.en_cum[en_end] - features.en_cum[en_start]
    if zh_total < 20 or en_total < 20:
        return None
    return min(MAX_RATIO, max(MIN_RATIO, en_total / zh_total))
