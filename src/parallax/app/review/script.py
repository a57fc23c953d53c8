"""A card's Chinese in the other script (``t``): the question built from the term and its
context converted, the answer's context converted with the term lit again. The answer's head
keeps both scripts as the term gives them, and the card's key (the term's id) never changes."""

from __future__ import annotations

from dataclasses import replace

from parallax.app.script import shown
from parallax.core.review import Back, CardRef, Passage
from parallax.core.review.context import zh_spans


def card_in_script(card: CardRef, script: str | None) -> CardRef:
    """``card`` with its term's Chinese and Chinese context in ``script`` ("simplified" or
    "traditional"; None: as saved), for its question side."""
    if script is None:
        return card
    term = card.term
    zh, context = shown([term.zh, term.context_zh], script)
    return replace(card, term=replace(term, zh=zh, context_zh=context))


def back_in_script(back: Back, term_zh: str, script: str | None) -> Back:
    """``back`` with its Chinese context in ``script`` (None: as saved), ``term_zh`` lit in it
    (found in either script)."""
    if script is None or not back.zh.text:
        return back
    (context,) = shown([back.zh.text], script)
    return replace(back, zh=Passage(context, tuple(zh_spans(term_zh, context))))
