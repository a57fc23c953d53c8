"""Accuracy of parallax's readings on polyphonic characters, beside pypinyin alone, one run.

    python benchmarks/readings_quality.py ../shared/bench/polyphone-dev

The data (CPP, ``dev.sent`` / ``dev.lb``): one polyphonic character per sentence marked
``▁X▁`` and its reading with a tone number (neutral tone 5, ``ü`` written ``u:``). Each sentence
is read as written (Simplified) and after OpenCC ``s2hk`` (Traditional, same length); accuracy
is the share of marked characters read right. Rows: pypinyin alone (``lazy_pinyin`` on the
whole sentence, as a user of pypinyin would call it), parallax with dictionaries only
(``model=False``) and parallax in full (dictionaries, then g2pM for what they leave open).
Also prints the time per sentence and how many readings differ between the two scripts.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from parallax.core import chinese, readings
from parallax.core.readings.marks import numbered

MARK = "\u2581"


def load(directory: Path) -> list[tuple[str, int, str]]:
    """(sentence without marks, offset of the marked character, its reading) per line."""
    sentences = (directory / "dev.sent").read_text("utf-8").split("\n")
    labels = (directory / "dev.lb").read_text("utf-8").split("\n")
    items = []
    for sentence, label in zip(sentences, labels, strict=False):
        if not sentence.strip():
            continue
        at = sentence.index(MARK)
        text = sentence[:at] + sentence[at + 1] + sentence[at + 3 :]
        items.append((text, at, label.strip()))
    return items


def pypinyin_alone(texts: list[str]) -> list[list[str]]:
    """pypinyin's numbered syllables, one per character (its own phrase segmentation)."""
    from pypinyin import Style, lazy_pinyin

    def one(text: str) -> list[str]:
        found = lazy_pinyin(
            text, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda s: ["?"] * len(s)
        )
        return [s.replace("v", "u:") for s in found]

    return [one(text) for text in texts]


def parallax(model: bool, batch: bool) -> Callable[[list[str]], list[list[str]]]:
    """parallax's readings, numbered: one call per text, or all texts in one call."""

    def read(texts: list[str]) -> list[list[str]]:
        if batch:
            found = readings.pinyin_syllables_many(texts, model=model)
        else:
            found = [readings.pinyin_syllables(text, model=model) for text in texts]
        return [[numbered(s) if s else "?" for s in syllables] for syllables in found]

    return read


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    items = load(Path(argv[0]))
    items = items[: int(argv[1])] if len(argv) > 1 else items
    simplified = [text for text, _, _ in items]
    traditional = [chinese.to_traditional(text) for text in simplified]
    kept = [len(t) == len(s) for s, t in zip(simplified, traditional, strict=True)]
    readings.load()
    print(f"{len(items)} sentences from {argv[0]} ({kept.count(False)} changed length in s2hk)")
    print(f"{'reader':<40}{'Simplified':>11}{'Traditional':>13}{'differ':>8}{'ms/sentence':>13}")
    for name, read in (
        ("pypinyin alone (baseline)", pypinyin_alone),
        ("parallax, dictionaries only", parallax(False, batch=False)),
        ("parallax, one call per sentence", parallax(True, batch=False)),
        ("parallax, all sentences in one call", parallax(True, batch=True)),
    ):
        readings._pinyin_cache.clear()
        started = time.perf_counter()
        simp, trad = read(simplified), read(traditional)
        took = (time.perf_counter() - started) / (2 * len(items)) * 1000
        right_s = right_t = differ = 0
        for (_text, at, label), s, t, same in zip(items, simp, trad, kept, strict=True):
            right_s += s[at] == label
            right_t += same and t[at] == label
            differ += not same or s[at] != t[at]
        n = len(items)
        print(f"{name:<40}{right_s / n:>11.3f}{right_t / n:>13.3f}{differ:>8}{took:>13.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
