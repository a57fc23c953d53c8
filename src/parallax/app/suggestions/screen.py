"""Suggested term pairs for the whole document: accept, edit or reject each.

The list is computed in a worker (the screen paints at once, with a progress bar); rejections
are saved per document by :mod:`parallax.core.rejections` in workers that keep their order,
so a reject followed by an un-reject reaches the file in that order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.coordinate import Coordinate
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, ProgressBar, Static
from textual.worker import get_current_worker

from parallax.app.dialogs.term import AddTermScreen
from parallax.app.model import one_line
from parallax.app.ordering import InOrder
from parallax.app.suggestions.context import context
from parallax.app.terms.draft import TermDraft, draft_from
from parallax.app.widgets.passage import PassageView
from parallax.core.document import Document

if TYPE_CHECKING:
    from parallax.core.align import Bead
    from parallax.core.suggest import Suggestion

Pair = tuple[str, str]
COLUMNS = (("", "mark"), ("Chinese", "zh"), ("English", "en"), ("count", "count"), ("why", "why"))


_RESULTS: dict[tuple[object, ...], list[Suggestion]] = {}
"""The last list computed (the document, its rows, the glossary and the rejections as key)."""


class _Closed(Exception):
    """The screen was closed while the suggestions were computed."""


@dataclass
class Progressed(Message):
    """The suggestions are ``percent`` computed."""

    percent: int


@dataclass
class Suggested(Message):
    """The suggestions, best first (``error``: computing them failed; ``warning``: a damaged
    rejections file was skipped)."""

    found: list[Suggestion]
    error: str = ""
    warning: str = ""


@dataclass
class WriteFailed(Message):
    """A rejection change (``op`` of ``pair``) could not be saved."""

    op: str
    pair: Pair
    error: str


class SuggestionsScreen(ModalScreen[None]):
    """Candidate term pairs of the document, best first; the reader saves the accepted ones."""

    DEFAULT_CSS = """
    SuggestionsScreen { align: center middle; }
    SuggestionsScreen > Vertical {
        width: 95%; height: 95%; border: thick $primary; background: $surface;
    }
    SuggestionsScreen #suggest-status { height: 1; padding: 0 1; color: $text-muted; }
    SuggestionsScreen ProgressBar { padding: 0 1; }
    SuggestionsScreen DataTable { height: 1fr; }
    SuggestionsScreen #suggest-context {
        height: auto; max-height: 6; padding: 0 1; border-top: solid $primary-darken-2;
    }
    SuggestionsScreen #suggest-context > PassageView { width: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,a", "accept", "Accept", priority=True, id="suggest-accept"),
        Binding("e", "edit", "Edit", id="suggest-edit"),
        Binding("x,delete", "reject", "Reject", id="suggest-reject"),
        Binding("u", "unreject", "Un-reject", id="suggest-unreject"),
        Binding("k", "toggle_known", "Known", id="suggest-known"),
        Binding("escape,q", "close", "Close", id="suggest-close"),
    ]

    def __init__(
        self,
        doc: Document,
        beads: Sequence[Bead],
        glossary: Sequence[Pair],
        save: Callable[[TermDraft, Callable[[bool], None]], None],
    ) -> None:
        """``glossary``: the (zh, en) pairs in use; ``save(draft, done)`` saves a draft (the
        reader's saver, which also highlights the term and pushes an undo step) and calls
        ``done(added)`` on the UI thread once the glossary file is written (or not)."""
        super().__init__()
        self.doc, self.beads, self.glossary, self.saver = doc, list(beads), list(glossary), save
        self.suggestions: list[Suggestion] = []
        self._by_key: dict[str, Suggestion] = {}
        self.ready = False
        self.show_known = True
        self.accepted: set[Pair] = set()
        self.rejected: set[Pair] = set()  # rejected on this screen (hidden)
        self.rejected_order: list[Pair] = []  # newest last, for un-reject
        self._in_order = InOrder()  # rejection changes reach the file in the order made

    # ------------------------------------------------------------ composition
    def compose(self) -> ComposeResult:
        """Status, progress, the table, the highlighted suggestion's context, the keys."""
        with Vertical() as box:
            box.border_title = "Suggested term pairs"
            yield Static("finding term pairs…", id="suggest-status", markup=False)
            yield ProgressBar(total=100, show_eta=False, id="suggest-progress")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="suggest-table")
            with Vertical(id="suggest-context"):  # wrapped as the reader wraps
                yield PassageView(id="suggest-context-zh")
                yield PassageView(id="suggest-context-en")
        yield Footer()

    def on_mount(self) -> None:
        """Set up the columns and compute the suggestions after the first paint."""
        table = self.table
        for label, key in COLUMNS:
            table.add_column(label, key=key)
        table.focus()
        self.call_after_refresh(self.compute)

    @property
    def table(self) -> DataTable[object]:
        """The suggestions table."""
        return self.query_one("#suggest-table", DataTable)

    # ---------------------------------------------------------------- workers
    @work(thread=True, exclusive=True, exit_on_error=False, group="suggest")
    def compute(self) -> None:
        """Load this document's rejections and rank the candidate pairs."""
        worker, shown = get_current_worker(), [-1]

        def progress(fraction: float) -> None:
            if worker.is_cancelled:
                raise _Closed
            percent = int(max(0.0, min(fraction, 1.0)) * 100)
            if percent != shown[0]:
                shown[0] = percent
                self.post_message(Progressed(percent))

        try:
            from parallax.core import notices
            from parallax.core.alignment_store import document_key
            from parallax.core.rejections import load_rejections
            from parallax.core.suggest import suggest_terms

            warning = ""
            try:
                rejected = load_rejections(self.doc)
            except ValueError as error:  # an unreadable file: say so, suggest all the same
                rejected, warning = set(), one_line(error)
            told = notices.take()  # a damaged file set aside
            warning = "; ".join([warning, *told] if warning else told)
            key = (
                document_key(self.doc.zh_texts, self.doc.en_texts),
                tuple((b.zh, b.en) for b in self.beads),
                tuple(self.glossary),
                frozenset(rejected),
            )
            found = _RESULTS.get(key)
            if found is None:
                found = suggest_terms(
                    self.doc,
                    self.beads,
                    glossary=self.glossary,
                    rejected=rejected,
                    progress=progress,
                )
                _RESULTS.clear()  # one document's list kept: opening S again is instant
                _RESULTS[key] = found
        except _Closed:
            return
        except Exception as error:  # one line for the user, no traceback
            if not worker.is_cancelled:
                self.post_message(Suggested([], one_line(error)))
            return
        if not worker.is_cancelled:
            self.post_message(Suggested(found, warning=warning))

    def on_progressed(self, message: Progressed) -> None:
        """Move the progress bar."""
        self.query_one(ProgressBar).update(progress=message.percent)

    def on_suggested(self, message: Suggested) -> None:
        """Show the suggestions (or say why there are none)."""
        if message.warning:
            self.notify(message.warning, severity="warning", markup=False)
        self.query_one(ProgressBar).display = False
        if message.error:
            self.query_one("#suggest-status", Static).update(f"no suggestions: {message.error}")
            self.notify(message.error, title="suggestions", severity="error", markup=False)
            return
        found = message.found
        self.suggestions, self.ready = list(found), True
        self._by_key = {f"{s.zh}\t{s.en}": s for s in found}
        self._refill()

    def _write(self, op: str, pair: Pair) -> None:
        """Save a rejection change in a worker, after the changes made before it."""
        self._write_in_order(self._in_order.ticket(), op, pair)

    @work(thread=True, exit_on_error=False, group="rejections")
    def _write_in_order(self, ticket: int, op: str, pair: Pair) -> None:
        from parallax.core import rejections

        zh, en = pair
        with self._in_order.turn(ticket):
            try:
                (rejections.reject if op == "reject" else rejections.unreject)(self.doc, zh, en)
            except Exception as error:
                self.post_message(WriteFailed(op, (zh, en), one_line(error)))

    def on_write_failed(self, message: WriteFailed) -> None:
        """A rejection change was not saved: say so (a pair rejected comes back)."""
        op, pair = message.op, message.pair
        self.notify(message.error, title=f"could not {op}", severity="error", markup=False)
        if op == "reject" and pair in self.rejected:  # show it again: it was not saved
            self.rejected.discard(pair)
            self.rejected_order.remove(pair)
            self._refill()

    # ----------------------------------------------------------------- table
    def listed(self) -> list[Suggestion]:
        """The suggestions in the table: not rejected here, known ones when shown."""
        return [
            s
            for s in self.suggestions
            if (s.zh, s.en) not in self.rejected and (self.show_known or not s.known)
        ]

    def _refill(self, on: Pair | None = None) -> None:
        """Rebuild the rows, the cursor on ``on`` or on the same suggestion (or where it was)."""
        table = self.table
        current, row = self.current(), table.cursor_row
        on = on or ((current.zh, current.en) if current else None)
        table.clear()
        rows = self.listed()
        for s in rows:
            table.add_row(*self._cells(s), key=f"{s.zh}\t{s.en}")
        keys = [(s.zh, s.en) for s in rows]
        if on in keys:
            row = keys.index(on)
        if rows:
            table.move_cursor(row=max(0, min(row, len(rows) - 1)), animate=False)
        self._status()
        self._show_context()

    def _cells(self, s: Suggestion) -> tuple[Text, Text, Text, Text, Text]:
        mark = "+ added" if (s.zh, s.en) in self.accepted else "✓ known" if s.known else ""
        return (
            Text(mark, style="green" if mark.startswith("+") else "dim"),
            Text(s.zh),
            Text(s.en),
            Text(str(s.count), justify="right"),
            Text(", ".join(s.reasons), style="dim"),
        )

    def _status(self) -> None:
        if not self.ready:
            return
        known = sum(s.known for s in self.suggestions if (s.zh, s.en) not in self.rejected)
        parts = (
            f"{len(self.listed())} suggestions",
            f"{known} known{'' if self.show_known else ' (hidden)'}" if known else "",
            f"{len(self.accepted)} added" if self.accepted else "",
            f"{len(self.rejected)} rejected" if self.rejected else "",
        )
        self.query_one("#suggest-status", Static).update(" · ".join(p for p in parts if p))

    def current(self) -> Suggestion | None:
        """The suggestion under the cursor."""
        table = self.table
        if not self.ready or not 0 <= table.cursor_row < table.row_count:
            return None
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value
        return self._by_key.get(key or "")

    def _show_context(self) -> None:
        s = self.current()
        zh, en = context(s) if s else (Content(""), Content(""))
        self.query_one("#suggest-context-zh", PassageView).update(zh)
        self.query_one("#suggest-context-en", PassageView).update(en)

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        """Show the highlighted suggestion in its context."""
        self._show_context()

    # ---------------------------------------------------------------- actions
    def _chosen(self) -> Suggestion | None:
        s = self.current()
        if s is None:
            text = "no suggestion chosen" if self.ready else "wait for the suggestions"
            self.notify(text, severity="warning", markup=False)
        return s

    def action_accept(self) -> None:
        """Save the highlighted pair to the writable glossary."""
        s = self._chosen()
        if s is None:
            return
        if (s.zh, s.en) in self.accepted:
            self.notify(f"{s.zh} is already added", severity="warning", markup=False)
            return
        self._save(s, draft_from(self.doc, s.zh, s.en, s.context_zh, s.context_en))

    def action_edit(self) -> None:
        """Edit the highlighted pair in the add-term dialog, then save it."""
        s = self._chosen()
        if s is None:
            return
        draft = draft_from(self.doc, s.zh, s.en, s.context_zh, s.context_en)

        def done(result: TermDraft | None) -> None:
            if result is not None:
                self._save(s, result)

        self.app.push_screen(AddTermScreen(draft), callback=done)

    def _save(self, s: Suggestion, draft: TermDraft) -> None:
        pair = (s.zh, s.en)

        def saved(added: bool) -> None:  # the reader tells once the file is written (or not)
            if not added:
                self.accepted.discard(pair)
                self._mark(s)

        self.accepted.add(pair)  # at once: a second enter does not save it twice
        try:
            self.saver(draft, saved)
        except Exception as error:
            self.accepted.discard(pair)
            self.notify(one_line(error), title="not saved", severity="error", markup=False)
            return
        self._mark(s)
        if self.table.cursor_row < self.table.row_count - 1:
            self.table.move_cursor(row=self.table.cursor_row + 1, animate=False)

    def _mark(self, s: Suggestion) -> None:
        if self.is_mounted and f"{s.zh}\t{s.en}" in self.table.rows:
            self.table.update_cell(f"{s.zh}\t{s.en}", "mark", self._cells(s)[0])
        self._status()

    def action_reject(self) -> None:
        """Hide the highlighted pair and remember it as rejected for this document."""
        s = self._chosen()
        if s is None:
            return
        pair = (s.zh, s.en)
        self.rejected.add(pair)
        self.rejected_order.append(pair)
        self._write("reject", pair)
        self._refill()
        self.notify(f"rejected {s.zh} ↔ {s.en} (u brings it back)", timeout=3, markup=False)

    def action_unreject(self) -> None:
        """Bring back the last pair rejected on this screen."""
        if not self.rejected_order:
            self.notify("nothing rejected here", severity="warning", markup=False)
            return
        pair = self.rejected_order.pop()
        self.rejected.discard(pair)
        self._write("unreject", pair)
        self._refill(on=pair)
        self.notify(f"{pair[0]} ↔ {pair[1]} is back", timeout=3, markup=False)

    def action_toggle_known(self) -> None:
        """Show or hide the pairs already in a glossary."""
        self.show_known = not self.show_known
        self._refill()
        self.notify(f"known pairs {'shown' if self.show_known else 'hidden'}", markup=False)

    def action_close(self) -> None:
        """Back to the reader."""
        self.dismiss(None)
