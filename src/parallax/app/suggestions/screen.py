"""Suggested term pairs for the whole document: accept, edit or reject each.

The screen composes :class:`SuggestionTable` and the context of the pair under its cursor, and
keeps what the user chose in the plain :class:`Choices`. The list is computed in a worker
(:func:`tasks.suggest`; the screen paints at once, with a progress bar); rejections are saved
per document by :mod:`parallax.core.rejections` in workers that keep their order, so a reject
followed by an un-reject reaches the file in that order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, ProgressBar, Static
from textual.worker import get_current_worker

from parallax.app.dialogs.term import AddTermScreen
from parallax.app.model import one_line
from parallax.app.ordering import InOrder
from parallax.app.suggestions import tasks
from parallax.app.suggestions.choices import Choices, Pair, pair_of
from parallax.app.suggestions.context import context
from parallax.app.suggestions.messages import Progressed, Suggested, WriteFailed
from parallax.app.suggestions.table import SuggestionTable
from parallax.app.terms.draft import TermDraft, draft_from
from parallax.app.widgets.passage import PassageView
from parallax.core.document import Document

if TYPE_CHECKING:
    from parallax.core.align import Bead
    from parallax.core.suggest import Suggestion


class _Closed(Exception):
    """The screen was closed while the suggestions were computed."""


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
        self.choices = Choices()
        self._in_order = InOrder()  # rejection changes reach the file in the order made

    # ------------------------------------------------------------ composition
    def compose(self) -> ComposeResult:
        """Status, progress, the table, the highlighted suggestion's context, the keys."""
        with Vertical() as box:
            box.border_title = "Suggested term pairs"
            yield Static("finding term pairs…", id="suggest-status", markup=False)
            yield ProgressBar(total=100, show_eta=False, id="suggest-progress")
            yield SuggestionTable(id="suggest-table")
            with Vertical(id="suggest-context"):  # wrapped as the reader wraps
                yield PassageView(id="suggest-context-zh")
                yield PassageView(id="suggest-context-en")
        yield Footer()

    def on_mount(self) -> None:
        """Compute the suggestions after the first paint."""
        self.table.focus()
        self.call_after_refresh(self.compute)

    @property
    def table(self) -> SuggestionTable:
        """The suggestions table."""
        return self.query_one(SuggestionTable)

    @property
    def ready(self) -> bool:
        """The suggestions are computed and listed."""
        return self.choices.ready

    def current(self) -> Suggestion | None:
        """The suggestion under the cursor."""
        return self.table.current() if self.choices.ready else None

    # ---------------------------------------------------------------- workers
    @work(thread=True, exclusive=True, exit_on_error=False, group="suggest")
    def compute(self) -> None:
        """Load this document's rejections and rank the candidate pairs (:func:`tasks.suggest`),
        telling the progress on the way."""
        worker, shown = get_current_worker(), [-1]

        def progress(fraction: float) -> None:
            if worker.is_cancelled:
                raise _Closed
            percent = int(max(0.0, min(fraction, 1.0)) * 100)
            if percent != shown[0]:
                shown[0] = percent
                self.post_message(Progressed(percent))

        try:
            found, warning = tasks.suggest(self.doc, self.beads, self.glossary, progress)
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
        self.choices.arrived(message.found)
        self._refill()

    def _write(self, op: str, pair: Pair) -> None:
        """Save a rejection change in a worker, after the changes made before it."""
        self._write_in_order(self._in_order.ticket(), op, pair)

    @work(thread=True, exit_on_error=False, group="rejections")
    def _write_in_order(self, ticket: int, op: str, pair: Pair) -> None:
        with self._in_order.turn(ticket):
            try:
                tasks.write_rejection(self.doc, op, pair)
            except Exception as error:
                self.post_message(WriteFailed(op, pair, one_line(error)))

    def on_write_failed(self, message: WriteFailed) -> None:
        """A rejection change was not saved: say so (a pair rejected comes back)."""
        op, pair = message.op, message.pair
        self.notify(message.error, title=f"could not {op}", severity="error", markup=False)
        if self.choices.unsaved(op, pair):  # show it again: it was not saved
            self._refill()

    # ----------------------------------------------------------------- table
    def _refill(self, on: Pair | None = None) -> None:
        """List the suggestions again, the cursor on ``on`` or on the same suggestion."""
        choices = self.choices
        self.table.fill([(s, choices.mark(s)) for s in choices.listed()], on)
        self._status()
        self._show_context()

    def _status(self) -> None:
        if self.choices.ready:
            self.query_one("#suggest-status", Static).update(self.choices.summary())

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
            text = "no suggestion chosen" if self.choices.ready else "wait for the suggestions"
            self.notify(text, severity="warning", markup=False)
        return s

    def action_accept(self) -> None:
        """Save the highlighted pair to the writable glossary."""
        s = self._chosen()
        if s is None:
            return
        if pair_of(s) in self.choices.accepted:
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
        pair, accepted = pair_of(s), self.choices.accepted

        def saved(added: bool) -> None:  # the reader tells once the file is written (or not)
            if not added:
                accepted.discard(pair)
                self._mark(s)

        accepted.add(pair)  # at once: a second enter does not save it twice
        try:
            self.saver(draft, saved)
        except Exception as error:
            accepted.discard(pair)
            self.notify(one_line(error), title="not saved", severity="error", markup=False)
            return
        self._mark(s)
        self.table.next_row()

    def _mark(self, s: Suggestion) -> None:
        if self.is_mounted:
            self.table.mark(s, self.choices.mark(s))
        self._status()

    def action_reject(self) -> None:
        """Hide the highlighted pair and remember it as rejected for this document."""
        s = self._chosen()
        if s is None:
            return
        self.choices.reject(pair_of(s))
        self._write("reject", pair_of(s))
        self._refill()
        self.notify(f"rejected {s.zh} ↔ {s.en} (u brings it back)", timeout=3, markup=False)

    def action_unreject(self) -> None:
        """Bring back the last pair rejected on this screen."""
        pair = self.choices.unreject()
        if pair is None:
            self.notify("nothing rejected here", severity="warning", markup=False)
            return
        self._write("unreject", pair)
        self._refill(on=pair)
        self.notify(f"{pair[0]} ↔ {pair[1]} is back", timeout=3, markup=False)

    def action_toggle_known(self) -> None:
        """Show or hide the pairs already in a glossary."""
        shown = self.choices.toggle_known()
        self._refill()
        self.notify(f"known pairs {'shown' if shown else 'hidden'}", markup=False)

    def action_close(self) -> None:
        """Back to the reader."""
        self.dismiss(None)
