"""The glossary manager's state, widgets and workers (the keys are in :mod:`.screen`).

Each worker calls the core (through :mod:`.tasks`) and posts its result as one message;
errors are one-line notifications.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from parallax.app.dialogs.glossary import FileChoice
from parallax.app.manager import tasks
from parallax.app.model import counted, one_line
from parallax.app.ordering import InOrder
from parallax.app.undo import UndoList, UndoStep
from parallax.core.glossary import Glossary, GlossaryInfo, GlossaryStore, Term
from parallax.core.glossary.filtering import SORT_KEYS

COLUMNS = (
    ("zh", "Chinese"),
    ("en", "English"),
    ("pinyin", "Pinyin"),
    ("status", "Status"),
    ("tags", "Tags"),
)
"""The terms table's columns: the Chinese and English first, so a narrow terminal shows both."""
Change = Callable[[GlossaryStore], str]
MAX_ROWS = 1000  # rows in the table (filling it is the slow part); the filter narrows


@dataclass
class Listed(Message):
    """The glossaries of ``store`` (show ``select``, if given)."""

    store: GlossaryStore
    infos: list[GlossaryInfo]
    select: str | None
    reviews: dict[str, str] = field(default_factory=dict)
    """Review counts by glossary name ("3 due · 20 new")."""


@dataclass
class TermsFound(Message):
    """The terms of ``glossary`` to show, filtered and sorted."""

    glossary: Glossary
    shown: list[Term]


@dataclass
class Changed(Message):
    """A change was made (``message`` to tell, "" for none) or not (``error``, or
    ``nothing``: it changed nothing); ``step`` is its undo step."""

    message: str
    step: UndoStep | None = None
    error: str = ""
    nothing: bool = False


@dataclass
class Written(Message):
    """The changes asked for before closing are written: close."""


@dataclass
class Failed(Message):
    """A step failed: ``error`` in one line."""

    error: str


def cell(text: str, limit: int = 60) -> Text:
    """A table cell: plain text (never markup), on one line."""
    flat = " ".join(text.split())
    return Text(flat if len(flat) <= limit else flat[: limit - 1] + "…", no_wrap=True)


