"""Cutting decoded text into units (paragraphs or lines) and building paragraphs from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import regex

from parallax.core.document import Lang, Paragraph, Units
from parallax.core.text import Block, iter_blocks, iter_lines

UNIT_CHOICES: tuple[str, ...] = ("paragraphs", "lines")

# " date 2025-05-12 " at the very start of a scraped article.
_DATE_PREFIX = regex.compile(r"\A[ \t]*date[ \t]+(\d{4})-(\d{1,2})-(\d{1,2})\b[ \t]*")


def iter_units(text: str, units: Units, start: int = 0, end: int | None = None) -> Iterator[Block]:
    """The blocks of ``text[start:end]``: blank-line separated paragraphs, or non-blank lines."""
    if units == "lines":
        return iter_lines(text, start, end)
    return iter_blocks(text, start, end)


def paragraphs(blocks: list[Block], lang: Lang) -> tuple[Paragraph, ...]:
    """Number ``blocks`` as the paragraphs of one language, in order."""
    return tuple(
        Paragraph(block.text, lang, index, block.line, block.start, block.end)
        for index, block in enumerate(blocks)
    )


def leading_date(text: str) -> tuple[dt.date | None, int]:
    """A leading ``date YYYY-MM-DD`` marker: the date and where the text resumes."""
    match = _DATE_PREFIX.match(text)
    if match is None:
        return None, 0
    return make_date(*match.groups()), match.end()


def make_date(year: str, month: str, day: str) -> dt.date | None:
    """A date from its parts, or None when they do not make a real date."""
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
