"""The reader's rows (one aligned bead of the document per row), its selections, and how text
is shown (no Textual here)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from parallax.core.document import PARAGRAPH_BREAK, Document, Metadata
from parallax.core.text import counted as counted  # the app's word for a count
from parallax.core.text import printable

Lang = Literal["zh", "en"]
Hit = tuple[Lang, int, int]
"""A search hit in a row: language, start, end."""


_DISPLAY = str.maketrans({"\t": " ", "\v": " ", "\f": " "})


def displayable(text: str) -> str:
    """``text`` as the reader draws it: each TAB (or vertical tab, form feed) becomes one space.

    A same-length replacement, so offsets (highlights, search hits, selections) stay valid."""
    return text.translate(_DISPLAY)


def one_line(error: BaseException) -> str:
    """An exception as one line (for a notification or the status line)."""
    return " ".join((str(error) or type(error).__name__).split())


class BeadLike(Protocol):
    """What the reader needs of an alignment bead (``parallax.core.align.Bead``)."""

    @property
    def zh(self) -> tuple[int, ...]: ...
    @property
    def en(self) -> tuple[int, ...]: ...
    @property
    def score(self) -> float: ...


@dataclass(frozen=True, slots=True)
class Row:
    """One bead: the indexes of its Chinese and English paragraphs, their texts, a confidence.

    ``score`` is ``None`` while the document is not aligned yet (provisional pairing);
    ``confirmed`` rows were marked right by the user (re-aligning keeps them).
    """

    zh: tuple[int, ...]
    en: tuple[int, ...]
    zh_text: str
    en_text: str
    score: float | None
    low: bool = False
    confirmed: bool = False


def rows_from_beads(
    doc: Document, beads: Iterable[BeadLike], low_confidence: float = 0.0
) -> list[Row]:
    """Rows for ``beads`` (objects with ``zh``, ``en`` index tuples and a ``score``)."""
    rows = []
    for bead in beads:
        zh, en, score = tuple(bead.zh), tuple(bead.en), float(bead.score)
        rows.append(
            Row(
                zh,
                en,
                displayable(PARAGRAPH_BREAK.join(doc.zh[i].text for i in zh)),
                displayable(PARAGRAPH_BREAK.join(doc.en[i].text for i in en)),
                score,
                low=bool(zh and en and score < low_confidence),
                confirmed=bool(getattr(bead, "confirmed", False)),
            )
        )
    return rows


def row_of_paragraph(rows: Sequence[Row], lang: str, index: int) -> int:
    """The row holding paragraph ``index`` of language ``lang`` (0 if none)."""
    for number, row in enumerate(rows):
        if index in (row.zh if lang == "zh" else row.en):
            return number
    return 0


@dataclass(frozen=True, slots=True)
class Selection:
    """A span of the cursor row: ``lang`` cell, ``start``-``end``, the glossary terms there."""

    row: int
    lang: Lang
    start: int
    end: int
    term_ids: tuple[str, ...] = ()


def titles(meta: Metadata) -> tuple[str, str]:
    """The header's title (Chinese and English titles) and subtitle (source and date, when
    known). Without a title the file is named once: as the title, the subtitle then keeps only
    a source that says more than the file name (e.g. ``zh.txt + en.txt`` becomes the title)."""
    title = " · ".join(t for t in (meta.title_zh, meta.title_en) if t)
    source = meta.source.strip()
    if not title:
        name = meta.path.name if meta.path else ""
        if name and name not in source:
            title = name
        else:
            title, source = source or name or "parallax", ""
    date = meta.date.isoformat() if meta.date else ""
    subtitle = " · ".join(x for x in (source, date) if x)
    return printable(title), printable(subtitle)  # a file name may hold escapes
