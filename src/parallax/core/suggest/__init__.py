"""Suggested term pairs for a whole document, ranked (see :func:`suggest_terms`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A candidate term pair: ``row`` is the index of the first bead where it was found,
    ``count`` how many times the Chinese occurs in the document, ``known`` whether the glossary
    already has the Chinese (or the pair)."""

    zh: str
    en: str
    score: float
    reasons: tuple[str, ...]
    count: int
    row: int
    context_zh: str
    context_en: str
    known: bool = False
