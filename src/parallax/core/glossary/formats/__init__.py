"""Import and export of glossaries in other tools' formats (see /shared/FORMATS.md).

``export_terms(terms, fmt, name=…) -> bytes`` and ``import_file(path, fmt="auto")``; one module
per format. Export: csv, csv-excel, omegat, tbx, tbx2, apkg (an Anki package), anki (Anki's text
import file), lute, json. Import: the same (csv-excel is read as csv), ``mingpao`` (learner
glossary of an editorial) and ``parallax`` (our own TSV).

A term without Chinese cannot be an entry of OmegaT, Anki or Lute: such terms are left out of
those exports (:func:`unexportable` says which and why).
"""

from __future__ import annotations

import csv as _csv
import re
from collections.abc import Sequence
from pathlib import Path

from parallax.core.document import DocumentError
from parallax.core.encoding import decode
from parallax.core.glossary import fileformat
from parallax.core.glossary.formats import (
    anki,
    apkg,
    csv,
    json,
    lute,
    mingpao,
    omegat,
    tbx,
    tbx2,
    xmltext,
)
from parallax.core.glossary.formats._common import FormatError, ImportResult, from_term
from parallax.core.glossary.term import Term
from parallax.core.reading import is_stdin, read_input
from parallax.core.text import normalise_newlines

EXPORT_FORMATS = (
    "csv",
    "csv-excel",
    "omegat",
    "tbx",
    "tbx2",
    "apkg",
    "anki",
    "lute",
    "json",
)
IMPORT_FORMATS = (
    "auto",
    "csv",
    "omegat",
    "tbx",
    "tbx2",
    "apkg",
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
    "apkg": ".apkg",
    "anki": ".txt",
    "lute": ".csv",
    "json": ".json",
}


def export_terms(
    terms: Sequence[Term],
    fmt: str,
    *,
    name: str = "glossary",
    lute_language: str | None = None,
) -> bytes:
    """``terms`` in format ``fmt`` as bytes (UTF-8 text, or the Anki package for ``apkg``);
    FormatError for an unknown format. ``lute_language``: the Lute language of the terms."""
    if fmt == "apkg":
        return apkg.export(terms, name=name)
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
        text = lute.export(terms, language=lute_language or lute.DEFAULT_LANGUAGE)
    elif fmt == "json":
        text = json.export(terms, name=name)
    else:
        raise FormatError(
            f"unknown export format {fmt!r} (choose from {', '.join(EXPORT_FORMATS)})"
        )
    return text.encode("utf-8")


def unexportable(terms: Sequence[Term], fmt: str) -> tuple[list[Term], str]:
    """The terms that format ``fmt`` cannot carry and why (``[]`` and ``""`` when none).

    OmegaT entries need a source (Chinese) term, Anki cards a front and Lute terms a word:
    English-only learner entries are left out of those formats.
    """
    if fmt == "omegat":
        skipped = [t for t in terms if not omegat.exportable(t)]
        why = []
        if any(not t.zh.strip() for t in skipped):
            why.append("no Chinese term (OmegaT needs the source term)")
        if any(t.zh.strip() for t in skipped):
            why.append("Chinese term starting with '#' (a comment for OmegaT)")
        return skipped, "; ".join(why)
    if fmt in ("apkg", "anki", "lute"):
        skipped = [t for t in terms if not t.zh.strip()]
        return skipped, "no Chinese term (English-only learner notes)" if skipped else ""
    return [], ""


def import_text(text: str, fmt: str, *, source: str = "") -> ImportResult:
    """Terms from ``text`` in format ``fmt`` (not ``auto``); FormatError if unreadable."""
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
    if fmt == "apkg":
        raise FormatError("an Anki package is a binary file: import the file itself")
    if fmt not in parsers:
        raise FormatError(
            f"unknown import format {fmt!r} (choose from {', '.join(IMPORT_FORMATS)})"
        )
    return parsers[fmt](text)


