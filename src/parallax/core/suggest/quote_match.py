"""Which quote of the aligned text renders a quote: CC-CEDICT evidence first, then the same
place in the nesting and order (『雙遏制』 ↔ 'dual containment')."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from parallax.core.suggest import evidence, quotes

MIN_QUOTE_EVIDENCE = 0.2  # share of a quote that CC-CEDICT must account for
NEAREST_QUOTES = 8  # quotes of the other side considered for one quote


def matching_quote(
    source: Sequence[quotes.Quote],
    quote: quotes.Quote,
    targets: Sequence[quotes.Quote],
    zh_text: str,
    en_text: str,
    *,
    zh_side: bool,
) -> quotes.Quote | None:
    """The quote of ``targets`` that renders ``quote``: some CC-CEDICT evidence is needed, the
    most wins, and the same place in the nesting and order counts for half of a quote's."""
    best, best_score = None, 0.3
    source_text, target_text = (zh_text, en_text) if zh_side else (en_text, zh_text)
    where = quote.start / max(1, len(source_text))
    for other in nearest(targets, where, max(1, len(target_text))):
        zq, eq = (quote, other) if zh_side else (other, quote)
        cover = evidence.bag_coverage(zh_text[zq.start : zq.end], en_text[eq.start : eq.end])
        if cover < MIN_QUOTE_EVIDENCE:
            continue
        score = cover + (0.5 if quotes.structure_match(source, quote, targets, other) else 0.0)
        if score > best_score:
            best, best_score = other, score
    return best


def nearest(targets: Sequence[quotes.Quote], where: float, length: int) -> list[quotes.Quote]:
    """The :data:`NEAREST_QUOTES` quotes of ``targets`` (ordered by start) whose relative start
    is nearest to ``where``, nearest first (the earlier one first when two are as near)."""
    right = bisect_left(targets, where, key=lambda t: t.start / length)
    left = right - 1
    found: list[quotes.Quote] = []
    while len(found) < NEAREST_QUOTES and (left >= 0 or right < len(targets)):
        go_left = right >= len(targets) or (
            left >= 0
            and abs(targets[left].start / length - where)
            <= abs(targets[right].start / length - where)
        )
        if go_left:
            found.append(targets[left])
            left -= 1
        else:
            found.append(targets[right])
            right += 1
    return found
