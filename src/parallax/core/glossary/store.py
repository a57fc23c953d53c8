"""``GlossaryStore``: the glossaries of the user's directory, the project's reference folders
and the packaged starter glossary.

One glossary of the user's directory is the writable one (``writable_name``, default
``my-terms``, created on first save); every other glossary, those of reference folders (a
project's ``glossaries/``) and the starter included, is a read-only reference glossary used for
highlighting and look-up. To edit another glossary of the directory, make it the writable one
(``GlossaryStore(directory, writable_name=NAME)``; ``parallax glossary add NAME …`` does).
:func:`open_store` builds the store a user expects. Listing and priorities live here; the locked
read-merge-write is in ``editing``.
"""

from __future__ import annotations

import builtins
import contextlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from parallax.core import notices
from parallax.core.glossary import editing, entry_changes, merging, senses
from parallax.core.glossary.dirs import (
    DEFAULT_WRITABLE,
    STARTER,
    SUFFIX,
    glossary_dir,
    is_valid_name,
    reference_dirs,
    starter_path,
    validate_name,
    writable_glossary_name,
)
from parallax.core.glossary.editing import GlossaryConflictError, GlossaryError
from parallax.core.glossary.fileformat import Entry, RowProblem
from parallax.core.glossary.merging import ImportCounts, merge_terms
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


@dataclass(frozen=True, slots=True)
class GlossaryInfo:
    """One line of ``GlossaryStore.list()``."""

    name: str
    path: Path
    terms: int
    writable: bool
    problems: int
    default: bool
    exists: bool = True
    error: str = ""  # why the file cannot be read as a glossary ("" when it can)


