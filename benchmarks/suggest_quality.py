"""Precision of ``suggest_terms`` on the seed editorial against a hand-written list of good pairs.

    python benchmarks/suggest_quality.py [GOOD_TERMS.tsv]

A suggestion is good when its Chinese (script-folded) is in the list and its English matches one
of the listed variants case-insensitively. Prints P@5, P@10 and P@20 for the ranker and for a
same-run baseline (jieba TF-IDF keywords, each with the first CC-CEDICT sense of the word), and
the time ``suggest_terms`` takes on the seed (dictionary and jieba already loaded).
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from parallax.core import cedict, words
from parallax.core.align import align_document
from parallax.core.bundled import bundled_document_path
from parallax.core.chinese import fold
from parallax.core.readers import load_document
from parallax.core.suggest import suggest_terms
from parallax.core.suggest.keywords import keywords

GOOD = Path(__file__).resolve().parent.parent / "tests" / "data" / "suggest" / "seed-good-terms.tsv"


def load_good(path: Path) -> dict[str, set[str]]:
    """Folded Chinese -> the accepted English variants, lower-cased."""
    good: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        zh, en = line.split("\t")
        good.setdefault(fold(zh.strip()), set()).update(
            " ".join(v.lower().split()) for v in en.split(" | ")
        )
    return good


def precision(pairs: list[tuple[str, str]], good: dict[str, set[str]], k: int) -> float:
    """The share of the first ``k`` pairs that are good (missing pairs count as bad)."""
    hits = sum(" ".join(en.lower().split()) in good.get(fold(zh), set()) for zh, en in pairs[:k])
    return hits / k


def baseline(texts: list[str], limit: int) -> list[tuple[str, str]]:
    """TF-IDF keywords, each with the first sense of its first CC-CEDICT entry."""
    found = []
    for word, _ in keywords(texts, top=limit * 2):
        entries = cedict.lookup(word)
        if entries:
            sense = re.sub(r"\([^)]*\)", "", entries[0].senses[0]).strip()
            found.append((word, sense.removeprefix("to ")))
    return found[:limit]


def main(argv: list[str]) -> int:
    good = load_good(Path(argv[0]) if argv else GOOD)
    doc = load_document(bundled_document_path())
    beads = align_document(doc)
    cedict.load()
    words.load()
    start = time.perf_counter()
    found = suggest_terms(doc, beads, limit=50)
    elapsed = time.perf_counter() - start
    start = time.perf_counter()
    suggest_terms(doc, beads, limit=50)
    again = time.perf_counter() - start
    ranked = [(s.zh, s.en) for s in found]
    base = baseline(list(doc.zh_texts), 50)
    print(f"good pairs listed: {len(good)}; suggestions: {len(found)}")
    print(f"{'':10}  P@5   P@10  P@20")
    for name, pairs in (("ranker", ranked), ("baseline", base)):
        figures = "  ".join(f"{precision(pairs, good, k):.2f}" for k in (5, 10, 20))
        print(f"{name:10}  {figures}")
    print(f"suggest_terms on the seed: {elapsed:.2f} s (again, caches warm: {again:.2f} s)")
    for n, (zh, en) in enumerate(ranked[:20], 1):
        mark = "+" if " ".join(en.lower().split()) in good.get(fold(zh), set()) else "-"
        print(f"{n:3} {mark} {zh}\t{en}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
