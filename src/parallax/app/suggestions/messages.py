"""Messages posted by the suggestions screen's workers (one per worker answer)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from parallax.app.suggestions.choices import Pair

if TYPE_CHECKING:
    from parallax.core.suggest import Suggestion


@dataclass
class Progressed(Message):
    """The suggestions are ``percent`` computed."""

    percent: int


@dataclass
class Suggested(Message):
    """The suggestions, best first (``error``: computing them failed; ``warning``: a damaged
    rejections file was skipped)."""

    found: list[Suggestion]
    error: str = ""
    warning: str = ""


@dataclass
class WriteFailed(Message):
    """A rejection change (``op`` of ``pair``) could not be saved."""

    op: str
    pair: Pair
    error: str
