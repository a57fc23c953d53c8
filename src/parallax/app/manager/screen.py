"""The glossary manager: every glossary, its terms filtered and sorted; edit, delete, undo,
switch the writable glossary, create, import and export.

``GlossaryManagerScreen(glossary_dir)`` dismisses with True when something changed (the reader
then reloads its glossaries), else False.
"""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Input, Label, OptionList

from parallax.app.dialogs.glossary import ExportScreen, FileChoice, ImportScreen, NameScreen
from parallax.app.dialogs.term import TermEditScreen
from parallax.app.manager import tasks
from parallax.app.manager.state import COLUMNS, ManagerBase
from parallax.core.glossary import Glossary, Term
from parallax.core.glossary.filtering import SORT_KEYS


class GlossaryManagerScreen(ManagerBase):
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
    BINDINGS = [
        Binding("escape", "close", "Close", id="manager-close"),
        Binding("ctrl+g", "close", "Close", show=False, id="manager-close-g"),
        Binding("slash", "focus_filter", "Filter", id="manager-filter"),
        Binding("e", "edit", "Edit", id="manager-edit"),
        Binding("d", "delete", "Delete", id="manager-delete"),
        Binding("u", "undo", "Undo", id="manager-undo"),
        Binding("o", "sort", "Sort", id="manager-sort"),
        Binding("O", "reverse", "Reverse", id="manager-reverse"),
        Binding("w", "make_writable", "Writable", id="manager-writable"),
        Binding("n", "create", "New", id="manager-new"),
        Binding("i", "import_file", "Import", id="manager-import"),
        Binding("x", "export", "Export", id="manager-export"),
    ]

    def compose(self) -> ComposeResult:
        """Glossaries on the left; the filter, the terms and a summary on the right."""
        with Horizontal():
            yield OptionList(id="glossaries")
            with Vertical(id="right"):
                yield Input(
                    placeholder="filter: words, tag:NAME, status:known, py:shuang e zhi",
                    id="filter",
                )
                table: DataTable[Text] = DataTable(
                    id="terms", cursor_type="row", zebra_stripes=True
                )
                yield table
                yield Label("", id="summary")
        yield Footer()

    def on_mount(self) -> None:
        """Columns, then the glossaries (in a worker)."""
        table = self.table
        for key, label in COLUMNS:
            table.add_column(label, key=key)
        table.focus()
        self.query_one("#glossaries", OptionList).border_title = "Glossaries"
        self.load_list(None)

    # ----------------------------------------------------------------- actions
    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self.refilter()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.table.focus()

    @on(DataTable.RowSelected, "#terms")
    def _row_selected(self) -> None:
        self.action_edit()

    def action_focus_filter(self) -> None:
        """Type a filter."""
        self.query_one("#filter", Input).focus()

    def action_close(self) -> None:
        """Escape: from the filter back to the table; else close (True if anything changed)."""
        if self.focused is self.query_one("#filter", Input):
            self.table.focus()
            return
        self.close_after_changes(self.in_order.ticket())

    def action_sort(self) -> None:
        """Sort by the next column (Chinese, pinyin, English, status, created, updated, none)."""
        self.sort = self.sort + 1 if self.sort + 1 < len(SORT_KEYS) else -1
        self.refilter()

    def action_reverse(self) -> None:
        """Reverse the order."""
        self.reverse = not self.reverse
        self.refilter()

    def _editable(self) -> tuple[Glossary, Term] | None:
        """The shown glossary and the term under the cursor, if it may be changed."""
        glossary, term = self.glossary, self.current()
        if glossary is None or term is None:
            self.notify("no term selected", severity="warning", markup=False)
            return None
        if not glossary.writable:
            self.notify(
                f"{glossary.name} is read-only: press w to make it the writable glossary",
                severity="warning",
                markup=False,
            )
            return None
        return glossary, term

    def action_edit(self) -> None:
        """Edit the term under the cursor in a dialog, then save it."""
        found = self._editable()
        if found is None:
            return
        glossary, old = found

        def save(values: dict[str, str] | None) -> None:
            if values is not None:
                self.change(
                    lambda s: tasks.save_edit(s, glossary.name, old, values),
                    lambda s: tasks.restore(s, glossary.name, old),
                    f"edit {tasks.describe(old)}",
                )

        self.app.push_screen(TermEditScreen(old, glossary.name), save)

    def action_delete(self) -> None:
        """Delete the term under the cursor (u brings it back)."""
        found = self._editable()
        if found is None:
            return
        glossary, term = found
        name = glossary.name

        self.change(
            lambda s: f"deleted {tasks.describe(s.remove(name, term.id))} from {name}",
            lambda s: tasks.restore(s, name, term),
            f"delete {tasks.describe(term)}",
        )

    def action_undo(self) -> None:
        """Undo the last edit or delete made here."""
        self.undo_list.undo_last(partial(self.notify, timeout=3, markup=False))

    def action_make_writable(self) -> None:
        """Make the shown glossary the writable one (saved in the settings)."""
        from parallax.core.glossary.dirs import starter_path

        glossary = self.glossary
        if glossary is None:
            return
        if self.store is not None and glossary.name == self.store.writable_name:
            self.notify(f"{glossary.name} is the writable glossary already", markup=False)
            return
        if glossary.path == starter_path():
            self.fail("the packaged starter glossary is read-only: create one (n) and import it")
            return
        self.change(lambda s: tasks.make_writable(s, glossary.name))

    def action_create(self) -> None:
        """Create an empty glossary (name dialog)."""

        def create(name: str | None) -> None:
            if name:
                self.change(lambda s: f"created {name}: {s.create(name)}")

        self.app.push_screen(NameScreen(), create)

    def action_import_file(self) -> None:
        """Import a file into the writable glossary (file and format dialog)."""
        if self.store is None:
            return

        def run(choice: FileChoice | None) -> None:
            if choice is not None:
                self.change(lambda s: tasks.import_into(s, choice.path, choice.fmt))

        self.app.push_screen(ImportScreen(self.store.writable_name), run)

    def action_export(self) -> None:
        """Export the shown glossary (format and file dialog)."""
        glossary = self.glossary
        if glossary is None:
            return

        def run(choice: FileChoice | None) -> None:
            if choice is not None:
                self.export(glossary.name, choice)

        self.app.push_screen(ExportScreen(glossary.name, len(glossary.terms)), run)
