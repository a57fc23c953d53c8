"""Glossary highlights for one row: spans with a colour per term, stable across sessions.

A term's Chinese and English share one colour, derived from a hash of its script-folded
Chinese (or its English when it has no Chinese), picked from :data:`PALETTE`: twelve hues of
one luminance, readable on dark and light themes alike, and still twelve different colours on
a terminal of 256 colours (Textual then shows the nearest of those). Within a row, different
terms get different colours (a term whose colour is taken there moves on to the next free
one), so neighbouring terms never look like one. A Chinese term whose English is missing from the
aligned English is marked with :data:`MISSING_STYLE` instead. Styles are applied with
``Content.stylize`` on spans; document text is never turned into markup.
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
    "#0b70d5",  # hue 210°; each colour's relative luminance is about 0.17: contrast over
    "#966708",  # 40°      3:1 on a dark and over 4:1 on a light background
    "#078345",  # 150°     (next colours far apart in hue, for a taken colour's next)
    "#c70ac7",  # 300°
    "#4c7e07",  # 85°
    "#7055f6",  # 250°
    "#077e74",  # 175°
    "#d50b81",  # 325°
    "#078307",  # 120°
    "#087aa1",  # 195°
    "#7e7407",  # 55°
    "#a22ff4",  # 275°
)
MISSING_STYLE = "bold underline #d70000"
SELECTED_STYLE = "reverse"
SEARCH_STYLE = "black on #ffd75f"


def colour_key(term: Term) -> str:
    """What a term's colour is derived from: its folded Chinese, else its lower-case English."""
    return fold(term.zh.strip()) if term.zh.strip() else term.en.strip().lower()


def colour_index(key: str) -> int:
    """The palette index a term with colour key ``key`` prefers (same in every session)."""
    digest = hashlib.blake2s(key.encode("utf-8"), digest_size=4).digest()
    return int.from_bytes(digest, "big") % len(PALETTE)


def term_style(key: str) -> str:
    """The highlight style of a term with colour key ``key`` (same in every session)."""
    return style_of_index(colour_index(key))


def style_of_index(index: int) -> str:
    """The highlight style of palette colour ``index``."""
    return f"bold {PALETTE[index % len(PALETTE)]}"


def row_colours(keys: Iterable[str]) -> dict[str, int]:
    """A palette index for each colour key of a row, in order: its own, unless another key of
    the row has it, then the next free one (when the row has more terms than colours, the
    next one not used by the key before it)."""
    chosen: dict[str, int] = {}
    previous = -1
    for key in keys:
        if key in chosen:
            previous = chosen[key]
            continue
        index = colour_index(key)
        taken = set(chosen.values())
        for step in range(len(PALETTE)):
            candidate = (index + step) % len(PALETTE)
            if candidate not in taken:
                index = candidate
                break
        else:
            if index == previous:
                index = (index + 1) % len(PALETTE)
        chosen[key] = previous = index
    return chosen


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
        self._keys = {tid: colour_key(t) for tid, t in self.terms.items()}

    def key_of(self, term_ids: tuple[str, ...], fallback: str = "") -> str:
        """The colour key of the first of ``term_ids`` that is known (else ``fallback``)."""
        for term_id in term_ids:
            if term_id in self._keys:
                return self._keys[term_id]
        return fallback

    def style_of(self, term_ids: tuple[str, ...]) -> str:
        """The style of the first of ``term_ids`` that is known, outside any row."""
        return term_style(self.key_of(term_ids))

    def marks(self, zh_shown: str, zh_text: str, en_text: str) -> RowMarks:
        """Marks for a row: ``zh_shown`` is the Chinese as displayed, ``zh_text`` as written."""
        from parallax.core.glossary import check_pair

        missing: set[str] = set()
        if zh_text and en_text:
            missing = set(check_pair(self.matcher, zh_text, en_text).missing)
        found_zh = self.matcher.find_zh(zh_shown)
        found_en = self.matcher.find_en(en_text)
        zh_keys = [self.key_of(m.term_ids, m.key) for m in found_zh]
        en_keys = [self.key_of(m.term_ids) for m in found_en]
        colours = row_colours([*zh_keys, *en_keys])
        zh = tuple(
            Mark(m.start, m.end, m.term_ids, MISSING_STYLE, True)
            if missing.intersection(m.term_ids)
            else Mark(m.start, m.end, m.term_ids, style_of_index(colours[key]))
            for m, key in zip(found_zh, zh_keys, strict=True)
        )
        en = tuple(
            Mark(m.start, m.end, m.term_ids, style_of_index(colours[key]))
            for m, key in zip(found_en, en_keys, strict=True)
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
