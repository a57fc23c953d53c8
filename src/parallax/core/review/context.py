"""Where a term stands in its saved context: spans to light, and the paragraph with it blanked.

Chinese is found on the script-folded text (``chinese.fold`` keeps offsets), so a term saved in
Simplified is found in a Traditional paragraph and the other way round; blanks inside the term
are ignored. English is found case-, hyphen- and blank-insensitively with regular inflections
(``stand-offs`` for ``stand-off``), at whole words only.
"""

from __future__ import annotations

from collections.abc import Iterable

from parallax.core.glossary.english import normalise, term_keys

Span = tuple[int, int]
BLANK = "＿"
"""One blank per character of the term: the cloze shows how long the answer is."""


def zh_spans(term: str, context: str) -> list[Span]:
    """The non-overlapping places of the Chinese ``term`` in ``context``, either script."""
    needle = "".join(term.split())
    if not needle or not context:
        return []
    from parallax.core import chinese

    if not chinese.has_han(needle):
        return _find_all(needle, context)
    return _find_all(chinese.fold(needle), chinese.fold(context))


def holds(term: str, context: str) -> bool:
    """True if ``context`` holds the Chinese ``term`` (either script); quicker than
    :func:`zh_spans` when the term is written as in the context."""
    needle = "".join(term.split())
    return bool(needle) and (needle in context or bool(zh_spans(needle, context)))


def _find_all(needle: str, text: str) -> list[Span]:
    spans = []
    start = text.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + len(needle))
    return spans


def en_spans(renderings: Iterable[str], context: str) -> list[Span]:
    """The places of any of the English ``renderings`` in ``context`` (whole words; the longest
    wins where two overlap)."""
    if not context:
        return []
    text, offsets = normalise(context)
    found: list[Span] = []
    for rendering in renderings:
        exact, inflected = term_keys(rendering)
        for key in {exact, *inflected}:
            if not key:
                continue
            at = text.find(key)
            while at >= 0:
                span = (offsets[at], offsets[at + len(key) - 1] + 1)
                if _whole_words(context, span):
                    found.append(span)
                at = text.find(key, at + 1)
    return _without_overlaps(found)


def _whole_words(text: str, span: Span) -> bool:
    start, end = span
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Leftmost first, the longer of two spans starting together; overlapping ones dropped."""
    kept: list[Span] = []
    for span in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def blanked(context: str, spans: Iterable[Span]) -> str:
    """``context`` with each span replaced by as many :data:`BLANK` marks as it has
    characters (the text keeps its length, so other offsets hold)."""
    chars = list(context)
    for start, end in spans:
        chars[start:end] = BLANK * (end - start)
    return "".join(chars)
