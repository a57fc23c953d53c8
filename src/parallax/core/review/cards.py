"""Which review cards a glossary term gives, and how a card is named in the review file.

A term with both sides gives a recognition card (Chinese → English) and a production card
(English → Chinese); when its saved context paragraph holds the term, also a cloze card (the
paragraph with the term blanked, its aligned translation beside it). A card is keyed by the
term's stable ``id`` and its kind (``3f9c…/zh-en``), so editing a term keeps its history and a
removed term simply has no cards any more.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from parallax.core.glossary.term import Term
from parallax.core.review.context import holds

Kind = Literal["zh-en", "cloze", "en-zh"]
KINDS: tuple[Kind, ...] = get_args(Kind)
"""The kinds in the order a new term's cards are introduced (recognition first)."""


@dataclass(frozen=True, slots=True)
class CardRef:
    """One card: a term of a glossary and the card's kind."""

    glossary: str
    term: Term
    kind: Kind

    @property
    def key(self) -> str:
        """The card's key in its glossary's review file."""
        return card_key(self.term.id, self.kind)


def card_key(term_id: str, kind: Kind) -> str:
    """``TERM_ID/KIND``: how a card is named in the review file."""
    return f"{term_id}/{kind}"


def split_key(key: str) -> tuple[str, str]:
    """The term id and kind of a card key (the kind may be one this version does not know)."""
    term_id, _, kind = key.rpartition("/")
    return term_id, kind


def kinds_of(term: Term) -> tuple[Kind, ...]:
    """The kinds of card ``term`` gives: none without both a Chinese and an English side; the
    cloze card only when the saved Chinese context holds the term (in either script)."""
    if not term.zh.strip() or not term.en.strip():
        return ()
    if term.context_zh and holds(term.zh, term.context_zh):
        return KINDS
    return ("zh-en", "en-zh")


def cards_of(glossary: str, terms: tuple[Term, ...] | list[Term]) -> list[CardRef]:
    """Every card of ``terms`` (glossary order, a term's kinds together)."""
    return [CardRef(glossary, term, kind) for term in terms for kind in kinds_of(term)]
