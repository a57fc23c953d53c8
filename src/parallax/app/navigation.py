"""Moving the selection: term by term (``n``/``N``) and character by character in Chinese."""

from __future__ import annotations

from collections.abc import Callable

from parallax.app.highlight import Mark, RowMarks
from parallax.app.model import Lang, Selection
from parallax.app.widgets.parallel import ParallelView

WordEnd = Callable[[str, int], int]
"""``word_end(text, start)``: the end of the longest dictionary word at ``start``."""


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
    view: ParallelView, row: int, lang: Lang, offset: int, word_end: WordEnd | None
) -> Selection:
    """The selection at ``offset``: the glossary term there, else the longest dictionary word
    (Chinese) or the word (English) there, else the single character."""
    marks = view.marks(row)
    for mark in marks.zh if lang == "zh" else marks.en:
        if mark.start <= offset < mark.end:
            return Selection(row, lang, mark.start, mark.end, mark.term_ids)
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


def step_char(view: ParallelView, step: int, word_end: WordEnd | None) -> Selection | None:
    """Move the selection one character left/right through the cursor row's Chinese."""
    row = view.cursor
    text = view.text(row, "zh") if view.rows else ""
    if not text:
        return None
    current = view.selection
    if current is None or current.lang != "zh":
        offset = 0 if step > 0 else len(text) - 1
    else:
        offset = current.start + step
    while 0 <= offset < len(text) and text[offset].isspace():
        offset += step
    if not 0 <= offset < len(text):
        return current
    return span_at(view, row, "zh", offset, word_end)


def mark_for(marks: RowMarks, selection: Selection) -> Mark | None:
    """The mark that ``selection`` covers exactly, if any."""
    for mark in marks.zh if selection.lang == "zh" else marks.en:
        if (mark.start, mark.end) == (selection.start, selection.end):
            return mark
    return None
