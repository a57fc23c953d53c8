"""The learner glossary of a Ming Pao bilingual editorial (``■ Glossary 生字 /`` block).

Each ``term : definition`` entry is an English word of the editorial. Imported from the
editorial itself (:func:`parse_document`), its Chinese is looked for in the aligned text: the
paragraph pair whose English uses the word, and the proposer's best Chinese for it there
(subvert -> 顛覆). Found, the entry becomes a term (the definition its note, tagged ``learner``,
the editorial its source and date, the paragraphs its context); not found, it stays a learner
note (``ImportResult.notes``): a glossary row always has Chinese. From text alone
(:func:`parse`) there is no aligned text, so every entry is a note.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from parallax.core.document import Document
from parallax.core.glossary.formats._common import (
    FormatError,
    ImportResult,
    RowProblem,
    TermError,
    make_term,
)
from parallax.core.glossary.term import Term

AlignedPairs = Callable[[Document], list[tuple[str, str]]]
BLOCK = re.compile(r"^\s*■\s*Glossary\b.*$", re.MULTILINE)
_ENTRY = re.compile(r"^(?P<term>[^:：]+?)\s*[:：]\s*(?P<definition>.+)$")
_ZH_DATE = re.compile(r"明報社評\s*(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})")
_EN_DATE = re.compile(r"^\s*date (\d{4})-(\d{2})-(\d{2})")


def looks_like(text: str) -> bool:
    """True if ``text`` has a Ming Pao learner glossary block."""
    return BLOCK.search(text) is not None


def parse(text: str, *, source: str = "") -> ImportResult:
    """The learner entries of an editorial's text, all as notes (no aligned text to find their
    Chinese in: import the editorial file itself for that)."""
    block = BLOCK.search(text)
    if block is None:
        raise FormatError("no '■ Glossary 生字' block")
    notes: list[str] = []
    problems: list[RowProblem] = []
    first_line = text.count("\n", 0, block.end()) + 2
    for number, line in enumerate(text[block.end() :].split("\n")[1:], start=first_line):
        if not line.strip():
            continue
        found = _ENTRY.match(line.strip())
        if not found:
            problems.append(RowProblem(number, "expected 'term : definition'"))
            continue
        notes.append(f"{found['term'].strip()}: {found['definition'].strip()}")
    return ImportResult((), tuple(problems), tuple(notes))


def parse_document(
    path: Path, *, encoding: str | None = None, aligned: AlignedPairs | None = None
) -> ImportResult:
    """The learner entries of the editorial at ``path``: terms with the Chinese found for them
    in the aligned text (``aligned(document)``: its ``(zh, en)`` paragraph pairs, from the
    aligner), notes for the others (all of them without ``aligned``)."""
    from parallax.core.readers import load_document

    document = load_document(path, encoding=encoding)
    date = document.meta.date.isoformat() if document.meta.date else ""
    source = document.meta.title_zh or document.meta.source or path.name
    pairs = aligned(document) if aligned is not None else []
    terms: list[Term] = []
    notes: list[str] = []
    problems: list[RowProblem] = []
    for entry in document.learner_entries:
        found = find_chinese(entry.term, pairs)
        if found is None:
            notes.append(f"{entry.term.strip()}: {entry.definition.strip()}")
            continue
        zh, context_zh, context_en = found
        try:
            terms.append(
                make_term(
                    zh,
                    entry.term.strip(),
                    note=entry.definition.strip(),
                    tags=("learner",),
                    source=source,
                    source_date=date,
                    context_zh=context_zh,
                    context_en=context_en,
                )
            )
        except TermError as error:
            problems.append(RowProblem(entry.line, str(error)))
    return ImportResult(tuple(terms), tuple(problems), tuple(notes))


def find_chinese(english: str, pairs: list[tuple[str, str]]) -> tuple[str, str, str] | None:
    """The Chinese for ``english`` in aligned ``(zh, en)`` paragraph pairs: the proposer's best
    for the first English paragraph that uses the word (inflected forms count); with that
    pair as context. None when no paragraph uses it or nothing is proposed."""
    from parallax.core.glossary.matcher import Matcher
    from parallax.core.glossary.term import Term as _Term
    from parallax.core.suggest.propose import propose_zh

    matcher = Matcher.build([_Term(id="learner", zh="", en=english.strip())])
    for zh_text, en_text in pairs:
        for match in matcher.find_en(en_text):
            said = en_text[match.start : match.end]
            proposals = propose_zh(said, en_text=en_text, zh_text=zh_text, en_start=match.start)
            usable = [p for p in proposals if p.origin in ("dictionary", "quote", "glossary")]
            if usable:
                return usable[0].text, zh_text, en_text
    return None


def _date(text: str) -> str:
    found = _ZH_DATE.search(text) or _EN_DATE.search(text)
    if not found:
        return ""
    year, month, day = (int(g) for g in found.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"
