"""The reader screen: it composes the parallel view, the look-up panel, the search bar and the
status line, runs the first background steps, and wires the parts together.

The parts: :class:`ParallelView` moves, selects and searches (its own keys, ``keys.VIEW``)
and posts messages; :class:`TermDesk` proposes, saves, edits and deletes terms through the
plain :class:`TermChanges` (proposals, in-order saves, undo); :class:`AlignmentDesk` shows the
alignment and fixes it through the plain :class:`AlignmentFixer`. The screen's keys
(``keys.READER``) call them, toggle the display and open the other screens. Every worker calls
one plain function and posts one message (:func:`parallax.app.workers.run_step`).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header

from parallax.app import keys, loaders
from parallax.app.messages import (
    Aligned,
    DictionaryReady,
    GlossaryLoaded,
    Proposed,
    ReadingsReady,
    Realigned,
    StepFailed,
    TermChanged,
    WordsReady,
)
from parallax.app.model import titles
from parallax.app.reader import tasks
from parallax.app.reader.alignment import AlignmentDesk
from parallax.app.reader.doors import Doors
from parallax.app.reader.readings import ReadingLine
from parallax.app.reader.search import SearchDesk
from parallax.app.reader.steps import OpeningSteps
from parallax.app.reader.terms import TermDesk
from parallax.app.terms.changes import Job, TermChanges
from parallax.app.undo import UndoList
from parallax.app.widgets.lookup import LookupPanel
from parallax.app.widgets.parallel import ParallelView
from parallax.app.widgets.search_bar import SearchBar
from parallax.app.widgets.status import StatusLine
from parallax.app.workers import run_step
from parallax.core.document import Document


class ReaderScreen(Screen[None]):
    """Aligned Chinese and English side by side, glossary terms lit on both sides."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys.bindings(keys.READER)]
    DEFAULT_CSS = """
    ReaderScreen #bottom { dock: bottom; height: auto; }
    ReaderScreen #bottom > * { dock: none; }
    """

    def __init__(
        self,
        doc: Document,
        *,
        glossaries: tuple[str, ...] = (),
        glossary_dir: Path | None = None,
        fresh: bool = False,
    ) -> None:
        """``fresh``: ignore the saved hand-fixed alignment this session (it is kept)."""
        super().__init__()
        self.doc, self.fresh = doc, fresh
        self.first = loaders.first_rows(doc, fresh=fresh)
        self.glossary_names, self.glossary_dir = glossaries, glossary_dir
        self.glossary: loaders.GlossaryState | None = None
        self.undo_list = UndoList()  # term changes and alignment fixes alike
        self.changes = TermChanges(
            open_store=partial(loaders.open_store, glossary_dir),
            reload=partial(tasks.reload_glossaries, glossary_dir, glossaries),
            run=self._change,
            undo=self.undo_list,
        )

    # ------------------------------------------------------------ composition
    def compose(self) -> ComposeResult:
        """Header, the parallel view, the look-up panel, the search bar, status and footer."""
        yield Header(icon="⇆")
        yield ParallelView(self.first.rows, id="parallel")
        with Vertical(id="bottom"):
            yield LookupPanel(id="lookup")
            yield SearchBar(id="search")
            yield StatusLine(id="status")
            yield Footer()

    @property
    def view(self) -> ParallelView:
        """The parallel view."""
        return self.query_one(ParallelView)

    @property
    def status(self) -> StatusLine:
        """The status line."""
        return self.query_one(StatusLine)

    @property
    def lookup(self) -> LookupPanel:
        """The look-up panel."""
        return self.query_one(LookupPanel)

    def on_mount(self) -> None:
        """Show the document at once; load the glossary, alignment and dictionary afterwards."""
        self.title, self.sub_title = titles(self.doc.meta)
        view = self.view
        self.terms = TermDesk(
            self,
            doc=self.doc,
            view=view,
            lookup=self.lookup,
            changes=self.changes,
            glossary=lambda: self.glossary,
            writable=self._writable_name,
        )
        self.alignment = AlignmentDesk(
            self,
            doc=self.doc,
            view=view,
            status=self.status,
            undo=self.undo_list,
            pairs=self._pairs,
        )
        self.readings = ReadingLine(self, view)
        bar = self.query_one(SearchBar)
        self.finder = SearchDesk(self, view=view, bar=bar, status=self.status)
        self.doors = Doors(
            self,
            doc=self.doc,
            view=view,
            changes=self.changes,
            pairs=self._pairs,
            aligned=self.alignment.ready,
            save=self.terms.save,
            reload=self.reload_glossary,
            glossary_dir=self.glossary_dir,
        )
        self.steps = OpeningSteps(self, view=view, status=self.status)
        view.focus()
        self.steps.start(self.first.problem)
        self.call_after_refresh(self.prepare)

    def _pairs(self) -> list[tuple[str, str]]:
        """The glossary's (zh, en) pairs (the aligner's anchors)."""
        return loaders.glossary_pairs(self.glossary.terms) if self.glossary else []

    def _writable_name(self) -> str:
        if self.glossary is not None:
            return self.glossary.writable
        return loaders.open_store(self.glossary_dir).places.writable_name

    # ---------------------------------------------------------------- workers
    @work(thread=True, exclusive=True, exit_on_error=False, group="prepare")
    def prepare(self) -> None:
        """Load the glossaries, align the document, load jieba (the word cursor), then
        CC-CEDICT, in this order; each step posts its result or :class:`StepFailed`."""
        directory, names = self.glossary_dir, self.glossary_names
        tasks.prepare(self.doc, self.first, directory, names, self.fresh, self.post_message)

    def reload_glossary(self) -> None:
        """Reload the glossaries (after the manager changed them)."""
        reload = partial(tasks.reload_glossaries, self.glossary_dir, self.glossary_names)
        run_step(self, lambda: GlossaryLoaded(reload()), step="glossary")

    def _change(self, job: Job) -> None:
        """Run a glossary change of :attr:`changes` (in its turn, in a worker)."""
        run_step(self, lambda: TermChanged(job()), step="save", exclusive=False)

    # -------------------------------------------------------- background steps
    def on_glossary_loaded(self, message: GlossaryLoaded) -> None:
        """Highlight the glossary's terms (see :meth:`TermDesk.glossary_loaded`); say what
        was loaded."""
        state = self.glossary = message.state
        self.terms.glossary_loaded(state)
        self.steps.glossary(state)

    def on_aligned(self, message: Aligned) -> None:
        """The rows aligned (see :meth:`AlignmentDesk.arrived`)."""
        self.alignment.arrived(message)

    def on_realigned(self, message: Realigned) -> None:
        """The unconfirmed rows aligned afresh (see :meth:`AlignmentDesk.realigned`)."""
        self.alignment.realigned(message)

    def on_words_ready(self, _message: WordsReady) -> None:
        """Move by jieba's words from now on."""
        self.steps.words()

    def on_dictionary_ready(self, _message: DictionaryReady) -> None:
        """Look words up in CC-CEDICT from now on."""
        self.steps.dictionary()

    def on_readings_ready(self, message: ReadingsReady) -> None:
        """Show the readings above the cursor row's Chinese (see :meth:`ReadingLine.arrived`)."""
        self.readings.arrived(message)

    def on_step_failed(self, message: StepFailed) -> None:
        """Say what failed; the reader keeps working without it."""
        if message.step == "re-align":
            self.alignment.realign_failed(message.error)
        else:
            self.steps.failed(message)

    def on_proposed(self, message: Proposed) -> None:
        """Translations were proposed for a selection (see :meth:`TermDesk.proposed`)."""
        self.terms.proposed(message)

    def on_term_changed(self, message: TermChanged) -> None:
        """A glossary change is written (see :meth:`TermDesk.changed`)."""
        self.terms.changed(message)

    # ---------------------------------------------------------------- the view
    def on_parallel_view_cursor_moved(self, _message: ParallelView.CursorMoved) -> None:
        """The look-up was about the old row; the readings follow the cursor."""
        self.lookup.hide()
        self.readings.follow()

    def on_parallel_view_selected(self, message: ParallelView.Selected) -> None:
        """Look the selection up (a proposal for another selection is dropped)."""
        self.changes.forget(message.selection)
        if message.lookup is None:
            self.lookup.hide()
        else:
            self.terms.look_up(message.lookup)

    def on_parallel_view_cleared(self, _message: ParallelView.Cleared) -> None:
        """Escape: the look-up, the proposal, the search and the terms waiting go."""
        self.changes.forget()
        cancelled = self.changes.cancel_waiting()
        if cancelled:
            self.notify(f"not saved: {', '.join(p.text for p in cancelled)}", markup=False)
        self.lookup.hide()
        self.finder.forget()

    @on(SearchBar.Query)
    def run_search(self, message: SearchBar.Query) -> None:
        """Search both languages (see :meth:`SearchDesk.run`)."""
        self.finder.run(message.value)

    def on_parallel_view_searched(self, message: ParallelView.Searched) -> None:
        """Say how many matches there are (see :meth:`SearchDesk.searched`)."""
        self.finder.searched(message)

    # ------------------------------------------------------------------ keys
    def action_propose(self) -> None:
        """Propose a translation of the selection from the aligned text (again: the next one)."""
        self.terms.propose()

    def action_quick_add(self) -> None:
        """Save the selection with its proposed translation (proposing it first if needed)."""
        self.terms.quick_add()

    def action_add_term(self) -> None:
        """Open the term dialog on the selection and its proposed translation."""
        self.terms.add_term()

    def action_edit_term(self) -> None:
        """Edit the selected term of the writable glossary in the dialog."""
        self.terms.edit()

    def action_delete_term(self) -> None:
        """Delete the selected term from the writable glossary (u brings it back)."""
        self.terms.delete()

    def action_undo(self) -> None:
        """Undo the last change: a term saved, edited or deleted, or an alignment fix."""
        if self.alignment.ready():
            self.undo_list.undo_last(partial(self.notify, timeout=3, markup=False))

    def action_fix(self, operation: str) -> None:
        """Fix the alignment at the cursor row (see :meth:`AlignmentDesk.fix`)."""
        self.alignment.fix(operation)

    def action_realign(self) -> None:
        """Forget the hand-fixed alignment of this document and align it afresh."""
        self.alignment.realign()

    def action_realign_unconfirmed(self) -> None:
        """Align afresh the rows not confirmed, between the confirmed ones (kept)."""
        self.alignment.realign_unconfirmed()

    # ---------------------------------------------------------------- display
    def on_parallel_view_script_changed(self, _message: ParallelView.ScriptChanged) -> None:
        """The readings follow the Chinese shown."""
        self.readings.follow()

    def action_romanise(self) -> None:
        """Cycle the readings over the cursor row's Chinese: pinyin, Jyutping, none."""
        self.readings.cycle()

    def action_search(self) -> None:
        """Open the search bar."""
        self.finder.open()

    def action_help(self) -> None:
        """Show or hide the keys panel (parallax's keys, grouped)."""
        from parallax.app.widgets.keys_panel import KeysPanel

        panels = self.query(KeysPanel)
        if panels:
            panels.remove()
            self.view.focus()
        else:
            panel = KeysPanel(id="keys-panel")
            self.mount(panel)
            panel.focus()

    # ---------------------------------------------------------- other screens
    def action_sentences(self) -> None:
        """Open the sentence view of the cursor row."""
        self.doors.sentences()

    def action_suggestions(self) -> None:
        """Open the suggested term pairs of the whole document."""
        self.doors.suggestions()

    def action_review(self) -> None:
        """Review the writable glossary's terms (once the changes asked for are saved)."""
        self.doors.review()

    def action_manager(self) -> None:
        """Open the glossary manager; reload the glossaries when something changed there."""
        self.doors.manager()
