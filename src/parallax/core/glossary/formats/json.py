"""JSON: ``{"format": "parallax-glossary", "version": 1, "name": …, "terms": [{…}, …]}``."""

from __future__ import annotations

import json as _json
from collections.abc import Sequence
from dataclasses import asdict

from parallax.core.glossary.fileformat import COLUMNS
from parallax.core.glossary.formats._common import ImportResult, RowProblem, TermError, make_term
from parallax.core.glossary.term import Term

FORMAT = "parallax-glossary"


def export(terms: Sequence[Term], *, name: str = "") -> str:
    """The terms as pretty-printed JSON (all fields, UTF-8, not ASCII-escaped)."""
    items = [{**asdict(t), "tags": list(t.tags)} for t in terms]
    document = {"format": FORMAT, "version": 1, "name": name, "terms": items}
    return _json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def parse(text: str) -> ImportResult:
    """Terms from our JSON (or a bare list of term objects with at least ``zh`` and ``en``)."""
    try:
        data = _json.loads(text.removeprefix("\ufeff"))
    except _json.JSONDecodeError as error:
        raise ValueError(f"invalid JSON at line {error.lineno}: {error.msg}") from None
    items = data.get("terms") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ValueError("expected a list of terms")
    terms: list[Term] = []
    problems: list[RowProblem] = []
    for number, item in enumerate(items, start=1):
        try:
            if not isinstance(item, dict):
                raise TermError("not an object")
            values = {k: v for k, v in item.items() if k in COLUMNS}
            values["tags"] = tuple(values.get("tags") or ())
            terms.append(make_term(str(values.pop("zh", "")), str(values.pop("en", "")), **values))
        except (TermError, TypeError) as error:
            problems.append(RowProblem(number, f"term {number}: {error}"))
    return ImportResult(tuple(terms), tuple(problems))
