"""Glossary tasks a user starts, one core path for the command line and the app.

Add, edit, restore, import and export, each returning a small report (what happened, counts,
problems) that ``parallax glossary`` prints and the app's manager and reader notify. Nothing
here prints or knows about Textual.

The glossary named in a task is the one written (created if new); only the packaged starter and
the shared reference glossaries of a project's ``glossaries/`` folder are read-only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from parallax.core.errors import ParallaxError
from parallax.core.glossary.editing import GlossaryError
from parallax.core.glossary.formats.mingpao import AlignedPairs
from parallax.core.glossary.merging import ImportCounts, content_key, renderings
from parallax.core.glossary.senses import en_key, zh_key
from parallax.core.glossary.store import GlossaryStore
from parallax.core.glossary.term import STATUSES, Term, edited, new_term
from parallax.core.text import counted, printable


@dataclass(frozen=True)
class Report:
    """What a task did, in one line (``message``); the term concerned, when there is one."""

    message: str
    term: Term | None = None
    action: str = ""  # added, updated, unchanged, edited, restored
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportReport:
    """What an import did: counts, unreadable rows, and learner entries kept as notes."""

    message: str
    counts: ImportCounts
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExportReport:
    """An export: the file's bytes, how many terms it holds and which were left out, why."""

    message: str
    data: bytes
    written: int
    skipped: tuple[Term, ...] = field(default=())
    why: str = ""


def writable(store: GlossaryStore, name: str) -> GlossaryStore:
    """``store`` with glossary ``name`` writable (the glossary a task names is the one it
    writes); GlossaryError when ``name`` is the packaged starter or a shared reference."""
    target = store.with_writable(name)
    target.places.writable_path(name)  # raises the one-line reason unless writable
    return target


def describe(term: Term) -> str:
    """A term in a message: its Chinese and English, on one line."""
    text = " / ".join(part for part in (term.zh, term.en) if part)
    return " ".join(text.split())[:60]


def add(store: GlossaryStore, name: str, term: Term, *, status: bool = False) -> Report:
    """Save ``term`` in glossary ``name``; merged into the row of the same term when there is
    one (its renderings, tags, note and empty fields added; its status too with ``status``)."""
    saved = writable(store, name).save_term(name, term, status=status)
    what = {"added": "added", "updated": "updated", "unchanged": "already in"}[saved.action]
    where = "to" if saved.action == "added" else "in"
    return Report(f"{what} {describe(saved.term)} {where} {name}", saved.term, saved.action)


def add_new(
    store: GlossaryStore,
    name: str,
    zh: str,
    en: str,
    *,
    status: str | None = None,
    **fields: object,
) -> Report:
    """A new term from these values, saved with :func:`add`. ``status`` None: ``new`` for a
    new term, an existing row keeps its own."""
    _check_status(status)
    term = new_term(zh, en, status=status or "new", **fields)  # type: ignore[arg-type]
    return add(store, name, term, status=status is not None)


def find(store: GlossaryStore, name: str, query: str) -> Term:
    """The term of glossary ``name`` that ``query`` names: its id (or a unique prefix), its
    Chinese in either script, or one of its English renderings. GlossaryError when no term or
    several terms match."""
    glossary = store.load(name)
    query = query.strip()
    by_id = [t for t in glossary.terms if t.id == query]
    if by_id:
        return by_id[0]
    zh = zh_key(query)
    hits = [t for t in glossary.terms if zh and zh_key(t.zh) == zh]
    if not hits:
        en = en_key(query)
        hits = [t for t in glossary.terms if any(en_key(r) == en for r in renderings(t.en))]
    if not hits and len(query) >= 4:
        hits = [t for t in glossary.terms if t.id.startswith(query)]
    if len(hits) != 1:
        fault = "no term" if not hits else f"{len(hits)} terms ({', '.join(t.id for t in hits)})"
        raise GlossaryError(f"{fault} named {query!r} in {name}; give its id", path=glossary.path)
    return hits[0]


def edit(
    store: GlossaryStore,
    name: str,
    query: str,
    *,
    zh: str | None = None,
    en: str | None = None,
    note: str | None = None,
    tags: Sequence[str] | None = None,
    status: str | None = None,
) -> Report:
    """Change the fields given (None: kept) of the term ``query`` names (see :func:`find`)."""
    _check_status(status)
    target = writable(store, name)
    old = find(target, name, query)
    values = {
        "zh": old.zh if zh is None else zh,
        "en": old.en if en is None else en,
        "note": old.note if note is None else note,
        "tags": " ".join(old.tags if tags is None else tags),
        "status": old.status if status is None else status,
    }
    return edit_values(target, name, old, values)