class ManagerBase(Screen[bool]):
    """The manager screen's state and background work."""

    def __init__(self, glossary_dir: Path | None = None) -> None:
        super().__init__()
        self.glossary_dir = glossary_dir
        self.store: GlossaryStore | None = None
        self.infos: list[GlossaryInfo] = []
        self.glossary: Glossary | None = None
        self.shown: list[Term] = []
        self.sort = -1  # index into SORT_KEYS; -1: file order
        self.reverse = False
        self.changed = False
        self.undo_list = UndoList()
        self.in_order = InOrder()  # changes reach the files in the order asked for
        self.wanted = ""  # the glossary to show (loading)

    # ------------------------------------------------------------------ widgets
    @property
    def table(self) -> DataTable[Text]:
        """The terms table."""
        return self.query_one("#terms", DataTable)

    @property
    def query_text(self) -> str:
        """The filter typed."""
        return self.query_one("#filter", Input).value

    def current(self) -> Term | None:
        """The term under the table's cursor."""
        if not self.shown or self.table.row_count == 0:
            return None
        row = self.table.cursor_row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def fail(self, message: str) -> None:
        """One line, plain text."""
        self.notify(" ".join(message.split()), severity="error", markup=False)

    # ----------------------------------------------------------------- workers
    @work(thread=True, exclusive=True, exit_on_error=False, group="manager-list")
    def load_list(self, select: str | None) -> None:
        """Open the store (the writable glossary from the settings) and list the glossaries."""
        from parallax.app.loaders import open_store
        from parallax.core import notices

        try:
            store = open_store(self.glossary_dir)
            infos = store.list()
            reviews = tasks.review_counts(store, infos)
        except (ValueError, OSError) as error:
            self.post_message(Failed(one_line(error)))
            return
        for notice in notices.take():  # a damaged settings file set aside
            self.post_message(Failed(notice))
        for info in infos:
            if info.error:  # a glossary that cannot be read: listed, named, not opened
                self.post_message(Failed(info.error))
        self.post_message(Listed(store, infos, select, reviews))

    def on_failed(self, message: Failed) -> None:
        """One line, plain text."""
        self.fail(message.error)

    def on_listed(self, message: Listed) -> None:
        """Show the glossaries, and the terms of the one wanted."""
        store, infos, select = message.store, message.infos, message.select
        self.store, self.infos = store, infos
        options = self.query_one("#glossaries", OptionList)
        options.clear_options()
        for info in infos:
            mark = "writable" if info.writable else "read-only"
            mark = "cannot be read" if info.error else mark
            mark += f" · {counted(info.problems, 'bad row')}" if info.problems else ""
            mark += "" if info.exists else " · new"
            review = message.reviews.get(info.name)
            mark += f"\nreview: {review}" if review else ""
            content = Content(f"{info.name}\n{counted(info.terms, 'term')} · {mark}")
            content = content.stylize("bold", 0, len(info.name))
            options.add_option(Option(content, id=info.name))
        names = [i.name for i in infos]
        wanted = select if select in names else self.glossary.name if self.glossary else None
        if wanted not in names:
            wanted = store.writable_name if store.writable_name in names else None
        if names:
            index = names.index(wanted) if wanted else 0
            if options.highlighted == index:
                self.load_terms(names[index])
            else:
                options.highlighted = index

    @on(OptionList.OptionHighlighted, "#glossaries")
    def _glossary_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self.load_terms(event.option.id)

    @on(OptionList.OptionSelected, "#glossaries")
    def _glossary_selected(self) -> None:
        self.table.focus()

    def load_terms(self, name: str | None = None) -> None:
        """Show glossary ``name`` (read again from its file); without a name, filter and sort
        the shown glossary's terms again."""
        if name is not None:
            self.wanted = name
        elif self.wanted and (self.glossary is None or self.glossary.name != self.wanted):
            name = self.wanted  # a load is under way: the filter applies to it
        self._terms(name, self.glossary, self.query_text, self.sort, self.reverse)

    def refilter(self) -> None:
        """Filter and sort the shown terms again."""
        self.load_terms(None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="manager-terms")
    def _terms(
        self, name: str | None, glossary: Glossary | None, query: str, sort: int, reverse: bool
    ) -> None:
        """Load glossary ``name`` (else use ``glossary``), filter and sort its terms."""
        store = self.store
        try:
            if name is not None and store is not None:
                glossary = store.load(name)
            if glossary is None:
                return
            shown = tasks.shown_terms(glossary.terms, query, sort, reverse)
        except (ValueError, OSError) as error:
            self.post_message(Failed(one_line(error)))
            return
        if not get_current_worker().is_cancelled:  # a newer filter or glossary is coming
            self.post_message(TermsFound(glossary, shown))

    def on_terms_found(self, message: TermsFound) -> None:
        """Fill the table with the terms found, the cursor on the same term."""
        glossary, shown = message.glossary, message.shown
        keep, row = self.current(), self.table.cursor_row
        same_glossary = self.glossary is not None and self.glossary.name == glossary.name
        self.glossary, self.shown = glossary, shown[:MAX_ROWS]
        table = self.table
        table.clear()
        for term in self.shown:
            tags = " ".join(term.tags)
            cells = (term.zh, term.en, term.pinyin, term.status, tags)
            table.add_row(*(cell(c) for c in cells), key=term.id)
        ids = [t.id for t in self.shown]
        if keep is not None and keep.id in ids:
            table.move_cursor(row=ids.index(keep.id))
        elif ids and same_glossary:
            table.move_cursor(row=min(row, len(ids) - 1))  # the term after a deleted one
        order = "file order" if self.sort < 0 else f"sorted by {SORT_KEYS[self.sort]}"
        order += " (reversed)" if self.reverse else ""
        mark = "writable" if glossary.writable else "read-only"
        cut = f" (the first {MAX_ROWS} shown: filter to narrow)" if len(shown) > MAX_ROWS else ""
        total = counted(len(glossary.terms), "term")
        summary = f"{glossary.name} ({mark}): {len(shown)} of {total}{cut}"
        self.query_one("#summary", Label).update(Content(f"{summary}, {order}"))

    def change(self, do: Change, undo: Change | None = None, undo_label: str = "") -> None:
        """Run ``do`` on the store in a worker, after the changes asked for before it; ``undo``
        is an undo step at once (so ``u`` takes back the last change asked for), dropped if
        ``do`` fails."""
        step = None
        if undo is not None:

            def run_undo() -> None:
                self.change(undo)

            step = self.undo_list.push(undo_label, run_undo)
        self.changed = True  # now: closing before the worker ends still reloads the reader
        self._run_change(self.in_order.ticket(), do, step)

    @work(thread=True, exit_on_error=False, group="manager-change")
    def _run_change(self, ticket: int, do: Change, step: UndoStep | None) -> None:
        with self.in_order.turn(ticket):
            store = self.store
            try:
                if store is None:
                    raise ValueError("the glossaries are still loading")
                message = do(store)
            except tasks.NothingChanged as nothing:
                self.post_message(Changed(str(nothing), step, nothing=True))
                return
            except (ValueError, OSError) as error:
                self.post_message(Changed("", step, error=one_line(error)))
                return
            self.post_message(Changed(message, step))

    def on_changed(self, message: Changed) -> None:
        """Say what changed (the undo step goes when nothing did) and list the glossaries
        again."""
        if message.step is not None and (message.error or message.nothing):
            self.undo_list.drop(message.step)
        if message.error:
            self.fail(message.error)
            return
        if message.message:
            self.notify(message.message, markup=False)
        if not message.nothing:
            self.load_list(None)

    @work(thread=True, exit_on_error=False, group="manager-change")
    def close_after_changes(self, ticket: int) -> None:
        """Close once the changes asked for before ``ticket`` are written (the reader then
        reloads them)."""
        with self.in_order.turn(ticket):
            pass
        self.post_message(Written())

    def on_written(self, _message: Written) -> None:
        """Close (True if anything changed: the reader reloads)."""
        self.dismiss(self.changed)

    @work(thread=True, exit_on_error=False, group="manager-export")
    def export(self, name: str, choice: FileChoice) -> None:
        """Write the export file (nothing in the glossaries changes)."""
        if self.store is None:
            return
        try:
            message = tasks.export_glossary(self.store, name, choice.fmt, choice.path)
        except (ValueError, OSError) as error:
            self.post_message(Failed(one_line(error)))
            return
        self.post_message(Changed(message, nothing=True))
