"""Moving the selection: term by term (``n``/``N``), word by word (``l``/``h``: jieba words in
Chinese, words in English, a glossary term being one stop), and growing or shrinking it.

Pure functions over :class:`Cells` (what the parallel view shows); no Textual here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from parallax.app.highlight import Mark, RowMarks
from parallax.app.model import Lang, Row, Selection

WordEnd = Callable[[str, int], int]
"""``word_end(text, start)``: the end of the longest dictionary word at ``start``."""

Span = tuple[int, int]
SpansOf = Callable[[int, Lang], list[Span]]
"""``spans_of(row, lang)``: the words of a row's cell, in order."""


class Cells(Protocol):
    """What moving the selection reads of the view: its rows, cursor, selection, the text
    shown in each cell and the glossary marks of a row."""

    @property
    def rows(self) -> Sequence[Row]: ...
    @property
    def cursor(self) -> int: ...
    @property
    def selection(self) -> Selection | None: ...
    def text(self, row: int, lang: Lang) -> str: ...
    def marks(self, row: int) -> RowMarks: ...


class WordSpans:
    """The words of cell texts: jieba's once :meth:`loaded` (cached by text), until then the
    longest dictionary words (``word_end``, once the dictionary is loaded) or characters."""

    LIMIT = 2000  # texts cached

    def __init__(self) -> None:
        self.ready = False
        self.word_end: WordEnd | None = None
        self._cache: dict[tuple[Lang, str], list[Span]] = {}

    def loaded(self) -> None:
        """jieba is loaded: better words from now on."""
        self.ready = True
        self._cache.clear()

    def of(self, text: str, lang: Lang) -> list[Span]:
        """The words of ``text`` in order, as ``(start, end)`` spans."""
        key = (lang, text)
        spans = self._cache.get(key)
        if spans is not None:
            return spans
        if lang == "zh" and not self.ready:  # not cached: better words come later
            spans, i = [], 0
            while i < len(text):
                end = max(self.word_end(text, i) if self.word_end else i + 1, i + 1)
                spans.append((i, end))
                i = end
            return spans
        from parallax.core import words

        if len(self._cache) > self.LIMIT:
            self._cache.clear()
        spans = self._cache[key] = words.words(text, lang)
        return spans


def _is_wordy(text: str) -> bool:
    """True if ``text`` has a letter or a digit (punctuation is not a word stop)."""
    return any(c.isalnum() for c in text)


def word_stops(view: Cells, row: int, lang: Lang, spans: list[Span]) -> list[Selection]:
    """The word stops of a cell: its words, a glossary term counting as one word."""
    text = view.text(row, lang)
    marks = view.marks(row)
    cell = list(marks.zh if lang == "zh" else marks.en)
    stops: list[Selection] = []
    m = 0
    for start, end in spans:
        while m < len(cell) and cell[m].end <= start:
            m += 1
        if m < len(cell) and cell[m].start < end:
            mark = cell[m]
            if not stops or stops[-1].start != mark.start:
                stops.append(Selection(row, lang, mark.start, mark.end, mark.term_ids))
            continue
        if _is_wordy(text[start:end]):
            stops.append(Selection(row, lang, start, end))
    return stops


def next_word(view: Cells, step: int, spans_of: SpansOf) -> Selection | None:
    """The next (``step`` 1) or previous (-1) word after the selection in its column, going on
    to the next (previous) row with text there; without a selection, the cursor row's first
    (last) Chinese word."""
    if not view.rows:
        return None
    current = view.selection
    lang: Lang = current.lang if current is not None else "zh"
    row = view.cursor
    for n in range(len(view.rows)):
        r = row + step * n
        if not 0 <= r < len(view.rows):
            return current
        stops = word_stops(view, r, lang, spans_of(r, lang))
        if step < 0:
            stops.reverse()
        for stop in stops:
            if n == 0 and current is not None and current.row == r:
                if step > 0 and stop.start <= current.start:
                    continue
                if step < 0 and stop.start >= current.start:
                    continue
            return stop
    return current


def extend(view: Cells, step: int, spans_of: SpansOf) -> Selection | None:
    """The selection grown (``step`` 1) or shrunk (-1) at its end: by a character in Chinese,
    by a word in English; never below one character (word)."""
    current = view.selection
    if current is None:
        return next_word(view, 1, spans_of)
    text = view.text(current.row, current.lang)
    start, end = current.start, current.end
    if current.lang == "zh":
        end = end + 1 if step > 0 else end - 1
        while step > 0 and end < len(text) and text[end - 1].isspace():
            end += 1
    else:
        spans = spans_of(current.row, current.lang)
        if step > 0:
            end = next((e for s, e in spans if s >= end), end)
        else:
            end = max((e for s, e in spans if s >= start and e < end), default=end)
    end = max(start + 1, min(end, len(text)))
    if end == current.end:
        return current
    return Selection(current.row, current.lang, start, end)


