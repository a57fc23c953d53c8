"""``GlossaryStore``: the glossaries of one directory plus the packaged starter glossary.

Every change is a locked read-merge-write: take the inter-process lock, re-read the file from
disk (so changes made meanwhile by another process or program are kept), apply the change, and
replace the file atomically with rotating backups. Rows that could not be read are carried
through verbatim.
"""

from __future__ import annotations

import builtins
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from parallax.core.glossary import fileformat
from parallax.core.glossary.dirs import STARTER, SUFFIX, starter_path, validate_name
from parallax.core.glossary.fileformat import Entry, ParsedFile, RowProblem
from parallax.core.glossary.term import Term
from parallax.core.safefile import (
    MISSING,
    Signature,
    atomic_write,
    locked,
    read_with_signature,
    remove_stale_temps,
    stat_matches,
)

DEFAULT_WRITABLE = "my-terms"


class GlossaryError(ValueError):
    """A glossary operation failed; the message is one line naming the file and the fault."""


class GlossaryConflictError(GlossaryError):
    """The file changed on disk since it was loaded: reload it instead of overwriting."""


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
class GlossaryInfo:
    """One line of ``GlossaryStore.list()``."""

    name: str
    path: Path
    terms: int
    writable: bool
    problems: int
    default: bool
    exists: bool = True


