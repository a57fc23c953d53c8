"""Review statistics of one glossary: cards due today and in the coming days, reviews done,
and retention (the share of reviews of mature-phase cards not graded Again) over 30 days.

Only the cards of terms still in the glossary count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from parallax.core.glossary.term import Term
from parallax.core.review import sidecar
from parallax.core.review.cards import CardRef, card_key, kinds_of, split_key
from parallax.core.review.deck import Deck
from parallax.core.review.memory import Phase, Rating
from parallax.core.review.queue import day_bounds, plan

AHEAD_DAYS = 7
RETENTION_DAYS = 30


@dataclass(frozen=True)
class Stats:
    """The figures ``parallax review --stats`` shows for one glossary."""

    glossary: str
    cards: int
    new: int
    learning: int
    known: int
    due: tuple[tuple[dt.date, int], ...]
    """Cards due on each local day: today first (overdue included), then the next 7 days."""
    new_today: int
    """New cards today's session would introduce (within the daily limit)."""
    reviews: int
    reviews_today: int
    retention: float | None
    """Passed / all reviews of cards in review over the last 30 days (None without any)."""
    retention_reviews: int


@dataclass(frozen=True, slots=True)
class DueCount:
    """What a review of one glossary would show now: cards due, and new cards for today."""

    due: int
    new: int


def due_now(
    glossary_path: Path, terms: Sequence[Term], now: dt.datetime, new_per_day: int
) -> DueCount:
    """The cards of the glossary at ``glossary_path`` (its ``terms``) due at ``now`` and the new
    cards today's review would introduce. Reads only what it counts and changes nothing (a
    damaged review file is a ReviewFileError; opening the review sets it aside)."""
    look = sidecar.peek(sidecar.review_path(glossary_path), now, day_bounds(now), 1 << 62)
    by_id = {t.id: t for t in terms}
    due = 0
    for key, _memory in look.due:
        term_id, kind = split_key(key)
        term = by_id.get(term_id)
        due += term is not None and kind in kinds_of(term)
    room = max(0, new_per_day - look.introduced)
    fresh = 0
    for term in terms:
        if fresh >= room:
            break
        fresh += sum(1 for k in kinds_of(term) if card_key(term.id, k) not in look.reviewed)
    return DueCount(due, min(room, fresh))


def stats_of(
    glossary: str, cards: Sequence[CardRef], deck: Deck, now: dt.datetime, new_per_day: int
) -> Stats:
    """The statistics of ``glossary``'s ``cards`` in ``deck`` at ``now``."""
    live = {c.key for c in cards}
    memories = [deck.memories.get(c.key) for c in cards]
    stages = [m.stage if m is not None else "new" for m in memories]
    bounds = [day_bounds(now, days) for days in range(AHEAD_DAYS + 1)]
    due = [0] * len(bounds)
    for memory in memories:
        if memory is None:
            continue
        for i, (_start, end) in enumerate(bounds):
            if memory.due < end:
                due[i] += 1
                break
    days = tuple((start.astimezone().date(), n) for (start, _), n in zip(bounds, due, strict=True))
    log = [e for e in deck.log if e.card in live]
    today_start = bounds[0][0]
    since = now - dt.timedelta(days=RETENTION_DAYS)
    mature = [e for e in log if e.phase == Phase.REVIEW and e.at >= since]
    passed = sum(1 for e in mature if e.rating != Rating.AGAIN)
    terms = list({c.term.id: c.term for c in cards}.values())
    new_today = len(plan({glossary: terms}, {glossary: deck}, now, new_per_day).new)
    return Stats(
        glossary=glossary,
        cards=len(cards),
        new=stages.count("new"),
        learning=stages.count("learning"),
        known=stages.count("known"),
        due=days,
        new_today=new_today,
        reviews=len(log),
        reviews_today=sum(1 for e in log if e.at >= today_start),
        retention=passed / len(mature) if mature else None,
        retention_reviews=len(mature),
    )
