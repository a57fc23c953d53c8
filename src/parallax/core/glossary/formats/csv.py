"""CSV (RFC 4180) with a header row of the parallax columns; ``csv-excel`` adds a UTF-8 BOM.

Beside ``zh`` (the Chinese as saved), ``traditional`` and ``simplified`` give it in both scripts
(Hong Kong Traditional, Simplified); import takes ``zh``, else ``traditional`` or
``simplified``.

Cells that a spreadsheet would run as a formula (starting with ``= + - @`` TAB or CR) are
prefixed with ``'``; so are cells starting with ``'``, so that import can undo exactly the
prefixes export added (``'`` followed by one of those characters) and round-trips.
"""

from __future__ import annotations

import csv as _csv
import io
from collections.abc import Sequence

from parallax.core import chinese
from parallax.core.glossary.fileformat import COLUMNS
from parallax.core.glossary.formats._common import (
    FormatError,
    ImportResult,
    RowProblem,
    TermError,
    csv_rows,
    has_han,
    make_term,
)
from parallax.core.glossary.term import Term
from parallax.core.text import strip_controls

_FORMULA = ("=", "+", "-", "@", "\t", "\r", "'")


def neutralise(cell: str) -> str:
    """``cell`` made safe for spreadsheets."""
    return "'" + cell if cell.startswith(_FORMULA) else cell


def restore(cell: str) -> str:
    """Undo ``neutralise``."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA) else cell


def export(terms: Sequence[Term], *, excel: bool = False) -> str:
    """The terms as CSV text (with a BOM for Excel when ``excel``)."""
    out = io.StringIO()
    writer = _csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for term in terms:
        row = [_cell(term, c) for c in HEADER]
        writer.writerow([neutralise(cell) for cell in row])
    return ("\ufeff" if excel else "") + out.getvalue()


SCRIPTS = ("traditional", "simplified")
HEADERLESS = ("zh", "en", "note")  # OmegaT's CSV glossary: source, target, comment


# Column names a spreadsheet's header may give in Chinese or English: such a row is a header
_HEADER_WORDS = frozenset(
    ("中文", "英文", "漢語", "汉语", "繁體", "繁体", "簡體", "简体", "術語", "术语")
    + ("詞語", "词语", "詞彙", "词汇", "原文", "譯文", "译文", "翻譯", "翻译", "備註")
    + ("备注", "註釋", "注释", "source", "target", "comment", "chinese", "english")
    + ("term", "translation", "note")
)


def is_headerless(first_row: Sequence[str]) -> bool:
    """True if CSV ``first_row`` is a term, not a header: 2 or 3 cells, the first Chinese, none
    a column name (``中文,英文`` is a header)."""
    if not 2 <= len(first_row) <= 3 or not has_han(first_row[0]):
        return False
    return not {strip_controls(c).strip().lower() for c in first_row} & _HEADER_WORDS


HEADER = (*COLUMNS[: COLUMNS.index("zh") + 1], *SCRIPTS, *COLUMNS[COLUMNS.index("zh") + 1 :])


def _cell(term: Term, column: str) -> str:
    if column == "tags":
        return " ".join(term.tags)
    if column == "traditional":
        return chinese.to_traditional(term.zh)
    if column == "simplified":
        return chinese.to_simplified(term.zh)
    return str(getattr(term, column))


def parse(text: str) -> ImportResult:
    """Terms from CSV text with a header naming at least ``zh`` and ``en``, or without a
    header, as OmegaT writes its CSV glossaries: ``source,target[,comment]`` (the first row then
    starts with Chinese)."""
    rows = list(csv_rows(text.removeprefix("\ufeff")))
    header = [restore(h).strip().lower() for h in (rows[0][1] if rows else [])]
    if "zh" not in header:
        header = ["zh" if h == next((s for s in SCRIPTS if s in header), "") else h for h in header]
    headerless = "zh" not in header and bool(rows) and is_headerless(rows[0][1])
    if headerless:
        header = list(HEADERLESS)
        rows.insert(0, (0, header))
    if "zh" not in header or "en" not in header:
        raise FormatError(
            f"header must name the columns zh and en, found: {', '.join(header)}", line=1
        )
    terms: list[Term] = []
    problems: list[RowProblem] = []
    for line, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        if headerless and len(row) == 2:  # the comment is optional
            row = [*row, ""]
        if len(row) != len(header):
            problems.append(RowProblem(line, f"{len(row)} fields, expected {len(header)}"))
            continue
        values = {h: restore(cell) for h, cell in zip(header, row, strict=True) if h in COLUMNS}
        try:
            terms.append(make_term(values.pop("zh"), values.pop("en"), **values))
        except TermError as error:
            problems.append(RowProblem(line, str(error)))
    return ImportResult(tuple(terms), tuple(problems))
