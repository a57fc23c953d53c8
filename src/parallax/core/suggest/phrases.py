"""Suggestions from CC-CEDICT: Chinese words and short compounds (jieba words, alone or two or
three side by side) whose dictionary senses are found as a run of words in the aligned English.

Longer and rarer words score higher; function words, names and single characters do not make
suggestions of their own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path

from parallax.core import cedict
from parallax.core.chinese import fold
from parallax.core.suggest import evidence
from parallax.core.suggest.candidates import Pair, Tries
from parallax.core.suggest.propose import dictionary_en
from parallax.core.words import zh_words

MAX_PARTS = 3
MAX_CHARS = 8
MIN_COVER = 0.7
MIN_COMPOUND = 0.75
_ZH_STOP_WORDS = (  # Simplified: words are compared folded
    "的 是 了 在 和 与 及 对 就 也 都 而 但 则 并 或 等 以 为 被 将 这 那 其 之 有 没有 不 会 "
    "可以 以及 已经 这次 目前 还 很 一 两 中 上 下 向 从 把 于 所 此 该 由 至 即 又 更 最 曾经 "
    "现今 今天 当前 一方 另一方 双方 只有 只 其中 一处 另一处 大部分 方面 看不出 不可能 不是 就是 "
    "则会 或者 因为 虽然 然而 实际上"
)
ZH_STOP = frozenset(_ZH_STOP_WORDS.split())


@cache
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's IDF table (shipped with jieba) and its median, for Simplified words; pickled in
    the cache directory after the first parse."""
    import importlib.util

    from parallax.core.cedict.cache import read_cache, write_cache
    from parallax.core.paths import cache_dir

    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:  # pragma: no cover - jieba is a dependency
        return {}, 10.0
    source = Path(spec.origin).parent / "analyse" / "idf.txt"
    stat = source.stat()
    cache = cache_dir() / f"jieba-idf-{stat.st_size}-{stat.st_mtime_ns}.pickle"
    found = read_cache(cache, tuple)
    if found is not None:
        return found
    table: dict[str, float] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        word, _, value = line.partition(" ")
        try:
            table[word] = float(value)
        except ValueError:
            continue
    values = sorted(table.values())
    result = (table, values[len(values) // 2] if values else 10.0)
    write_cache(cache, result)
    return result


def idf(zh: str, parts: Sequence[str] = ()) -> float:
    """The IDF of a word (folded to Simplified); for an unknown compound the highest IDF of its
    ``parts``; else the median."""
    table, median = idf_table()
    found = table.get(fold(zh))
    if found is None and parts:
        return max(idf(part) for part in parts)
    return median if found is None else found


@cache
def is_name(zh: str) -> bool:
    """True if every CC-CEDICT entry of ``zh`` is a proper noun (capitalised pinyin)."""
    entries = cedict.lookup(zh)
    return bool(entries) and all(e.pinyin[:1].isupper() for e in entries)


@cache
def is_verb(zh: str) -> bool:
    """True if most CC-CEDICT senses of ``zh`` are verbs ("to ..."): a verb does not start or
    end a compound term (提及美國, 共同抵制)."""
    senses = [sense for entry in cedict.lookup(zh) for sense in entry.senses]
    verbs = sum(sense.startswith("to ") for sense in senses)
    return bool(senses) and verbs >= 0.6 * len(senses)


def spans(zh: str) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """Candidate spans ``(start, end, parts)``: jieba words of two or more Han characters, and
    runs of two or three adjacent words without function words, names, or a verb at either end.
    """
    words = zh_words(zh)
    for i, (start, _) in enumerate(words):
        for k in range(i, min(len(words), i + MAX_PARTS)):
            end = words[k][1]
            part = zh[words[k][0] : end]
            if evidence.han_count(part) != len(part) or fold(part) in ZH_STOP:
                break
            if end - start > MAX_CHARS or (k > i and is_name(part)):
                break
            parts = tuple(zh[s:e] for s, e in words[i : k + 1])
            if k == i and end - start >= 2:
                yield start, end, ()
            elif k > i and not is_name(parts[0]):
                if cedict.lookup(zh[start:end]):
                    yield start, end, ()
                elif not _verb_part(parts[0]) and not _verb_part(part):
                    yield start, end, parts


def _verb_part(part: str) -> bool:
    return len(part) > 1 and is_verb(part)


def phrases(pair: Pair, tries: Tries | None = None) -> Iterator[tuple[str, str, float, str]]:
    """``(zh, en, score, "dictionary")`` for the CC-CEDICT-backed phrases of ``pair``; with
    ``tries`` (shared by the pairs of a document) a phrase already looked at in a few places is
    skipped."""
    tries = tries or Tries()
    index = evidence.word_index(pair.en)
    seen: set[str] = set()
    for start, end, parts in spans(pair.zh):
        zh = pair.zh[start:end]
        if fold(zh) in seen:
            continue
        seen.add(fold(zh))
        if not tries.take("phrase", fold(zh)):
            continue
        if not evidence.token_hits(evidence.pieces(zh), index):
            continue
        position = start / max(1, len(pair.zh))
        found = [p for p in dictionary_en(zh, en_text=pair.en, position=position) if p.start >= 0]
        if not found:
            continue
        cover = (found[0].score - 0.2) / 0.65
        if cover < (MIN_COMPOUND if parts else MIN_COVER):
            continue
        en = found[0].text
        yield zh, en, round(0.3 + 0.6 * cover * quality(zh, en, parts), 4), "dictionary"


def quality(zh: str, en: str, parts: tuple[str, ...]) -> float:
    """How term-like a pair is, 0..1: longer, rarer, several English words, not a name, not a
    verb rendered by an English verb, a dictionary word rather than a compound."""
    length = {2: 0.85, 3: 0.95}.get(len(zh), 1.0)
    rarity = min(1.0, max(0.25, (idf(zh, parts) - 5.5) / 4.0))
    words = len(en.split())
    value = length * rarity * (1.0 if words > 1 else 0.9)
    if is_name(zh):
        value *= 0.6
    if words == 1 and is_verb(zh) and en.lower().endswith(("ed", "ing", "s")):
        value *= 0.75
    return value * {0: 1.0, 2: 0.9}.get(len(parts), 0.8)
