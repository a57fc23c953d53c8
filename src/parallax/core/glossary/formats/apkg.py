"""Anki package (``.apkg``) written with ``genanki``, read back from its SQLite collection.

One note per term with Chinese, of the *parallax* note type: fields Traditional, Simplified,
Pinyin, Jyutping, English, Context zh (the term in bold), Context en, Source, Note; two card
templates (Chinese → English and English → Chinese). The note type's id, the deck's id (from
the glossary name) and each note's GUID (from the term id) are stable, so importing a newer
export updates the cards instead of adding duplicates. Fields are HTML: text is escaped and
newlines become ``<br>``. Terms without Chinese (learner notes) are left out: a card never has
an empty front.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path

from parallax.core import chinese, readings
from parallax.core.glossary.formats._common import (
    FormatError,
    ImportResult,
    RowProblem,
    TermError,
    make_term,
)
from parallax.core.glossary.term import Term

MODEL_ID = 1_735_019_611  # fixed forever: Anki matches notes to this note type by id
MODEL_NAME = "parallax (Chinese–English)"
FIELDS = (
    "Traditional",
    "Simplified",
    "Pinyin",
    "Jyutping",
    "English",
    "Context zh",
    "Context en",
    "Source",
    "Note",
)
GUID_PREFIX = "parallax-"
_STYLE = """.card { font-family: sans-serif; font-size: 22px; text-align: center; }
.zh { font-size: 40px; }
.reading { color: #666; }
.context { font-size: 18px; text-align: left; margin-top: 1em; }
.source, .note { font-size: 15px; color: #888; }"""
_FRONT_ZH = '<div class="zh">{{Traditional}}</div><div class="zh">{{Simplified}}</div>'
_BACK_DETAILS = (
    '<div class="reading">{{Pinyin}}</div><div class="reading">{{Jyutping}}</div>'
    '<div class="context">{{Context zh}}</div><div class="context">{{Context en}}</div>'
    '<div class="note">{{Note}}</div><div class="source">{{Source}}</div>'
)
TEMPLATES = (
    {
        "name": "Chinese → English",
        "qfmt": _FRONT_ZH,
        "afmt": '{{FrontSide}}<hr id="answer"><div>{{English}}</div>' + _BACK_DETAILS,
    },
    {
        "name": "English → Chinese",
        "qfmt": "<div>{{English}}</div>",
        "afmt": '{{FrontSide}}<hr id="answer">' + _FRONT_ZH + _BACK_DETAILS,
    },
)
_TAG = re.compile(r"<[^>]+>")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def to_html(text: str) -> str:
    """Plain text as an Anki HTML field."""
    return html.escape(text, quote=False).replace("\r\n", "\n").replace("\n", "<br>")


def from_html(field: str) -> str:
    """An Anki HTML field as plain text."""
    return html.unescape(_TAG.sub("", _BR.sub("\n", field)))


def bold_term(context: str, zh: str) -> str:
    """``context`` as HTML with every occurrence of ``zh`` (in either script) in bold."""
    key = chinese.fold(zh.strip())
    if not key:
        return to_html(context)
    folded = chinese.fold(context)  # same length: offsets hold
    out, at = [], 0
    while (found := folded.find(key, at)) >= 0:
        out += [to_html(context[at:found]), "<b>", to_html(context[found : found + len(key)])]
        out.append("</b>")
        at = found + len(key)
    out.append(to_html(context[at:]))
    return "".join(out)


def note_fields(term: Term) -> list[str]:
    """The note's fields for ``term`` (HTML), in :data:`FIELDS` order."""
    zh = term.zh.strip()
    source = term.source
    if term.source_date and term.source_date not in source:
        source = f"{source} ({term.source_date})".strip()
    return [
        to_html(chinese.to_traditional(zh)),
        to_html(chinese.to_simplified(zh)),
        to_html(term.pinyin or readings.pinyin(zh)),
        to_html(term.jyutping or readings.jyutping(zh)),
        to_html(term.en),
        bold_term(term.context_zh, zh),
        to_html(term.context_en),
        to_html(source),
        to_html(term.note),
    ]


def deck_id(name: str) -> int:
    """A stable deck id for glossary ``name``."""
    return int(hashlib.sha256(f"parallax-deck:{name}".encode()).hexdigest()[:8], 16) | 1 << 30


def export(terms: Sequence[Term], *, name: str = "parallax") -> bytes:
    """The terms (those with Chinese) as an Anki package, deck ``parallax::NAME``."""
    import genanki

    model = genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": f} for f in FIELDS],
        templates=[dict(t) for t in TEMPLATES],
        css=_STYLE,
    )
    deck = genanki.Deck(deck_id(name), " ".join(f"parallax::{name}".split()))
    for term in terms:
        if not term.zh.strip():
            continue
        tags = [t.replace(" ", "_") for t in term.tags]
        guid = genanki.guid_for(GUID_PREFIX + term.id)
        deck.add_note(genanki.Note(model=model, fields=note_fields(term), tags=tags, guid=guid))
    with tempfile.TemporaryDirectory(prefix="parallax-apkg-") as directory:
        path = Path(directory) / "deck.apkg"
        genanki.Package(deck).write_to_file(str(path))
        return path.read_bytes()


def is_package(data: bytes) -> bool:
    """True if ``data`` looks like an Anki package (a zip file)."""
    return data[:4] == b"PK\x03\x04"


def parse(data: bytes) -> ImportResult:
    """Terms from an Anki package: notes of the parallax note type field by field; any other
    note type's first field as the Chinese and second as the English."""
    from parallax.core.reading import read_limit

    limit = read_limit()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            inner = next((n for n in ("collection.anki21", "collection.anki2") if n in names), "")
            if not inner:
                raise FormatError("an Anki package without a collection")
            with package.open(inner) as member:  # bounded: the sizes in a zip can lie
                collection = member.read(limit + 1)
    except FormatError:
        raise
    except (zipfile.BadZipFile, KeyError, EOFError, OSError, ValueError, zlib.error) as error:
        raise FormatError(f"not a readable Anki package ({error})") from None
    except (NotImplementedError, RuntimeError) as error:  # a compression or an encryption
        raise FormatError(f"an Anki package parallax cannot open ({error})") from None
    if len(collection) > limit:
        raise FormatError(
            "the Anki collection unpacks to more than the read limit "
            "(raise it with parallax --max-input MB)"
        )
    with tempfile.TemporaryDirectory(prefix="parallax-apkg-") as directory:
        path = Path(directory) / "collection.sqlite"
        path.write_bytes(collection)
        try:
            with sqlite3.connect(path) as db:
                rows = db.execute("select mid, flds, tags from notes order by id").fetchall()
        except sqlite3.DatabaseError as error:
            raise FormatError(f"not a readable Anki collection ({error})") from None
    terms: list[Term] = []
    problems: list[RowProblem] = []
    for number, (model, fields, tags) in enumerate(rows, start=1):
        cells = [from_html(f) for f in str(fields).split("\x1f")]
        try:
            if model == MODEL_ID and len(cells) == len(FIELDS):
                values = dict(zip(FIELDS, cells, strict=True))
                terms.append(
                    make_term(
                        values["Traditional"],
                        values["English"],
                        pinyin=values["Pinyin"],
                        jyutping=values["Jyutping"],
                        context_zh=values["Context zh"],
                        context_en=values["Context en"],
                        source=values["Source"],
                        note=values["Note"],
                        tags=str(tags),
                    )
                )
            elif len(cells) >= 2:
                terms.append(make_term(cells[0], cells[1], tags=str(tags)))
            else:
                raise TermError("a note with fewer than two fields")
        except TermError as error:
            problems.append(RowProblem(number, f"note {number}: {error}"))
    return ImportResult(tuple(terms), tuple(problems))
