"""Import and export of glossaries in other tools' formats (see /shared/FORMATS.md).

``export_terms(terms, fmt, name=…) -> bytes`` and ``import_file(path, fmt="auto")``; one module
per format. Export: csv, csv-excel, omegat, tbx, tbx2, anki, lute, json. Import: the same
(csv-excel is read as csv), ``mingpao`` (learner glossary of an editorial) and ``parallax``
(our own TSV).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from parallax.core.glossary import fileformat
from parallax.core.glossary.formats import anki, csv, json, lute, mingpao, omegat, tbx, tbx2
from parallax.core.glossary.formats._common import FormatError, ImportResult, from_term
from parallax.core.glossary.term import Term

EXPORT_FORMATS = ("csv", "csv-excel", "omegat", "tbx", "tbx2", "anki", "lute", "json")
IMPORT_FORMATS = (
    "auto",
    "csv",
    "omegat",
    "tbx",
    "tbx2",
    "anki",
    "lute",
    "json",
    "mingpao",
    "parallax",
)
SUFFIXES = {
    "csv": ".csv",
    "csv-excel": ".csv",
    "omegat": ".txt",
    "tbx": ".tbx",
    "tbx2": ".tbx",
    "anki": ".txt",
    "lute": ".csv",
    "json": ".json",
}


def export_terms(terms: Sequence[Term], fmt: str, *, name: str = "glossary") -> bytes:
    """``terms`` in format ``fmt`` as UTF-8 bytes; FormatError for an unknown format."""
    if fmt == "csv":
        text = csv.export(terms)
    elif fmt == "csv-excel":
        text = csv.export(terms, excel=True)
    elif fmt == "omegat":
        text = omegat.export(terms)
    elif fmt == "tbx":
        text = tbx.export(terms, name=name)
    elif fmt == "tbx2":
        text = tbx2.export(terms, name=name)
    elif fmt == "anki":
        text = anki.export(terms, name=name)
    elif fmt == "lute":
        text = lute.export(terms)
    elif fmt == "json":
        text = json.export(terms, name=name)
    else:
        raise FormatError(
            f"unknown export format {fmt!r} (choose from {', '.join(EXPORT_FORMATS)})"
        )
    return text.encode("utf-8")


def import_text(text: str, fmt: str, *, source: str = "") -> ImportResult:
    """Terms from ``text`` in format ``fmt`` (not ``auto``); ValueError if unreadable."""
    parsers = {
        "csv": csv.parse,
        "csv-excel": csv.parse,
        "omegat": omegat.parse,
        "tbx": tbx.parse,
        "tbx2": tbx2.parse,
        "anki": anki.parse,
        "lute": lute.parse,
        "json": json.parse,
    }
    if fmt == "mingpao":
        return mingpao.parse(text, source=source)
    if fmt == "parallax":
        parsed = fileformat.parse(text)
        return ImportResult(tuple(from_term(t) for t in parsed.terms), parsed.problems)
    if fmt not in parsers:
        raise FormatError(
            f"unknown import format {fmt!r} (choose from {', '.join(IMPORT_FORMATS)})"
        )
    return parsers[fmt](text)


def detect_format(path: Path, text: str) -> str:
    """The format of file ``path`` with content ``text``, from its suffix and first lines."""
    head = text.removeprefix("\ufeff").lstrip()[:2000]
    first = head.split("\n", 1)[0].strip()
    suffix = path.suffix.lower()
    if head.startswith("<"):
        return "tbx2" if "<martif" in head else "tbx"
    if suffix == ".json" or head.startswith(("{", "[")):
        return "json"
    if mingpao.looks_like(text):
        return "mingpao"
    if first.startswith("#separator:") or first.startswith("#html:"):
        return "anki"
    if first.split("\t")[:3] == ["id", "zh", "en"]:
        return "parallax"
    if suffix == ".csv":
        header = {h.strip().strip('"').lower() for h in first.split(",")}
        return "lute" if {"term", "language"} <= header else "csv"
    return "omegat"


def import_file(path: Path | str, fmt: str = "auto") -> ImportResult:
    """Terms from the file at ``path``; errors name the file (FormatError / OSError)."""
    path = Path(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise FormatError(f"{path}: not UTF-8 (byte {error.start})") from None
    if fmt == "auto":
        fmt = detect_format(path, text)
    try:
        if fmt == "mingpao":
            return mingpao.parse_document(path)
        return import_text(text, fmt, source=path.name)
    except FormatError as error:
        raise FormatError(f"{path}: {error}") from None
    except ValueError as error:
        if str(error).startswith(str(path)):
            raise
        raise FormatError(f"{path}: {error}") from None


__all__ = [
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "FormatError",
    "ImportResult",
    "detect_format",
    "export_terms",
    "import_file",
    "import_text",
]
