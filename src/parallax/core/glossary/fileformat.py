"""The parallax glossary file: UTF-8 TSV, a header row, one row per term sense.

* First line: the column names (``COLUMNS``; ``id``, ``zh`` and ``en`` are required, the others
  may be missing or in any order). Unknown columns are an error for the whole file.
* Fields are separated by one TAB; inside a field ``\\`` ``TAB`` ``LF`` ``CR`` are written
  ``\\\\`` ``\\t`` ``\\n`` ``\\r``. ``tags`` are separated by single spaces.
* Row order is insertion order: rows stay where they are, new terms are appended.
* A row that cannot be read (wrong number of fields, bad status, duplicate id, …) becomes a
  ``RowProblem``; its raw line is kept verbatim and written back unchanged on every save, so
  a hand-edited mistake is never lost. Blank lines are skipped and ``#`` lines kept as comments.
* Glossary files are data, like documents: terminal escapes and control characters are
  removed from every field as it is read (a shared glossary cannot drive the terminal).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any

from parallax.core.glossary._gc import gc_paused
from parallax.core.glossary.term import Term, TermError, validate
from parallax.core.text import has_controls, strip_controls

COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Term))
REQUIRED: tuple[str, ...] = ("id", "zh", "en")
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}
_NEEDS_ESCAPE = re.compile(r"[\\\t\n\r]")
_ESCAPE_SEQ = re.compile(r"\\(.)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A line of a glossary file that could not be read; ``raw`` is kept verbatim."""

    line: int
    message: str
    raw: str = ""

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class RawLine:
    """A line carried through unchanged (a comment, or a row with a problem)."""

    text: str


Entry = Term | RawLine


@dataclass(frozen=True)
class ParsedFile:
    """The content of a glossary file, in file order."""

    entries: tuple[Entry, ...]
    problems: tuple[RowProblem, ...]
    header_ok: bool = True

    @property
    def terms(self) -> tuple[Term, ...]:
        return tuple(e for e in self.entries if isinstance(e, Term))


def escape(value: str) -> str:
    """Escape backslash, TAB, LF and CR for one TSV field."""
    if not _NEEDS_ESCAPE.search(value):
        return value
    return _NEEDS_ESCAPE.sub(lambda m: _ESCAPES[m.group()], value)


def unescape(value: str) -> str:
    """Undo ``escape``; an unknown escape such as ``\\x`` is kept as it is."""
    if "\\" not in value:
        return value
    return _ESCAPE_SEQ.sub(lambda m: _UNESCAPES.get(m.group(1), m.group()), value)


_TEXT_COLUMNS = tuple(name for name in COLUMNS if name != "tags")
_TAGS_AT = COLUMNS.index("tags")
_get_text = attrgetter(*_TEXT_COLUMNS)


def format_row(term: Term) -> str:
    """One TSV row for ``term`` (all ``COLUMNS``, in order)."""
    cells = list(_get_text(term))
    cells.insert(_TAGS_AT, " ".join(term.tags))
    row = "\t".join(cells)
    if row.count("\t") == len(cells) - 1 and not _NEEDS_ESCAPE.search(row.replace("\t", "")):
        return row  # fast path: nothing to escape
    return "\t".join(escape(cell) for cell in cells)


def dump(entries: Iterable[Entry]) -> str:
    """The text of a glossary file holding ``entries``."""
    lines = ["\t".join(COLUMNS)]
    lines.extend(e.text if isinstance(e, RawLine) else format_row(e) for e in entries)
    return "\n".join(lines) + "\n"


def parse(text: str) -> ParsedFile:
    """Read a glossary file's text; bad rows become problems and are kept as raw lines."""
    text = text.removeprefix("\ufeff")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        return ParsedFile((), ())
    header: Sequence[str] = [h.strip() for h in lines[0].rstrip("\r").split("\t")]
    fault = _header_fault(header)
    if tuple(header) == COLUMNS:
        header = COLUMNS
    if fault:
        raw = tuple(RawLine(line) for line in lines)
        return ParsedFile(raw, (RowProblem(1, fault, lines[0]),), header_ok=False)
    with gc_paused():
        return _parse_rows(header, lines, dirty=has_controls(text))


def _parse_rows(header: Sequence[str], lines: list[str], *, dirty: bool) -> ParsedFile:
    entries: list[Entry] = []
    problems: list[RowProblem] = []
    seen: set[str] = set()
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        if line.startswith("#"):
            entries.append(RawLine(line))
            continue
        try:
            term = _parse_row(header, line.removesuffix("\r"), dirty=dirty)
            if term.id in seen:
                raise TermError(f"duplicate id {term.id}")
        except TermError as error:
            problems.append(RowProblem(number, str(error), line))
            entries.append(RawLine(line))
            continue
        seen.add(term.id)
        entries.append(term)
    return ParsedFile(tuple(entries), tuple(problems))


def _header_fault(header: Sequence[str]) -> str:
    unknown = [h for h in header if h not in COLUMNS]
    missing = [h for h in REQUIRED if h not in header]
    if unknown or missing or len(set(header)) != len(header):
        return (
            "not a parallax glossary header"
            + (f"; unknown columns: {', '.join(unknown)}" if unknown else "")
            + (f"; missing columns: {', '.join(missing)}" if missing else "")
        )
    return ""


HEADER_LINE = "\t".join(COLUMNS)


def _parse_row(header: Sequence[str], line: str, *, dirty: bool = True) -> Term:
    cells = line.split("\t")
    if len(cells) != len(header):
        raise TermError(f"{len(cells)} fields, expected {len(header)}")
    if "\\" in line:
        cells = [unescape(cell) for cell in cells]
    if dirty and any(map(has_controls, cells)):
        cells = [strip_controls(cell) for cell in cells]
    if header is COLUMNS:
        values: dict[str, Any] = dict(zip(COLUMNS, cells, strict=True))
    else:
        values = dict.fromkeys(COLUMNS, "")
        values.update(zip(header, cells, strict=True))
    values["tags"] = tags = tuple(values["tags"].split())
    values["status"] = status = values["status"] or "new"
    validate(values["id"], values["zh"], values["en"], status, tags)
    return Term.trusted(values)


def row_ids(text: str) -> set[str] | None:
    """The ids of the rows of a file in the standard column order (``None`` if it is not)."""
    lines = text.split("\n")
    if lines[0].removeprefix("\ufeff").rstrip("\r") != HEADER_LINE:
        return None
    return {line.split("\t", 1)[0] for line in lines[1:]}


def iter_terms(entries: Iterable[Entry]) -> Iterator[Term]:
    """The terms among ``entries``."""
    return (e for e in entries if isinstance(e, Term))
