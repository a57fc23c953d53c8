"""``GlossaryStore``: the glossaries of :class:`GlossaryPlaces` read, and the writable one
changed.

Every glossary but the writable one (the user's directory, ``writable_name``) is a read-only
reference used for highlighting and look-up. To edit another glossary of the directory, make it
the writable one (:meth:`GlossaryStore.with_writable`; ``parallax glossary add NAME …`` does).
:func:`open_store` builds the store a user expects. Where the files are is in ``places``; the
locked read-merge-write is in ``editing``; the listing in ``listing``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from parallax.core import notices
from parallax.core.glossary import editing, entry_changes, merging, senses
from parallax.core.glossary.dirs import (
    DEFAULT_WRITABLE,
    glossary_dir,
    reference_dirs,
    writable_glossary_name,
)
from parallax.core.glossary.editing import GlossaryError
from parallax.core.glossary.fileformat import Entry, RowProblem
from parallax.core.glossary.merging import ImportCounts, merge_terms
from parallax.core.glossary.places import GlossaryPlaces
from parallax.core.glossary.term import Status, Term
from parallax.core.safefile import MISSING, Signature


@dataclass(frozen=True)
class Glossary:
    """A loaded glossary. ``problems`` are rows that could not be read (kept in the file)."""

    name: str
    path: Path
    terms: tuple[Term, ...]
    writable: bool
    problems: tuple[RowProblem, ...] = ()
    signature: Signature = field(default=MISSING, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Saved:
    """A term as saved, and what the save did: ``added``, ``updated`` or ``unchanged``."""

    term: Term
    action: str


class GlossaryStore:
    """The glossaries of :class:`GlossaryPlaces` (``places``): read, and the writable one
    changed under its lock (:mod:`editing`: read, merge, write atomically)."""

    def __init__(
        self,
        directory: Path | str,
        *,
        writable_name: str = DEFAULT_WRITABLE,
        include_starter: bool = True,
        references: Sequence[Path | str] = (),
    ) -> None:
        self.places = GlossaryPlaces(
            Path(directory), writable_name, include_starter, tuple(Path(r) for r in references)
        )

    def with_writable(self, name: str) -> GlossaryStore:
        """The same glossaries with ``name`` as the writable one."""
        places = self.places
        return GlossaryStore(
            places.directory,
            writable_name=name,
            include_starter=places.include_starter,
            references=places.references,
        )

    # ----------------------------------------------------------------- reading
    def load(self, name: str) -> Glossary:
        """Glossary ``name``; GlossaryError if it does not exist or cannot be read (not a
        regular file, too large, not UTF-8, or its first line is not a glossary header)."""
        path = self.places.path(name)
        if not path.is_file():
            if name == self.places.writable_name and not os.path.lexists(path):  # created on save
                return Glossary(name, path, (), True)
            if os.path.lexists(path):  # a folder, a FIFO, a dangling symlink…
                editing.read_file(path)  # raises, naming the fault
            known = ", ".join(self.places.names()) or "none"
            raise GlossaryError(f"no glossary named {name!r} (known: {known})", path=path)
        parsed, signature = editing.read_file(path)
        if not parsed.header_ok:
            problem = parsed.problems[0]
            raise GlossaryError(
                f"{problem.message}; not read as a glossary", path=path, line=problem.line
            )
        return Glossary(
            name, path, parsed.terms, self.places.is_writable(name), parsed.problems, signature
        )

    def load_all(self) -> list[Glossary]:
        """Every readable glossary in priority order (for highlighting and look-up); one that
        cannot be read is left out and told once (:mod:`parallax.core.notices`)."""
        return self.load_readable(self.places.names())

    def load_readable(self, names: Iterable[str]) -> list[Glossary]:
        """Glossaries ``names`` in that order, leaving out (and telling, see :mod:`notices`)
        those that exist but cannot be read; an unknown name is still a GlossaryError."""
        found = []
        for name in names:
            try:
                found.append(self.load(name))
            except GlossaryError as error:
                if not os.path.lexists(self.places.path(name)):
                    raise
                notices.tell(f"{error.message}; skipped")
        return found

    # ---------------------------------------------------------------- writing
    def create(self, name: str) -> Path:
        """Create glossary ``name`` as an empty file (header only); the file. GlossaryError if
        it exists (the packaged starter too), GlossaryNameError if the name is invalid."""
        path = self.places.path(name)
        if name in self.places.names():
            raise GlossaryError(f"{path}: a glossary named {name!r} exists already")
        return editing.create(path)

    def add(self, name: str, term: Term) -> Term:
        """Save ``term`` in glossary ``name`` (created if missing); the row as saved.

        One term, one row: when the glossary holds the same term under another id (same
        Chinese after script folding; for an English-only entry, same English), ``term`` is
        merged into that row (:func:`merging.merge_into`: its renderings, tags and empty fields
        added) and that row is returned (compare the ids to tell). A term with the same id
        replaces the one there.
        """
        return self.save_term(name, term).term

    def save_term(self, name: str, term: Term, *, status: bool = False) -> Saved:
        """:meth:`add`, telling what happened (``added``, ``updated`` or ``unchanged``).

        ``status``: an existing row takes ``term``'s status too (the user gave it); its note
        is added under a different one.
        """
        path = self.places.writable_path(name)
        saved, action = editing.add_one(
            path,
            term,
            lambda text: senses.same_term_in(text, term),
            lambda old: merging.merge_into(old, term, status=status, note="add"),
        )
        return Saved(saved, action)

    def add_many(self, name: str, terms: Iterable[Term]) -> int:
        """Append ``terms`` (a term whose id is already there replaces it); returns the count.

        When none of the ids is in the file yet, the rows are appended to the file's bytes
        without re-reading every row (the whole file is still replaced atomically).
        """
        new = list(terms)
        path = self.places.writable_path(name)
        if len({t.id for t in new}) == len(new) and editing.append_fast(path, new):
            return len(new)

        self._transact(name, lambda entries: entry_changes.put_by_id(entries, new))
        return len(new)

    def import_terms(self, name: str, terms: Iterable[Term]) -> ImportCounts:
        """Merge imported ``terms`` into glossary ``name`` without discarding anything.

        A term is already there when a row has its id or is the same term (same folded
        Chinese, or same English for an English-only entry, :func:`merging.content_key`). Then
        the existing values win: only its empty fields are filled from the import, renderings
        and tags it lacks are added, and its status, id and timestamps are kept (``updated``
        moves when something was added). Other terms are appended. The file is not rewritten
        when nothing changes.
        """
        incoming = list(terms)
        counts = ImportCounts(0, 0, 0)

        def change(entries: list[Entry]) -> None:
            nonlocal counts
            counts = merge_terms(entries, incoming)

        self._transact(name, change, skip_unchanged=True)
        return counts

    def update(self, name: str, term: Term) -> Term:
        """Replace the term with ``term.id``; GlossaryError if there is none."""

        def change(entries: list[Entry]) -> None:
            entries[editing.index_of(self.places.path(name), entries, term.id)] = term

        self._transact(name, change)
        return term

    def set_status(self, name: str, term_id: str, status: Status) -> bool:
        """Give term ``term_id`` of glossary ``name`` the status ``status`` (its ``updated``
        moves), changing nothing else of it; False, with nothing written, when there is no
        such term (removed meanwhile) or it has that status already."""
        changed = False
        if not self.places.path(name).is_file():
            return False

        def change(entries: list[Entry]) -> None:
            nonlocal changed
            changed = entry_changes.set_status(entries, term_id, status)

        self._transact(name, change, skip_unchanged=True)
        return changed

    def remove(self, name: str, term_id: str) -> Term:
        """Remove the term whose id is ``term_id`` (or a unique prefix of it); returns it."""
        removed: list[Term] = []

        def change(entries: list[Entry]) -> None:
            index = editing.index_of(self.places.path(name), entries, term_id)
            removed.append(entries.pop(index))  # type: ignore[arg-type]

        self._transact(name, change)
        return removed[0]

    def save(self, glossary: Glossary, *, force: bool = False, drop_problems: bool = False) -> None:
        """Write ``glossary.terms`` as the content of its file.

        Raises GlossaryConflictError if the file changed on disk since ``glossary`` was loaded
        (unless ``force``). Rows with problems stay in the file unless ``drop_problems``.
        """

        def change(entries: list[Entry]) -> None:
            entry_changes.keep_only(entries, glossary.terms, drop_problems=drop_problems)

        expect = None if force else glossary.signature
        self._transact(glossary.name, change, expect=expect)

    # --------------------------------------------------------------- helpers
    def _transact(
        self,
        name: str,
        change: editing.Change,
        *,
        expect: Signature | None = None,
        skip_unchanged: bool = False,
    ) -> None:
        editing.transact(
            self.places.writable_path(name), change, expect=expect, skip_unchanged=skip_unchanged
        )


def open_store(
    cli_dir: str | os.PathLike[str] | None = None,
    *,
    writable: str | None = None,
    include_starter: bool = True,
) -> GlossaryStore:
    """The glossaries a user expects: their directory (:func:`glossary_dir`), the writable
    glossary (:func:`writable_glossary_name`), and the project's ``./glossaries`` folder and
    the packaged starter as read-only references."""
    directory = glossary_dir(cli_dir)
    return GlossaryStore(
        directory,
        writable_name=writable_glossary_name(writable),
        include_starter=include_starter,
        references=reference_dirs(directory),
    )


__all__ = ["Glossary", "GlossaryStore", "Saved", "open_store"]