class GlossaryStore:
    """The glossaries in ``directory`` (``NAME.tsv``) and the packaged starter glossary.

    Priority order (as in OmegaT): the writable glossary ``writable_name`` first, then the other
    files of the directory by name, then those of the ``references`` folders (read-only; a name
    the directory has hides them), then the packaged starter (unless a folder has its own
    ``starter.tsv``). Files whose name is not a valid glossary name are not glossaries (see
    ``ignored_files``).
    """

    def __init__(
        self,
        directory: Path | str,
        *,
        writable_name: str = DEFAULT_WRITABLE,
        include_starter: bool = True,
        references: Sequence[Path | str] = (),
    ) -> None:
        self.directory = Path(directory)
        self.writable_name = validate_name(writable_name)
        self.include_starter = include_starter
        self.references = tuple(Path(r) for r in references)

    def with_writable(self, name: str) -> GlossaryStore:
        """The same glossaries with ``name`` as the writable one."""
        return GlossaryStore(
            self.directory,
            writable_name=name,
            include_starter=self.include_starter,
            references=self.references,
        )

    # ----------------------------------------------------------------- reading
    def names(self) -> list[str]:
        """All glossary names in priority order."""
        found = _names_in(self.directory)
        order = [n for n in found if n == self.writable_name]
        order += [n for n in found if n != self.writable_name]
        for folder in self.references:
            order += [n for n in _names_in(folder) if n not in order]
        if self.include_starter and STARTER not in order and starter_path().is_file():
            order.append(STARTER)
        return order

    def ignored_files(self) -> builtins.list[Path]:
        """``*.tsv`` files of the directory whose names are not valid glossary names."""
        if not self.directory.is_dir():
            return []
        return sorted(
            p
            for p in self.directory.glob(f"*{SUFFIX}")
            if not p.name.startswith(".") and not is_valid_name(p.name[: -len(SUFFIX)])
        )

    def path(self, name: str) -> Path:
        """The file of glossary ``name``: in the directory, else in a reference folder, else the
        packaged starter; a name found nowhere is a file of the directory (created on save)."""
        own = self.directory / f"{validate_name(name)}{SUFFIX}"
        if own.exists():
            return own
        for folder in self.references:
            shared = folder / f"{name}{SUFFIX}"
            if shared.is_file():
                return shared
        if name == STARTER and self.include_starter:
            return starter_path()
        return own

    def glossary_at(self, path: Path | str) -> str | None:
        """The name of the glossary whose file ``path`` is (symlinks followed), else None: an
        export must never overwrite a glossary."""
        for name in self.names():
            with contextlib.suppress(OSError):
                if os.path.samefile(path, self.path(name)):
                    return name
        return None

    def is_reference_file(self, name: str) -> bool:
        """True if glossary ``name`` is read from a reference folder or is the packaged starter."""
        return self.path(name).parent != self.directory

    def is_writable(self, name: str) -> bool:
        """True only for the writable glossary (``writable_name``) of the directory, unless it is
        a file the user may not write; every other glossary is a reference."""
        if name != self.writable_name or self.is_reference_file(name):
            return False
        path = self.path(name)
        return not path.exists() or os.access(path, os.W_OK)

    def list(self) -> builtins.list[GlossaryInfo]:
        """Name, path, term count, writable flag and problem count of every glossary.

        The default writable glossary is listed even before its file exists.
        """
        infos = []
        names = self.names()
        if self.writable_name not in names:
            path = self.path(self.writable_name)
            infos.append(GlossaryInfo(self.writable_name, path, 0, True, 0, True, exists=False))
        for name in names:
            default = name == self.writable_name
            try:
                g = self.load(name)
            except GlossaryError as error:
                path = self.path(name)
                infos.append(GlossaryInfo(name, path, 0, False, 0, default, error=error.message))
                continue
            infos.append(
                GlossaryInfo(name, g.path, len(g.terms), g.writable, len(g.problems), default)
            )
        return infos

    def load(self, name: str) -> Glossary:
        """Glossary ``name``; GlossaryError if it does not exist or cannot be read (not a
        regular file, too large, not UTF-8, or its first line is not a glossary header)."""
        path = self.path(name)
        if not path.is_file():
            if name == self.writable_name and not os.path.lexists(path):  # created on save
                return Glossary(name, path, (), True)
            if os.path.lexists(path):  # a folder, a FIFO, a dangling symlink…
                editing.read_file(path)  # raises, naming the fault
            known = ", ".join(self.names()) or "none"
            raise GlossaryError(f"no glossary named {name!r} (known: {known})", path=path)
        parsed, signature = editing.read_file(path)
        if not parsed.header_ok:
            problem = parsed.problems[0]
            raise GlossaryError(
                f"{problem.message}; not read as a glossary", path=path, line=problem.line
            )
        return Glossary(
            name, path, parsed.terms, self.is_writable(name), parsed.problems, signature
        )

    def load_all(self) -> builtins.list[Glossary]:
        """Every readable glossary in priority order (for highlighting and look-up); one that
        cannot be read is left out and told once (:mod:`parallax.core.notices`)."""
        return self.load_readable(self.names())

    def load_readable(self, names: Iterable[str]) -> builtins.list[Glossary]:
        """Glossaries ``names`` in that order, leaving out (and telling, see :mod:`notices`)
        those that exist but cannot be read; an unknown name is still a GlossaryError."""
        found = []
        for name in names:
            try:
                found.append(self.load(name))
            except GlossaryError as error:
                if not os.path.lexists(self.path(name)):
                    raise
                notices.tell(f"{error.message}; skipped")
        return found

    # ---------------------------------------------------------------- writing
    def create(self, name: str) -> Path:
        """Create glossary ``name`` as an empty file (header only); the file. GlossaryError if
        it exists (the packaged starter too), GlossaryNameError if the name is invalid."""
        if name in self.names():
            raise GlossaryError(f"{self.path(name)}: a glossary named {name!r} exists already")
        return editing.create(self.path(name))

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
        path = self._writable_path(name)
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
        path = self._writable_path(name)
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

        def change(entries: builtins.list[Entry]) -> None:
            nonlocal counts
            counts = merge_terms(entries, incoming)

        self._transact(name, change, skip_unchanged=True)
        return counts

    def update(self, name: str, term: Term) -> Term:
        """Replace the term with ``term.id``; GlossaryError if there is none."""

        def change(entries: builtins.list[Entry]) -> None:
            entries[editing.index_of(self.path(name), entries, term.id)] = term

        self._transact(name, change)
        return term

    def set_status(self, name: str, term_id: str, status: Status) -> bool:
        """Give term ``term_id`` of glossary ``name`` the status ``status`` (its ``updated``
        moves), changing nothing else of it; False, with nothing written, when there is no
        such term (removed meanwhile) or it has that status already."""
        changed = False
        if not self.path(name).is_file():
            return False

        def change(entries: builtins.list[Entry]) -> None:
            nonlocal changed
            changed = entry_changes.set_status(entries, term_id, status)

        self._transact(name, change, skip_unchanged=True)
        return changed

    def remove(self, name: str, term_id: str) -> Term:
        """Remove the term whose id is ``term_id`` (or a unique prefix of it); returns it."""
        removed: builtins.list[Term] = []

        def change(entries: builtins.list[Entry]) -> None:
            index = editing.index_of(self.path(name), entries, term_id)
            removed.append(entries.pop(index))  # type: ignore[arg-type]

        self._transact(name, change)
        return removed[0]

    def save(self, glossary: Glossary, *, force: bool = False, drop_problems: bool = False) -> None:
        """Write ``glossary.terms`` as the content of its file.

        Raises GlossaryConflictError if the file changed on disk since ``glossary`` was loaded
        (unless ``force``). Rows with problems stay in the file unless ``drop_problems``.
        """

        def change(entries: builtins.list[Entry]) -> None:
            entry_changes.keep_only(entries, glossary.terms, drop_problems=drop_problems)

        expect = None if force else glossary.signature
        self._transact(glossary.name, change, expect=expect)

    # --------------------------------------------------------------- helpers
    def _writable_path(self, name: str) -> Path:
        """The file of ``name``; GlossaryError unless ``name`` is the writable glossary."""
        path = self.path(name)
        if not self.is_writable(name):
            if path == starter_path():
                fault = "the packaged starter glossary is read-only"
            elif self.is_reference_file(name):
                fault = (
                    f"glossary {name!r} is read-only (a shared reference glossary; your "
                    f"glossaries are in {self.directory})"
                )
            elif name == self.writable_name:
                fault = f"glossary {name!r} is read-only (file permissions)"
            else:
                fault = (
                    f"glossary {name!r} is read-only (a reference glossary; the writable one "
                    f"is {self.writable_name!r})"
                )
            raise GlossaryError(f"{path}: {fault}")
        return path

    def _transact(
        self,
        name: str,
        change: editing.Change,
        *,
        expect: Signature | None = None,
        skip_unchanged: bool = False,
    ) -> None:
        editing.transact(
            self._writable_path(name), change, expect=expect, skip_unchanged=skip_unchanged
        )


def _names_in(folder: Path) -> builtins.list[str]:
    """The glossary names of the ``*.tsv`` files of ``folder``, sorted."""
    if not folder.is_dir():
        return []
    return sorted(
        p.name[: -len(SUFFIX)]
        for p in folder.glob(f"*{SUFFIX}")
        if is_valid_name(p.name[: -len(SUFFIX)]) and p.is_file()
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


__all__ = [
    "DEFAULT_WRITABLE",
    "Glossary",
    "GlossaryConflictError",
    "GlossaryError",
    "GlossaryInfo",
    "GlossaryStore",
    "ImportCounts",
    "Saved",
    "open_store",
]
