"""Dictionary evidence for a span: the runs of the aligned text that the CC-CEDICT senses of
the span account for, ``(start, end, cover)``, best first.

:func:`en_windows` finds runs of English words for a Chinese span (遏制 -> "containment");
:func:`zh_windows` runs of CC-CEDICT headwords for an English span.
"""

from __future__ import annotations

from bisect import bisect_left

from parallax.core.suggest import evidence

MAX_WINDOW = 8
MAX_DICTIONARY = 6
MAX_SKIPPED = 1  # unexplained English words allowed inside a run
SKIP_PENALTY = 0.85


def en_windows(
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
    return rank_windows(windows, len(en_text), position, region)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without a final possessive ``'s``."""
    return (
        (start, end - 2)
        if text[end - 2 : end] in ("'s", "’s") and end - start > 2
        else (start, end)
    )


def zh_windows(
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
    return rank_windows(windows, len(zh_text), position, region)


def rank_windows(
    windows: dict[tuple[int, int], float], length: int, position: float, region: tuple[int, int]
) -> list[tuple[int, int, float]]:
    """The best windows: most cover (a bonus inside ``region``), then shortest, then nearest to
    ``position`` (relative); one per distinct text is left to the caller."""
    inside = region != (0, length)

    def cover(key: tuple[int, int]) -> float:
        bonus = 0.1 if inside and region[0] <= key[0] and key[1] <= region[1] else 0.0
        return min(1.0, windows[key] + bonus)

    ranked = sorted(
        windows,
        key=lambda k: (-cover(k), k[1] - k[0], abs(k[0] / max(1, length) - position)),
    )
    return [(s, e, cover((s, e))) for s, e in ranked[: MAX_DICTIONARY * 3]]