def edit_values(store: GlossaryStore, name: str, old: Term, values: dict[str, str]) -> Report:
    """Give term ``old`` of glossary ``name`` the edit dialog's ``values`` (zh, en, note, tags,
    status); readings recomputed when the Chinese changes."""
    new = edited(old, **values)
    if new is old:
        return Report(f"no change to {describe(old)}", old, "unchanged")
    if not new.zh.strip() and old.zh.strip():
        raise GlossaryError(f"{describe(old)}: the Chinese cannot be made empty")
    target = writable(store, name)
    if zh_key(new.zh) and zh_key(new.zh) != zh_key(old.zh):  # one term, one row
        other = next(
            (
                t
                for t in target.load(name).terms
                if t.id != old.id and content_key(t) == content_key(new)
            ),
            None,
        )
        if other is not None:
            raise GlossaryError(
                f"{other.zh} is already in {name} ({other.id}): edit that term, or remove "
                f"{describe(old)}"
            )
    target.update(name, new)
    return Report(f"saved {describe(new)} in {name}", new, "edited")


def restore(store: GlossaryStore, name: str, term: Term) -> Report:
    """Put ``term`` back as it was (the undo of an edit or a delete)."""
    writable(store, name).add_many(name, [term])
    return Report(f"undone: {describe(term)} back in {name}", term, "restored")


def import_file(
    store: GlossaryStore,
    path: Path,
    fmt: str = "auto",
    *,
    into: str | None = None,
    encoding: str | None = None,
    aligned: AlignedPairs | None = None,
) -> ImportReport:
    """Import the file at ``path`` into glossary ``into`` (default: the writable one), merging by
    content: a term already there is completed, never duplicated. ``aligned`` gives a
    document's aligned paragraph pairs (``parallax.core.align.paragraph_pairs``): the learner
    entries of a Ming Pao editorial get their Chinese there."""
    from parallax.core.glossary.formats import import_file as read_terms

    # a missing file, a folder, a FIFO: the reader says so
    name = into or store.places.writable_name
    target = writable(store, name)
    result = read_terms(path, fmt, encoding=encoding, aligned=aligned)
    counts = target.import_terms(name, result.terms)
    problems = tuple(str(p) for p in result.problems)
    notes = tuple(result.notes)
    tail = f"; {counted(len(problems), 'row')} skipped" if problems else ""
    if notes:
        entries = counted(len(notes), "learner entry", "learner entries")
        tail += f"; {entries} kept as notes (no Chinese found for them)"
    message = (
        f"imported {counts.new} new, {counts.updated} updated, {counts.unchanged} unchanged"
        f" from {printable(str(path))} into {name}{tail}"
    )
    return ImportReport(message, counts, problems, notes)


def export(
    store: GlossaryStore,
    name: str,
    fmt: str,
    *,
    terms: Sequence[Term] | None = None,
    lute_language: str | None = None,
) -> ExportReport:
    """Glossary ``name`` (or just ``terms`` of it) in format ``fmt``, with what was left out."""
    from parallax.core.glossary.formats import export_terms, unexportable

    chosen = list(store.load(name).terms if terms is None else terms)
    data = export_terms(chosen, fmt, name=name, lute_language=lute_language)
    skipped, why = unexportable(chosen, fmt)
    written = len(chosen) - len(skipped)
    left_out = f" ({len(skipped)} left out: {why})" if skipped else ""
    return ExportReport(
        f"exported {counted(written, 'term')} of {name} as {fmt}{left_out}",
        data,
        written,
        tuple(skipped),
        why,
    )


def write_export(report: ExportReport, path: Path, *, store: GlossaryStore | None = None) -> str:
    """Write an export to ``path`` with :func:`parallax.core.safefile.write_output` (a regular
    file replaced atomically, a symlink's target replaced, a device or FIFO written through);
    the message naming the file. Never over a glossary of ``store``."""
    from parallax.core.safefile import write_output

    owner = store.places.glossary_at(path) if store is not None else None
    if owner is not None:
        raise ParallaxError(f"is the file of glossary {owner!r}: export to another file", path=path)
    write_output(path, report.data)
    return f"{report.message} to {printable(str(path))}"


def _check_status(status: str | None) -> None:
    if status is not None and status not in STATUSES:
        raise ParallaxError(f"unknown status {status!r} (choose from {', '.join(STATUSES)})")
