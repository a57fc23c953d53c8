"""The glossary manager: every glossary, its terms filtered and sorted; edit, delete, undo,
switch the writable glossary, create, import and export.

The screen composes :class:`GlossaryList`, a filter and :class:`TermsTable` (which owns the
keys acting on the term under its cursor) and wires them to two plain objects:
:class:`ManagerState` (what is shown) and :class:`ManagerChanges` (changes in order, undo).
Every worker calls one plain function and posts one message (:func:`workers.run_step`).
``GlossaryManagerScreen(glossary_dir)`` dismisses with True when something changed (the reader
then reloads its glossaries), else False.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, OptionList

from parallax.app import keys
from parallax.app.dialogs.glossary import ExportScreen, FileChoice, ImportScreen, NameScreen
from parallax.app.dialogs.term import TermEditScreen
from parallax.app.manager import tasks
from parallax.app.manager.changes import Job, ManagerChanges
from parallax.app.manager.glossary_list import GlossaryList
from parallax.app.manager.messages import ChangeMade, Exported, Listed, TermsFound, Written
from parallax.app.manager.state import ManagerState, Refusal
from parallax.app.manager.terms_table import TermsTable
from parallax.app.messages import StepFailed
from parallax.app.workers import run_step


class GlossaryManagerScreen(Screen[bool]):
    """List, filter, sort, edit, delete, import and export glossaries (escape closes)."""

    DEFAULT_CSS = """
    GlossaryManagerScreen #glossaries {
        width: 1fr; min-width: 14; max-width: 32; height: 1fr; border: round $primary;
    }
    GlossaryManagerScreen #right { width: 3fr; height: 1fr; }
    GlossaryManagerScreen #filter { margin: 0 0; }
    GlossaryManagerScreen #terms { height: 1fr; }
    GlossaryManagerScreen #summary { height: 1; color: $text-muted; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [*keys.MANAGER_SCREEN]

    def __init__(self, glossary_dir: Path | None = None) -> None:
        super().__init__()
        self.glossary_dir = glossary_dir
        self.state = ManagerState()
        self.changes = ManagerChanges(store=lambda: self.state.store, run=self._run_change)

    def compose(self) -> ComposeResult:
        """Glossaries on the left; the filter, the terms and a summary on the right."""
        with Horizontal():
            yield GlossaryList(id="glossaries")
            with Vertical(id="right"):
                yield Input(
                    placeholder="filter: words, tag:NAME, status:known, py:shuang e zhi",
                    id="filter",
                )
                yield TermsTable(id="terms")
                yield Label("", id="summary")
        yield Footer()

    @property
    def table(self) -> TermsTable:
        """The terms table."""
        return self.query_one(TermsTable)

    def on_mount(self) -> None:
        """The glossaries (in a worker)."""
        self.table.focus()
        self.list_glossaries()

    def tell(self, refusal: Refusal) -> None:
        """Say why a key did nothing (one line, plain text)."""
        self.notify(" ".join(refusal.text.split()), severity=refusal.severity, markup=False)

    def fail(self, error: str) -> None:
        """Say what went wrong (one line, plain text)."""
        self.tell(Refusal(error, "error"))

    # ---------------------------------------------------------------- workers
    def list_glossaries(self) -> None:
        """List the glossaries (again, in a worker); the one shown stays shown."""
        directory = self.glossary_dir
        run_step(self, lambda: Listed(tasks.list_glossaries(directory)), step="list")

    def show_terms(self, name: str | None = None) -> None:
        """Show glossary ``name`` (read again); without a name, filter and sort again."""
        job = self.state.terms_job(name)

        def find() -> TermsFound | None:
            terms = job()
            return TermsFound(terms) if terms is not None else None

        run_step(self, find, step="terms")

    def _run_change(self, job: Job) -> None:
        run_step(self, lambda: ChangeMade(job()), step="change", exclusive=False)

    # --------------------------------------------------------------- messages
    def on_step_failed(self, message: StepFailed) -> None:
        """A worker failed: one line."""
        self.fail(message.error)

    def on_listed(self, message: Listed) -> None:
        """Show the glossaries, and the terms of the one wanted."""
        listing = message.listing
        for problem in listing.problems:  # a damaged settings file, a glossary unread
            self.fail(problem)
        name = self.state.listed(listing)
        self.query_one(GlossaryList).show(listing.infos, listing.reviews, name)

    def on_glossary_list_chosen(self, message: GlossaryList.Chosen) -> None:
        """Show the terms of the glossary highlighted."""
        self.show_terms(message.name)

    @on(OptionList.OptionSelected, "#glossaries")
    def _glossary_picked(self) -> None:
        self.table.focus()

    def on_terms_found(self, message: TermsFound) -> None:
        """Fill the table, the cursor on the same term; say what is shown."""
        before = self.state.glossary
        if self.state.found(message.terms):
            same = before is not None and before.name == message.terms.glossary.name
            self.table.show(self.state.shown, same_glossary=same)
            self.query_one("#summary", Label).update(Content(self.state.summary()))

    def on_change_made(self, message: ChangeMade) -> None:
        """Say what changed (the undo step goes when nothing did) and list the glossaries
        again."""
        done = message.done
        self.changes.finish(done)
        if done.error:
            self.fail(done.error)
            return
        if done.message:
            self.notify(done.message, markup=False)
        if not done.nothing:
            self.list_glossaries()

    def on_exported(self, message: Exported) -> None:
        """Say where the export went."""
        self.notify(message.message, markup=False)

    def on_written(self, _message: Written) -> None:
        """Close (True if anything changed: the reader reloads)."""
        self.dismiss(self.changes.changed)

    # ---------------------------------------------------------------- filter
    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.state.query = event.value
        self.show_terms()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.table.focus()

    def action_focus_filter(self) -> None:
        """Type a filter."""
        self.query_one("#filter", Input).focus()

    def on_terms_table_order_asked(self, message: TermsTable.OrderAsked) -> None:
        """Sort by the next key, or reverse the order."""
        if message.reverse:
            self.state.flip()
        else:
            self.state.next_sort()
        self.show_terms()

    # ---------------------------------------------------------------- changes
    def on_terms_table_edit_asked(self, message: TermsTable.EditAsked) -> None:
        """Edit the term in a dialog, then save it."""
        found = self.state.editable(message.term)
        if isinstance(found, Refusal):
            self.tell(found)
            return
        name, old = found

        def save(values: dict[str, str] | None) -> None:
            if values is not None:
                self.changes.edit(name, old, values)

        self.app.push_screen(TermEditScreen(old, name), save)

    def on_terms_table_delete_asked(self, message: TermsTable.DeleteAsked) -> None:
        """Delete the term (u brings it back)."""
        found = self.state.editable(message.term)
        if isinstance(found, Refusal):
            self.tell(found)
        else:
            self.changes.delete(*found)

    def action_undo(self) -> None:
        """Undo the last edit or delete made here."""
        self.changes.undo.undo_last(partial(self.notify, timeout=3, markup=False))

    def action_make_writable(self) -> None:
        """Make the shown glossary the writable one (saved in the settings)."""
        name = self.state.can_be_writable()
        if isinstance(name, Refusal):
            self.tell(name)
        elif name is not None:
            self.changes.make_writable(name)

    def action_create(self) -> None:
        """Create an empty glossary (name dialog)."""

        def create(name: str | None) -> None:
            if name:
                self.changes.create(name)

        self.app.push_screen(NameScreen(), create)

    def action_import_file(self) -> None:
        """Import a file into the writable glossary (file and format dialog)."""
        store = self.state.store
        if store is None:
            return

        def run(choice: FileChoice | None) -> None:
            if choice is not None:
                self.changes.import_file(choice.path, choice.fmt)

        self.app.push_screen(ImportScreen(store.places.writable_name), run)

    def action_export(self) -> None:
        """Export the shown glossary (format and file dialog); nothing in the glossaries
        changes."""
        store, glossary = self.state.store, self.state.glossary
        if store is None or glossary is None:
            return

        def run(choice: FileChoice | None) -> None:
            if choice is not None:
                job = partial(tasks.export_glossary, store, glossary.name, choice.fmt, choice.path)
                run_step(self, lambda: Exported(job()), step="export", exclusive=False)

        self.app.push_screen(ExportScreen(glossary.name, len(glossary.terms)), run)

    def action_close(self) -> None:
        """Escape: from the filter back to the table; else close once the changes asked for
        are written (True if anything changed)."""
        if self.focused is self.query_one("#filter", Input):
            self.table.focus()
            return
        wait = self.changes.written()

        def job() -> Written:
            wait()
            return Written()

        run_step(self, job, step="close", exclusive=False)
