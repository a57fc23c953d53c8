"""Moving the selection: term by term (``n``/``N``), word by word (``l``/``h``: jieba words in
Chinese, words in English, a glossary term being one stop), and growing or shrinking it."""

from __future__ import annotations

from collections.abc import Callable

from parallax.app.highlight import Mark, RowMarks
from parallax.app.model import Lang, Selection
from parallax.app.widgets.parallel import ParallelView

WordEnd = Callable[[str, int], int]
"""``word_end(text, start)``: the end of the longest dictionary word at ``start``."""

Span = tuple[int, int]
SpansOf = Callable[[int, Lang], list[Span]]
"""``spans_of(row, lang)``: the words of a row's cell, in order."""


def _is_wordy(text: str) -> bool:
    """True if ``text`` has a letter or a digit (punctuation is not a word stop)."""
    return any(c.isalnum() for c in text)


def word_stops(view: ParallelView, row: int, lang: Lang, spans: list[Span]) -> list[Selection]:
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


def next_word(view: ParallelView, step: int, spans_of: SpansOf) -> Selection | None:
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


def extend(view: ParallelView, step: int, spans_of: SpansOf) -> Selection | None:
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


def next_term(view: ParallelView, step: int) -> Selection | None:
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
    view: ParallelView,
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
