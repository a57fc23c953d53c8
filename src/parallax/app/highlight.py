"""Glossary highlights for one row: spans with a colour per term, stable across sessions.

A term's Chinese and English share one colour, derived from a hash of its script-folded
Chinese (or its English when it has no Chinese), picked from a palette readable on dark and
light themes. A Chinese term whose English is missing from the aligned English is marked with
:data:`MISSING_STYLE` instead. Styles are applied with ``Content.stylize`` on spans; document
text is never turned into markup.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.content import Content

from parallax.app.model import Hit, Lang, Selection
from parallax.core.chinese import fold

if TYPE_CHECKING:  # the glossary package is imported by the worker that loads it
    from parallax.core.glossary import Matcher, Term

PALETTE: tuple[str, ...] = (
    "#0087d7",
    "#00875f",
    "#8700d7",
    "#af8700",
    "#d7008f",
    "#008787",
    "#5f5fff",
    "#5f8700",
)
MISSING_STYLE = "bold underline #d70000"
SELECTED_STYLE = "reverse"
SEARCH_STYLE = "black on #ffd75f"


def colour_key(term: Term) -> str:
    """What a term's colour is derived from: its folded Chinese, else its lower-case English."""
    return fold(term.zh.strip()) if term.zh.strip() else term.en.strip().lower()


def term_style(key: str) -> str:
    """The highlight style of a term with colour key ``key`` (same in every session)."""
    digest = hashlib.blake2s(key.encode("utf-8"), digest_size=4).digest()
    return f"bold {PALETTE[int.from_bytes(digest, 'big') % len(PALETTE)]}"


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted span of one cell: ``text[start:end]`` is term ``term_ids``."""

    start: int
    end: int
    term_ids: tuple[str, ...]
    style: str
    missing: bool = False


@dataclass(frozen=True, slots=True)
class RowMarks:
    """The marks of one row, Chinese and English."""

    zh: tuple[Mark, ...]
    en: tuple[Mark, ...]


EMPTY = RowMarks((), ())


class Highlighter:
    """Finds and styles glossary terms in rows (wraps a glossary ``Matcher``)."""

    def __init__(self, terms: Iterable[Term], matcher: Matcher) -> None:
        self.terms: dict[str, Term] = {}
        for term in terms:
            self.terms.setdefault(term.id, term)
        self.matcher = matcher
        self._styles = {tid: term_style(colour_key(t)) for tid, t in self.terms.items()}

    def style_of(self, term_ids: tuple[str, ...]) -> str:
        """The style of the first of ``term_ids`` that is known."""
        for term_id in term_ids:
            if term_id in self._styles:
                return self._styles[term_id]
        return term_style("")

    def marks(self, zh_shown: str, zh_text: str, en_text: str) -> RowMarks:
        """Marks for a row: ``zh_shown`` is the Chinese as displayed, ``zh_text`` as written."""
        from parallax.core.glossary import check_pair

        missing: set[str] = set()
        if zh_text and en_text:
            missing = set(check_pair(self.matcher, zh_text, en_text).missing)
        zh = tuple(
            Mark(m.start, m.end, m.term_ids, MISSING_STYLE, True)
            if missing.intersection(m.term_ids)
            else Mark(m.start, m.end, m.term_ids, term_style(m.key))
            for m in self.matcher.find_zh(zh_shown)
        )
        en = tuple(
            Mark(m.start, m.end, m.term_ids, self.style_of(m.term_ids))
            for m in self.matcher.find_en(en_text)
        )
        return RowMarks(zh, en)


def styled(
    text: str,
    marks: Iterable[Mark],
    extra: Iterable[tuple[int, int, str]] = (),
) -> Content:
    """``text`` as Content with ``marks`` and ``extra`` ``(start, end, style)`` spans applied."""
    content = Content(text)
    for mark in marks:
        content = content.stylize(mark.style, mark.start, mark.end)
    for start, end, style in extra:
        content = content.stylize(style, start, end)
    return content


def overlays(
    row: int,
    lang: Lang,
    marks: RowMarks,
    hits: Iterable[Hit],
    selection: Selection | None,
) -> list[tuple[int, int, str]]:
    """Spans drawn over the marks of one cell: search matches, the selection, and (when a term
    is selected) its counterparts in the other language."""
    spans = [(s, e, SEARCH_STYLE) for hit_lang, s, e in hits if hit_lang == lang]
    if selection is not None and selection.row == row:
        if selection.lang == lang:
            spans.append((selection.start, selection.end, SELECTED_STYLE))
        elif selection.term_ids:
            ids = set(selection.term_ids)
            cell = marks.en if lang == "en" else marks.zh
            spans += [(m.start, m.end, SELECTED_STYLE) for m in cell if ids & set(m.term_ids)]
    return spans
