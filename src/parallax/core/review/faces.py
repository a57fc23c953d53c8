"""What a card shows: its question (front) and its answer (back), as plain text and spans.

* Chinese → English: the term, and the Chinese context with the term lit.
* English → Chinese: the English, and the English context with it lit.
* Cloze: the Chinese context with the term blanked, the English context beside it (lit).

The answer shows the term in both scripts, pinyin and Jyutping, every English rendering the
glossaries give the term, the note, the context pair with the term lit on both sides, and the
source document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from parallax.core.glossary.term import Term
from parallax.core.review.cards import CardRef
from parallax.core.review.context import Span, blanked, en_spans, zh_spans

PROMPTS = {
    "zh-en": "Chinese → English: what does it mean?",
    "en-zh": "English → Chinese: how is it said?",
    "cloze": "Which term fills the blank?",
}


@dataclass(frozen=True)
class Passage:
    """A context paragraph and the spans to light (or that are blanked)."""

    text: str
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Front:
    """The question side: a prompt, the cue (the term or the English; empty for a cloze) and
    the context shown with it (either side may be empty)."""

    prompt: str
    cue: str
    zh: Passage
    en: Passage


@dataclass(frozen=True)
class Back:
    """The answer side."""

    traditional: str
    simplified: str
    pinyin: str
    jyutping: str
    renderings: tuple[str, ...]
    note: str
    zh: Passage
    en: Passage
    source: str


def front_of(card: CardRef) -> Front:
    """The question side of ``card``."""
    term = card.term
    prompt = PROMPTS[card.kind]
    if card.kind == "zh-en":
        return Front(prompt, term.zh, _zh_passage(term), Passage(""))
    english = split_renderings(term.en)
    if card.kind == "en-zh":
        return Front(prompt, term.en, Passage(""), _en_passage(term, english))
    spans = tuple(zh_spans(term.zh, term.context_zh))
    return Front(
        prompt, "", Passage(blanked(term.context_zh, spans), spans), _en_passage(term, english)
    )


def back_of(
    card: CardRef, renderings: Sequence[str] = (), *, compute_readings: bool = False
) -> Back:
    """The answer side of ``card``; ``renderings``: every English rendering of the term
    (default: the term's own). Readings are the term's saved ones (computed in context by
    :mod:`parallax.core.readings` when it was saved); a term saved without them gets them
    computed only with ``compute_readings`` (the readings' dictionaries take seconds to load:
    load them in a worker first)."""
    from parallax.core import chinese, readings

    term = card.term
    english = tuple(dict.fromkeys([*split_renderings(term.en), *renderings]))
    han = chinese.has_han(term.zh)
    compute = han and compute_readings
    return Back(
        traditional=chinese.to_traditional(term.zh) if han else term.zh,
        simplified=chinese.to_simplified(term.zh) if han else term.zh,
        pinyin=term.pinyin or (readings.pinyin(term.zh) if compute else ""),
        jyutping=term.jyutping or (readings.jyutping(term.zh) if compute else ""),
        renderings=english,
        note=term.note,
        zh=_zh_passage(term),
        en=_en_passage(term, english),
        source=term.source_line,
    )


def renderings_of(term: Term, terms: Iterable[Term]) -> list[str]:
    """The English renderings of every term with ``term``'s Chinese (either script), ``term``'s
    own first."""
    from parallax.core.glossary.senses import zh_key

    key = zh_key(term.zh)
    found = split_renderings(term.en)
    for other in terms:
        if other.en and other.zh and zh_key(other.zh) == key:
            found += split_renderings(other.en)
    return list(dict.fromkeys(found))


def split_renderings(en: str) -> list[str]:
    """The English renderings of a term's ``en`` (``hand in hand; join hands`` is two)."""
    from parallax.core.glossary.merging import renderings

    return renderings(en)


def _zh_passage(term: Term) -> Passage:
    return Passage(term.context_zh, tuple(zh_spans(term.zh, term.context_zh)))


def _en_passage(term: Term, renderings: Sequence[str]) -> Passage:
    return Passage(term.context_en, tuple(en_spans(renderings, term.context_en)))
