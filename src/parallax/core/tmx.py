"""TMX 1.4b output of aligned text for CAT tools (see FORMATS.md).

One ``<tu>`` per aligned pair with a ``zh-HK`` and an ``en`` ``<tuv>``; pairs with an empty side
have nothing to translate and are left out. Dates are UTC, ``YYYYMMDDThhmmssZ``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import regex

from parallax import __version__

SegType = Literal["block", "paragraph", "sentence", "phrase"]
ZH_LANG = "zh-HK"
EN_LANG = "en"
# Characters XML 1.0 does not allow, even escaped.
_INVALID_XML = regex.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class TmxPair:
    """One translation unit: the Chinese and English text and, optionally, a confidence."""

    zh: str
    en: str
    score: float | None = None


def escape(text: str) -> str:
    """Escape ``& < > "`` for XML text and attributes, dropping characters XML cannot hold."""
    text = _INVALID_XML.sub("", text)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def tmx_date(moment: dt.datetime) -> str:
    """A TMX date: ``YYYYMMDDThhmmssZ`` in UTC (naive datetimes are taken as UTC)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def render_tmx(
    pairs: Iterable[TmxPair], *, segtype: SegType = "paragraph", created: dt.datetime | None = None
) -> str:
    """The TMX 1.4b document holding ``pairs``."""
    date = tmx_date(created or dt.datetime.now(dt.UTC))
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        f'  <header creationtool="parallax" creationtoolversion="{escape(__version__)}"'
        f' segtype="{segtype}" o-tmf="parallax" adminlang="en" srclang="{ZH_LANG}"'
        f' datatype="plaintext" creationdate="{date}"/>',
        "  <body>",
    ]
    number = 0
    for pair in pairs:
        if not pair.zh.strip() or not pair.en.strip():
            continue
        number += 1
        lines.append(f'    <tu tuid="{number}" creationdate="{date}">')
        if pair.score is not None:
            lines.append(f'      <prop type="x-confidence">{pair.score:.3f}</prop>')
        for lang, text in ((ZH_LANG, pair.zh), (EN_LANG, pair.en)):
            lines.append(f'      <tuv xml:lang="{lang}"><seg>{escape(text)}</seg></tuv>')
        lines.append("    </tu>")
    lines += ["  </body>", "</tmx>", ""]
    return "\n".join(lines)


def write_tmx(
    pairs: Iterable[TmxPair],
    path: Path,
    *,
    segtype: SegType = "paragraph",
    created: dt.datetime | None = None,
) -> None:
    """Write ``pairs`` as TMX 1.4b to ``path`` atomically (a temporary file, then a rename)."""
    write_atomic(path, render_tmx(pairs, segtype=segtype, created=created))


def write_atomic(path: Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``path`` with :func:`parallax.core.safefile.write_output`
    (a regular file replaced atomically, a device or FIFO written through)."""
    from parallax.core.safefile import write_output

    write_output(path, text.encode("utf-8"))
