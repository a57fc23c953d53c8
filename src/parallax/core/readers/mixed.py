"""One file holding both languages in any order: each block is classified by its share of Han."""

from __future__ import annotations

from pathlib import Path

from parallax.core.document import Document, Metadata, Units
from parallax.core.readers.units import iter_units, leading_date, paragraphs
from parallax.core.text import Block, han_share

# A block is Chinese when at least this share of its letters (Han + Latin) are Han characters.
CHINESE_SHARE = 0.3


def split_languages(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """Split ``blocks`` into Chinese and English in order; blocks with neither are dropped."""
    chinese: list[Block] = []
    english: list[Block] = []
    for block in blocks:
        share = han_share(block.text)
        if share >= CHINESE_SHARE:
            chinese.append(block)
        elif any(c.isascii() and c.isalpha() for c in block.text):
            english.append(block)
    return chinese, english


def parse_mixed(text: str, path: Path | None, units: Units, encoding: str) -> Document:
    """Parse a file of Chinese and English blocks in any order."""
    date, resume = leading_date(text)
    chinese, english = split_languages(list(iter_units(text, units, resume)))
    source = path.name if path is not None else "text"
    meta = Metadata(source=source, path=path, date=date, encoding=encoding)
    return Document(meta, paragraphs(chinese, "zh"), paragraphs(english, "en"), units=units)
