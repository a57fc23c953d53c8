"""OmegaT glossary TSV: ``source⇥target⇥comment``, no header, no escaping.

Chinese is the source language; a term with several English renderings is one line per
rendering (OmegaT merges lines of one source term into one entry with several targets). Tabs
and newlines inside fields become spaces on export; fields are trimmed; a term without Chinese
(or whose Chinese starts with ``#``, a comment for OmegaT) cannot be an OmegaT entry and is
skipped.
"""

from __future__ import annotations

from collections.abc import Sequence

from parallax.core.glossary.formats._common import ImportResult, RowProblem, TermError, make_term
from parallax.core.glossary.merging import renderings
from parallax.core.glossary.term import Term

HEADER = "# Glossary in tab-separated format -*- coding: utf-8 -*-"


def _flat(text: str) -> str:
    return " ".join(text.split())


def exportable(term: Term) -> bool:
    """True if ``term`` can be an OmegaT entry: it has a Chinese source term, and that term
    does not start with ``#`` (OmegaT would read the line as a comment)."""
    zh = _flat(term.zh)
    return bool(zh) and not zh.startswith("#")


def export(terms: Sequence[Term]) -> str:
    """The terms as an OmegaT glossary (UTF-8, LF line ends)."""
    lines = [HEADER]
    for term in terms:
        if exportable(term):
            for rendering in renderings(term.en) or [""]:
                lines.append("\t".join((_flat(term.zh), _flat(rendering), _flat(term.note))))
    return "\n".join(lines) + "\n"


def parse(text: str) -> ImportResult:
    """Terms from an OmegaT TSV glossary, skipping what OmegaT skips."""
    terms: list[Term] = []
    problems: list[RowProblem] = []
    for number, line in enumerate(text.removeprefix("\ufeff").splitlines(), start=1):
        if line.startswith("#") or not line.strip():
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) < 2 or not fields[0]:
            continue
        comment = fields[2] if len(fields) > 2 else ""
        try:
            terms.append(make_term(fields[0], fields[1], note=comment))
        except TermError as error:
            problems.append(RowProblem(number, str(error)))
    return ImportResult(tuple(terms), tuple(problems))
