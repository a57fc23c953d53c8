"""The learner glossary of a Ming Pao bilingual editorial (``■ Glossary 生字 /`` block).

Each ``term : definition`` entry becomes an English-only term (``zh`` empty) whose note is the
definition, tagged ``learner``, with the editorial as source and its date. When the lead's
document readers are available the block is taken from ``load_document``'s
``learner_entries``; otherwise it is parsed here.
"""

from __future__ import annotations

import re
from pathlib import Path

from parallax.core.glossary.formats._common import (
    FormatError,
    ImportResult,
    RowProblem,
    TermError,
    make_term,
)
from parallax.core.glossary.term import Term

BLOCK = re.compile(r"^\s*■\s*Glossary\b.*$", re.MULTILINE)
_ENTRY = re.compile(r"^(?P<term>[^:：]+?)\s*[:：]\s*(?P<definition>.+)$")
_ZH_DATE = re.compile(r"明報社評\s*(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})")
_EN_DATE = re.compile(r"^\s*date (\d{4})-(\d{2})-(\d{2})")


def looks_like(text: str) -> bool:
    """True if ``text`` has a Ming Pao learner glossary block."""
    return BLOCK.search(text) is not None


def parse(text: str, *, source: str = "") -> ImportResult:
    """The learner entries of an editorial's text."""
    block = BLOCK.search(text)
    if block is None:
        raise FormatError("no '■ Glossary 生字' block")
    date = _date(text)
    terms: list[Term] = []
    problems: list[RowProblem] = []
    first_line = text.count("\n", 0, block.end()) + 2
    for number, line in enumerate(text[block.end() :].split("\n")[1:], start=first_line):
        if not line.strip():
            continue
        found = _ENTRY.match(line.strip())
        if not found:
            problems.append(RowProblem(number, "expected 'term : definition'"))
            continue
        try:
            terms.append(_learner_term(found["term"], found["definition"], source, date))
        except TermError as error:
            problems.append(RowProblem(number, str(error)))
    return ImportResult(tuple(terms), tuple(problems))


def parse_document(path: Path, *, encoding: str | None = None) -> ImportResult:
    """The learner entries of the Ming Pao document at ``path``."""
    from parallax.core.readers import load_document

    document = load_document(path, encoding=encoding)
    date = document.meta.date.isoformat() if document.meta.date else ""
    source = document.meta.title_zh or document.meta.source or path.name
    terms = [_learner_term(e.term, e.definition, source, date) for e in document.learner_entries]
    return ImportResult(tuple(terms))


def _learner_term(term: str, definition: str, source: str, date: str) -> Term:
    return make_term(
        "",
        term.strip(),
        note=definition.strip(),
        tags=("learner",),
        source=source,
        source_date=date,
    )


def _date(text: str) -> str:
    found = _ZH_DATE.search(text) or _EN_DATE.search(text)
    if not found:
        return ""
    year, month, day = (int(g) for g in found.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"
