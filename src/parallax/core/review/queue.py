"""Today's review: the cards due first, then at most N new cards a day per glossary.

Cards in their learning steps come back within the session: when due, or, once nothing else
is left, up to :data:`LEARN_AHEAD` early (as Anki does). New cards are introduced in glossary
order (the oldest terms first), recognition cards before cloze and production cards so that a
term's cards stand apart. "Today" is the local calendar day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass

from parallax.core.glossary.term import Term
from parallax.core.review.cards import KINDS, CardRef, card_key, kinds_of, split_key
from parallax.core.review.deck import EMPTY, Deck
from parallax.core.review.memory import Phase

LEARN_AHEAD = dt.timedelta(minutes=20)
DEFAULT_NEW_PER_DAY = 20
NEW_PER_DAY_SETTING = "review_new_per_day"


@dataclass(frozen=True)
class Plan:
    """Today's cards: ``due`` (earliest first), ``new`` (in the order to introduce them) and
    ``waiting`` (in a learning step, due later today: they come back in the session)."""

    due: tuple[CardRef, ...]
    new: tuple[CardRef, ...]
    waiting: tuple[CardRef, ...]


def plan(
    glossaries: Mapping[str, Sequence[Term]],
    decks: Mapping[str, Deck],
    now: dt.datetime,
    new_per_day: int,
) -> Plan:
    """Today's plan for the terms of ``glossaries`` (name -> terms; their decks in ``decks``)
    at ``now``. Reads the reviewed cards' memories and only as many terms as it takes to find
    today's new cards (no card object for every term of a large glossary)."""
    due: list[tuple[dt.datetime, CardRef]] = []
    waiting: list[tuple[dt.datetime, CardRef]] = []
    chosen: list[CardRef] = []
    end_of_day = day_end(now)
    for name, terms in glossaries.items():
        deck = decks.get(name, EMPTY)
        memories = deck.memories
        soon = [(key, m) for key, m in memories.items() if m.due <= end_of_day]
        if soon:
            by_id = {t.id: t for t in terms}
            for key, memory in soon:
                term_id, kind = split_key(key)
                term = by_id.get(term_id)
                if term is None or kind not in kinds_of(term):
                    continue  # a removed term, or a cloze whose context was edited away
                card = CardRef(name, term, kind)
                if memory.due <= now:
                    due.append((memory.due, card))
                elif memory.phase != Phase.REVIEW:
                    waiting.append((memory.due, card))
        room = max(0, new_per_day - introduced_on(deck, now))
        chosen.extend(_spread(_new_cards(name, terms, memories, room)))
    return Plan(
        tuple(c for _, c in sorted(due, key=lambda d: d[0])),
        tuple(chosen),
        tuple(c for _, c in sorted(waiting, key=lambda d: d[0])),
    )


def _new_cards(
    name: str, terms: Iterable[Term], memories: Container[str], limit: int
) -> list[CardRef]:
    """The first ``limit`` cards of ``terms`` never reviewed, in glossary order."""
    found: list[CardRef] = []
    if limit <= 0:
        return found
    for term in terms:
        for kind in kinds_of(term):
            if card_key(term.id, kind) not in memories:
                found.append(CardRef(name, term, kind))
                if len(found) == limit:
                    return found
    return found


def new_count(terms: Sequence[Term], deck: Deck) -> int:
    """How many cards of ``terms`` were never reviewed."""
    memories = deck.memories
    return sum(1 for t in terms for kind in kinds_of(t) if card_key(t.id, kind) not in memories)


def _spread(cards: list[CardRef]) -> list[CardRef]:
    """Recognition cards first, then cloze, then production (each in glossary order)."""
    order = {kind: i for i, kind in enumerate(KINDS)}
    return [c for _, c in sorted(enumerate(cards), key=lambda ic: (order[ic[1].kind], ic[0]))]


def introduced_on(deck: Deck, now: dt.datetime) -> int:
    """How many new cards were first reviewed on ``now``'s local day."""
    start, end = day_bounds(now)
    return sum(1 for e in deck.log if e.phase == Phase.NEW and start <= e.at < end)


def local_day(moment: dt.datetime) -> dt.date:
    """The local calendar day of ``moment``."""
    return moment.astimezone().date()


def day_bounds(now: dt.datetime, days: int = 0) -> tuple[dt.datetime, dt.datetime]:
    """The start and end (UTC) of the local day ``days`` after ``now``'s."""
    day = now.astimezone().date() + dt.timedelta(days=days)
    return _local_midnight(day), _local_midnight(day + dt.timedelta(days=1))


def day_end(now: dt.datetime) -> dt.datetime:
    """The end of ``now``'s local day (UTC)."""
    return day_bounds(now)[1]


def _local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()).astimezone().astimezone(dt.UTC)


def new_per_day_setting() -> int:
    """The ``review_new_per_day`` setting (default 20); SettingsError if it is not a whole
    number from 0 up."""
    from parallax.core.settings import SettingsError, load_settings, settings_path

    value = load_settings().get(NEW_PER_DAY_SETTING, DEFAULT_NEW_PER_DAY)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise SettingsError(
            f"{NEW_PER_DAY_SETTING}: {value!r} is not a whole number from 0 up",
            path=settings_path(),
        )
    return value
