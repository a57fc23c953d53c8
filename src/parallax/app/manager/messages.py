"""Messages posted by the glossary manager's workers and widgets (one per worker answer)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from parallax.app.manager.changes import ChangeDone
from parallax.app.manager.state import Terms
from parallax.app.manager.tasks import Listing


@dataclass
class Listed(Message):
    """The glossaries are listed."""

    listing: Listing


@dataclass
class TermsFound(Message):
    """The terms of a glossary, filtered and sorted (see :meth:`ManagerState.found`)."""

    terms: Terms


@dataclass
class ChangeMade(Message):
    """A change was made, or not (see :class:`ChangeDone`)."""

    done: ChangeDone


@dataclass
class Exported(Message):
    """An export file is written: ``message`` says where."""

    message: str


@dataclass
class Written(Message):
    """The changes asked for before closing are written: close."""
