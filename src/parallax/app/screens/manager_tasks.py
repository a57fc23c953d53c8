"""The glossary manager's work, as plain functions run in worker threads (no Textual here).

Each returns the one-line message the manager shows; errors are ValueError/OSError (one line).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from parallax.core.errors import ParallaxError
from parallax.core.glossary import GlossaryStore, Term
from parallax.core.glossary.filtering import SORT_KEYS, filter_terms, sort_terms
from parallax.core.glossary.term import edited

COLUMN_OF_KEY = {"zh": "Chinese", "pinyin": "Pinyin", "en": "English", "status": "Status"}


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
    new = edited(old, **values)
    if new is old:
        raise NothingChanged(f"no change to {describe(old)}")
    store.update(name, new)
    return f"saved {describe(new)} in {name}"


def restore(store: GlossaryStore, name: str, term: Term) -> str:
    """Put ``term`` back as it was (undo an edit or a delete); the message."""
    store.add_many(name, [term])
    return f"undone: {describe(term)} back in {name}"


def describe(term: Term) -> str:
    """A term in a message: its Chinese and English, on one line."""
    text = " / ".join(part for part in (term.zh, term.en) if part)
    return " ".join(text.split())[:60]


def resolve(path_text: str) -> Path:
    """The path typed in a dialog (``~`` expanded, relative to the working directory)."""
    text = path_text.strip()
    if not text:
        raise ParallaxError("type a file path")
    return Path(os.path.abspath(Path(text).expanduser()))


def export_path(name: str, fmt: str, directory: Path | None = None) -> Path:
    """A sensible file for exporting glossary ``name`` as ``fmt``: ``NAME.SUFFIX`` (``-excel``,
    ``-omegat``, ``-anki``, ``-lute``, ``-tbx2`` added where formats share a suffix)."""
    from parallax.core.glossary.formats import SUFFIXES

    tail = "" if fmt in ("csv", "tbx", "json") else f"-{fmt.removeprefix('csv-')}"
    return (directory or Path.cwd()) / f"{name}{tail}{SUFFIXES[fmt]}"


def export_glossary(store: GlossaryStore, name: str, fmt: str, path: Path) -> str:
    """Write glossary ``name`` to ``path`` in format ``fmt`` (atomically); the message."""
    from parallax.core.glossary.formats import export_terms, unexportable
    from parallax.core.safefile import write_output

    terms = store.load(name).terms
    data = export_terms(terms, fmt, name=name)
    skipped, why = unexportable(terms, fmt)
    owner = store.glossary_at(path)
    if owner is not None:
        raise ParallaxError(f"is the file of glossary {owner!r}: export to another file", path=path)
    write_output(path, data)
    left_out = f" ({len(skipped)} skipped: {why})" if skipped else ""
    return f"exported {len(terms) - len(skipped)} terms of {name} as {fmt} to {path}{left_out}"


def import_into(store: GlossaryStore, path: Path, fmt: str) -> str:
    """Import the file at ``path`` (format ``fmt`` or ``auto``) into the writable glossary."""
    from parallax.core.glossary.formats import import_file

    result = import_file(path, fmt)  # a missing file, a folder, a FIFO: one line
    name = store.writable_name
    counts = store.import_terms(name, result.terms)
    bad = f"; {len(result.problems)} rows skipped" if result.problems else ""
    return (
        f"imported {counts.new} new, {counts.updated} updated, {counts.unchanged} unchanged"
        f" from {path} into {name}{bad}"
    )


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