_ANKI_HEADER = re.compile(
    r"#(separator|html|notetype|deck|columns|tags column|guid column|notetype column"
    r"|deck column|if matches):",
    re.IGNORECASE,
)
_XML_ROOT = re.compile(r"<([A-Za-z_][\w.:-]*)")
_XML_PROLOGUE = re.compile(r"\s*(<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.DOTALL)


def detect_format(path: Path, text: str) -> str:
    """The format of file ``path`` from its content ``text`` alone (the suffix is not used).

    Recognised: XML with a ``tbx``/``martif`` root, JSON, an Anki ``#key:value`` header, our
    TSV header, a CSV header naming ``en`` and ``zh`` (or ``traditional``/``simplified``) (csv)
    or ``term`` and ``language`` (Lute), a Ming Pao editorial with its ``■ Glossary`` block,
    tab-separated OmegaT rows, and comma-separated ones (OmegaT's CSV: ``source,target``).
    FormatError (naming the file) when nothing matches.
    """
    body = text.removeprefix("\ufeff").lstrip()
    first = body.split("\n", 1)[0].strip()
    if body.startswith("<"):
        rest = body
        while prologue := _XML_PROLOGUE.match(rest):
            rest = rest[prologue.end() :]
        root = _XML_ROOT.match(rest.lstrip())
        local = root.group(1).rsplit(":", 1)[-1] if root else ""
        if local in ("tbx", "martif"):
            return "tbx2" if local == "martif" else "tbx"
        raise FormatError(f"XML but not TBX (root element <{local or '?'}>)", path=path)
    if body.startswith(("{", "[")):
        return "json"
    if _ANKI_HEADER.match(first):
        return "anki"
    tab_header = [h.strip() for h in first.split("\t")]
    if {"id", "zh", "en"} <= set(tab_header) and set(tab_header) <= set(fileformat.COLUMNS):
        return "parallax"
    try:
        first_row = next(_csv.reader([first]), [])
    except _csv.Error:  # e.g. a first line over the CSV field limit: not a CSV header
        first_row = []
    comma_header = {h.strip().lower() for h in first_row}
    if {"term", "language"} <= comma_header:
        return "lute"
    if "en" in comma_header and comma_header & {"zh", *csv.SCRIPTS}:
        return "csv"
    if mingpao.looks_like(text):
        return "mingpao"
    rows = [line for line in body.split("\n") if line.strip() and not line.startswith("#")]
    if (rows and "\t" in rows[0]) or first.startswith(omegat.HEADER[:12]):
        return "omegat"
    if csv.is_headerless(first_row):  # OmegaT's CSV glossary: source,target[,comment]
        return "csv"
    raise FormatError(
        "unrecognised glossary format (expected TBX, JSON, Anki, CSV with a zh,en header, "
        "Lute CSV, OmegaT TSV or CSV, or a Ming Pao editorial); name it with --format",
        path=path,
    )


def import_file(
    path: Path | str,
    fmt: str = "auto",
    *,
    encoding: str | None = None,
    aligned: mingpao.AlignedPairs | None = None,
) -> ImportResult:
    """Terms from the file at ``path`` (``-``: standard input); errors name the file and the
    line where known (FormatError, InputError).

    At most the read limit is read (:mod:`parallax.core.reading`). An Anki package is read as
    such; TBX is decoded as its byte-order mark or XML declaration says (or ``encoding``) and
    parsed once; any other file is decoded with ``encoding``, or else detected (UTF-8 with or
    without BOM, UTF-16/32 with BOM, Big5-HKSCS, GB18030), its line ends (CRLF, LF or CR) read
    alike. A file without any term (empty, only a header, or only bad rows) is a FormatError.
    """
    path = Path(path)
    data = read_input(path)
    if not data.strip():
        raise FormatError("empty file, no terms to import", path=path)
    try:
        if fmt in ("auto", "apkg") and apkg.is_package(data):
            return _some(path, apkg.parse(data), "Anki package")
        if fmt in ("tbx", "tbx2") or (fmt == "auto" and xmltext.looks_like_xml(data)):
            text = xmltext.decode_xml(data, encoding)
        else:
            text = normalise_newlines(_decode(data, path, encoding))
        if not text.strip():
            raise FormatError("empty file, no terms to import")
        if fmt == "auto":
            fmt = detect_format(path, text)
        if fmt == "mingpao" and not is_stdin(path):  # read again as a document
            result = mingpao.parse_document(path, encoding=encoding, aligned=aligned)
        else:
            result = import_text(text, fmt, source=path.name)
    except FormatError as error:
        if error.path is not None:
            raise
        raise FormatError(error.problem, path=path, line=error.line) from None
    return _some(path, result, fmt)


def _some(path: Path, result: ImportResult, fmt: str) -> ImportResult:
    """``result`` if it holds a term (or a learner note); else a FormatError naming the file."""
    if not result.terms and not result.notes:
        bad = (
            f" ({len(result.problems)} bad rows, first {result.problems[0]})"
            if result.problems
            else ""
        )
        raise FormatError(f"no terms found as {fmt}{bad}", path=path)
    return result


def _decode(data: bytes, path: Path, encoding: str | None) -> str:
    try:
        return decode(data, path, encoding)[0].removeprefix("\ufeff")
    except DocumentError as error:
        raise FormatError(error.problem, path=path) from None


__all__ = [
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "FormatError",
    "ImportResult",
    "detect_format",
    "export_terms",
    "unexportable",
    "import_file",
    "import_text",
]
