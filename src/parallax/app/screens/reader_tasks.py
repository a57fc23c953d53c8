"""The reader's background work: loading, romanising and saving, in worker threads."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.screen import Screen

from parallax.app import loaders
from parallax.app.messages import (
    Aligned,
    DictionaryReady,
    GlossaryLoaded,
    Searched,
    StepFailed,
    WordsReady,
)
from parallax.app.model import Lang, Row, Selection
from parallax.app.navigation import Span, WordEnd
from parallax.app.search import Hit
from parallax.app.undo import UndoList, UndoStep
from parallax.app.widgets.lookup import LookupPanel
from parallax.app.widgets.parallel import ParallelView
from parallax.app.widgets.status import StatusLine
from parallax.core.document import Document

if TYPE_CHECKING:
    from parallax.app.screens.reader_terms import Pending
    from parallax.core.glossary import Term


def one_line(error: BaseException) -> str:
    """An exception as one line."""
    return " ".join((str(error) or type(error).__name__).split())


class ReaderTasks(Screen[None]):
    """The reader screen's state, widgets and workers. Each worker calls the core and posts one
    typed message; errors become :class:`StepFailed` messages (the reader goes on without)."""

    doc: Document
    glossary_names: tuple[str, ...]
    glossary_dir: Path | None
    fresh: bool  # the saved hand-fixed alignment is ignored
    first: loaders.FirstRows  # the rows painted first, and where they came from
    glossary: loaders.GlossaryState | None
    word_end: WordEnd | None
    aligned: bool
    script_target: str | None  # "simplified"/"traditional" while converted
    romanisation: str | None
    hits: list[Hit]
    words_ready: bool  # jieba loaded
    word_spans: dict[tuple[Lang, str], list[Span]]  # words of cell texts
    undo_list: UndoList
    realign_step: UndoStep | None  # the undo step of a re-align under way
    pending: Pending | None  # a selection whose translation is proposed (reader_terms)
    waiting: list[Pending]  # enter pressed before the proposals came (reader_terms)

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

    def forget_pending(self, selection: Selection | None) -> None:
        """Drop a proposed term that is not for ``selection`` (see ``TermActions``)."""

    def counterpart(self, sel: Selection) -> Selection | None:
        """The span translating ``sel`` on the other side of its row, if known (see
        ``LookupActions`` and ``TermActions``)."""
        return None

    def _zh_shown(self, rows: list[Row]) -> list[str]:
        """The Chinese of ``rows`` in the script shown."""
        from parallax.app.script import shown

        return shown([r.zh_text for r in rows], self.script_target)

    @work(thread=True, exclusive=True, exit_on_error=False, group="prepare")
    def prepare(self) -> None:
        """Load the glossaries, align the document, load jieba (the word cursor), then CC-CEDICT
        (in this order)."""
        terms: tuple[Term, ...] = ()
        try:
            store = loaders.open_store(self.glossary_dir)
            state = loaders.load_glossaries(store, self.glossary_names)
            terms = state.terms
            self.post_message(GlossaryLoaded(state))
        except Exception as error:  # shown to the user, the reader goes on without
            self.post_message(StepFailed("glossary", one_line(error)))
        try:
            pairs = loaders.glossary_pairs(terms)
            if self.first.source == "hand":  # read before the first paint: not again
                rows, by_hand = self.first.rows, True
            else:
                rows, by_hand = loaders.align_rows(self.doc, pairs, fresh=self.fresh)
            self.post_message(Aligned(rows, by_hand))
        except Exception as error:
            self.post_message(StepFailed("align", one_line(error)))
        try:
            loaders.load_words()
            self.post_message(WordsReady())
        except Exception as error:
            self.post_message(StepFailed("words", one_line(error)))
        try:
            loaders.load_dictionary()
            self.post_message(DictionaryReady())
        except Exception as error:
            self.post_message(StepFailed("dictionary", one_line(error)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="glossary")
    def reload_glossary(self) -> None:
        """Reload the glossaries (after a term was added) and refresh the highlights."""
        self._load_glossary_now()

    def _load_glossary_now(self) -> None:
        try:
            store = loaders.open_store(self.glossary_dir)
            names = self.glossary_names
            if names and store.writable_name not in names:
                names = (store.writable_name, *names)
            self.post_message(GlossaryLoaded(loaders.load_glossaries(store, names)))
        except Exception as error:  # shown to the user, the reader goes on without
            self.post_message(StepFailed("glossary", one_line(error)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="note")
    def compute_note(self, row: int, text: str, kind: str | None) -> None:
        """Romanise the cursor row's Chinese for the line under it."""
        from parallax.core import chinese

        note = (
            ""
            if kind is None or not text
            else (chinese.pinyin(text) if kind == "pinyin" else chinese.jyutping(text))
        )
        self.app.call_from_thread(self._set_note, row, note)

    def _set_note(self, row: int, note: str) -> None:
        if row == self.view.cursor:
            self.view.set_note(note)

    @work(thread=True, exclusive=True, exit_on_error=False, group="alignment")
    def save_alignment(self, rows: list[Row]) -> None:
        """Save the hand-fixed alignment (atomically), so the next session shows it."""
        try:
            loaders.save_alignment(self.doc, rows)
        except Exception as error:
            self.post_message(StepFailed("fix", one_line(error)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="alignment")
    def realign(self, pairs: list[tuple[str, str]]) -> None:
        """Run the aligner again, then delete the hand-fixed alignment (kept if anything fails,
        and the rows shown stay as they are)."""
        try:
            rows, _ = loaders.align_rows(self.doc, pairs, fresh=True)
            forgot = loaders.forget_alignment(self.doc)
        except Exception as error:
            self.app.call_from_thread(self._realign_failed, one_line(error))
            return
        if forgot:
            self.app.call_from_thread(
                partial(self.notify, markup=False),
                "your fixes of this document are forgotten",
                title="alignment",
            )
        self.post_message(Aligned(rows, False))

    def _realign_failed(self, problem: str) -> None:
        self.aligned = True  # the rows shown are still a whole alignment: fixing goes on
        if self.realign_step is not None:  # nothing to undo: the fixes were kept
            self.undo_list.drop(self.realign_step)
        self.status.done("align", f"re-align failed: {problem}")
        self.notify(
            f"re-align failed, your fixes are kept: {problem}", severity="warning", markup=False
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def search(self, zh: list[str], en: list[str], query: str) -> None:
        """Search the displayed texts for ``query``."""
        from parallax.app.search import search

        try:
            self.post_message(Searched(query, search(zh, en, query)))
        except Exception as error:
            self.post_message(StepFailed("search", one_line(error)))
