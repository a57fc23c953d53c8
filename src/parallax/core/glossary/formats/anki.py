"""Anki text import file for the built-in Basic note type, with a stable GUID column.

::

    #separator:tab
    #html:true
    #notetype:Basic
    #deck:parallax::NAME
    #columns:guid⇥Front⇥Back⇥Tags
    #guid column:1
    #tags column:4

GUID ``parallax-<term id>`` (re-import updates the same notes). Front is the Chinese term (a
sense number keeps it unique when several rows share a Chinese term); terms without Chinese
(learner notes) are left out, so no card has an empty front. The ``.apkg`` package with its own
note type is :mod:`.apkg`. Back holds one ``<div class="px-FIELD">`` per field: English, pinyin,
Jyutping, note, both context sentences and the source (learning status and times are left to
Anki). Fields are HTML-escaped, newlines are
``<br>`` and tabs ``&#9;``.
"""

from __future__ import annotations

import csv as _csv
import html
import re
from collections import Counter
from collections.abc import Sequence

from parallax.core.glossary.formats._common import (
    FormatError,
    ImportResult,
    RowProblem,
    TermError,
    has_han,
    make_term,
)
from parallax.core.glossary.term import Term

GUID_PREFIX = "parallax-"
BACK_FIELDS = (
    "en",
    "pos",
    "pinyin",
    "jyutping",
    "note",
    "context_zh",
    "context_en",
    "source",
    "source_date",
)
_DIV_OPEN = '<div class="px-'
_DIV_REST = re.compile(r'([a-z_]{1,20})">(.*?)</div>', re.DOTALL)
_KNOWN_FIELDS = frozenset(("zh", *BACK_FIELDS))
_SENSE = re.compile(r'<span class="px-sense">[^<]*</span>')
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]+>")  # [^<>]: a '<' never scans past the next '<' (linear)
MAX_COLUMN = 1000


def to_html(text: str) -> str:
    """Plain text as an Anki HTML field."""
    return (
        html.escape(text, quote=False)
        .replace("\t", "&#9;")
        .replace("\r", "&#13;")
        .replace("\n", "<br>")
    )


def from_html(field: str) -> str:
    """An Anki HTML field as plain text."""
    return html.unescape(_TAG.sub("", _BR.sub("\n", field)))


def export(terms: Sequence[Term], *, name: str = "parallax") -> str:
    """The terms as an Anki import file (one note per term sense)."""
    deck = " ".join(f"parallax::{name}".split())
    lines = [
        "#separator:tab",
        "#html:true",
        "#notetype:Basic",
        f"#deck:{deck}",
        "#columns:guid\tFront\tBack\tTags",
        "#guid column:1",
        "#tags column:4",
    ]
    terms = [t for t in terms if t.zh.strip()]
    fronts = Counter(t.zh for t in terms)
    seen: Counter[str] = Counter()
    for term in terms:
        front_text = term.zh
        seen[front_text] += 1
        front = to_html(front_text)
        if fronts[front_text] > 1:
            front += f'<span class="px-sense"> ({seen[front_text]})</span>'
        back = f'<div class="px-en">{to_html(term.en)}</div>'  # always there
        back += "".join(
            f'<div class="px-{f}">{to_html(getattr(term, f))}</div>'
            for f in BACK_FIELDS[1:]
            if getattr(term, f)
        )
        lines.append("\t".join((GUID_PREFIX + term.id, front, back, " ".join(term.tags))))
    return "\n".join(lines) + "\n"


def parse(text: str) -> ImportResult:
    """Terms from an Anki text file (ours, or any Front/Back file; the ``#separator:`` header
    is honoured, tab when there is none)."""
    headers: dict[str, str] = {}
    columns = (0, 0)
    separator = "\t"
    terms: list[Term] = []
    problems: list[RowProblem] = []
    in_header = True
    for number, line in enumerate(text.removeprefix("\ufeff").split("\n"), start=1):
        line = line.removesuffix("\r")
        if in_header and line.startswith("#") and ":" in line:
            key, _, value = line[1:].partition(":")
            headers[key.strip().lower()] = value
            continue
        if not line.strip():
            continue
        if in_header:
            in_header = False
            columns = (_column(headers, "guid column"), _column(headers, "tags column"))
            separator = _separator(headers.get("separator", "tab"))
        try:
            terms.append(_note(_cells(line, separator), *columns))
        except IndexError:
            problems.append(RowProblem(number, "too few fields"))
        except TermError as error:
            problems.append(RowProblem(number, error.problem))
        except _csv.Error as error:
            problems.append(RowProblem(number, f"bad quoting ({error})"))
    return ImportResult(tuple(terms), tuple(problems))


# The separators Anki's ``#separator:`` names (or gives as the character itself)
SEPARATORS = {"tab": "\t", "pipe": "|", "semicolon": ";", "colon": ":", "comma": ",", "space": " "}


def _separator(value: str) -> str:
    """The field separator a ``#separator:`` header names; FormatError if Anki knows none."""
    name = value.strip().lower()
    if name in SEPARATORS:
        return SEPARATORS[name]
    if value in SEPARATORS.values():
        return value
    raise FormatError(f"#separator:{value} is not a separator Anki knows ({', '.join(SEPARATORS)})")


def _cells(line: str, separator: str) -> list[str]:
    """The fields of one line: split at tabs (our own files, which never quote), else read as
    CSV with ``separator``, as Anki reads it."""
    if separator == "\t":
        return line.split("\t")
    return next(_csv.reader([line], delimiter=separator, strict=True), [""])


def _column(headers: dict[str, str], key: str) -> int:
    """The 1-based column number of header ``key`` (0 when absent); FormatError if invalid."""
    value = headers.get(key, "").strip()
    if not value:
        return 0
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= MAX_COLUMN:
        raise FormatError(f"#{key}:{value} is not a column number (1 to {MAX_COLUMN})")
    return int(value)


def _note(cells: list[str], guid_col: int, tags_col: int) -> Term:
    guid = cells[guid_col - 1] if guid_col else ""
    tags = cells[tags_col - 1] if tags_col else ""
    rest = [c for i, c in enumerate(cells, start=1) if i not in (guid_col, tags_col)]
    front = from_html(_SENSE.sub("", rest[0]))
    back = rest[1] if len(rest) > 1 else ""
    values = _back_fields(back)
    if not values:  # not written by parallax: the Back text is the translation
        values = {"en" if has_han(front) else "note": from_html(back)}
    if "zh" in values:
        zh, en = values.pop("zh"), front
    elif "en" in values or has_han(front):
        zh, en = front, values.pop("en", "")
    else:
        zh, en = "", front
    term_id = guid.removeprefix(GUID_PREFIX) if guid.startswith(GUID_PREFIX) else ""
    return make_term(zh, en, id=term_id, tags=tags, **values)


def _back_fields(back: str) -> dict[str, str]:
    """The ``px-`` fields of a Back written by parallax; TermError for an unknown or repeated
    one (the note was not written by parallax, or was edited by hand)."""
    values: dict[str, str] = {}
    for part in back.split(_DIV_OPEN)[1:]:  # linear: each part is scanned once
        found = _DIV_REST.match(part)
        if found is None:
            continue
        key, value = found.groups()
        if key not in _KNOWN_FIELDS:
            raise TermError(f"unknown field px-{key}")
        if key in values:
            raise TermError(f"field px-{key} given twice")
        values[key] = from_html(value)
    return values
