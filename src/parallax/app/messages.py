"""Messages posted by the reader's workers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message

from parallax.app.loaders import GlossaryState
from parallax.app.model import Row
from parallax.app.search import Hit


@dataclass
class GlossaryLoaded(Message):
    """The glossaries are loaded and their matcher built."""

    state: GlossaryState


@dataclass
class Aligned(Message):
    """The document is aligned."""

    rows: list[Row]
    by_hand: bool = False


@dataclass
class DictionaryReady(Message):
    """CC-CEDICT and the romanisers are loaded."""


@dataclass
class StepFailed(Message):
    """A background step failed; ``error`` is one line."""

    step: str
    error: str


@dataclass
class Searched(Message):
    """The matches of a search."""

    query: str
    hits: list[Hit]


@dataclass
class WordsReady(Message):
    """jieba's dictionary is loaded (with the glossary's terms as words)."""


@dataclass
class Proposed(Message):
    """Translations proposed (``parallax.core.suggest.propose.Proposal``, best first) for the
    pending term ``token``."""

    token: int
    proposals: list[Any]
