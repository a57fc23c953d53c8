"""Shared helpers for the import/export formats."""

from __future__ import annotations

import csv as _csv
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from parallax.core import chinese
from parallax.core.errors import ParallaxError
from parallax.core.glossary.fileformat import RowProblem
from parallax.core.glossary.term import Term, TermError, clean_text, is_own_id, new_term


class FormatError(ParallaxError):
    """A file could not be imported or exported (one line naming the file and the fault)."""


@dataclass(frozen=True)
class ImportResult:
    """Terms read from a file, the rows that could not be read, and entries kept only as notes
    (English-only learner entries whose Chinese was not found, one line each)."""

    terms: tuple[Term, ...]
    problems: tuple[RowProblem, ...] = ()
    notes: tuple[str, ...] = ()


def csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """``(line, cells)`` for each row of CSV ``text`` (RFC 4180; line ends CRLF, LF or CR),
    ``line`` being where the row starts. Bad quoting (an unclosed quote, text after a closing
    quote) or a field over 128 KB is a FormatError naming the line: nothing is guessed."""
    from parallax.core.text import normalise_newlines

    reader = _csv.reader(io.StringIO(normalise_newlines(text), newline=""), strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except _csv.Error as error:
            raise FormatError(_csv_fault(str(error)), line=start) from None
        yield start, row
        start = reader.line_num + 1


def _csv_fault(message: str) -> str:
    if "unexpected end of data" in message:
        return "a quote is opened here and never closed; nothing imported"
    if "field larger than field limit" in message:
        return f"a field is larger than {_csv.field_size_limit() // 1024} KB; nothing imported"
    return f"bad CSV quoting ({message}); nothing imported"


def stable_id(zh: str, en: str) -> str:
    """An id derived from the content, so importing the same file twice adds nothing new."""
    return hashlib.sha256(f"{zh}\x00{en}".encode()).hexdigest()[:16]


def has_han(text: str) -> bool:
    """True if ``text`` contains a Han character."""
    return chinese.has_han(text)


def make_term(zh: str, en: str, *, id: str = "", **fields: Any) -> Term:
    """A term from imported fields; pinyin/Jyutping computed unless given.

    ``id`` is kept only when it is a parallax id (``is_own_id``: re-importing our own export
    updates the same terms); any other tool's id is replaced by one derived from the content,
    so a foreign ``e1`` can never overwrite an unrelated term. Text fields are cleaned of
    control characters. Empty ``created``/``updated`` are set to now. Raises ``TermError``
    for invalid values.
    """
    fields["status"] = fields.get("status") or "new"
    created = clean_text(str(fields.pop("created", "") or ""))
    updated = clean_text(str(fields.pop("updated", "") or ""))
    pinyin = fields.pop("pinyin", None) or None
    jyutping = fields.pop("jyutping", None) or None
    term = new_term(
        zh,
        en,
        id=id if is_own_id(id) else stable_id(clean_text(zh).strip(), clean_text(en).strip()),
        pinyin=pinyin,
        jyutping=jyutping,
        **fields,
    )
    if created or updated:
        from dataclasses import replace

        term = replace(term, created=created or term.created, updated=updated or created)
    return term


def from_term(term: Term) -> Term:
    """``term`` (read from a parallax file) as an imported term: cleaned, foreign id replaced."""
    values = {k: v for k, v in vars(term).items() if k not in ("zh", "en", "id")}
    return make_term(term.zh, term.en, id=term.id, **values)


__all__ = [
    "FormatError",
    "csv_rows",
    "ImportResult",
    "RowProblem",
    "TermError",
    "from_term",
    "has_han",
    "make_term",
    "stable_id",
]
