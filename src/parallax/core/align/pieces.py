"""A long document's sentences aligned piece by piece, cut where the sentence search agrees.

The paragraphs are first searched as whole units (a few times fewer units than sentences); the
points of that coarse path between two one-to-one paragraph pairs are candidate cuts, a few
dozen sentences apart. The pieces between the cuts are aligned by their sentences
independently, all at once (:mod:`gridsearch`), each in a narrow band around the coarse path,
forwards and (for the margins) backwards. Each grid reaches a little past its piece's end, so the
two searches meeting at a cut also hold the costs of the paths that avoid the cut: a cut stays only
where the best sentence path through the two pieces around it passes through it. The pieces
around a cut that fails are joined and searched again, until every cut holds. The coarse path is
a guess that costs nothing when it is wrong (a headline it paired with the wrong lede is found
and undone); the sentence search decides everything, and its time no longer grows row after row
with the document's length.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from parallax.core.align.band import IntArray
from parallax.core.align.coarse import paragraph_features, sentence_centre
from parallax.core.align.dp import Path
from parallax.core.align.engine import RATIO_TOLERANCE, paired_ratio, path_centre, search_widening
from parallax.core.align.features import Features
from parallax.core.align.grids import Grids
from parallax.core.align.gridsearch import GridPaths, replace_grids, search_grids
from parallax.core.align.length import FloatArray
from parallax.core.align.margins import MARGIN_BAND, Rows, Sheet, through_points
from parallax.core.align.pairs import window_table
from parallax.core.align.params import Params

# Sentences (Chinese) between two cuts at least: the grids reach REACH units past their
# pieces' ends, which costs a share REACH / CUT_SPACING more cells.
CUT_SPACING = 32
REACH = MARGIN_BAND


@dataclass(frozen=True)
class Pieces:
    """The pieces, their best paths (with the costs from and to every cell), and the features
    they were found with."""

    features: Features
    grids: Grids
    paths: GridPaths

    @property
    def beads(self) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        return self.paths.beads

    @property
    def cuts(self) -> list[tuple[int, int]]:
        """The points where one piece ends and the next starts."""
        zh, en = self.grids.zh_end[:-1].tolist(), self.grids.en_end[:-1].tolist()
        return list(zip(zh, en, strict=True))


def search_pieces(features: Features, params: Params, coarse: Params) -> Pieces:
    """Align the sentences of ``features`` (grouped in paragraphs) piece by piece."""
    rough, _ = search_widening(paragraph_features(features), coarse, {})
    centre = sentence_centre(rough.beads, features)
    zh_cuts, en_cuts = candidate_cuts(rough, features)
    half_widths = np.full(len(zh_cuts) - 1, max(MARGIN_BAND, params.band // 4), dtype=np.int64)
    ratio_checked = False
    while True:
        grids, paths = _search(features, params, zh_cuts, en_cuts, centre, half_widths)
        if not ratio_checked:
            ratio_checked = True
            ratio = paired_ratio(features, paths.beads)
            if ratio is not None and abs(ratio / features.ratio - 1) > RATIO_TOLERANCE:
                features = replace(features, ratio=ratio)
                grids, paths = _search(features, params, zh_cuts, en_cuts, centre, half_widths)
        pieces = Pieces(features, grids, paths)
        held = _cuts_hold(pieces, params)
        if held.all():
            return pieces
        keep = np.concatenate([[True], held, [True]])
        # The joined pieces keep the widest band of their parts.
        half_widths = np.maximum.reduceat(half_widths, np.flatnonzero(keep)[:-1])
        zh_cuts, en_cuts = zh_cuts[keep], en_cuts[keep]


def candidate_cuts(rough: Path, features: Features) -> tuple[IntArray, IntArray]:
    """Points of the coarse path (of paragraphs) between two one-to-one pairs, at least
    :data:`CUT_SPACING` sentences apart, as sentence positions (with both ends)."""
    assert features.zh_group is not None and features.en_group is not None
    zh_ends = np.concatenate([[0], np.cumsum(np.bincount(features.zh_group))])
    en_ends = np.concatenate([[0], np.cumsum(np.bincount(features.en_group))])
    n, m = features.n_zh, features.n_en
    zh_cuts, en_cuts = [0], [0]
    beads = rough.beads
    one_to_one = [
        zh_end - zh_start == 1 == en_end - en_start
        for (zh_start, zh_end), (en_start, en_end) in beads
    ]
    for k in range(len(beads) - 1):
        i, j = int(zh_ends[beads[k][0][1]]), int(en_ends[beads[k][1][1]])
        clean = one_to_one[k] and one_to_one[k + 1]
        if clean and i - zh_cuts[-1] >= CUT_SPACING and n - i >= CUT_SPACING:
            zh_cuts.append(i)
            en_cuts.append(j)
    zh_cuts.append(n)
    en_cuts.append(m)
    return np.array(zh_cuts, dtype=np.int64), np.array(en_cuts, dtype=np.int64)


def _search(
    features: Features,
    params: Params,
    zh_cuts: IntArray,
    en_cuts: IntArray,
    centre: FloatArray,
    half_widths: IntArray,
) -> tuple[Grids, GridPaths]:
    """Search the pieces, widening the band of those whose path hugs its edge (in
    ``half_widths``, which keeps the widths for the next search)."""
    grids = Grids.around(zh_cuts, en_cuts, centre, half_widths, REACH)
    paths = _search_grids(features, params, grids)
    while paths.touches.any():  # widen the pieces whose path hugs its band's edge
        touching = np.flatnonzero(paths.touches)
        half_widths[touching] *= 2
        wider = Grids.around(zh_cuts, en_cuts, centre, half_widths, REACH).subset(touching)
        grids, paths = replace_grids(
            grids, paths, touching, wider, _search_grids(features, params, wider)
        )
    return grids, paths


def _search_grids(features: Features, params: Params, grids: Grids) -> GridPaths:
    lo, hi = grids.windows(features.n_zh, params.max_zh, params.max_en)
    pairs = window_table(features, lo, hi, params.redundancy > 0, zh_matched=False)
    return search_grids(features, params, grids, pairs)


def _sheets(pieces: Pieces) -> tuple[Sheet, Sheet, Rows]:
    """The forward and backward costs, and the cells whose paths are the alternatives: those
    of each row within :data:`MARGIN_BAND` of the path (and inside the band searched)."""
    grids, paths = pieces.grids, pieces.paths
    ahead = Sheet(paths.ahead, paths.lo, paths.hi, grids.slot_of)
    behind = Sheet(paths.behind, paths.lo, paths.hi, grids.slot_of)
    zh_cuts = np.concatenate([grids.zh_start, grids.zh_end[-1:]])
    en_cuts = np.concatenate([grids.en_start, grids.en_end[-1:]])
    centre = path_centre(Path(paths.beads, False, 0.0), pieces.features.n_zh)
    near = Grids.around(
        zh_cuts, en_cuts, centre, np.full(grids.count, MARGIN_BAND, dtype=np.int64), REACH
    )
    lo, hi = np.maximum(near.lo, grids.lo), np.minimum(near.hi, grids.hi)
    return ahead, behind, Rows(lo, hi, grids.base, grids.zh_first, grids.heights)


def _cuts_hold(pieces: Pieces, params: Params) -> np.ndarray:
    """Whether the best path through the pieces around each cut passes through it."""
    cuts = pieces.cuts
    if not cuts:
        return np.ones(0, dtype=bool)
    ahead, behind, rows = _sheets(pieces)
    before = np.arange(len(cuts))  # the piece ending at the cut, and the one starting there
    found = through_points(cuts, ahead, before, behind, before + 1, rows, params.skip_cost)
    held: np.ndarray = found.any_other >= found.here - 1e-9
    return held


def piece_margins(pieces: Pieces, params: Params, points: Sequence[tuple[int, int]]) -> list[float]:
    """The margin of each of ``points`` (sentence positions on the pieces' paths), between the
    searches of the piece ending there and the piece starting there."""
    m = pieces.features.n_en
    ahead, behind, rows = _sheets(pieces)
    grids = pieces.grids
    at = np.asarray(points, dtype=np.int64).reshape(-1, 2)
    keys = at[:, 0] * (m + 1) + at[:, 1]
    starts = grids.zh_start * (m + 1) + grids.en_start
    # The piece a point ends (a point on a cut ends one piece and starts the next).
    grid = np.clip(np.searchsorted(starts, keys, "left") - 1, 0, grids.count - 1)
    on_cut = np.isin(keys, starts[1:])
    back = np.where(on_cut, grid + 1, grid)
    # At a cut the best path is the two pieces' (the cut held); inside a piece, the piece's.
    best = np.where(on_cut, np.nan, pieces.paths.cost[grid])
    found = through_points(points, ahead, grid, behind, back, rows, params.skip_cost)
    best = np.where(on_cut, found.here, best)
    return [float(x) for x in np.maximum(0.0, found.alternative - best)]
