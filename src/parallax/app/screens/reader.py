"""The reader screen: its layout, the background steps arriving, moving and the display toggles.

Look-ups and search are in :mod:`.reader_lookup`, the alignment and its fixer in
:mod:`.reader_fixer`, the workers and shared state in :mod:`.reader_tasks`.
"""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Footer, Header

from parallax.app import loaders
from parallax.app.bindings import READER_BINDINGS
from parallax.app.highlight import Highlighter
from parallax.app.messages import DictionaryReady, GlossaryLoaded, StepFailed, WordsReady
from parallax.app.model import titles
from parallax.app.navigation import WordEnd, mark_for
from parallax.app.ordering import InOrder
from parallax.app.screens.reader_fixer import AlignmentActions
from parallax.app.screens.reader_lookup import LookupActions
from parallax.app.screens.reader_terms import Pending, TermActions
from parallax.app.search import Hit
from parallax.app.undo import UndoList, UndoStep
from parallax.app.widgets.lookup import LookupPanel
from parallax.app.widgets.parallel import ParallelView
from parallax.app.widgets.search_bar import SearchBar
from parallax.app.widgets.status import StatusLine
from parallax.core import notices
from parallax.core.document import Document

ROMANISATIONS = (None, "pinyin", "jyutping")


class ReaderScreen(TermActions, LookupActions, AlignmentActions):
    """Aligned Chinese and English side by side, glossary terms lit on both sides."""

    BINDINGS: ClassVar[list[BindingType]] = [*READER_BINDINGS]
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
        self.doc = doc
        self.fresh = fresh
        self.first = loaders.first_rows(doc, fresh=fresh)
        self.glossary_names = glossaries
        self.glossary_dir = glossary_dir
        self.glossary: loaders.GlossaryState | None = None
        self.word_end: WordEnd | None = None
        self.aligned = False
        self.script_target: str | None = None  # "simplified"/"traditional" while converted
        self.romanisation: str | None = None
        self.hits: list[Hit] = []
        self.words_ready = False
        self.word_spans = {}
        self.undo_list = UndoList()
        self.realign_step: UndoStep | None = None
        self.pending: Pending | None = None
        self.waiting: list[Pending] = []
        self.in_order = InOrder()

    # ------------------------------------------------------------ composition
    def compose(self) -> ComposeResult:
        """Header, the parallel view, the search bar, the look-up panel, status and footer."""
        yield Header(icon="⇆")
        yield ParallelView(self.first.rows, id="parallel")
        with Vertical(id="bottom"):
            yield LookupPanel(id="lookup")
            yield SearchBar(id="search")
            yield StatusLine(id="status")
            yield Footer()

    def on_mount(self) -> None:
        """Show the document at once; load the glossary, alignment and dictionary afterwards."""
        self.title, self.sub_title = titles(self.doc.meta)
        self.view.focus()
        for step, text in (
            ("glossary", "glossary"),
            ("align", "aligning"),
            ("words", "words"),
            ("dictionary", "dictionary"),
        ):
            self.status.start(step, text)
        if self.first.problem:
            self.notify(self.first.problem, title="alignment", severity="warning", markup=False)
        self.call_after_refresh(self.prepare)

    # -------------------------------------------------------------- messages
    def on_glossary_loaded(self, message: GlossaryLoaded) -> None:
        """Highlight the glossary's terms."""
        state = message.state
        self.glossary = state
        self.view.set_highlighter(Highlighter(state.terms, state.matcher))
        self._refresh_selection()
        problems = f", {state.problems} bad rows" if state.problems else ""
        for notice in notices.take():  # a glossary that cannot be read, a file set aside
            self.notify(notice, title="glossary", severity="warning", markup=False)
        self.status.done(
            "glossary", f"{len(state.terms)} terms ({', '.join(state.names)}){problems}"
        )

    def _refresh_selection(self) -> None:
        """After the glossary changed: the selection's terms afresh, shown in the panel (a term
        just saved shows its entry), unless a proposal is waiting."""
        sel = self.view.selection
        if sel is None or (self.pending is not None and self.pending.selection == sel):
            return
        mark = mark_for(self.view.marks(sel.row), sel)
        ids = mark.term_ids if mark is not None else ()
        if ids != sel.term_ids:
            self.view.select(replace(sel, term_ids=ids))
            if self.lookup.display:
                self._show_lookup(self.view.selection or sel)

    def on_words_ready(self, _message: WordsReady) -> None:
        """Move by jieba's words from now on."""
        self.words_ready = True
        self.word_spans.clear()
        self.status.done("words", "jieba")

    def on_dictionary_ready(self, _message: DictionaryReady) -> None:
        """Look words up in CC-CEDICT from now on."""
        self.word_end = loaders.word_end
        self.status.done("dictionary", "CC-CEDICT")
        # The dictionary and the document stay for the whole session: keep them out of the
        # garbage collector's scans, and scan less often (the view's caches churn), which
        # otherwise pause scrolling for 20-150 ms.
        gc.freeze()
        gc.set_threshold(10_000, 10, 10)

    def on_step_failed(self, message: StepFailed) -> None:
        """Say what failed; the reader keeps working without it."""
        self.status.done(message.step, f"{message.step}: {message.error}")
        self.notify(message.error, title=message.step, severity="warning", markup=False)

    def on_parallel_view_cursor_moved(self, _message: ParallelView.CursorMoved) -> None:
        """Follow the cursor with the romanisation line."""
        if self.romanisation:
            self._update_note()

    def _update_note(self) -> None:
        view = self.view
        if not view.rows:
            return
        self.compute_note(view.cursor, view.zh_shown[view.cursor], self.romanisation)

    # ---------------------------------------------------------------- actions
    def action_cursor(self, step: int) -> None:
        """Move the cursor one row."""
        self.view.move_cursor(self.view.cursor + step)
        self.lookup.hide()

    def action_page(self, step: int) -> None:
        """Move the cursor one page."""
        self.view.page(step)
        self.lookup.hide()

    def action_first(self) -> None:
        """Go to the first row."""
        self.view.move_cursor(0)

    def action_last(self) -> None:
        """Go to the last row."""
        self.view.move_cursor(len(self.view.rows) - 1)

    def action_swap(self) -> None:
        """Swap the Chinese and English columns."""
        self.view.set_swapped(not self.view.swapped)

    def action_script(self) -> None:
        """Toggle the Chinese between its own script and the other (Traditional ↔ Simplified)."""
        from parallax.app.script import other_script

        if self.script_target is None:
            sample = "".join(r.zh_text for r in self.view.rows[:20])[:3000]
            self.script_target = other_script(sample)
        else:
            self.script_target = None
        self.view.set_zh_shown(self._zh_shown(self.view.rows))
        self.view.set_hits({})  # their offsets were in the other script
        self.hits = []
        self.notify(f"Chinese shown {self.script_target or 'as written'}", timeout=2, markup=False)
        if self.romanisation:
            self._update_note()

    def action_romanise(self) -> None:
        """Cycle the line under the cursor row's Chinese: pinyin, Jyutping, none."""
        index = ROMANISATIONS.index(self.romanisation)
        self.romanisation = ROMANISATIONS[(index + 1) % len(ROMANISATIONS)]
        self._update_note()

    def action_sentences(self) -> None:
        """Open the sentence view of the cursor row."""
        from parallax.app.screens.sentences import SentenceScreen

        row = self.view.rows[self.view.cursor] if self.view.rows else None
        if row is None or not (row.zh_text and row.en_text):
            self.notify(
                "this row has no pair to split into sentences", severity="warning", markup=False
            )
            return
        pairs = loaders.glossary_pairs(self.glossary.terms) if self.glossary else []
        self.app.push_screen(
            SentenceScreen(
                row.zh_text,
                row.en_text,
                pairs,
                script=self.script_target,
                toggle_script=self._toggle_script,
            )
        )

    def _toggle_script(self) -> str | None:
        self.action_script()
        return self.script_target

    def action_help(self) -> None:
        """Show or hide the keys panel (parallax's keys, grouped)."""
        from parallax.app.widgets.keys import KeysPanel

        panels = self.query(KeysPanel)
        if panels:
            panels.remove()
        else:
            self.mount(KeysPanel(id="keys-panel"))
