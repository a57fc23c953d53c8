"""The new-term dialog: prefilled from the selection, its proposed translation and the cursor
row (an existing term is edited in ``manager_dialogs.TermEditScreen``)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from parallax.app.loaders import GlossaryState
from parallax.app.widgets.parallel import ParallelView
from parallax.core.document import Document
from parallax.core.glossary import Term, new_term
from parallax.core.glossary.term import STATUSES


@dataclass(frozen=True)
class TermDraft:
    """What the dialog edits; becomes a :class:`Term` (with pinyin, Jyutping, id) when saved."""

    zh: str
    en: str
    note: str = ""
    tags: str = ""
    context_zh: str = ""
    context_en: str = ""
    source: str = ""
    source_date: str = ""
    status: str = "new"


def draft_for(view: ParallelView, doc: Document, glossary: GlossaryState | None) -> TermDraft:
    """A draft from the selection (a term, a dictionary word or an English word) and its row."""
    row = view.rows[view.cursor]
    sel = view.selection
    zh = en = ""
    if sel is not None:
        text = view.text(sel.row, sel.lang)[sel.start : sel.end]
        if sel.lang == "zh":
            zh = row.zh_text[sel.start : sel.end] if row.zh_text == view.zh_shown[sel.row] else text
        else:
            en = text
        if sel.term_ids and glossary is not None:
            term = next((t for t in glossary.terms if t.id in sel.term_ids), None)
            if term is not None:
                zh, en = zh or term.zh, en or term.en
    return draft_from(doc, zh, en, row.zh_text, row.en_text)


def draft_from(doc: Document, zh: str, en: str, context_zh: str, context_en: str) -> TermDraft:
    """A draft of ``zh`` / ``en`` found in ``doc`` (its source and date) with the aligned
    paragraphs as context."""
    meta = doc.meta
    title = meta.title_zh or meta.title_en or ""
    return TermDraft(
        zh=zh,
        en=en,
        context_zh=context_zh,
        context_en=context_en,
        source=f"{meta.source}: {title}" if title else meta.source,
        source_date=meta.date.isoformat() if meta.date else "",
    )


def term_of(draft: TermDraft, term_id: str | None = None) -> Term:
    """A new term from ``draft`` (readings computed; a fresh id unless ``term_id``)."""
    return new_term(
        draft.zh,
        draft.en,
        note=draft.note,
        tags=draft.tags,
        context_zh=draft.context_zh,
        context_en=draft.context_en,
        source=draft.source,
        source_date=draft.source_date or None,
        status=draft.status if draft.status in STATUSES else "new",  # type: ignore[arg-type]
        id=term_id,
    )


class AddTermScreen(ModalScreen[TermDraft | None]):
    """Edit the Chinese, English, note, tags and status of a new term; enter saves, escape
    cancels."""

    DEFAULT_CSS = """
    AddTermScreen { align: center middle; }
    AddTermScreen > Vertical {
        width: 80%; max-width: 90; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    AddTermScreen Label { margin-top: 1; }
    AddTermScreen #context { color: $text-muted; max-height: 4; margin-top: 1; }
    AddTermScreen Horizontal { height: auto; margin-top: 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="add-cancel"),
        Binding("ctrl+s", "save", "Save", id="add-save"),
    ]

    def __init__(self, draft: TermDraft) -> None:
        super().__init__()
        self.draft = draft

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
            context = f"{self.draft.context_zh[:120]}\n{self.draft.context_en[:160]}"
            yield Static(Content(context), id="context")
            with Horizontal():
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        """Focus the first empty field."""
        empty = "#zh" if not self.draft.zh else "#en"
        self.query_one(empty, Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a field saves."""
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel."""
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        """Return the edited draft (the Chinese is needed)."""
        values = {
            name: self.query_one(f"#{name}", Input).value.strip()
            for name in ("zh", "en", "note", "tags")
        }
        if not values["zh"]:
            self.notify(
                "type the Chinese: a glossary term needs it", severity="warning", markup=False
            )
            self.query_one("#zh", Input).focus()
            return
        values["status"] = str(self.query_one("#status", Select).value)
        self.dismiss(replace(self.draft, **values))

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
