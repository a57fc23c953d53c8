"""Read a text file whatever its encoding: UTF-8, UTF-16/32 with BOM, Big5-HKSCS, GB18030."""

from __future__ import annotations

import codecs
import re
from functools import cache
from importlib import resources
from pathlib import Path

from parallax.core.document import DocumentError
from parallax.core.reading import read_input

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy Chinese encodings tried when the bytes are not UTF-8; both often decode the other's
# bytes without error, so each result is scored by how common its Chinese characters are.
_LEGACY = ("big5hkscs", "gb18030")
# Control characters that text does not hold (terminal escapes use ESC and BEL: those are text).
_BINARY_CONTROLS = re.compile(r"[\x00-\x06\x08\x0e-\x1a\x1c-\x1f]+")


@cache
def _common_hanzi() -> frozenset[str]:
    data = resources.files("parallax") / "data" / "common-hanzi.txt"
    return frozenset(data.read_text(encoding="utf-8").strip())


def _commonness(text: str) -> float:
    """The share of Han characters in ``text`` that are among the most common ones."""
    common = _common_hanzi()
    han = [c for c in text if "\u3400" <= c <= "\u9fff" or "\U00020000" <= c <= "\U0003ffff"]
    if not han:
        return 0.0
    return sum(c in common for c in han) / len(han)


def _looks_binary(text: str) -> bool:
    """NUL, or many control characters other than those of text and terminal escapes."""
    controls = sum(map(len, _BINARY_CONTROLS.findall(text)))
    return "\x00" in text or controls > max(8, len(text) // 100)


def decode(data: bytes, path: Path | str, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` read from ``path``; return the text and the encoding used.

    With ``encoding`` that encoding is used as given. Raises :class:`DocumentError` for empty,
    binary or undecodable input.
    """
    if not data.strip():
        raise DocumentError(path, "the file is empty")
    if encoding is not None:
        return _decode_as(data, path, encoding), encoding
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = _decode_as(data, path, name)
            if _looks_binary(text):
                raise DocumentError(path, "this is a binary file, not text")
            return text, name
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16:
            raise DocumentError(
                path,
                f"looks like UTF-16 text without a byte-order mark: give --encoding {utf16}",
            )
        raise DocumentError(path, "this is a binary file, not text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, name = _decode_legacy(data, path)
    else:
        name = "utf-8"
    if _looks_binary(text):
        raise DocumentError(path, "this is a binary file, not text")
    return text, name


def _decode_as(data: bytes, path: Path | str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise DocumentError(path, f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as error:
        raise DocumentError(
            path, f"cannot be decoded as {encoding} (bad byte at offset {error.start})"
        ) from None


def _decode_legacy(data: bytes, path: Path | str) -> tuple[str, str]:
    best: tuple[float, str, str] | None = None
    for name in _LEGACY:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = _commonness(text)
        if best is None or score > best[0]:
            best = (score, text, name)
    if best is None or best[0] < 0.3:
        utf16 = _utf16_without_bom(data)
        if utf16 and _commonness(data.decode(utf16, "replace")) >= 0.3:
            raise DocumentError(
                path,
                f"looks like UTF-16 text without a byte-order mark: give --encoding {utf16}",
            )
        raise DocumentError(
            path,
            "cannot be decoded: not UTF-8, UTF-16, Big5-HKSCS or GB18030 text "
            "(give the encoding with --encoding)",
        )
    return best[1], best[2]


def _utf16_without_bom(data: bytes) -> str:
    """``utf-16-le`` or ``utf-16-be`` if ``data`` reads as such text (NUL bytes are then the
    high or low half of most characters), else ``""``."""
    if len(data) % 2:
        data = data[:-1]
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        readable = sum(c.isprintable() or c in "\t\n\r" for c in text)
        if text and readable >= 0.95 * len(text) and not _looks_binary(text):
            return name
    return ""


def read_text(path: Path, encoding: str | None = None) -> tuple[str, str]:
    """Read (at most the read limit, see :mod:`parallax.core.reading`) and decode the file at
    ``path`` (``-``: standard input); errors name the file and the fault."""
    return decode(read_input(path), path, encoding)
