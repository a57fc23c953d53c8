"""Propose the translation of a selected span from the aligned text on the other side.

For a Chinese span, :func:`propose_en` looks in the aligned English paragraph for

* the matching **quote** when the span is (or lies inside) a quoted span: quotes pair up by
  nesting depth and order and by CC-CEDICT evidence (『雙遏制』 ↔ 'dual containment');
* the user's **glossary** pairs for the span (higher when the English occurs in the paragraph);
* **dictionary** evidence: the shortest runs of English words that the CC-CEDICT senses of the
  span and of the headwords inside it account for (遏制 -> "containment").

:func:`propose_zh` is the mirror image. Proposals come best first, without duplicates, with
their offsets in the aligned text when they occur there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from parallax.core.chinese import fold
from parallax.core.suggest import quotes
from parallax.core.suggest.quote_match import matching_quote
from parallax.core.suggest.windows import MAX_DICTIONARY, en_windows, zh_windows

_EDGE = " \t\n,.;:!?，。！？、；："


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposed translation; ``start``/``end`` are its offsets in the aligned text (-1 if it
    does not occur there). ``origin`` is "quote", "glossary", "dictionary" or "cooccurrence"."""

    text: str
    origin: str
    score: float
    start: int = -1
    end: int = -1


def propose_en(
    zh: str,
    *,
    zh_text: str,
    en_text: str,
    zh_start: int = -1,
    glossary: Sequence[tuple[str, str]] = (),
) -> list[Proposal]:
    """English proposals for the Chinese span ``zh`` of ``zh_text`` (at ``zh_start`` if known)
    from the aligned ``en_text``, best first."""
    zh = zh.strip()
    if not zh:
        return []
    start = _locate(zh_text, zh, zh_start, fold)
    found: list[Proposal] = []
    for g_zh, g_en in glossary:
        if g_en.strip() and fold(g_zh.strip()) == fold(zh):
            found.append(_glossary(g_en.strip(), en_text))
    region = (0, len(en_text))
    if start >= 0:
        zq, eq = quotes.zh_quotes(zh_text), quotes.en_quotes(en_text)
        inner = quotes.innermost(zq, start, start + len(zh))
        # English does not quote titles (《聯合聲明》 is the joint statement)
        usable = inner is not None and not inner.is_title
        match = (
            matching_quote(zq, inner, eq, zh_text, en_text, zh_side=True)
            if usable and inner
            else None
        )
        if inner and match and en_text[match.start : match.end].strip(_EDGE):
            exact = fold(zh_text[inner.start : inner.end].strip()) == fold(zh)
            found.append(_quoted(en_text, match, 0.97 if exact else 0.3))
            region = (match.start, match.end)
    position = start / max(1, len(zh_text)) if start >= 0 else 0.5
    for s, e, cover in en_windows(zh, en_text, position, region):
        found.append(Proposal(en_text[s:e], "dictionary", round(0.2 + 0.65 * cover, 4), s, e))
    return _best(found)


def dictionary_en(zh: str, *, en_text: str, position: float = 0.5) -> list[Proposal]:
    """Only the CC-CEDICT proposals for ``zh`` found in ``en_text`` (no quotes, no glossary);
    ``position`` (0..1) is where ``zh`` sits in its paragraph, to prefer nearby occurrences."""
    found = [
        Proposal(en_text[s:e], "dictionary", round(0.2 + 0.65 * cover, 4), s, e)
        for s, e, cover in en_windows(zh.strip(), en_text, position, (0, len(en_text)))
    ]
    return _best(found)


def propose_zh(
    en: str,
    *,
    en_text: str,
    zh_text: str,
    en_start: int = -1,
    glossary: Sequence[tuple[str, str]] = (),
) -> list[Proposal]:
    """Chinese proposals for the English span ``en`` of ``en_text`` (at ``en_start`` if known)
    from the aligned ``zh_text``, best first; texts are substrings of ``zh_text`` as written."""
    en = en.strip()
    if not en:
        return []
    start = _locate(en_text, en, en_start, str.lower)
    found: list[Proposal] = []
    key = " ".join(en.lower().split())
    folded_text = fold(zh_text) if glossary else ""
    for g_zh, g_en in glossary:
        if g_zh.strip() and " ".join(g_en.lower().split()) == key:
            at = folded_text.find(fold(g_zh.strip()))
            if at >= 0:
                found.append(
                    Proposal(
                        zh_text[at : at + len(g_zh.strip())],
                        "glossary",
                        0.95,
                        at,
                        at + len(g_zh.strip()),
                    )
                )
            else:
                found.append(Proposal(g_zh.strip(), "glossary", 0.5))
    region = (0, len(zh_text))
    if start >= 0:
        eq, zq = quotes.en_quotes(en_text), quotes.zh_quotes(zh_text)
        inner = quotes.innermost(eq, start, start + len(en))
        match = matching_quote(eq, inner, zq, zh_text, en_text, zh_side=False) if inner else None
        if inner and match and zh_text[match.start : match.end].strip(_EDGE):
            exact = en_text[inner.start : inner.end].strip().lower() == en.lower()
            found.append(_quoted(zh_text, match, 0.97 if exact else 0.3))
            region = (match.start, match.end)
    position = start / max(1, len(en_text)) if start >= 0 else 0.5
    for s, e, cover in zh_windows(en, zh_text, position, region):
        found.append(Proposal(zh_text[s:e], "dictionary", round(0.2 + 0.65 * cover, 4), s, e))
    return _best(found)


def _locate(text: str, span: str, hint: int, same: Callable[[str], str]) -> int:
    """Where ``span`` is in ``text``, compared through ``same`` (``fold``, ``str.lower``: both
    keep lengths): at ``hint`` if it is there (only that slice is compared), else its first
    occurrence."""
    key = same(span)
    if hint >= 0 and same(text[hint : hint + len(span)]) == key:
        return hint
    return same(text).find(key)


def _quoted(text: str, quote: quotes.Quote, score: float) -> Proposal:
    """The text inside ``quote`` (blanks at its ends left out) as a proposal."""
    inner = text[quote.start : quote.end]
    start = quote.start + len(inner) - len(inner.lstrip(_EDGE))
    end = quote.end - (len(inner) - len(inner.rstrip(_EDGE)))
    return Proposal(text[start:end], "quote", score, start, end)


def _glossary(en: str, en_text: str) -> Proposal:
    at = en_text.lower().find(en.lower())
    if at < 0:
        return Proposal(en, "glossary", 0.5)
    return Proposal(en_text[at : at + len(en)], "glossary", 0.95, at, at + len(en))


def _best(found: list[Proposal]) -> list[Proposal]:
    """Proposals best first, one per text (case-insensitive), the first (best) occurrence kept."""
    ordered = sorted(enumerate(found), key=lambda ip: (-ip[1].score, ip[0]))
    seen: dict[str, Proposal] = {}
    for _, proposal in ordered:
        seen.setdefault(fold(" ".join(proposal.text.lower().split())), proposal)
    kept = list(seen.values())
    dictionary = [p for p in kept if p.origin == "dictionary"][MAX_DICTIONARY:]
    return [p for p in kept if p not in dictionary]
