"""Suggestions from quoted spans: a short Chinese quote matched with an English quote in the
aligned text (『雙遏制』 ↔ 'dual containment'), document titles (《聯合聲明》) and short English
quotes matched back to the Chinese."""

from __future__ import annotations

from collections.abc import Iterator

from parallax.core.chinese import fold
from parallax.core.suggest.candidates import Pair, Tries
from parallax.core.suggest.evidence import han_count
from parallax.core.suggest.propose import propose_en, propose_zh
from parallax.core.suggest.quotes import en_quotes, zh_quotes

MAX_ZH = 10
MAX_SPAN = 4 * MAX_ZH  # characters inside a Chinese quote worth reading
MAX_EN_WORDS = 5
EXACT = 0.9  # propose_en's score for the quote matching the whole Chinese quote
_SPOKEN = tuple(",.!?…;:")


def quoted(pair: Pair, tries: Tries | None = None) -> Iterator[tuple[str, str, float, str]]:
    """``(zh, en, score, reason)`` for the short quotes of ``pair``; with ``tries`` (shared by
    the pairs of a document) a quote already looked at in a few places is skipped."""
    tries = tries or Tries()
    for quote in zh_quotes(pair.zh):
        if quote.end - quote.start > MAX_SPAN:
            continue  # too long to be a term (and a nested quote is not sliced out again)
        zh = pair.zh[quote.start : quote.end].strip()
        if not 2 <= han_count(zh) <= MAX_ZH or han_count(zh) < len(zh):
            continue
        if not tries.take("zh-quote", fold(zh)):
            continue
        proposals = [
            p
            for p in propose_en(zh, zh_text=pair.zh, en_text=pair.en, zh_start=quote.start)
            if p.start >= 0 and (p.origin != "quote" or _term_like(pair.en, p.text, p.end))
        ]
        if not proposals:
            continue
        best = proposals[0]
        if best.origin == "quote" and best.score >= EXACT:
            yield zh, best.text, best.score, "quote"
            continue
        found = [p for p in proposals if p.origin == "dictionary" and p.score >= 0.6]
        if found:
            reason = "title" if quote.is_title else "quote"
            yield zh, found[0].text, 0.55 + 0.4 * found[0].score, reason
    for quote in en_quotes(pair.en):
        if quote.end - quote.start > MAX_SPAN * 8:
            continue
        en = pair.en[quote.start : quote.end].strip()
        if not 1 <= len(en.split()) <= MAX_EN_WORDS or en[-1:] in _SPOKEN:
            continue
        if not tries.take("en-quote", " ".join(en.lower().split())):
            continue
        found = propose_zh(en, en_text=pair.en, zh_text=pair.zh, en_start=quote.start)
        found = [p for p in found if p.start >= 0 and p.origin == "dictionary" and p.score >= 0.75]
        if found and 2 <= han_count(found[0].text) <= MAX_ZH:
            yield found[0].text, en, 0.5 + 0.45 * found[0].score, "quote"


def _term_like(text: str, quoted: str, end: int) -> bool:
    """True unless the quoted English is long, spans lines or is speech ("Sit down,")."""
    return (
        len(quoted.split()) <= 2 * MAX_EN_WORDS
        and "\n" not in quoted
        and text[end : end + 1] not in _SPOKEN
        and quoted[-1:] not in _SPOKEN
    )
