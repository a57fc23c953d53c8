"""A selection waiting to become a term: what it covers and the translations proposed for it."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from parallax.app.model import Lang, Selection

if TYPE_CHECKING:
    from parallax.core.suggest.propose import Proposal

_TOKENS = itertools.count()


@dataclass(frozen=True)
class Here:
    """What a selection covers as the rows are now: its text as written (not in the converted
    script) and the texts of its row."""

    selection: Selection
    text: str
    zh_text: str
    en_text: str

    @property
    def other(self) -> Lang:
        """The language a translation is looked for in."""
        return "en" if self.selection.lang == "zh" else "zh"


@dataclass(frozen=True)
class Pending:
    """A selection waiting to be saved: where it was (``here``), the translations proposed
    (``None`` while they are looked for); ``index`` is the one shown, ``token`` names the
    proposal worker's answer."""

    here: Here
    token: int = field(default_factory=lambda: next(_TOKENS))
    proposals: tuple[Proposal, ...] | None = None
    index: int = 0

    @property
    def selection(self) -> Selection:
        """The selection the proposals are for."""
        return self.here.selection

    @property
    def text(self) -> str:
        """The selected text, as written."""
        return self.here.text

    @property
    def proposal(self) -> Proposal | None:
        """The proposal shown, if any."""
        return self.proposals[self.index] if self.proposals else None

    def pair(self) -> tuple[str, str]:
        """``(zh, en)``: the selected text and the proposal shown ("" if none)."""
        other = self.proposal.text if self.proposal is not None else ""
        return (self.text, other) if self.selection.lang == "zh" else (other, self.text)

    def partner(self) -> Selection | None:
        """Where the proposal shown was found in the row's other language, if it was."""
        proposal = self.proposal
        if proposal is None or proposal.start < 0:
            return None
        return Selection(self.selection.row, self.here.other, proposal.start, proposal.end)
