"""The glossary manager's dialogs: edit a term, name a new glossary, import, export.

Each is a ``ModalScreen`` that dismisses with a typed result, or ``None`` on escape.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from parallax.app.screens.manager_tasks import export_path, resolve
from parallax.core.glossary import STATUSES, Term
from parallax.core.glossary.formats import EXPORT_FORMATS, IMPORT_FORMATS

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 80%; max-width: 100; height: auto; max-height: 100%; overflow-y: auto;
    border: thick $primary; background: $surface; padding: 0 1;
}}
{name} .title {{ text-style: bold; margin-top: 1; }}
{name} .field {{ height: auto; }}
{name} .field > Label {{ width: 10; margin-top: 1; }}
{name} .field > Input, {name} .field > Select {{ width: 1fr; }}
{name} #hint {{ color: $warning; height: auto; }}
{name} #buttons {{ height: auto; margin-top: 1; }}
"""


T = TypeVar("T")


class Dialog(ModalScreen[T | None], Generic[T]):
    """A dialog with an OK button: enter in a field or ``ctrl+s`` submits, escape cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="dialog-cancel"),
        Binding("ctrl+s", "submit", "OK", id="dialog-ok"),
    ]
    OK = "OK"

    def buttons(self) -> ComposeResult:
        """The OK and Cancel buttons."""
        with Horizontal(id="buttons"):
            yield Button(self.OK, variant="primary", id="ok")
            yield Button("Cancel", id="cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a field submits."""
        event.stop()
        self.action_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """OK or Cancel."""
        event.stop()
        if event.button.id == "ok":
            self.action_submit()
        else:
            self.action_cancel()

    @staticmethod
    def field(label: str, widget: Input | Select[str]) -> Horizontal:
        """A labelled input on one row."""
        return Horizontal(Label(label), widget, classes="field")

    def value_of(self, name: str) -> str:
        """The text of input ``#name``."""
        return self.query_one(f"#{name}", Input).value

    def action_submit(self) -> None:
        """Dismiss with the result (subclasses)."""
        raise NotImplementedError

    def action_cancel(self) -> None:
        """Close without a result."""
        self.dismiss(None)

    def warn(self, message: str) -> None:
        """A one-line warning (plain text)."""
        self.notify(" ".join(message.split()), severity="warning", markup=False)


class TermEditScreen(Dialog[dict[str, str]]):
    """Edit a term's Chinese, English, note, tags and status; dismisses with the values
    (``zh``, ``en``, ``note``, ``tags``, ``status``; see ``manager_tasks.edited``)."""

    DEFAULT_CSS = DIALOG_CSS.format(name="TermEditScreen")
    OK = "Save"

    def __init__(self, term: Term, glossary: str = "") -> None:
        super().__init__()
        self.term = term
        self.name_of_glossary = f"a term of {glossary}" if glossary else "a term"

    def compose(self) -> ComposeResult:
        """Four inputs, the status and the buttons."""
        term = self.term
        with Vertical():
            yield Label(Content(f"Edit {self.name_of_glossary}"), classes="title")
            for name, label, value in (
                ("zh", "Chinese", term.zh),
                ("en", "English", term.en),
                ("note", "Note", term.note),
                ("tags", "Tags", " ".join(term.tags)),
            ):
                yield self.field(label, Input(value, id=name, placeholder=label))
            statuses = [(s, s) for s in STATUSES]
            select = Select(statuses, value=term.status, allow_blank=False, id="status")
            yield self.field("Status", select)
            yield from self.buttons()

    def on_mount(self) -> None:
        """Focus the English."""
        self.query_one("#en", Input).focus()

    def action_submit(self) -> None:
        """The values typed (a Chinese or an English term is needed)."""
        values = {name: self.value_of(name) for name in ("zh", "en", "note", "tags")}
        if not values["zh"].strip() and not values["en"].strip():
            self.warn("type a Chinese or an English term")
            return
        values["status"] = str(self.query_one("#status", Select).value)
        self.dismiss(values)


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
            yield Label(Content(f"Export {name} ({self.count} terms)"), classes="title")
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
