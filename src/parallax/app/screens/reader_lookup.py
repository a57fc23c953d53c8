"""The reader's look-ups: the selection moved by term, by word, grown by a character, made by
click, by drag and by search, and the look-up panel that shows what is selected."""

from __future__ import annotations

from textual import on

from parallax.app.messages import Searched
from parallax.app.model import Lang, Selection
from parallax.app.navigation import Span, extend, next_term, next_word, span_at
from parallax.app.screens.reader_tasks import ReaderTasks
from parallax.app.search import Hit
from parallax.app.widgets.parallel import ParallelView
from parallax.app.widgets.search_bar import SearchBar


class LookupActions(ReaderTasks):
    """Selecting terms, words and search matches, and looking them up."""

    def on_parallel_view_pointed(self, message: ParallelView.Pointed) -> None:
        """A click on a character selects the term or word there."""
        row, lang = message.row, message.lang
        spans = self.spans_of(row, lang) if self.words_ready else None
        self._select(span_at(self.view, row, lang, message.offset, self.word_end, spans))

    def on_parallel_view_dragged(self, message: ParallelView.Dragged) -> None:
        """A drag over the text selects exactly the characters dragged over."""
        self._select(Selection(message.row, message.lang, message.start, message.end))

    def spans_of(self, row: int, lang: Lang) -> list[Span]:
        """The words of a row's cell as shown (jieba's once loaded; cached by text)."""
        text = self.view.text(row, lang)
        key = (lang, text)
        spans = self.word_spans.get(key)
        if spans is None:
            from parallax.core import words

            if len(self.word_spans) > 2000:
                self.word_spans.clear()
            if lang == "en" or self.words_ready:
                spans = words.words(text, lang)
            else:  # jieba still loading: dictionary words, else characters
                spans = []
                i = 0
                while i < len(text):
                    end = self.word_end(text, i) if self.word_end else i + 1
                    spans.append((i, max(end, i + 1)))
                    i = max(end, i + 1)
                return spans  # not cached: better words come later
            self.word_spans[key] = spans
        return spans

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

    def _select(self, selection: Selection | None, lookup: Selection | None = None) -> None:
        """Select ``selection`` and look it up (or ``lookup``, a span of the same row)."""
        view = self.view
        if selection is None:
            return
        self.forget_pending(selection)
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

    def action_term(self, step: int) -> None:
        """Select the next or previous glossary term and look it up."""
        self._select(next_term(self.view, step))

    def action_word(self, step: int) -> None:
        """Select the next or previous word (a glossary term is one word) and look it up."""
        self._select(next_word(self.view, step, self.spans_of))

    def action_extend(self, step: int) -> None:
        """Grow or shrink the selection at its end (a character in Chinese, a word in English)."""
        self._select(extend(self.view, step, self.spans_of))

    def action_other_side(self) -> None:
        """Go to the other language of the row: the proposed translation, the same term's
        highlight, else the first word there."""
        view = self.view
        if not view.rows:
            return
        sel = view.selection
        lang: Lang = "en" if sel is None or sel.lang == "zh" else "zh"
        target = self.counterpart(sel) if sel is not None else None
        if target is None:
            text = view.text(view.cursor, lang)
            spans = self.spans_of(view.cursor, lang)
            stops = [(a, b) for a, b in spans if any(c.isalnum() for c in text[a:b])]
            if not stops:
                name = "English" if lang == "en" else "Chinese"
                self.notify(f"no {name} in this row", severity="warning", markup=False)
                return
            target = span_at(view, view.cursor, lang, stops[0][0], self.word_end, stops)
        self._select(target)

    def counterpart(self, sel: Selection) -> Selection | None:
        """A highlight of the same glossary term on the other side of ``sel``'s row."""
        if not sel.term_ids:
            return None
        marks = self.view.marks(sel.row)
        other = marks.en if sel.lang == "zh" else marks.zh
        lang: Lang = "en" if sel.lang == "zh" else "zh"
        for mark in other:
            if set(mark.term_ids) & set(sel.term_ids):
                return Selection(sel.row, lang, mark.start, mark.end, mark.term_ids)
        return None

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
        self.pending = None
        if self.waiting:
            self.notify(f"not saved: {', '.join(p.text for p in self.waiting)}", markup=False)
            self.waiting.clear()
        self.lookup.hide()