class GlossaryStore:
    """The glossaries in ``directory`` (``NAME.tsv``) and the packaged starter glossary.

    Priority order (as in OmegaT): the writable glossary ``writable_name`` first, then the other
    files of the directory by name, then the packaged starter (unless the directory has its own
    ``starter.tsv``). The packaged starter is read-only.
    """

    def __init__(
        self,
        directory: Path | str,
        *,
        writable_name: str = DEFAULT_WRITABLE,
        include_starter: bool = True,
    ) -> None:
        self.directory = Path(directory)
        self.writable_name = validate_name(writable_name)
        self.include_starter = include_starter

    # ----------------------------------------------------------------- reading
    def names(self) -> list[str]:
        """All glossary names in priority order."""
        found = []
        if self.directory.is_dir():
            found = sorted(
                p.name[: -len(SUFFIX)]
                for p in self.directory.glob(f"*{SUFFIX}")
                if not p.name.startswith(".") and p.is_file()
            )
        order = [n for n in found if n == self.writable_name]
        order += [n for n in found if n != self.writable_name]
        if self.include_starter and STARTER not in order and starter_path().is_file():
            order.append(STARTER)
        return order

    def path(self, name: str) -> Path:
        """The file of glossary ``name`` (in the directory, or the packaged starter)."""
        own = self.directory / f"{validate_name(name)}{SUFFIX}"
        if name == STARTER and self.include_starter and not own.exists():
            return starter_path()
        return own

    def is_writable(self, name: str) -> bool:
        """True unless ``name`` is the packaged starter or a read-only file."""
        path = self.path(name)
        if path == starter_path():
            return False
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
            glossary = self.load(name)
            infos.append(
                GlossaryInfo(
                    name,
                    glossary.path,
                    len(glossary.terms),
                    glossary.writable,
                    len(glossary.problems),
                    name == self.writable_name,
                )
            )
        return infos

    def load(self, name: str) -> Glossary:
        """Glossary ``name``; GlossaryError if it does not exist or cannot be read."""
        path = self.path(name)
        if not path.is_file():
            if name == self.writable_name:  # created on first save
                return Glossary(name, path, (), True)
            known = ", ".join(self.names()) or "none"
            raise GlossaryError(f"{path}: no glossary named {name!r} (known: {known})")
        parsed, signature = self._read(path)
        return Glossary(
            name, path, parsed.terms, self.is_writable(name), parsed.problems, signature
        )

    def load_all(self) -> builtins.list[Glossary]:
        """Every glossary in priority order (for highlighting and look-up)."""
        return [self.load(name) for name in self.names()]

    # ---------------------------------------------------------------- writing
    def add(self, name: str, term: Term) -> Term:
        """Append ``term`` to glossary ``name`` (created if missing); returns it."""
        self.add_many(name, [term])
        return term

    def add_many(self, name: str, terms: Iterable[Term]) -> int:
        """Append ``terms`` (a term whose id is already there replaces it); returns the count.

        When none of the ids is in the file yet, the rows are appended to the file's bytes
        without re-reading every row (the whole file is still replaced atomically).
        """
        new = list(terms)
        if len({t.id for t in new}) == len(new) and self._append_fast(name, new):
            return len(new)

        def change(entries: builtins.list[Entry]) -> None:
            by_id = {t.id: t for t in new}
            for i, entry in enumerate(entries):
                if isinstance(entry, Term) and entry.id in by_id:
                    entries[i] = by_id.pop(entry.id)
            entries.extend(t for t in new if t.id in by_id)

        self._transact(name, change)
        return len(new)

    def update(self, name: str, term: Term) -> Term:
        """Replace the term with ``term.id``; GlossaryError if there is none."""

        def change(entries: builtins.list[Entry]) -> None:
            entries[self._index(name, entries, term.id)] = term

        self._transact(name, change)
        return term

    def remove(self, name: str, term_id: str) -> Term:
        """Remove the term whose id is ``term_id`` (or a unique prefix of it); returns it."""
        removed: builtins.list[Term] = []

        def change(entries: builtins.list[Entry]) -> None:
            removed.append(entries.pop(self._index(name, entries, term_id)))  # type: ignore[arg-type]

        self._transact(name, change)
        return removed[0]

    def save(self, glossary: Glossary, *, force: bool = False, drop_problems: bool = False) -> None:
        """Write ``glossary.terms`` as the content of its file.

        Raises GlossaryConflictError if the file changed on disk since ``glossary`` was loaded
        (unless ``force``). Rows with problems stay in the file unless ``drop_problems``.
        """

        def change(entries: builtins.list[Entry]) -> None:
            wanted = {t.id: t for t in glossary.terms}
            kept: builtins.list[Entry] = []
            for entry in entries:
                if isinstance(entry, Term):
                    if entry.id in wanted:
                        kept.append(wanted.pop(entry.id))
                elif not drop_problems or entry.text.startswith("#"):
                    kept.append(entry)
            kept.extend(t for t in glossary.terms if t.id in wanted)
            entries[:] = kept

        expect = None if force else glossary.signature
        self._transact(glossary.name, change, expect=expect)

    # --------------------------------------------------------------- helpers
    def _append_fast(self, name: str, terms: builtins.list[Term]) -> bool:
        """Append rows under the lock if the file has the standard header and none of the ids."""
        if not self.is_writable(name):
            return False
        path = self.path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        with locked(path):
            remove_stale_temps(path)
            data, signature = read_with_signature(path)
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                return False
            ids = fileformat.row_ids(text) if text else set()
            if ids is None or any(t.id in ids for t in terms):
                return False
            head = text if text else fileformat.HEADER_LINE + "\n"
            if not head.endswith("\n"):
                head += "\n"
            rows = "".join(fileformat.format_row(t) + "\n" for t in terms)
            if not stat_matches(path, signature):
                return False
            atomic_write(path, (head + rows).encode("utf-8"))
            return True

    def _read(self, path: Path) -> tuple[ParsedFile, Signature]:
        data, signature = read_with_signature(path)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise GlossaryError(f"{path}: not UTF-8 (byte {error.start})") from None
        return fileformat.parse(text), signature

    def _index(self, name: str, entries: Sequence[Entry], term_id: str) -> int:
        hits = [
            i for i, e in enumerate(entries) if isinstance(e, Term) and e.id.startswith(term_id)
        ]
        exact = [i for i in hits if entries[i].id == term_id]  # type: ignore[union-attr]
        if exact:
            return exact[0]
        if len(hits) != 1:
            fault = "no term" if not hits else f"{len(hits)} terms"
            raise GlossaryError(f"{self.path(name)}: {fault} with id {term_id!r}")
        return hits[0]

    def _transact(
        self,
        name: str,
        change: Callable[[builtins.list[Entry]], None],
        *,
        expect: Signature | None = None,
    ) -> None:
        """Locked read-merge-write of glossary ``name``."""
        if not self.is_writable(name):
            raise GlossaryError(f"{self.path(name)}: glossary {name!r} is read-only")
        path = self.path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        with locked(path):
            remove_stale_temps(path)
            for _attempt in range(5):
                parsed, signature = self._read(path)
                if expect is not None and signature != expect:
                    raise GlossaryConflictError(
                        f"{path}: changed on disk since it was loaded; reload it and retry"
                    )
                if not parsed.header_ok:
                    problem = parsed.problems[0]
                    raise GlossaryError(f"{path}:{problem.line}: {problem.message}; fix the file")
                entries: builtins.list[Entry] = list(parsed.entries)
                change(entries)
                data = fileformat.dump(entries).encode("utf-8")
                # Another program (an editor) may have written meanwhile, without our lock.
                if stat_matches(path, signature):
                    atomic_write(path, data)
                    return
        raise GlossaryError(f"{path}: keeps changing on disk; try again")  # pragma: no cover
