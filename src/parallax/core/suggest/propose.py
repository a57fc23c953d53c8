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

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from parallax.core.chinese import fold
from parallax.core.suggest import evidence, quotes

MAX_WINDOW = 8
MAX_DICTIONARY = 6
MAX_SKIPPED = 1  # unexplained English words allowed inside a run
SKIP_PENALTY = 0.85
MIN_QUOTE_EVIDENCE = 0.2  # share of a quote that CC-CEDICT must account for
NEAREST_QUOTES = 8  # English quotes considered for a Chinese one (and back)
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
        match = _pair(zq, inner, eq, zh_text, en_text, zh_side=True) if usable and inner else None
        if inner and match and en_text[match.start : match.end].strip(_EDGE):
            exact = fold(zh_text[inner.start : inner.end].strip()) == fold(zh)
            found.append(_quoted(en_text, match, 0.97 if exact else 0.3))
            region = (match.start, match.end)
    position = start / max(1, len(zh_text)) if start >= 0 else 0.5
    for s, e, cover in _en_windows(zh, en_text, position, region):
        found.append(Proposal(en_text[s:e], "dictionary", round(0.2 + 0.65 * cover, 4), s, e))
    return _best(found)


def dictionary_en(zh: str, *, en_text: str, position: float = 0.5) -> list[Proposal]:
    """Only the CC-CEDICT proposals for ``zh`` found in ``en_text`` (no quotes, no glossary);
    ``position`` (0..1) is where ``zh`` sits in its paragraph, to prefer nearby occurrences."""
    found = [
        Proposal(en_text[s:e], "dictionary", round(0.2 + 0.65 * cover, 4), s, e)
        for s, e, cover in _en_windows(zh.strip(), en_text, position, (0, len(en_text)))
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
        match = _pair(eq, inner, zq, zh_text, en_text, zh_side=False) if inner else None
        if inner and match and zh_text[match.start : match.end].strip(_EDGE):
            exact = en_text[inner.start : inner.end].strip().lower() == en.lower()
            found.append(_quoted(zh_text, match, 0.97 if exact else 0.3))
            region = (match.start, match.end)
    position = start / max(1, len(en_text)) if start >= 0 else 0.5
    for s, e, cover in _zh_windows(en, zh_text, position, region):
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


def _pair(
    source: Sequence[quotes.Quote],
    quote: quotes.Quote,
    targets: Sequence[quotes.Quote],
    zh_text: str,
    en_text: str,
    *,
    zh_side: bool,
) -> quotes.Quote | None:
    """The quote of ``targets`` that renders ``quote``: some CC-CEDICT evidence is needed, the
    most wins, and the same place in the nesting and order counts for half of a quote's."""
    best, best_score = None, 0.3
    source_text, target_text = (zh_text, en_text) if zh_side else (en_text, zh_text)
    where = quote.start / max(1, len(source_text))
    for other in _nearest(targets, where, max(1, len(target_text))):
        zq, eq = (quote, other) if zh_side else (other, quote)
        cover = evidence.bag_coverage(zh_text[zq.start : zq.end], en_text[eq.start : eq.end])
        if cover < MIN_QUOTE_EVIDENCE:
            continue
        score = cover + (0.5 if quotes.structure_match(source, quote, targets, other) else 0.0)
        if score > best_score:
            best, best_score = other, score
    return best


def _nearest(targets: Sequence[quotes.Quote], where: float, length: int) -> list[quotes.Quote]:
    """The :data:`NEAREST_QUOTES` quotes of ``targets`` (ordered by start) whose relative start
    is nearest to ``where``, nearest first (the earlier one first when two are as near)."""
    right = bisect_left(targets, where, key=lambda t: t.start / length)
    left = right - 1
    found: list[quotes.Quote] = []
    while len(found) < NEAREST_QUOTES and (left >= 0 or right < len(targets)):
        go_left = right >= len(targets) or (
            left >= 0
            and abs(targets[left].start / length - where)
            <= abs(targets[right].start / length - where)
        )
        if go_left:
            found.append(targets[left])
            left -= 1
        else:
            found.append(targets[right])
            right += 1
    return found


def _en_windows(
    zh: str, en_text: str, position: float, region: tuple[int, int]
) -> list[tuple[int, int, float]]:
    """Runs of English words accounting for the Chinese ``zh``: ``(start, end, cover)``."""
    pieces = evidence.pieces(zh)
    total = evidence.han_count(zh)
    if not pieces or not total:
        return []
    index = evidence.word_index(en_text)
    toks = index.tokens
    hits = evidence.token_hits(pieces, index)
    windows: dict[tuple[int, int], float] = {}
    for i in sorted(hits):
        first = toks[i]
        acc: list[set[str]] = [set(h) for h in hits[i]]
        windows[_trim(en_text, first.start, first.end)] = evidence.cover(pieces, acc, total)
        skipped = 0  # content words left unexplained inside the run (state-owned overseas assets)
        for j in range(i + 1, min(len(toks), i + MAX_WINDOW)):
            if en_text[toks[j - 1].end : toks[j].start].strip(" -"):
                break
            if j not in hits:
                skipped += 0 if toks[j].stop else 1
                if skipped > MAX_SKIPPED:
                    break
                continue
            for k, h in enumerate(hits[j]):
                acc[k] |= h
            key = _trim(en_text, first.start, toks[j].end)
            value = evidence.cover(pieces, acc, total) * SKIP_PENALTY**skipped
            windows[key] = max(windows.get(key, 0.0), value)
    return _rank_windows(windows, len(en_text), position, region)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without a final possessive ``'s``."""
    return (
        (start, end - 2)
        if text[end - 2 : end] in ("'s", "’s") and end - start > 2
        else (start, end)
    )


def _zh_windows(
    en: str, zh_text: str, position: float, region: tuple[int, int]
) -> list[tuple[int, int, float]]:
    """Runs of CC-CEDICT headwords of ``zh_text`` accounting for the English ``en``.

    The headwords an English word may hit are looked up in an index, and a run only looks at
    the headwords near it: the work grows with the matches, not with the text.
    """
    toks = evidence.tokens(en)
    words = list(dict.fromkeys(t.word for t in toks if not t.stop)) or [t.word for t in toks]
    if not words:
        return []
    all_pieces = evidence.pieces(zh_text)
    candidates = sorted({k for w in words for k in evidence.pieces_hit_by(zh_text, w)})
    matching: list[tuple[evidence.Piece, dict[str, float]]] = []
    for k in candidates:  # in pieces order: by start, then length
        piece = all_pieces[k]
        value = 1.0 if piece.end - piece.start > 1 else evidence.SINGLE
        got = {w: value for w in words if piece.hits(w)}
        if got:
            matching.append((piece, got))
    starts = [p.start for p, _ in matching]
    windows: dict[tuple[int, int], float] = {}
    for ia, (a, _) in enumerate(matching):
        first = bisect_left(starts, a.start)  # shorter pieces at the same start come first
        last = bisect_left(starts, a.start + MAX_WINDOW + 3)  # b.end - a.start <= MAX + 2
        for ib in range(ia, last):
            b = matching[ib][0]
            if b.end < a.end or b.end - a.start > MAX_WINDOW + 2:
                continue
            inside = [matching[k] for k in range(first, last) if matching[k][0].end <= b.end]
            held = {i for p, _ in inside for i in range(p.start, p.end)}
            if len(held) < b.end - a.start:
                continue  # a gap no headword accounts for
            best = {w: max(g.get(w, 0.0) for _, g in inside) for w in words}
            windows[a.start, b.end] = sum(best.values()) / len(words)
    return _rank_windows(windows, len(zh_text), position, region)


def _rank_windows(
    windows: dict[tuple[int, int], float], length: int, position: float, region: tuple[int, int]
) -> list[tuple[int, int, float]]:
    """The best windows: most cover (a bonus inside ``region``), then shortest, then nearest to
    ``position`` (relative); one per distinct text is left to :func:`_best`."""
    inside = region != (0, length)

    def cover(key: tuple[int, int]) -> float:
        bonus = 0.1 if inside and region[0] <= key[0] and key[1] <= region[1] else 0.0
        return min(1.0, windows[key] + bonus)

    ranked = sorted(
        windows,
        key=lambda k: (-cover(k), k[1] - k[0], abs(k[0] / max(1, length) - position)),
    )
    return [(s, e, cover((s, e))) for s, e in ranked[: MAX_DICTIONARY * 3]]


def _best(found: list[Proposal]) -> list[Proposal]:
    """Proposals best first, one per text (case-insensitive), the first (best) occurrence kept."""
    ordered = sorted(enumerate(found), key=lambda ip: (-ip[1].score, ip[0]))
    seen: dict[str, Proposal] = {}
    for _, proposal in ordered:
        seen.setdefault(fold(" ".join(proposal.text.lower().split())), proposal)
    kept = list(seen.values())
    dictionary = [p for p in kept if p.origin == "dictionary"][MAX_DICTIONARY:]
    return [p for p in kept if p not in dictionary]
