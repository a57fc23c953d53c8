"""The glossary manager's work, as plain functions run in worker threads (no Textual here).

Each returns the one-line message the manager shows, from the reports of
:mod:`parallax.core.glossary.operations` (the same path as ``parallax glossary``); errors are
ParallaxError/OSError (one line).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from parallax.core.glossary import GlossaryInfo, GlossaryStore, Term, glossary_infos, operations
from parallax.core.glossary.filtering import SORT_KEYS, filter_terms, sort_terms


@dataclass(frozen=True)
class Listing:
    """The glossaries of ``store``, their review counts by name ("3 due · 20 new") and the
    problems met listing them (one line each: a damaged settings file set aside, a glossary
    that cannot be read)."""

    store: GlossaryStore
    infos: list[GlossaryInfo]
    reviews: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def list_glossaries(directory: Path | None) -> Listing:
    """Open the store of ``directory`` (the writable glossary from the settings) and list its
    glossaries (a glossary that cannot be read is listed, named, not opened)."""
    from parallax.app.loaders import open_store
    from parallax.core import notices

    store = open_store(directory)
    infos = glossary_infos(store)
    reviews = review_counts(store, infos)
    problems = [*notices.take(), *(info.error for info in infos if info.error)]
    return Listing(store, infos, reviews, problems)


def shown_terms(terms: Sequence[Term], query: str, sort: int, reverse: bool) -> list[Term]:
    """The terms matching ``query``, sorted by ``SORT_KEYS[sort]`` (file order for index -1)."""
    found = filter_terms(terms, query)
    if sort < 0:
        return list(reversed(found)) if reverse else found
    return sort_terms(found, SORT_KEYS[sort], reverse=reverse)


class NothingChanged(Exception):
    """A change that turned out to change nothing (its message says so)."""


def save_edit(store: GlossaryStore, name: str, old: Term, values: dict[str, str]) -> str:
    """Save the dialog's ``values`` for term ``old`` of glossary ``name``; the message."""
    report = operations.edit_values(store, name, old, values)
    if report.action == "unchanged":
        raise NothingChanged(report.message)
    return report.message


def restore(store: GlossaryStore, name: str, term: Term) -> str:
    """Put ``term`` back as it was (undo an edit or a delete); no message of its own (the undo
    list says what was undone)."""
    operations.restore(store, name, term)
    return ""


describe = operations.describe


def export_glossary(store: GlossaryStore, name: str, fmt: str, path: Path) -> str:
    """Write glossary ``name`` to ``path`` in format ``fmt`` (atomically); the message."""
    return operations.write_export(operations.export(store, name, fmt), path, store=store)


def import_into(store: GlossaryStore, path: Path, fmt: str) -> str:
    """Import the file at ``path`` (format ``fmt`` or ``auto``) into the writable glossary."""
    from parallax.core.align import paragraph_pairs

    return operations.import_file(store, path, fmt, aligned=paragraph_pairs).message


def make_writable(store: GlossaryStore, name: str) -> str:
    """Save glossary ``name`` as the writable one; the message (says when the environment
    variable still overrides the setting)."""
    from parallax.core.glossary import writable_glossary_name
    from parallax.core.glossary.dirs import WRITABLE_ENV, set_writable_glossary

    path = set_writable_glossary(name)
    effective = writable_glossary_name()
    if effective != name:
        return (
            f"saved {name} as the writable glossary in {path}, but ${WRITABLE_ENV}={effective}"
            " overrides it"
        )
    return f"{name} is now the writable glossary (saved in {path})"


def review_counts(store: GlossaryStore, infos: Sequence[GlossaryInfo]) -> dict[str, str]:
    """``name -> "3 due · 20 new"`` for the writable glossary and every glossary reviewed
    before (a damaged review file says so; opening the review sets it aside)."""
    import datetime as dt

    from parallax.core.review import (
        ReviewFileError,
        UnavailableError,
        due_now,
        new_per_day_setting,
        review_path,
    )

    now = dt.datetime.now(dt.UTC)
    limit = new_per_day_setting()
    counts: dict[str, str] = {}
    for info in infos:
        name, path = info.name, info.path
        if name != store.places.writable_name and not review_path(path).exists():
            continue
        try:
            count = due_now(path, store.load(name).terms, now, limit)
        except UnavailableError:
            counts[name] = "review file in use"
            continue
        except (ReviewFileError, ValueError, OSError):
            counts[name] = "review file damaged"
            continue
        if count.due or count.new:
            counts[name] = f"{count.due} due · {count.new} new"
    return counts
