"""Lute v3 term CSV: export ``term,parent,translation,language,tags,added,status,link_status,
pronunciation``; import needs ``language,term``.

Chinese terms get ``language`` ``Classical Chinese`` (change it with ``language=``);
English-only entries are written as ``English`` terms whose translation is the note.
Status: new -> 1, learning -> 3, known -> 5; on import 1 -> new, 2-4 -> learning,
5 and W -> known, I (ignored) -> known. Tags are separated by commas.
"""

from __future__ import annotations

import csv as _csv
import io
from collections.abc import Sequence

from parallax.core.glossary.formats._common import (
    FormatError,
    ImportResult,
    RowProblem,
    TermError,
    csv_rows,
    make_term,
)
from parallax.core.glossary.formats.csv import neutralise, restore
from parallax.core.glossary.term import Term

EXPORT_COLUMNS = (
    "term",
    "parent",
    "translation",
    "language",
    "tags",
    "added",
    "status",
    "link_status",
    "pronunciation",
)
TO_LUTE = {"new": "1", "learning": "3", "known": "5"}
FROM_LUTE = {
    "1": "new",
    "2": "learning",
    "3": "learning",
    "4": "learning",
    "5": "known",
    "w": "known",
    "i": "known",
}
ENGLISH = "English"


def export(terms: Sequence[Term], *, language: str = "Classical Chinese") -> str:
    """The terms as a Lute term CSV."""
    out = io.StringIO()
    writer = _csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for t in terms:
        english_only = not t.zh
        writer.writerow(
            neutralise(cell)  # a spreadsheet must not run a cell as a formula
            for cell in (
                t.en if english_only else t.zh,
                "",
                t.note if english_only else t.en,
                ENGLISH if english_only else language,
                ",".join(t.tags),
                t.created.replace("T", " ").removesuffix("Z"),
                TO_LUTE[t.status],
                "",
                "" if english_only else t.pinyin,
            )
        )
    return out.getvalue()


def parse(text: str) -> ImportResult:
    """Terms from a Lute term CSV."""
    rows = list(csv_rows(text.removeprefix("\ufeff")))
    fields = [restore(f).strip().lower() for f in (rows[0][1] if rows else [])]
    if "term" not in fields or "language" not in fields:
        raise FormatError("a Lute CSV needs the columns language and term", line=1)
    terms: list[Term] = []
    problems: list[RowProblem] = []
    for line, cells in rows[1:]:
        if not any(cell.strip() for cell in cells):
            continue
        row = {f: restore(c) for f, c in zip(fields, cells, strict=False)}
        term, translation = (row.get("term") or "").strip(), row.get("translation") or ""
        status = FROM_LUTE.get((row.get("status") or "1").strip().lower(), "new")
        tags = (row.get("tags") or "").replace(",", " ")
        try:
            if (row.get("language") or "").strip().lower() == ENGLISH.lower():
                item = make_term("", term, note=translation, tags=tags, status=status)
            else:
                item = make_term(
                    term,
                    translation,
                    tags=tags,
                    status=status,
                    pinyin=(row.get("pronunciation") or None),
                )
        except TermError as error:
            problems.append(RowProblem(line, str(error)))
            continue
        terms.append(item)
    return ImportResult(tuple(terms), tuple(problems))
