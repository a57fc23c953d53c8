"""The Ming Pao bilingual editorial: English, the 明報社評 title line, Chinese, learner glossary."""

from __future__ import annotations

from pathlib import Path

import regex

from parallax.core.document import Document, LearnerEntry, Metadata, Units
from parallax.core.readers.units import iter_units, leading_date, make_date, paragraphs
from parallax.core.text import iter_blocks

SOURCE_NAME = "Ming Pao editorial"

_SPACE = r"[ \t\u3000\u00a0]*"
TITLE_LINE = regex.compile(
    rf"^{_SPACE}明[報报]社[評评]{_SPACE}"
    rf"(?:(\d{{4}}){_SPACE}[.\-/年]{_SPACE}(\d{{1,2}}){_SPACE}[.\-/月]{_SPACE}(\d{{1,2}}){_SPACE}日?)?"
    rf"{_SPACE}[:：]?{_SPACE}(.*?){_SPACE}$",
    regex.MULTILINE,
)
GLOSSARY_LINE = regex.compile(
    rf"^{_SPACE}■?{_SPACE}(?:Glossary{_SPACE}生字|Glossary|生字){_SPACE}/?{_SPACE}$",
    regex.MULTILINE | regex.IGNORECASE,
)
_ENTRY = regex.compile(rf"^(.+?){_SPACE}[:：]{_SPACE}(.*)$", regex.DOTALL)


def is_mingpao(text: str) -> bool:
    """Whether ``text`` has the ``明報社評…：title`` line of a Ming Pao bilingual editorial."""
    return TITLE_LINE.search(text) is not None


def parse_mingpao(text: str, path: Path | None, units: Units, encoding: str) -> Document:
    """Parse a Ming Pao bilingual editorial (text already decoded and cleaned)."""
    title = TITLE_LINE.search(text)
    assert title is not None, "call is_mingpao() first"
    date_en, resume = leading_date(text)
    english = list(iter_units(text, units, resume, title.start()))
    glossary = GLOSSARY_LINE.search(text, title.end())
    chinese_end = glossary.start() if glossary else len(text)
    chinese = list(iter_units(text, units, title.end(), chinese_end))
    entries = _learner_entries(text, glossary.end()) if glossary else ()
    date = make_date(*title.groups()[:3]) if title.group(1) else None
    meta = Metadata(
        source=SOURCE_NAME,
        path=path,
        title_zh=title.group(4) or None,
        date=date or date_en,
        encoding=encoding,
    )
    return Document(
        meta, paragraphs(chinese, "zh"), paragraphs(english, "en"), entries, units=units
    )


def _learner_entries(text: str, start: int) -> tuple[LearnerEntry, ...]:
    entries = []
    for block in iter_blocks(text, start):
        for offset, line in enumerate(block.text.split("\n")):
            line = line.strip()
            if not line:
                continue
            match = _ENTRY.match(line)
            term, definition = (match.group(1), match.group(2)) if match else (line, "")
            entries.append(LearnerEntry(term.strip(), definition.strip(), block.line + offset))
    return tuple(entries)
