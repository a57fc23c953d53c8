"""Suggested term pairs for a whole document, ranked (see :func:`suggest_terms`)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parallax.core.align import Bead
    from parallax.core.document import Document


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


def suggest_terms(
    doc: Document,
    beads: Sequence[Bead],
    *,
    glossary: Sequence[tuple[str, str]] = (),
    rejected: Collection[tuple[str, str]] = (),
    limit: int = 50,
    progress: Callable[[float], None] | None = None,
) -> list[Suggestion]:
    """Candidate term pairs of ``doc`` aligned by ``beads``, best first (at most ``limit``).

    Sources, strongest first: short quotes matched across an aligned pair, CC-CEDICT-backed
    words and compounds found on both sides, and frequent keywords with their likely English.
    One suggestion per Chinese term (script-folded); ``rejected`` (zh, en) pairs are left out
    (the next best English is offered instead); ``known`` marks Chinese already in ``glossary``.
    ``progress`` is called with 0..1 as the work advances. ``reasons`` name the evidence:
    "quote" (matching quotes, or a short Chinese quote), "title" (a 《》 title), "dictionary"
    (CC-CEDICT senses found in the English), "keyword" (a frequent, rare-in-general word).
    """
    from parallax.core.suggest.rank import collect

    return collect(doc, beads, glossary, rejected, limit, progress)
