"""``GlossaryPlaces``: where the glossaries are, in which order, and which one is writable.

The user's directory holds their glossaries, one of them the writable one (``writable_name``,
default ``my-terms``, created on first save); reference folders (a project's ``glossaries/``)
and the packaged starter add read-only ones. Nothing here reads a glossary: this is the map the
store reads and writes by.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from parallax.core.glossary.dirs import (
    DEFAULT_WRITABLE,
    STARTER,
    SUFFIX,
    is_valid_name,
    starter_path,
    validate_name,
)
from parallax.core.glossary.editing import GlossaryError


@dataclass(frozen=True)
class GlossaryPlaces:
    """The glossaries in ``directory`` (``NAME.tsv``) and the packaged starter glossary.

    Priority order (as in OmegaT): the writable glossary ``writable_name`` first, then the other
    files of the directory by name, then those of the ``references`` folders (read-only; a name
    the directory has hides them), then the packaged starter (unless a folder has its own
    ``starter.tsv``). Files whose name is not a valid glossary name are not glossaries (see
    :meth:`ignored_files`).
    """

    directory: Path
    writable_name: str = DEFAULT_WRITABLE
    include_starter: bool = True
    references: tuple[Path, ...] = ()

    def __post_init__(self) -> None:
        validate_name(self.writable_name)

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

    def ignored_files(self) -> list[Path]:
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

    def writable_path(self, name: str) -> Path:
        """The file of ``name``; GlossaryError, saying why, unless it is the writable glossary."""
        path = self.path(name)
        if self.is_writable(name):
            return path
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


def _names_in(folder: Path) -> list[str]:
    """The glossary names of the ``*.tsv`` files of ``folder``, sorted."""
    if not folder.is_dir():
        return []
    return sorted(
        p.name[: -len(SUFFIX)]
        for p in folder.glob(f"*{SUFFIX}")
        if is_valid_name(p.name[: -len(SUFFIX)]) and p.is_file()
    )
