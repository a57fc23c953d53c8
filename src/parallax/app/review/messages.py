"""Messages posted by the review screen's workers (one per worker run)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from parallax.core.glossary import GlossaryStore
    from parallax.core.review import Opened


@dataclass
class ReviewOpened(Message):
    """The glossaries, their review files and today's plan are read."""

    store: GlossaryStore
    opened: Opened


@dataclass
class ReviewOpenFailed(Message):
    """The review could not be opened; ``error`` is one line."""

    error: str


@dataclass
class GradeSaved(Message):
    """A grade (or its undo) is written; ``problem`` is one line to tell ("" if none)."""

    problem: str
    status_changed: bool


@dataclass
class GradeSaveFailed(Message):
    """A grade could not be written; ``error`` is one line."""

    error: str


@dataclass
class ReadingsReady(Message):
    """The readings' dictionaries are loaded: readings missing from terms can be computed."""


@dataclass
class SavesDone(Message):
    """Every grade asked for before leaving is written."""
