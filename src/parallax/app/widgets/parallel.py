"""The parallel view: one row per aligned bead, Chinese | English, scrolling together.

It owns moving through the document, selecting (by word, by term, by search match, by click or
drag) and searching, with its own keys (``keys.bindings(VIEW)``); it tells its screen what
happened with messages (:class:`ParallelView.Selected`, :class:`ParallelView.CursorMoved`, ...).
The lazy layout, scrolling and gutter are in :class:`RowCanvas`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar, TypeAlias

from textual.binding import BindingType
from textual.strip import Strip

from parallax.app import keys
from parallax.app.highlight import EMPTY, Highlighter, RowMarks, overlays, styled
from parallax.app.model import Hit, Lang, Row, Selection, one_line
from parallax.app.navigation import (
    WordSpans,
    counterpart,
    extend,
    first_word,
    hit_selection,
    mark_for,
    next_term,
    next_word,
    span_at,
)
from parallax.app.script import other_script, shown
from parallax.app.search import Hit as Match
from parallax.app.terms.pending import Here
from parallax.app.widgets import parallel_messages as told
from parallax.app.widgets.painter import Painter
from parallax.app.widgets.row_canvas import RowCanvas
from parallax.app.workers import run_step


class ParallelView(RowCanvas, can_focus=True, inherit_bindings=False):
    """Aligned rows in two columns with a row cursor, glossary highlights and search matches."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys.bindings(keys.VIEW)]

    # what it tells its screen (parallel_messages.py), as ParallelView.Selected and so on
    CursorMoved: TypeAlias = told.CursorMoved
    Selected: TypeAlias = told.Selected
    ScriptChanged: TypeAlias = told.ScriptChanged
    Cleared: TypeAlias = told.Cleared
    Searched: TypeAlias = told.Searched
    Found: TypeAlias = told.Found

    def __init__(self, rows: list[Row], *, id: str | None = None) -> None:
        self.selection: Selection | None = None
        self.highlighter: Highlighter | None = None
        self.hits: dict[int, list[Hit]] = {}  # search matches by row, as drawn
        self.matches: list[Match] = []  # search matches in order (] and [)
        self.words = WordSpans()  # the word stops of l/h; the dictionary of clicks
        self.partner: tuple[Selection, Selection] | None = None  # tab from the first to the second
        self.script: str | None = None  # "simplified"/"traditional" while converted
        self._marks: dict[int, RowMarks] = {}
        super().__init__(rows, id=id)

    # ------------------------------------------------------------------ state
    def set_rows(self, rows: list[Row]) -> None:
        """Show new rows (e.g. once aligned), their Chinese in the script shown; the cursor
        stays on the same row number."""
        self.rows = rows
        self.cursor = min(self.cursor, max(len(rows) - 1, 0))
        self._show_text()

    def _show_text(self) -> None:
        """The rows' Chinese in the script shown, laid out afresh; the selection, readings and
        search matches go (their offsets were in the text shown before)."""
        self.zh_shown = shown([r.zh_text for r in self.rows], self.script)
        self.selection = self.partner = None
        self.readings = None
        self.hits, self.matches = {}, []
        self._marks.clear()
        self._reset_layout()

    def rescore(self, rows: list[Row]) -> None:
        """The same beads with new scores: redraw the gutters, keep the cursor and selection."""
        self.rows = rows
        self._composed.clear()
        self.refresh()

    def action_script(self) -> None:
        """Toggle the Chinese between its own script and the other (Traditional ↔ Simplified);
        the selection and search matches go (their offsets were in the other script)."""
        if self.script is None:
            self.script = other_script("".join(r.zh_text for r in self.rows[:20])[:3000])
        else:
            self.script = None
        self._show_text()
        self.post_message(self.ScriptChanged(self.script))
        self.notify(f"Chinese shown {self.script or 'as written'}", timeout=2, markup=False)

    def set_highlighter(self, highlighter: Highlighter | None) -> None:
        """Use ``highlighter`` for glossary terms (``None``: no highlights)."""
        self.highlighter = highlighter
        self._marks.clear()
        self._strips.clear()
        self._composed.clear()
        self.refresh()

    def set_readings(self, readings: Sequence[str | None] | None) -> None:
        """Readings (pinyin or Jyutping, one per character of the cursor row's Chinese as
        shown, None where there is none) drawn above the characters; None for none."""
        if readings is not None and len(readings) != len(self.zh_shown[self.cursor]):
            readings = None  # not for this text (the script changed meanwhile)
        self.readings = tuple(readings) if readings is not None else None
        self._forget(self.cursor)

    @property
    def note(self) -> str:
        """The cursor row's readings as one line of syllables ("" when none are shown)."""
        return " ".join(r for r in self.readings or () if r)

    def set_hits(self, matches: list[Match]) -> None:
        """Search matches to show (in order)."""
        by_row: dict[int, list[Hit]] = {}
        for m in matches:
            by_row.setdefault(m.row, []).append((m.lang, m.start, m.end))
        changed = set(self.hits) | set(by_row)
        self.hits, self.matches = by_row, list(matches)
        for row in changed:
            self._forget(row)

    def select(self, selection: Selection | None) -> None:
        """Mark ``selection`` (a span of the cursor row), or clear it (nothing is posted)."""
        self.selection = selection
        self._forget(self.cursor)

    def set_partner(self, selection: Selection, partner: Selection | None) -> None:
        """``tab`` from ``selection`` goes to ``partner`` (e.g. where its proposed translation
        was found); None: to the same term's highlight, else the first word."""
        self.partner = (selection, partner) if partner is not None else None

    def move_cursor(self, row: int, *, top: bool = False) -> None:
        """Put the cursor on ``row`` and scroll it into view (to the top with ``top``)."""
        if not self.rows:
            return
        row = max(0, min(row, len(self.rows) - 1))
        old, self.cursor = self.cursor, row
        if self.selection is not None or self.readings is not None:
            self.selection, self.readings = None, None  # both belonged to the old row
            self._forget(old)
            self._forget(row)
        self._composed.pop((old, True), None)
        self.scroll_to_row(row, top=top)
        if old != row:
            self.post_message(self.CursorMoved(row))

    def choose(self, selection: Selection | None, lookup: Selection | None = None) -> None:
        """Select ``selection`` for the user (moving the cursor to its row), scroll it into
        view and post :class:`Selected`."""
        if selection is None:
            return
        if selection.row != self.cursor:
            self.move_cursor(selection.row)
        self.select(selection)
        self.scroll_to_span(selection.row, selection.lang, selection.start)
        self.post_message(self.Selected(selection, lookup))

    def keep_in_view(self) -> None:
        """The selection (else the cursor row) back in view, e.g. once the look-up panel opened."""
        sel = self.selection
        if sel is not None and sel.row < len(self.rows):
            self.scroll_to_span(sel.row, sel.lang, sel.start)
        else:
            super().keep_in_view()

    def marks(self, row: int) -> RowMarks:
        """The glossary marks of ``row`` (computed once per glossary and script)."""
        if self.highlighter is None or not 0 <= row < len(self.rows):
            return EMPTY
        if row not in self._marks:
            r = self.rows[row]
            self._marks[row] = self.highlighter.marks(self.zh_shown[row], r.zh_text, r.en_text)
        return self._marks[row]

    def here(self, selection: Selection | None = None) -> Here | None:
        """What ``selection`` (default: the selection) covers now: its text as written (not
        in the converted script) and its row's texts; None without one."""
        sel = selection or self.selection
        if sel is None or not 0 <= sel.row < len(self.rows):
            return None
        shown, row = self.text(sel.row, sel.lang), self.rows[sel.row]
        if sel.lang == "zh" and len(row.zh_text) == len(shown):
            text = row.zh_text[sel.start : sel.end]
        else:
            text = shown[sel.start : sel.end]
        return Here(sel, text, row.zh_text, row.en_text)

    def retag(self) -> Selection | None:
        """After the glossary changed: the selection with the terms it covers now (selected
        again when they changed); None when they did not change."""
        sel = self.selection
        if sel is None:
            return None
        mark = mark_for(self.marks(sel.row), sel)
        ids = mark.term_ids if mark is not None else ()
        if ids == sel.term_ids:
            return None
        self.select(replace(sel, term_ids=ids))
        return self.selection

    def spans_of(self, row: int, lang: Lang) -> list[tuple[int, int]]:
        """The words of a row's cell as shown."""
        return self.words.of(self.text(row, lang), lang)

    # ---------------------------------------------------------------- moving
    def action_cursor(self, step: int) -> None:
        """Move the cursor one row."""
        self.move_cursor(self.cursor + step)

    def action_page(self, step: int) -> None:
        """Scroll one page down (``step`` 1) or up (-1), the cursor on the top row."""
        if not self.rows:
            return
        self._ensure_tops()
        y = round(self.scroll_y) + step * self.scrollable_content_region.height
        y = max(0, min(y, self._heights.total - 1))
        self.move_cursor(self._row_at(y), top=True)

    def action_first(self) -> None:
        """Go to the first row."""
        self.move_cursor(0)

    def action_last(self) -> None:
        """Go to the last row."""
        self.move_cursor(len(self.rows) - 1)

    def action_swap(self) -> None:
        """Swap the Chinese and English columns."""
        self.swapped = not self.swapped
        self._reset_layout()

    # ------------------------------------------------------------- selecting
    def action_term(self, step: int) -> None:
        """Select the next or previous glossary term."""
        self.choose(next_term(self, step))

    def action_word(self, step: int) -> None:
        """Select the next or previous word (a glossary term is one word)."""
        self.choose(next_word(self, step, self.spans_of))

    def action_extend(self, step: int) -> None:
        """Grow or shrink the selection at its end (a character in Chinese, a word in English)."""
        self.choose(extend(self, step, self.spans_of))

    def action_other_side(self) -> None:
        """Go to the other language of the row: the partner set for the selection (its proposed
        translation), the same term's highlight, else the first word there."""
        if not self.rows:
            return
        sel = self.selection
        lang: Lang = "en" if sel is None or sel.lang == "zh" else "zh"
        target = None
        if sel is not None:
            partner = self.partner
            target = partner[1] if partner and partner[0] == sel else counterpart(self, sel)
        if target is None:
            spans = self.spans_of(self.cursor, lang)
            target = first_word(self, self.cursor, lang, spans, self.words.word_end)
        if target is None:
            name = "English" if lang == "en" else "Chinese"
            self.notify(f"no {name} in this row", severity="warning", markup=False)
            return
        self.choose(target)

    def action_clear(self) -> None:
        """Clear the selection and the search matches."""
        self.select(None)
        self.set_hits([])
        self.partner = None
        self.post_message(self.Cleared())

    # ------------------------------------------------------------- searching
    def search(self, query: str) -> None:
        """Search both languages of the rows as shown for ``query`` (in a worker: the pinyin
        of a long document takes a while); the first match from the cursor on is selected."""
        zh, en = list(self.zh_shown), [r.en_text for r in self.rows]

        def find() -> told.Found:
            from parallax.app.search import search

            try:
                return told.Found(query, search(zh, en, query))
            except Exception as error:  # a bad query: said in one line
                return told.Found(query, [], one_line(error))

        run_step(self, find, step="search")

    def on_parallel_view_found(self, message: told.Found) -> None:
        """Show the matches and select the first one from the cursor on."""
        message.stop()
        self.set_hits(message.matches)
        self.post_message(self.Searched(message.query, len(message.matches), message.error))
        if self.matches:
            self.action_hit(1, from_row=self.cursor)
        elif self.selection is not None:  # nothing found: nothing of the last search stays lit
            self.select(None)
            self.post_message(self.Selected(None))

    def action_hit(self, step: int, from_row: int | None = None) -> None:
        """Go to the next or previous search match."""
        from parallax.app.search import hit_key, next_hit

        sel = self.selection
        if from_row is not None or sel is None:
            here = hit_key(self.cursor if from_row is None else from_row, "zh", -1)
        else:
            here = hit_key(sel.row, sel.lang, sel.start)
        hit = next_hit(self.matches, here, step)
        if hit is not None:
            word_end = self.words.word_end
            self.choose(*hit_selection(self, hit.row, hit.lang, hit.start, hit.end, word_end))

    # --------------------------------------------------------------- drawing
    def paint_row(self, row: int) -> list[Strip]:
        """The row's two cells with glossary marks, search matches and the selection."""
        layout = self._layout(row)
        marks = self.marks(row)
        hits, sel = self.hits.get(row, ()), self.selection
        zh = styled(self.zh_shown[row], marks.zh, overlays(row, "zh", marks, hits, sel))
        en = styled(self.rows[row].en_text, marks.en, overlays(row, "en", marks, hits, sel))
        left, right = (en, zh) if self.swapped else (zh, en)
        painter = Painter(
            self._columns,
            self.get_component_rich_style("parallel--separator"),
            self.get_component_rich_style("parallel--note"),
        )
        return painter.paint(layout, left, right)

    # ----------------------------------------------------------------- mouse
    def pointed(self, row: int, lang: Lang, offset: int) -> None:
        """A click on a character selects the term or word there."""
        spans = self.spans_of(row, lang) if self.words.ready else None
        self.choose(span_at(self, row, lang, offset, self.words.word_end, spans))

    def dragging(self, selection: Selection) -> None:
        """Show the characters dragged over selected."""
        if self.cursor != selection.row:
            self.move_cursor(selection.row)
        self.select(selection)

    def dragged(self, selection: Selection) -> None:
        """A drag ended: select exactly the characters dragged over."""
        self.choose(selection)
