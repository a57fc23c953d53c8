"""Shared helpers for the import/export formats."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from parallax.core.glossary.fileformat import RowProblem
from parallax.core.glossary.term import Term, TermError, new_term


class FormatError(ValueError):
    """A file could not be imported or exported (one line naming the file and the fault)."""


@dataclass(frozen=True)
class ImportResult:
    """Terms read from a file, and the rows that could not be read."""

    terms: tuple[Term, ...]
    problems: tuple[RowProblem, ...] = ()


def stable_id(zh: str, en: str) -> str:
    """An id derived from the content, so importing the same file twice adds nothing new."""
    return hashlib.sha256(f"{zh}\x00{en}".encode()).hexdigest()[:16]


def has_han(text: str) -> bool:
    """True if ``text`` contains a CJK ideograph."""
    return any("\u3400" <= c <= "\u9fff" or "\U00020000" <= c <= "\U0003134f" for c in text)


def make_term(zh: str, en: str, *, id: str = "", **fields: Any) -> Term:
    """A term from imported fields; pinyin/Jyutping computed unless given.

    Empty ``created``/``updated`` are set to now. Raises ``TermError`` for invalid values.
    """
    fields["status"] = fields.get("status") or "new"
    created = str(fields.pop("created", "") or "")
    updated = str(fields.pop("updated", "") or "")
    pinyin = fields.pop("pinyin", None) or None
    jyutping = fields.pop("jyutping", None) or None
    term = new_term(
        zh,
        en,
        id=id or stable_id(zh.strip(), en.strip()),
        pinyin=pinyin,
        jyutping=jyutping,
        **fields,  # type: ignore[arg-type]
    )
    if created or updated:
        from dataclasses import replace

        term = replace(term, created=created or term.created, updated=updated or created)
    return term


__all__ = [
    "FormatError",
    "ImportResult",
    "RowProblem",
    "TermError",
    "has_han",
    "make_term",
    "stable_id",
]
