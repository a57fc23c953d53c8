"""Collect the candidates of every source, merge them per Chinese term and rank them."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from parallax.core.align import Bead
from parallax.core.chinese import fold
from parallax.core.document import Document
from parallax.core.suggest import Suggestion
from parallax.core.suggest.candidates import Pair, Tries, pairs
from parallax.core.suggest.keywords import keyword_pairs
from parallax.core.suggest.phrases import phrases
from parallax.core.suggest.quoted import quoted

BONUS = 0.03  # per extra kind of evidence for the same term
FRAGMENT = 0.75  # a compound only seen inside a longer suggestion


@dataclass(frozen=True, slots=True)
class Offer:
    """One source's English for a Chinese term found in a pair (``at``: its index in the
    pairs, which are in bead order)."""

    zh: str
    en: str
    score: float
    reason: str
    at: int


def en_key(en: str) -> str:
    """English compared case- and blank-insensitively."""
    return " ".join(en.lower().split())


def collect(
    doc: Document,
    beads: Sequence[Bead],
    glossary: Sequence[tuple[str, str]],
    rejected: Collection[tuple[str, str]],
    limit: int,
    progress: Callable[[float], None] | None,
) -> list[Suggestion]:
    """See :func:`parallax.core.suggest.suggest_terms`."""
    report = progress or (lambda _: None)
    report(0.0)
    rows = pairs(doc, beads)
    offers: dict[str, list[Offer]] = {}

    def take(found: Iterable[tuple[str, str, float, str]], at: int) -> None:
        for zh, en, score, reason in found:
            offers.setdefault(fold(zh), []).append(Offer(zh, en, score, reason, at))

    steps = max(1, 2 * len(rows) + 1)
    tries = Tries()
    for n, pair in enumerate(rows):
        take(quoted(pair, tries), n)
        report(0.05 + 0.9 * (n + 1) / steps)
    for n, pair in enumerate(rows):
        take(phrases(pair, tries), n)
        report(0.05 + 0.9 * (len(rows) + n + 1) / steps)
    for zh, en, score, at in keyword_pairs(rows, [p.zh for p in rows]):
        offers.setdefault(fold(zh), []).append(Offer(zh, en, score, "keyword", at))
    report(0.96)
    ranked = _rank(offers, doc, beads, rows, glossary, rejected)
    report(1.0)
    return ranked[: max(0, limit)]


def _rank(
    offers: dict[str, list[Offer]],
    doc: Document,
    beads: Sequence[Bead],
    rows: Sequence[Pair],
    glossary: Sequence[tuple[str, str]],
    rejected: Collection[tuple[str, str]],
) -> list[Suggestion]:
    """One suggestion per Chinese term: its best English that is not rejected."""
    refused = {(fold(zh.strip()), en_key(en)) for zh, en in rejected}
    known = {fold(zh.strip()) for zh, _ in glossary}
    known_pairs = {(fold(zh.strip()), en_key(en)) for zh, en in glossary}
    bead_texts: dict[int, list[str]] = {}  # the slices of a long bead joined back (counts)
    for pair in rows:
        bead_texts.setdefault(pair.row, []).append(pair.zh)
    folded = fold("\n".join("".join(parts) for parts in bead_texts.values()))
    found: list[Suggestion] = []
    for key, options in offers.items():
        allowed = [o for o in options if (key, en_key(o.en)) not in refused]
        if not allowed:
            continue
        best = max(allowed, key=lambda o: (o.score, -o.at))
        kinds = {o.reason for o in allowed}
        score = min(1.0, best.score + BONUS * (len(kinds) - 1))
        # the first pair where this English was found, with both sides as written there
        first = min((o for o in allowed if en_key(o.en) == en_key(best.en)), key=lambda o: o.at)
        pair = rows[first.at]
        row = pair.row
        found.append(
            Suggestion(
                zh=first.zh,
                en=first.en,
                score=round(score, 4),
                reasons=tuple(sorted(kinds, key=_ORDER.index)),
                count=max(1, folded.count(key)),
                row=row,
                context_zh=pair.zh,
                context_en=pair.en,
                known=key in known or (key, en_key(best.en)) in known_pairs,
            )
        )
    found = _without_fragments(found)
    found.sort(key=lambda s: (-s.score, -s.count, s.row, s.zh))
    return found


def _without_fragments(found: list[Suggestion]) -> list[Suggestion]:
    """Drop a Chinese span that is part of a longer one with the same English (市場化競爭手段 in
    非市場化競爭手段); demote a compound that only ever occurs inside a longer suggestion whose
    English holds its English (全球反導 in 全球反導系統)."""
    from dataclasses import replace

    from parallax.core import cedict

    kept: list[Suggestion] = []
    for s in found:
        zh, en = fold(s.zh), en_key(s.en)
        longer = [t for t in found if len(t.zh) > len(s.zh) and zh in fold(t.zh)]
        if any(en_key(t.en) == en for t in longer):
            continue
        if not cedict.lookup(s.zh) and any(
            en in en_key(t.en) and t.count >= s.count for t in longer
        ):
            s = replace(s, score=round(s.score * FRAGMENT, 4))
        kept.append(s)
    return kept


_ORDER = ["quote", "title", "dictionary", "keyword"]
