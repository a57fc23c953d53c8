"""Confidence of each bead of the best path, from its lexical similarity and length fit."""

from __future__ import annotations

import math

from parallax.core.align.features import Features
from parallax.core.align.length import length_cost
from parallax.core.align.pairs import PairTable
from parallax.core.align.params import Params

# Confidence = logistic((HALF_CONFIDENCE_COST - cost) / SCALE) where cost adds
# LEXICAL_WEIGHT * (1 - lexical similarity) and the length cost (independent of the search's
# own weights, so paragraph and sentence confidences read alike).
LEXICAL_WEIGHT = 8.0
HALF_CONFIDENCE_COST = 7.0
SCALE = 1.5
# A unit left unmatched is doubtful (confidence one half) when its best similarity with a unit
# of the other side near it reaches this.
SKIP_HALF_SIMILARITY = 0.4


def similarity(table: PairTable, params: Params, zh: range, en: range) -> float:
    """The smoothed lexical similarity of a bead, as the search computes it."""
    matched = 0.0
    en_hits = dict.fromkeys(en, 0.0)
    for u in zh:
        zh_hits = 0.0
        for v in en:
            inside = table.lo[u] <= v < table.hi[u]
            if inside:
                index = table.offset[u] + v - table.lo[u]
                zh_hits += table.zh_matched[index]
                en_hits[v] += table.en_matched[index]
        matched += min(zh_hits, table.zh_total[u])
    matched += sum(min(hits, table.en_total[v]) for v, hits in en_hits.items())
    items = sum(table.zh_total[u] for u in zh) + sum(table.en_total[v] for v in en)
    return float((matched + params.smoothing * params.neutral) / (items + params.smoothing))


def bead_confidence(
    features: Features, params: Params, table: PairTable, zh: range, en: range
) -> float:
    """A confidence in 0..1 for a bead: high when its units share words and fit in length."""
    if not zh or not en:
        return _skip_confidence(features, params, table, zh, en)
    sim = similarity(table, params, zh, en) if features.signals else params.neutral
    cost = LEXICAL_WEIGHT * (1.0 - sim)
    if "length" in params.signals:
        zh_len = features.zh_cum[zh.stop] - features.zh_cum[zh.start]
        en_len = features.en_cum[en.stop] - features.en_cum[en.start]
        cost += float(length_cost(zh_len, en_len, features.ratio, params.length_variance))
    return _logistic((HALF_CONFIDENCE_COST - cost) / SCALE)


def _skip_confidence(
    features: Features, params: Params, table: PairTable, zh: range, en: range
) -> float:
    """Confident that a unit has no counterpart when it shares nothing with its neighbours."""
    if not features.signals:
        return 0.5
    best = 0.0
    if zh:
        u = zh.start
        for v in range(table.lo[u], table.hi[u]):
            best = max(best, similarity(table, params, zh, range(v, v + 1)))
    else:
        v = en.start
        for u in range(max(0, zh.start - 4), min(features.n_zh, zh.start + 4)):
            if table.lo[u] <= v < table.hi[u]:
                best = max(best, similarity(table, params, range(u, u + 1), en))
    return _logistic((SKIP_HALF_SIMILARITY - best) * LEXICAL_WEIGHT / SCALE)


def _logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, x))))
