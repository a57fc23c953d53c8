"""The term dialogs: a new term (prefilled from the selection, its proposed translation and the
cursor row; the translation filled in when it arrives) and the edit of an existing term.

Each dismisses with a typed result, or ``None`` on escape.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Select

from parallax.app.dialogs.base import DIALOG_CSS, Dialog
from parallax.app.terms.draft import TermDraft
from parallax.app.widgets.passage import PassageView
from parallax.core.glossary.term import STATUSES

if TYPE_CHECKING:
    from parallax.core.glossary import Term


class AddTermScreen(Dialog[TermDraft]):
    """Edit the Chinese, English, note, tags and status of a new term; enter or ctrl+s saves,
    escape cancels."""

    DEFAULT_CSS = """
    AddTermScreen { align: center middle; }
    AddTermScreen > Vertical {
        width: 80%; max-width: 90; height: auto; max-height: 100%; overflow-y: auto;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    AddTermScreen Label { margin-top: 1; }
    AddTermScreen #context { color: $text-muted; height: auto; max-height: 4; margin-top: 1; }
    AddTermScreen Horizontal { height: auto; margin-top: 1; }
    """
    OK = "Save"

    def __init__(self, draft: TermDraft) -> None:
        super().__init__()
        self.draft = draft
        self._looking = False  # a translation is being looked for
        self._offered: tuple[str, str] | None = None  # found before the dialog was mounted
        self._ready = False  # the fields are mounted

    def compose(self) -> ComposeResult:
        """A title, four inputs, the status, the context, two buttons."""
        with Vertical() as box:
            box.border_title = "New term"
            yield Label("Chinese")
            yield Input(self.draft.zh, id="zh")
            yield Label("English")
            yield Input(self.draft.en, id="en")
            yield Label("Note")
            yield Input(self.draft.note, id="note")
            yield Label("Tags (blank separated)")
            yield Input(self.draft.tags, id="tags")
            yield Label("Status")
            status = self.draft.status if self.draft.status in STATUSES else "new"
            yield Select([(s, s) for s in STATUSES], value=status, allow_blank=False, id="status")
            with Vertical(id="context"):  # wrapped as the reader wraps
                yield PassageView(Content(self.draft.context_zh[:120]))
                yield PassageView(Content(self.draft.context_en[:160]))
            with Horizontal():
                yield Button("Save", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        """Focus the first empty field."""
        empty = "#zh" if not self.draft.zh else "#en"
        self.query_one(empty, Input).focus()
        self._ready = True
        if self._looking:
            self.looking()
        if self._offered is not None:
            self.offer(*self._offered)

    def looking(self) -> None:
        """Say in the empty side that its translation is being looked for."""
        self._looking = True
        if not self._ready:
            return
        for name in ("zh", "en"):
            field = self.query_one(f"#{name}", Input)
            if not field.value:
                field.placeholder = "looking for it in the aligned text…"

    def offer(self, zh: str, en: str) -> None:
        """A translation was found: fill in the side still empty (never what was typed)."""
        self._looking, self._offered = False, (zh, en)
        if not self._ready:
            return
        for name, value in (("zh", zh), ("en", en)):
            field = self.query_one(f"#{name}", Input)
            field.placeholder = ""
            if value and not field.value:
                field.value = value
                field.cursor_position = len(value)

    def action_submit(self) -> None:
        """Return the edited draft (the Chinese is needed)."""
        values = {name: self.value_of(name).strip() for name in ("zh", "en", "note", "tags")}
        if not values["zh"]:
            self.warn("type the Chinese: a glossary term needs it")
            self.query_one("#zh", Input).focus()
            return
        values["status"] = str(self.query_one("#status", Select).value)
        self.dismiss(replace(self.draft, **values))


class TermEditScreen(Dialog[dict[str, str]]):
    """Edit a term's Chinese, English, note, tags and status; dismisses with the values
    (``zh``, ``en``, ``note``, ``tags``, ``status``; see ``parallax.core.glossary.term.edited``)."""

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
