"""Turn files into bilingual documents: Ming Pao editorials, mixed files, or two separate files."""

from __future__ import annotations

from pathlib import Path

from parallax.core.document import Document, DocumentError, Metadata, Units
from parallax.core.encoding import read_text
from parallax.core.errors import ParallaxError
from parallax.core.readers.mingpao import is_mingpao, parse_mingpao
from parallax.core.readers.mixed import parse_mixed
from parallax.core.readers.units import UNIT_CHOICES, iter_units, leading_date, paragraphs
from parallax.core.reading import read_input
from parallax.core.text import (
    han_count,
    has_han,
    has_latin,
    latin_count,
    normalise_newlines,
    strip_controls,
)

__all__ = ["UNIT_CHOICES", "Units", "load_document", "parse_text"]

# A language counts as present when it holds at least this share of the document's text,
# weighing one Han character as much as three Latin letters. This keeps a line of scraped
# Chinese spam at the top of an English article from passing as a bilingual document.
MIN_LANGUAGE_SHARE = 0.1
HAN_WEIGHT = 3


def load_document(
    path: Path | None = None,
    *,
    zh: Path | None = None,
    en: Path | None = None,
    units: Units = "paragraphs",
    encoding: str | None = None,
    one_sided: bool = False,
) -> Document:
    """Load a bilingual document from one file (``path``) or from two (``zh`` and ``en``).

    With ``one_sided``, one of the two files may be blank: that side then has no units (for
    ``parallax align``, which leaves every unit of the other side unmatched).
    Raises :class:`DocumentError` with a one-line message naming the file and the fault.
    """
    if units not in UNIT_CHOICES:
        raise ParallaxError(f"unknown units {units!r} (choose from {', '.join(UNIT_CHOICES)})")
    if path is not None and (zh is not None or en is not None):
        raise ParallaxError("give either one bilingual file or --zh and --en, not both")
    if path is None:
        if zh is None or en is None:
            raise ParallaxError("give a bilingual file, or both --zh FILE and --en FILE")
        return _load_pair(zh, en, units, encoding, one_sided=one_sided)
    text, used = read_text(path, encoding)
    return parse_text(text, path, units=units, encoding=used)


def clean(text: str) -> str:
    """Normalise line ends and drop control characters and terminal escapes."""
    return strip_controls(normalise_newlines(text.removeprefix("\ufeff")))


def parse_text(
    text: str, path: Path | None = None, *, units: Units = "paragraphs", encoding: str = "utf-8"
) -> Document:
    """Parse decoded text holding both languages; check that both are really there."""
    text = clean(text)
    if is_mingpao(text):
        document = parse_mingpao(text, path, units, encoding)
    else:
        document = parse_mixed(text, path, units, encoding)
    _check_both_languages(document, path)
    return document


def _check_both_languages(document: Document, path: Path | None) -> None:
    zh = HAN_WEIGHT * sum(han_count(p.text) for p in document.zh)
    en = sum(latin_count(p.text) for p in document.en)
    total = zh + en
    if total == 0:
        raise DocumentError(path, "no Chinese or English text found")
    for name, other, weight in (("Chinese", "English", zh), ("English", "Chinese", en)):
        if weight < MIN_LANGUAGE_SHARE * total:
            raise DocumentError(
                path,
                f"no {name} text found (only {other}); parallax needs both languages: "
                f"if they are in two files, give them as --zh FILE --en FILE",
            )


def _load_pair(
    zh: Path, en: Path, units: Units, encoding: str | None, *, one_sided: bool = False
) -> Document:
    blank = {path for path in (zh, en) if one_sided and _is_blank(path)}
    if len(blank) == 2:
        raise DocumentError(zh, f"empty file, and so is {en}")
    zh_text, zh_encoding = ("", "utf-8") if zh in blank else read_text(zh, encoding)
    en_text = "" if en in blank else read_text(en, encoding)[0]
    zh_text, en_text = clean(zh_text), clean(en_text)
    if zh not in blank and not has_han(zh_text):
        raise DocumentError(zh, "no Chinese text found in the file given as --zh")
    if en not in blank and not has_latin(en_text):
        raise DocumentError(en, "no English text found in the file given as --en")
    date, resume = leading_date(en_text)
    meta = Metadata(
        source=f"{zh.name} + {en.name}",
        path=en if zh in blank else zh,
        date=date,
        encoding=zh_encoding,
    )
    return Document(
        meta,
        paragraphs(list(iter_units(zh_text, units)), "zh"),
        paragraphs(list(iter_units(en_text, units, resume)), "en"),
        units=units,
    )


def _is_blank(path: Path) -> bool:
    """Whether ``path`` is a readable file holding nothing but blanks (and a BOM)."""
    try:
        head = read_input(path, limit=4095)  # a FIFO or device is refused, never waited on
    except ParallaxError:
        return False
    return not head.strip(b" \t\r\n\xef\xbb\xbf\xfe\xff\x00")
