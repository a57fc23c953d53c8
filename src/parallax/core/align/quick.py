"""A quick alignment from lengths alone, in pure Python: the reader's first paint.

The full aligner needs NumPy and CC-CEDICT, which load in the background; until it has run the
reader shows this one instead of pairing paragraphs in file order (wrong from the first missing
paragraph on). It is Gale and Church's dynamic programme over 1-1, 1-0, 0-1, 2-1 and 1-2 beads
in a band around the length diagonal, with the length ratio re-estimated from the paragraphs it
paired (a paragraph left untranslated skews the ratio of the totals). Linear in the number of
paragraphs: a few milliseconds for an article, a fraction of a second for 5,000 paragraphs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import regex

from parallax.core.align.bead import Bead

_NOT_HAN = regex.compile(r"[^\p{Han}]+")
_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")
DEFAULT_RATIO = 3.4
BEADS = {(1, 1): 0.0, (2, 1): 2.0, (1, 2): 2.0, (1, 0): 4.0, (0, 1): 4.0}
VARIANCE = 9.0
MAX_COST = 12.0
HALF_WIDTH = 4  # band half width, in paragraphs (plus the counts' difference, up to as much)
SHORT = 200  # paragraphs in all: up to this, several length ratios are tried
RATIO_FACTORS = (1.0, 0.8, 0.9, 1.1, 1.2, 1.3, 1.4)


def quick_align(zh: Sequence[str], en: Sequence[str]) -> list[Bead]:
    """Beads of ``zh`` and ``en`` paragraphs from their lengths (score 0.5: a first guess)."""
    zh_len = [_zh_length(text) for text in zh]
    en_len = [float(len(_NOT_ALNUM.sub("", text))) for text in en]
    ratio = _ratio(sum(zh_len), sum(en_len))
    # In a short text one untranslated paragraph skews the ratio of the totals: try others too
    # and keep the best fit (in a long one it hardly moves the ratio).
    ratios = [ratio * f for f in RATIO_FACTORS] if len(zh) + len(en) <= SHORT else [ratio]
    cost, beads = min(_search(zh_len, en_len, r) for r in ratios)
    return [Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), 0.5) for i, j, a, b in beads]


def _zh_length(text: str) -> float:
    han = len(_NOT_HAN.sub("", text))
    return han + (len(_NOT_ALNUM.sub("", text)) - han) / DEFAULT_RATIO


def _ratio(zh_total: float, en_total: float) -> float:
    if zh_total < 20 or en_total < 20:
        return DEFAULT_RATIO
    return min(8.0, max(1.5, en_total / zh_total))


def _search(
    zh_len: list[float], en_len: list[float], ratio: float
) -> tuple[float, list[tuple[int, int, int, int]]]:
    """The cost and the beads ``(i, j, a, b)`` (``a`` Chinese and ``b`` English paragraphs
    ending before ``i`` and ``j``) of the best path."""
    n, m = len(zh_len), len(en_len)
    zh_cum = [0.0]
    for length in zh_len:
        zh_cum.append(zh_cum[-1] + length)
    en_cum = [0.0]
    for length in en_len:
        en_cum.append(en_cum[-1] + length)
    half = HALF_WIDTH + min(abs(n - m), HALF_WIDTH)
    total_zh = zh_cum[-1] or 1.0
    lows: list[int] = []
    costs: list[list[float]] = []
    choices: list[list[int]] = []
    inf = math.inf
    skip = BEADS[(1, 0)]
    for i in range(n + 1):
        centre = _diagonal(zh_cum[i] / total_zh, en_cum)
        low = 0 if i == 0 else max(0, centre - half)
        high = m if i == n else min(m, centre + half)
        if i and low > lows[-1] + len(costs[-1]):
            low = lows[-1] + len(costs[-1])  # keep the band connected
        high = max(high, low)
        row = [inf] * (high - low + 1)
        choice = [0] * (high - low + 1)
        if i:
            prev_low, prev = lows[-1], costs[-1]
            prev2_low, prev2 = (lows[-2], costs[-2]) if i > 1 else (0, [])
            zh_1 = zh_cum[i] - zh_cum[i - 1]
            zh_2 = zh_cum[i] - zh_cum[i - 2] if i > 1 else 0.0
        for x in range(len(row)):
            j = low + x
            best, code = inf, 0
            if i:
                k = j - prev_low
                if 0 <= k < len(prev):  # 1-0
                    best, code = prev[k] + skip, 1
                if 1 <= k <= len(prev):  # 1-1
                    cost = prev[k - 1] + _length_cost(zh_1, en_cum[j] - en_cum[j - 1], ratio)
                    if cost < best:
                        best, code = cost, 2
                if 2 <= k <= len(prev):  # 1-2
                    cost = (
                        prev[k - 2]
                        + BEADS[(1, 2)]
                        + _length_cost(zh_1, en_cum[j] - en_cum[j - 2], ratio)
                    )
                    if cost < best:
                        best, code = cost, 3
                k2 = j - 1 - prev2_low
                if i > 1 and 0 <= k2 < len(prev2):  # 2-1
                    cost = (
                        prev2[k2]
                        + BEADS[(2, 1)]
                        + _length_cost(zh_2, en_cum[j] - en_cum[j - 1], ratio)
                    )
                    if cost < best:
                        best, code = cost, 4
            elif j == 0:
                best = 0.0
            if x and row[x - 1] + skip < best:  # 0-1
                best, code = row[x - 1] + skip, 5
            row[x], choice[x] = best, code
        lows.append(low)
        costs.append(row)
        choices.append(choice)
    shapes = {1: (1, 0), 2: (1, 1), 3: (1, 2), 4: (2, 1), 5: (0, 1)}
    total = costs[n][m - lows[n]]
    if total == inf:  # cannot happen with a connected band; pair in order to be safe
        return inf, _in_order(n, m)
    beads = []
    i, j = n, m
    while i or j:
        a, b = shapes[choices[i][j - lows[i]]]
        beads.append((i, j, a, b))
        i, j = i - a, j - b
    beads.reverse()
    return total, beads


def _diagonal(share: float, en_cum: list[float]) -> int:
    """The first English paragraph boundary at ``share`` of the English text or beyond."""
    target = share * en_cum[-1]
    low, high = 0, len(en_cum) - 1
    while low < high:
        middle = (low + high) // 2
        if en_cum[middle] < target:
            low = middle + 1
        else:
            high = middle
    return low


def _length_cost(zh: float, en: float, ratio: float) -> float:
    expected = ratio * zh
    mean = max((expected + en) / 2, 1.0)
    delta = (en - expected) / math.sqrt(VARIANCE * mean)
    return min(0.5 * delta * delta, MAX_COST)


def _in_order(n: int, m: int) -> list[tuple[int, int, int, int]]:
    beads = [(k + 1, k + 1, 1, 1) for k in range(min(n, m))]
    beads += [(k + 1, m, 1, 0) for k in range(m, n)] + [(n, k + 1, 0, 1) for k in range(n, m)]
    return beads