def row_stops(row: int, marks: RowMarks) -> list[Selection]:
    """The term stops of a row: its Chinese marks, then English marks of other terms."""
    stops = [Selection(row, "zh", m.start, m.end, m.term_ids) for m in marks.zh]
    seen = {t for m in marks.zh for t in m.term_ids}
    stops += [
        Selection(row, "en", m.start, m.end, m.term_ids)
        for m in marks.en
        if not seen.intersection(m.term_ids)
    ]
    return stops


def next_term(view: Cells, step: int) -> Selection | None:
    """The next (``step`` 1) or previous (-1) term after the selection, wrapping around."""
    count = len(view.rows)
    if not count:
        return None
    current = view.selection
    row = view.cursor
    for n in range(count + 1):
        r = (row + step * n) % count
        stops = row_stops(r, view.marks(r))
        if step < 0:
            stops.reverse()
        for stop in stops:
            if n == 0 and current is not None and not _beyond(stop, current, step):
                continue
            return stop
    return None


def _beyond(stop: Selection, current: Selection, step: int) -> bool:
    order = {"zh": 0, "en": 1}
    a = (order[stop.lang], stop.start)
    b = (order[current.lang], current.start)
    return a > b if step > 0 else a < b


def span_at(
    view: Cells,
    row: int,
    lang: Lang,
    offset: int,
    word_end: WordEnd | None,
    spans: list[Span] | None = None,
) -> Selection:
    """The selection at ``offset``: the glossary term there, else the longest dictionary word
    (Chinese) or the word (English) there, else the single character; the word of ``spans``
    (jieba's words of the cell) there when given."""
    marks = view.marks(row)
    for mark in marks.zh if lang == "zh" else marks.en:
        if mark.start <= offset < mark.end:
            return Selection(row, lang, mark.start, mark.end, mark.term_ids)
    for start, end in spans or ():
        if start <= offset < end:
            return Selection(row, lang, start, end)
    text = view.text(row, lang)
    if lang == "zh":
        end = word_end(text, offset) if word_end is not None else offset + 1
        return Selection(row, lang, offset, max(end, offset + 1))
    start, end = offset, offset
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in "-'"):
        end += 1
    return Selection(row, lang, start, max(end, offset + 1))


def mark_for(marks: RowMarks, selection: Selection) -> Mark | None:
    """The mark that ``selection`` covers exactly, if any."""
    for mark in marks.zh if selection.lang == "zh" else marks.en:
        if (mark.start, mark.end) == (selection.start, selection.end):
            return mark
    return None


def counterpart(view: Cells, sel: Selection) -> Selection | None:
    """A highlight of the same glossary term on the other side of ``sel``'s row."""
    if not sel.term_ids:
        return None
    marks = view.marks(sel.row)
    lang: Lang = "en" if sel.lang == "zh" else "zh"
    for mark in marks.en if sel.lang == "zh" else marks.zh:
        if set(mark.term_ids) & set(sel.term_ids):
            return Selection(sel.row, lang, mark.start, mark.end, mark.term_ids)
    return None


def first_word(
    view: Cells, row: int, lang: Lang, spans: list[Span], word_end: WordEnd | None
) -> Selection | None:
    """The first word of a cell (punctuation skipped), None if it has none."""
    text = view.text(row, lang)
    stops = [(a, b) for a, b in spans if _is_wordy(text[a:b])]
    return span_at(view, row, lang, stops[0][0], word_end, stops) if stops else None


def hit_selection(
    view: Cells, row: int, lang: Lang, start: int, end: int, word_end: WordEnd | None
) -> tuple[Selection, Selection | None]:
    """A search match as a selection with the glossary terms it overlaps, and what to look up
    instead when it overlaps none (the dictionary word or the word where it starts)."""
    marks = view.marks(row)
    cell = marks.zh if lang == "zh" else marks.en
    ids = tuple(
        dict.fromkeys(t for m in cell if m.start < end and start < m.end for t in m.term_ids)
    )
    selection = Selection(row, lang, start, end, ids)
    return selection, (None if ids else span_at(view, row, lang, start, word_end))
