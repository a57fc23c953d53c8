"""The glossary manager's dialogs: name a new glossary, import a file, export a glossary.

Each dismisses with a typed result, or ``None`` on escape.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, Select

from parallax.app.dialogs.base import DIALOG_CSS, Dialog
from parallax.app.model import counted
from parallax.core.errors import ParallaxError
from parallax.core.glossary.formats import EXPORT_FORMATS, IMPORT_FORMATS


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

    tail = "" if fmt in ("csv", "tbx", "json", "apkg") else f"-{fmt.removeprefix('csv-')}"
    return (directory or Path.cwd()) / f"{name}{tail}{SUFFIXES[fmt]}"


class NameScreen(Dialog[str]):
    """Ask for the name of a new glossary."""

    DEFAULT_CSS = DIALOG_CSS.format(name="NameScreen")
    OK = "Create"

    def compose(self) -> ComposeResult:
        """One input."""
        with Vertical():
            yield Label("New glossary (letters, digits, - or _)", classes="title")
            yield self.field("Name", Input(id="name"))
            yield from self.buttons()

    def action_submit(self) -> None:
        """The name typed (validated by the store)."""
        name = self.value_of("name").strip()
        if not name:
            self.warn("type a glossary name")
            return
        self.dismiss(name)


@dataclass(frozen=True, slots=True)
class FileChoice:
    """A file and a format chosen in the import or export dialog."""

    path: Path
    fmt: str


class FileDialog(Dialog[FileChoice]):
    """A dialog choosing a file (``#path``, focused: enter submits) and a format (``#format``)."""

    def on_mount(self) -> None:
        """Focus the file."""
        self.query_one("#path", Input).focus()

    def chosen_path(self) -> Path | None:
        """The file typed, resolved; None (and a warning) when it cannot be."""
        try:
            return resolve(self.value_of("path"))
        except ValueError as error:
            self.warn(str(error))
            return None

    def choose(self, path: Path) -> None:
        """Dismiss with ``path`` and the format chosen."""
        self.dismiss(FileChoice(path, str(self.query_one("#format", Select).value)))


class ImportScreen(FileDialog):
    """Ask for a file to import into the writable glossary, and its format (default: detected)."""

    DEFAULT_CSS = DIALOG_CSS.format(name="ImportScreen")
    OK = "Import"

    def __init__(self, into: str) -> None:
        super().__init__()
        self.into = into

    def compose(self) -> ComposeResult:
        """The path, the format."""
        with Vertical():
            yield Label(Content(f"Import a file into {self.into}"), classes="title")
            yield self.field("File", Input(id="path", placeholder="path/to/glossary.csv"))
            formats = [(f, f) for f in IMPORT_FORMATS]
            select = Select(formats, value="auto", allow_blank=False, id="format")
            yield self.field("Format", select)
            yield from self.buttons()

    def action_submit(self) -> None:
        """The chosen file and format."""
        path = self.chosen_path()
        if path is None:
            return
        if not path.is_file():
            self.warn(f"{path}: no such file")
            return
        self.choose(path)


class ExportScreen(FileDialog):
    """Ask for the export format and file (prefilled ``NAME.SUFFIX`` in the working directory);
    an existing file is replaced only after a second OK."""

    DEFAULT_CSS = DIALOG_CSS.format(name="ExportScreen")
    OK = "Export"

    def __init__(self, name: str, count: int, directory: Path | None = None) -> None:
        super().__init__()
        self.glossary_name = name
        self.count = count
        self.directory = directory
        self.confirmed: Path | None = None

    def compose(self) -> ComposeResult:
        """The format, the path, a hint."""
        name = self.glossary_name
        with Vertical():
            yield Label(Content(f"Export {name} ({counted(self.count, 'term')})"), classes="title")
            formats = [(f, f) for f in EXPORT_FORMATS]
            select = Select(formats, value="csv", allow_blank=False, id="format")
            yield self.field("Format", select)
            path = str(export_path(name, "csv", self.directory))
            yield self.field("File", Input(path, id="path"))
            yield Label("", id="hint")
            yield from self.buttons()

    def on_select_changed(self, event: Select.Changed) -> None:
        """A new format: the prefilled file name follows it unless the user changed it."""
        path = self.query_one("#path", Input)
        suggested = {
            str(export_path(self.glossary_name, f, self.directory)) for f in EXPORT_FORMATS
        }
        if path.value in suggested:
            path.value = str(export_path(self.glossary_name, str(event.value), self.directory))

    def action_submit(self) -> None:
        """The chosen format and file; an existing file needs a second OK."""
        path = self.chosen_path()
        if path is None:
            return
        if path.exists() and path != self.confirmed:
            self.confirmed = path
            self.query_one("#hint", Label).update(
                Content(f"{path} exists: press Export again to replace it")
            )
            return
        self.choose(path)
