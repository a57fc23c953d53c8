"""The first card of a review, found before the whole glossary is read.

A large glossary takes a moment to read and plan in full; the first card needs only the review
file's earliest due cards (an indexed query) and the glossary rows of their terms (found by id
in the file's text), or, when nothing is due, the first rows never reviewed. The review screen
shows this card at once and continues with the full plan (:func:`~.setup.open_review`) as
soon as it is read; both choose the same card. Anything unusual (a glossary in another column
order, a damaged file) gives None: the full reading treats it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from parallax.core.glossary import fileformat
from parallax.core.glossary.store import GlossaryStore
from parallax.core.glossary.term import Term
from parallax.core.review import sidecar
from parallax.core.review.cards import CardRef, kinds_of, split_key
from parallax.core.review.memory import Memory
from parallax.core.review.queue import _new_cards, _spread, day_bounds

DUE_LOOKAHEAD = 50  # due cards looked at per glossary (those of removed terms are skipped)


@dataclass(frozen=True)
class Glimpse:
    """The review's first card and its memory (None: a new card)."""

    card: CardRef
    memory: Memory | None


def first_card(
    store: GlossaryStore, names: Sequence[str], now: dt.datetime, new_per_day: int
) -> Glimpse | None:
    """The card today's plan of glossaries ``names`` (default: the writable one) starts with,
    or None when it cannot be told quickly."""
    try:
        return _first_card(store, names, now, new_per_day)
    except (OSError, ValueError, sqlite3.Error):
        return None


def _first_card(
    store: GlossaryStore, names: Sequence[str], now: dt.datetime, new_per_day: int
) -> Glimpse | None:
    day = day_bounds(now)
    earliest: tuple[dt.datetime, CardRef, Memory] | None = None
    fresh: Glimpse | None = None
    for name in dict.fromkeys(names or [store.writable_name]):
        path = store.path(name)
        if not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
        if text.split("\n", 1)[0] != fileformat.HEADER_LINE:
            return None
        look = sidecar.peek(sidecar.review_path(path), now, day, DUE_LOOKAHEAD)
        for key, memory in look.due:
            term_id, kind = split_key(key)
            term = _row(text, term_id)
            if term is not None and kind in kinds_of(term):
                if earliest is None or memory.due < earliest[0]:
                    earliest = (memory.due, CardRef(name, term, kind), memory)
                break
        else:
            if len(look.due) == DUE_LOOKAHEAD:
                return None  # many cards of removed terms: let the full plan decide
        room = max(0, new_per_day - look.introduced)
        if fresh is None and room:
            cards = _spread(_new_cards(name, _rows(text), look.reviewed, room))
            fresh = Glimpse(cards[0], None) if cards else None
    if earliest is not None:
        return Glimpse(earliest[1], earliest[2])
    return fresh


def _row(text: str, term_id: str) -> Term | None:
    """The term of the row whose id is ``term_id`` (None if there is none or it is bad)."""
    at = text.find(f"\n{term_id}\t")
    if at < 0:
        return None
    end = text.find("\n", at + 1)
    line = text[at + 1 : end if end >= 0 else len(text)]
    terms = fileformat.parse(f"{fileformat.HEADER_LINE}\n{line}\n").terms
    return terms[0] if terms else None


def _rows(text: str) -> Iterator[Term]:
    """The terms of the file's rows, read one by one (bad rows skipped)."""
    seen: set[str] = set()
    for line in text.split("\n")[1:]:
        if not line.strip() or line.startswith("#"):
            continue
        terms = fileformat.parse(f"{fileformat.HEADER_LINE}\n{line}\n").terms
        if terms and terms[0].id not in seen:
            seen.add(terms[0].id)
            yield terms[0]
