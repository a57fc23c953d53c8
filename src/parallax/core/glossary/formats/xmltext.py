"""The text of an XML file (TBX), decoded once as the file itself says.

An XML file names its encoding with a byte-order mark or its declaration
(``<?xml version="1.0" encoding="big5"?>``); ``--encoding`` overrides both. The text is then
parsed as it is: never decoded, re-encoded and read again under the declaration.
"""

from __future__ import annotations

import codecs
import re

from parallax.core.glossary.formats._common import FormatError

_DECLARATION = re.compile(rb"<\?xml[^>]{0,150}?encoding\s*=\s*[\"']([A-Za-z][\w.:-]{0,40})[\"']")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_xml(data: bytes, encoding: str | None = None) -> str:
    """The text of the XML file ``data``: decoded with ``encoding`` if given, else as its
    byte-order mark or its declaration (``<?xml … encoding="big5"?>``) says, else UTF-8.

    FormatError for an unknown encoding or bytes that do not decode (the file is read once,
    as what it says it is: never decoded and re-read under another encoding).
    """
    name = encoding or _declared_encoding(data)
    try:
        text = data.decode(name)
    except LookupError:  # no such codec, or not a text encoding (rot13, base64)
        where = "given" if encoding else "declared in the file"
        raise FormatError(f"unknown encoding {name!r} {where} (give one with --encoding)") from None
    except UnicodeDecodeError as error:
        raise FormatError(
            f"cannot be decoded as {name} (bad byte at offset {error.start}); "
            "give the encoding with --encoding"
        ) from None
    return text.removeprefix("\ufeff")


def looks_like_xml(data: bytes) -> bool:
    """True if ``data`` starts (after a byte-order mark and blanks) with ``<`` in any encoding."""
    head = data[:400]
    for bom, name in _BOMS:
        if head.startswith(bom):
            return head.decode(name, "replace").lstrip()[:1] == "<"
    return head.lstrip()[:1] == b"<" or head[:4] in (b"<\x00?\x00", b"\x00<\x00?")


def _declared_encoding(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    if data.startswith(b"<\x00?\x00"):
        return "utf-16-le"
    if data.startswith(b"\x00<\x00?"):
        return "utf-16-be"
    found = _DECLARATION.match(data[:400].lstrip())
    return found.group(1).decode("ascii") if found else "utf-8"
