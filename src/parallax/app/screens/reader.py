"""The reader screen: the parallel view, the look-up panel, search, and the background loading."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Footer, Header

from parallax.app import loaders
from parallax.app.bindings import READER_BINDINGS
from parallax.app.highlight import Highlighter
from parallax.app.messages import Aligned, DictionaryReady, GlossaryLoaded, Searched, StepFailed
from parallax.app.model import (
    Lang,
    Row,
    Selection,
    row_of_paragraph,
    rows_from_beads,
    titles,
)
from parallax.app.navigation import WordEnd, next_term, span_at, step_char
from parallax.app.screens.reader_tasks import ReaderTasks
from parallax.app.search import Hit
from parallax.app.widgets.lookup import LookupPanel
from parallax.app.widgets.parallel import ParallelView
from parallax.app.widgets.search_bar import SearchBar
from parallax.app.widgets.status import StatusLine
from parallax.core.document import Document

ROMANISATIONS = (None, "pinyin", "jyutping")


class ReaderScreen(ReaderTasks):
    """Aligned Chinese and English side by side, glossary terms lit on both sides."""

    BINDINGS: ClassVar[list[BindingType]] = [*READER_BINDINGS]
    DEFAULT_CSS = """
    ReaderScreen #bottom { dock: bottom; height: auto; }
    ReaderScreen #bottom > * { dock: none; }
    """

    def __init__(
        self, doc: Document, *, glossaries: tuple[str, ...] = (), glossary_dir: Path | None = None
    ) -> None:
        super().__init__()
        self.doc = doc
        self.first = loaders.first_rows(doc)
        self.glossary_names = glossaries
        self.glossary_dir = glossary_dir
        self.glossary: loaders.GlossaryState | None = None
        self.word_end: WordEnd | None = None
        self.aligned = False
        self.script_target: str | None = None  # "simplified"/"traditional" while converted
        self.romanisation: str | None = None
        self.hits: list[Hit] = []

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
        self.view.focus()
        for step, text in (
            ("glossary", "glossary"),
            ("align", "aligning"),
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
        problems = f", {state.problems} bad rows" if state.problems else ""
        self.status.done(
            "glossary", f"{len(state.terms)} terms ({', '.join(state.names)}){problems}"
        )

    def on_aligned(self, message: Aligned) -> None:
        """Show the aligned rows, keeping the cursor on the same Chinese paragraph."""
        view = self.view
        current = view.rows[view.cursor] if view.rows else None
        self.aligned = True
        if [(r.zh, r.en, r.low) for r in message.rows] == [(r.zh, r.en, r.low) for r in view.rows]:
            view.rescore(message.rows)  # as opened (e.g. from the cache): keep the selection
            self._show_alignment(message.by_hand)
            return
        view.set_rows(message.rows, self._zh_shown(message.rows))
        if current is not None and current.zh:
            view.move_cursor(row_of_paragraph(message.rows, "zh", current.zh[0]))
        self._show_alignment(message.by_hand)

    def _show_alignment(self, by_hand: bool) -> None:
        rows = self.view.rows
        low = sum(r.low for r in rows)
        how = ", fixed by hand" if by_hand else (f", {low} uncertain" if low else "")
        self.status.done("align", f"{len(rows)} rows{how}")

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

    def on_parallel_view_pointed(self, message: ParallelView.Pointed) -> None:
        """A click on a character selects the term or word there."""
        self._select(span_at(self.view, message.row, message.lang, message.offset, self.word_end))

    @on(SearchBar.Query)
    def run_search(self, message: SearchBar.Query) -> None:
        """Search both languages (in a worker: pinyin of a long document takes a while)."""
        view = self.view
        view.focus()
        self.status.start("search", f"searching {message.value!r}")
        self.search(list(view.zh_shown), [r.en_text for r in view.rows], message.value)

    def on_searched(self, message: Searched) -> None:
        """Show the matches and go to the first one from the cursor on."""
        self.hits = message.hits
        by_row: dict[int, list[tuple[Lang, int, int]]] = {}
        for hit in self.hits:
            by_row.setdefault(hit.row, []).append((hit.lang, hit.start, hit.end))
        self.view.set_hits(by_row)
        self.status.done("search", f"{len(self.hits)} matches for {message.query!r}")
        if not self.hits:
            self.notify(f"no match for {message.query!r}", severity="warning", markup=False)
            return
        self.action_hit(1, from_row=self.view.cursor)

    # ---------------------------------------------------------------- helpers
    def _zh_shown(self, rows: list[Row]) -> list[str]:
        from parallax.app.script import shown

        return shown([r.zh_text for r in rows], self.script_target)

    def _update_note(self) -> None:
        view = self.view
        if not view.rows:
            return
        self.compute_note(view.cursor, view.zh_shown[view.cursor], self.romanisation)

    def _select(self, selection: Selection | None, lookup: Selection | None = None) -> None:
        """Select ``selection`` and look it up (or ``lookup``, a span of the same row)."""
        view = self.view
        if selection is None:
            return
        if selection.row != view.cursor:
            view.move_cursor(selection.row)
        view.select(selection)
        self._show_lookup(lookup or selection)

    def _select_hit(self, hit: Hit) -> None:
        """Select a search match with the glossary terms it overlaps; without one, look up
        the dictionary word (Chinese) or the word (English) where the match starts."""
        marks = self.view.marks(hit.row)
        cell = marks.zh if hit.lang == "zh" else marks.en
        ids = tuple(
            dict.fromkeys(
                t for m in cell if m.start < hit.end and hit.start < m.end for t in m.term_ids
            )
        )
        selection = Selection(hit.row, hit.lang, hit.start, hit.end, ids)
        lookup = None if ids else span_at(self.view, hit.row, hit.lang, hit.start, self.word_end)
        self._select(selection, lookup)

    def _show_lookup(self, sel: Selection) -> None:
        text = self.view.text(sel.row, sel.lang)[sel.start : sel.end]
        terms = []
        if sel.term_ids and self.glossary is not None:
            by_id = {t.id: t for t in self.glossary.terms}
            terms = [by_id[i] for i in sel.term_ids if i in by_id]
        self.lookup.show_selection(text, sel.lang, terms, dictionary=self.word_end is not None)

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

    def action_term(self, step: int) -> None:
        """Select the next or previous glossary term and look it up."""
        self._select(next_term(self.view, step))

    def action_char(self, step: int) -> None:
        """Move through the Chinese of the cursor row, looking up the word at each character."""
        self._select(step_char(self.view, step, self.word_end))

    def action_hit(self, step: int, from_row: int | None = None) -> None:
        """Go to the next or previous search match."""
        from parallax.app.search import hit_key, next_hit

        view, sel = self.view, self.view.selection
        if from_row is not None or sel is None:
            here = hit_key(view.cursor if from_row is None else from_row, "zh", -1)
        else:
            here = hit_key(sel.row, sel.lang, sel.start)
        hit = next_hit(self.hits, here, step)
        if hit is not None:
            self._select_hit(hit)

    def action_search(self) -> None:
        """Open the search bar."""
        self.query_one(SearchBar).open()

    def action_clear(self) -> None:
        """Clear the selection, the search matches and the look-up panel."""
        self.view.select(None)
        self.view.set_hits({})
        self.hits = []
        self.lookup.hide()

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

    def action_add_term(self) -> None:
        """Add the selection (or the cursor row's word) to the writable glossary."""
        from parallax.app.screens.add_term import AddTermScreen, draft_for

        if not self.view.rows:
            return
        draft = draft_for(self.view, self.doc, self.glossary)
        self.app.push_screen(AddTermScreen(draft), callback=self.save_later)

    def action_fix(self, operation: str) -> None:
        """Fix the alignment at the cursor row (merge, split, push, pull, confirm) and save it."""
        from parallax.app.fixer import apply
        from parallax.core.align import LOW_CONFIDENCE

        view = self.view
        if not self.aligned or not view.rows:
            self.notify("wait for the alignment to finish", severity="warning", markup=False)
            return
        side = view.selection.lang if view.selection is not None else "zh"
        rows = rows_from_beads(
            self.doc, apply(operation, view.rows, view.cursor, side), LOW_CONFIDENCE
        )
        if [(r.zh, r.en, r.score) for r in rows] == [(r.zh, r.en, r.score) for r in view.rows]:
            return
        cursor = view.cursor
        view.set_rows(rows, self._zh_shown(rows))
        view.move_cursor(min(cursor, len(rows) - 1))
        self._show_alignment(True)
        self.save_alignment(rows)

    def action_help(self) -> None:
        """Show or hide the keys panel (parallax's keys, grouped)."""
        from parallax.app.widgets.keys import KeysPanel

        panels = self.query(KeysPanel)
        if panels:
            panels.remove()
        else:
            self.mount(KeysPanel(id="keys-panel"))
