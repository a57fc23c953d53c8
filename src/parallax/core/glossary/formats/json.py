"""JSON: ``{"format": "parallax-glossary", "version": 1, "name": …, "terms": [{…}, …]}``."""

from __future__ import annotations

import json as _json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from parallax.core.glossary.fileformat import COLUMNS
from parallax.core.glossary.formats._common import (
    FormatError,
    ImportResult,
    RowProblem,
    TermError,
    make_term,
)
from parallax.core.glossary.term import Term

FORMAT = "parallax-glossary"


def export(terms: Sequence[Term], *, name: str = "") -> str:
    """The terms as pretty-printed JSON (all fields, UTF-8, not ASCII-escaped)."""
    items = [{**asdict(t), "tags": list(t.tags)} for t in terms]
    document = {"format": FORMAT, "version": 1, "name": name, "terms": items}
    return _json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def parse(text: str) -> ImportResult:
    """Terms from our JSON (or a bare list of term objects with at least ``zh`` and ``en``).

    Each field must have its type (text; ``tags`` a list of texts): a term with a number,
    ``null`` or a list where text belongs is reported, never turned into ``"5"`` or ``"None"``.
    """
    try:
        data = _json.loads(text.removeprefix("\ufeff"))
    except _json.JSONDecodeError as error:
        raise FormatError(f"invalid JSON: {error.msg}", line=error.lineno) from None
    except RecursionError:
        raise FormatError("invalid JSON: nested too deeply") from None
    except ValueError as error:  # e.g. an integer of thousands of digits
        raise FormatError(f"invalid JSON: {error}") from None
    items = data.get("terms") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise FormatError("expected a list of terms")
    terms: list[Term] = []
    problems: list[RowProblem] = []
    for number, item in enumerate(items, start=1):
        try:
            values = _fields(item)
            terms.append(make_term(values.pop("zh", ""), values.pop("en", ""), **values))
        except TermError as error:
            problems.append(RowProblem(number, f"term {number}: {error.problem}"))
    return ImportResult(tuple(terms), tuple(problems))


def _fields(item: object) -> dict[str, Any]:
    """The term fields of one JSON item, each checked for its type."""
    if not isinstance(item, dict):
        raise TermError(f"{_kind(item)}, expected an object")
    values: dict[str, Any] = {}
    for key in COLUMNS:
        if key not in item:
            continue
        value = item[key]
        if key == "tags":
            if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
                raise TermError(f"tags is {_kind(value)}, expected a list of texts")
            value = tuple(value)
        elif not isinstance(value, str):
            raise TermError(f"{key} is {_kind(value)}, expected text")
        values[key] = value
    return values


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"
