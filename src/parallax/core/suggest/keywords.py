"""Suggestions from frequency: the document's TF-IDF keywords (jieba words weighed by jieba's
IDF table) with their likely English from :func:`parallax.core.suggest.propose.propose_en`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from parallax.core.chinese import fold
from parallax.core.suggest.candidates import Pair
from parallax.core.suggest.evidence import han_count
from parallax.core.suggest.phrases import ZH_STOP, idf
from parallax.core.suggest.propose import propose_en
from parallax.core.words import zh_words

TOP = 30


def keywords(texts: Sequence[str], top: int = TOP) -> list[tuple[str, float]]:
    """The ``top`` keywords of the Chinese ``texts`` (folded) with weights scaled to 0..1."""
    counts: Counter[str] = Counter()
    for text in texts:
        folded = fold(text)
        for start, end in zh_words(text):
            word = folded[start:end]
            if len(word) >= 2 and han_count(word) == len(word) and word not in ZH_STOP:
                counts[word] += 1
    weights = {word: n * idf(word) for word, n in counts.items()}
    best = sorted(weights.items(), key=lambda kv: -kv[1])[:top]
    top_weight = best[0][1] if best else 1.0
    return [(word, weight / top_weight) for word, weight in best]


def keyword_pairs(
    pairs: Sequence[Pair], texts: Sequence[str]
) -> Iterator[tuple[str, str, float, int]]:
    """``(zh as written, en, score, index of the pair)`` for the keywords found in an aligned
    pair."""
    for word, weight in keywords(texts):
        for index, pair in enumerate(pairs):
            at = fold(pair.zh).find(word)
            if at < 0:
                continue
            zh = pair.zh[at : at + len(word)]
            found = [
                p
                for p in propose_en(zh, zh_text=pair.zh, en_text=pair.en, zh_start=at)
                if p.start >= 0
            ]
            if found and found[0].score >= 0.45:
                yield zh, found[0].text, round(0.25 + 0.35 * found[0].score * weight, 4), index
                break
