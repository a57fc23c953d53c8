"""The bilingual document model: metadata, Chinese and English paragraphs, learner entries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from parallax.core.errors import ParallaxError

Lang = Literal["zh", "en"]
Units = Literal["paragraphs", "lines"]
PARAGRAPH_BREAK = "\n\n"
"""How the paragraphs of one aligned row are joined (the reader, its sentence view, ``align``)."""


class DocumentError(ParallaxError):
    """A document could not be read. ``str(error)`` is one line naming the file and the fault."""

    def __init__(self, path: Path | str | None, problem: str) -> None:
        super().__init__(problem, path=path)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One unit of text (a paragraph, or a line with ``--units lines``) in one language.

    ``text`` is the exact text of the unit (control characters removed, surrounding blank
    space trimmed). ``index`` is its position among the units of its language (0-based);
    ``line`` is the 1-based line of the source file where it starts and ``start``/``end``
    are its character offsets in the decoded source text (line ends normalised to ``\\n``).
    """

    text: str
    lang: Lang
    index: int
    line: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class LearnerEntry:
    """An entry of a source's own learner glossary, e.g. ``stand-off : a situation in which…``."""

    term: str
    definition: str
    line: int


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about a document besides its text."""

    source: str
    path: Path | None = None
    title_zh: str | None = None
    title_en: str | None = None
    date: dt.date | None = None
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Document:
    """A bilingual document: its metadata, paragraphs in both languages and learner entries.

    ``units`` is how the text was cut: ``paragraphs``, or ``lines`` (``--units lines``: a
    pre-segmented text, aligned line by line as ``parallax align --units lines`` does)."""

    meta: Metadata
    zh: tuple[Paragraph, ...]
    en: tuple[Paragraph, ...]
    learner_entries: tuple[LearnerEntry, ...] = field(default=())
    units: Units = "paragraphs"

    @property
    def zh_texts(self) -> list[str]:
        """The Chinese unit texts in document order."""
        return [p.text for p in self.zh]

    @property
    def en_texts(self) -> list[str]:
        """The English unit texts in document order."""
        return [p.text for p in self.en]
