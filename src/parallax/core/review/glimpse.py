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
    for name in dict.fromkeys(names or [store.places.writable_name]):
        path = store.places.path(name)
        if not path.is_file():
            continue
        data = path.read_bytes()  # only the rows needed are decoded and parsed
        if not data.startswith(HEADER):
            return None
        look = sidecar.peek(sidecar.review_path(path), now, day, DUE_LOOKAHEAD)
        for key, memory in look.due:
            term_id, kind = split_key(key)
            term = _row(data, term_id)
            if term is not None and kind in kinds_of(term):
                if earliest is None or memory.due < earliest[0]:
                    earliest = (memory.due, CardRef(name, term, kind), memory)
                break
        else:
            if len(look.due) == DUE_LOOKAHEAD:
                return None  # many cards of removed terms: let the full plan decide
        room = max(0, new_per_day - look.introduced)
        if fresh is None and room:
            cards = _spread(_new_cards(name, _rows(data), look.reviewed, room))
            fresh = Glimpse(cards[0], None) if cards else None
    if earliest is not None:
        return Glimpse(earliest[1], earliest[2])
    return fresh


HEADER = (fileformat.HEADER_LINE + "\n").encode("utf-8")


def _row(data: bytes, term_id: str) -> Term | None:
    """The term of the row whose id is ``term_id`` (None if there is none or it is bad)."""
    at = data.find(b"\n" + term_id.encode("utf-8") + b"\t")
    if at < 0:
        return None
    end = data.find(b"\n", at + 1)
    return _term(data[at + 1 : end if end >= 0 else len(data)])


def _rows(data: bytes) -> Iterator[Term]:
    """The terms of the file's rows in order, read one by one as asked for (bad rows
    skipped)."""
    seen: set[str] = set()
    at = len(HEADER)
    while at < len(data):
        end = data.find(b"\n", at)
        end = len(data) if end < 0 else end
        term = _term(data[at:end])
        at = end + 1
        if term is not None and term.id not in seen:
            seen.add(term.id)
            yield term


def _term(line: bytes) -> Term | None:
    text = line.decode("utf-8").removesuffix("\r")
    if not text.strip() or text.startswith("#"):
        return None
    terms = fileformat.parse(f"{fileformat.HEADER_LINE}\n{text}\n").terms
    return terms[0] if terms else None
