"""Messages posted by the reader's workers: each worker calls one plain function and posts one
of these with its result (never ``call_from_thread`` into the screen's private methods)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from parallax.app.loaders import GlossaryState
from parallax.app.model import Row
from parallax.app.terms.changes import Changed

if TYPE_CHECKING:
    from parallax.core.align.bead import Bead
    from parallax.core.suggest.propose import Proposal


@dataclass
class GlossaryLoaded(Message):
    """The glossaries are loaded and their matcher built."""

    state: GlossaryState


@dataclass
class Aligned(Message):
    """The document is aligned: ``rows``, whether they were ``by_hand`` (a saved hand-fixed
    alignment), and whether a saved one was ``forgotten`` (re-align)."""

    rows: list[Row]
    by_hand: bool = False
    forgotten: bool = False


@dataclass
class Realigned(Message):
    """The unconfirmed rows of ``before`` were aligned afresh as ``beads`` (cursor on
    ``cursor`` of ``before``)."""

    before: list[Bead]
    beads: list[Bead]
    cursor: int


@dataclass
class WordsReady(Message):
    """jieba's dictionary is loaded (with the glossary's terms as words)."""


@dataclass
class DictionaryReady(Message):
    """CC-CEDICT and the romanisers are loaded."""


@dataclass
class ReadingsReady(Message):
    """The ``readings`` (one per character, None where there is none) of row ``row``'s
    Chinese ``text`` as shown; None: no readings shown."""

    row: int
    text: str
    readings: list[str | None] | None


@dataclass
class StepFailed(Message):
    """A background step failed; ``error`` is one line."""

    step: str
    error: str


@dataclass
class Proposed(Message):
    """Translations proposed (best first) for the pending term ``token`` (none, and the
    ``error`` in one line, when looking for them failed)."""

    token: int
    proposals: tuple[Proposal, ...]
    error: str = ""


@dataclass
class TermChanged(Message):
    """A glossary change was made (or not): see :class:`~parallax.app.terms.changes.Changed`."""

    result: Changed
