"""Lute v3 term CSV: export ``term,parent,translation,language,tags,added,status,link_status,
pronunciation``; import needs ``language,term``.

Lute refuses a whole file when two rows share language and term ("Duplicate terms in import";
terms compared lower-cased with blanks collapsed), so the export writes one row per word: the
English renderings of every term with that word (in either script) joined by ``; ``, tags
combined, the highest status. ``language`` is the Lute language the terms go to (default
``Classical Chinese``, which Lute ships; the ``lute3-mandarin`` plugin's is ``Mandarin
Chinese``). Terms without Chinese are left out (Lute has no English language unless the user
made one).

Status: new -> 1, learning -> 3, known -> 5; on import 1 -> new, 2-4 -> learning, 5 and W ->
known, I (ignored) -> known. Import reads Lute's own export too: the zero-width spaces Lute puts
between the characters of a multi-character term are removed, and its ``;;``-joined tags split.
"""

from __future__ import annotations

import csv as _csv
import io
from collections.abc import Sequence

from parallax.core.chinese import fold
from parallax.core.glossary.formats._common import (
    FormatError,
    ImportResult,
    RowProblem,
    TermError,
    csv_rows,
    make_term,
)
from parallax.core.glossary.formats.csv import neutralise, restore
from parallax.core.glossary.merging import join_renderings
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
DEFAULT_LANGUAGE = "Classical Chinese"
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
ZERO_WIDTH = "\u200b"


def lute_key(term: str) -> str:
    """How Lute compares terms in one import: lower case, blanks collapsed."""
    return " ".join(term.replace(ZERO_WIDTH, "").split()).lower()


def export(terms: Sequence[Term], *, language: str = DEFAULT_LANGUAGE) -> str:
    """The terms with Chinese as a Lute term CSV, one row per word."""
    rows: dict[str, dict[str, str]] = {}
    tags: dict[str, list[str]] = {}
    for t in terms:
        word = " ".join(t.zh.split())
        if not word:
            continue
        key = lute_key(fold(word))  # one row for both scripts of a word too
        row = rows.get(key)
        if row is None:
            rows[key] = {
                "term": word,
                "parent": "",
                "translation": t.en,
                "language": language,
                "added": t.created.replace("T", " ").removesuffix("Z"),
                "status": TO_LUTE[t.status],
                "link_status": "",
                "pronunciation": t.pinyin,
            }
            tags[key] = list(t.tags)
            continue
        row["translation"] = join_renderings(row["translation"], t.en)
        row["status"] = max(row["status"], TO_LUTE[t.status])
        row["pronunciation"] = row["pronunciation"] or t.pinyin
        tags[key] += [tag for tag in t.tags if tag not in tags[key]]
    out = io.StringIO()
    writer = _csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for key, row in rows.items():
        row["tags"] = ",".join(tags[key])
        # a spreadsheet must not run a cell as a formula
        writer.writerow([neutralise(row[c]) for c in EXPORT_COLUMNS])
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
        term = (row.get("term") or "").replace(ZERO_WIDTH, "").strip()
        translation = row.get("translation") or ""
        status = FROM_LUTE.get((row.get("status") or "1").strip().lower(), "new")
        tags = (row.get("tags") or "").replace(";;", " ").replace(",", " ")
        try:
            if (row.get("language") or "").strip().lower() == ENGLISH.lower():
                raise TermError(f"{term!r} is an English term: a glossary term needs its Chinese")
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
