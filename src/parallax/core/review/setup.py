"""Opening a review: the glossaries, their review files, their cards and today's plan, read in
one call (the review screen's worker calls this and nothing else)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from parallax.core.glossary.store import GlossaryStore
from parallax.core.glossary.term import Term
from parallax.core.review import sidecar
from parallax.core.review.deck import Deck
from parallax.core.review.queue import Plan, day_bounds, plan
from parallax.core.text import counted


@dataclass(frozen=True)
class Source:
    """One glossary under review: its terms, its review file and deck, and whether its terms'
    status may be written (only the writable glossary's)."""

    name: str
    review_path: Path
    writable: bool
    terms: tuple[Term, ...]
    deck: Deck


@dataclass(frozen=True)
class Opened:
    """Everything a review session starts from."""

    sources: tuple[Source, ...]
    plan: Plan
    problems: tuple[str, ...] = ()
    """One line each: damaged review files set aside, glossary rows that could not be read."""
    readings_missing: bool = False
    """Some term with Chinese was saved without pinyin or Jyutping (they are computed for the
    answer once the readings are loaded)."""


def open_review(
    store: GlossaryStore,
    names: Sequence[str],
    now: dt.datetime,
    new_per_day: int,
    *,
    full_log: bool = False,
) -> Opened:
    """Load glossaries ``names`` (default: the writable one) of ``store``, their review files
    (today's grades of the log; all of them with ``full_log``) and today's plan. GlossaryError
    for an unknown glossary; NewerReviewFileError for a review file of a newer parallax."""
    since = None if full_log else day_bounds(now)[0]
    sources: list[Source] = []
    problems: list[str] = []
    for name in dict.fromkeys(names or [store.places.writable_name]):
        glossary = store.load(name)
        loaded = sidecar.load(sidecar.review_path(glossary.path), log_since=since)
        if loaded.problem:
            problems.append(loaded.problem)
        if glossary.problems:
            problems.append(
                f"{glossary.path}: {counted(len(glossary.problems), 'row')} could not be read"
                " (not reviewed)"
            )
        sources.append(
            Source(
                name,
                sidecar.review_path(glossary.path),
                glossary.writable,
                glossary.terms,
                loaded.deck,
            )
        )
    decks = {s.name: s.deck for s in sources}
    today = plan({s.name: s.terms for s in sources}, decks, now, new_per_day)
    missing = any(_lacks_readings(c.term) for c in (*today.due, *today.new, *today.waiting))
    return Opened(tuple(sources), today, tuple(problems), missing)


def _lacks_readings(term: Term) -> bool:
    from parallax.core.chinese import has_han

    return not (term.pinyin and term.jyutping) and has_han(term.zh)


def default_store(directory: Path | None) -> GlossaryStore:
    """The glossaries of ``directory`` (``--glossary-dir``; default: the usual directory), with
    the usual writable glossary."""
    from parallax.core.glossary.dirs import glossary_dir, writable_glossary_name

    return GlossaryStore(glossary_dir(directory), writable_name=writable_glossary_name())


def open_default(
    directory: Path | None,
    names: Sequence[str],
    now: dt.datetime,
    new_per_day: int | None = None,
    *,
    full_log: bool = False,
) -> tuple[GlossaryStore, Opened]:
    """:func:`open_review` on :func:`default_store` with at most ``new_per_day`` new cards a
    day (default: the ``review_new_per_day`` setting); the store too (to write statuses)."""
    from parallax.core.review.queue import new_per_day_setting

    store = default_store(directory)
    limit = new_per_day_setting() if new_per_day is None else new_per_day
    return store, open_review(store, names, now, limit, full_log=full_log)
