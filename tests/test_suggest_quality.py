"""Precision at 10 of the suggestions on the seed, against hand-picked good term pairs."""

from __future__ import annotations

from pathlib import Path

from parallax.core.align import align_document
from parallax.core.chinese import fold
from parallax.core.readers import load_document
from parallax.core.suggest import suggest_terms

GOOD = Path(__file__).parent / "data" / "suggest" / "seed-good-terms.tsv"
# Measured 1.0 (benchmarks/results/suggest.md); the margin leaves room for ranking changes.
MIN_P_AT_10 = 0.8


def _good() -> dict[str, set[str]]:
    good: dict[str, set[str]] = {}
    for line in GOOD.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            zh, en = line.split("\t")
            good.setdefault(fold(zh), set()).update(v.strip().lower() for v in en.split(" | "))
    return good


def test_good_terms_list_is_from_the_seed(seed_path: Path) -> None:
    doc = load_document(seed_path)
    zh_all = fold("\n".join(doc.zh_texts))
    en_all = " ".join("\n".join(doc.en_texts).lower().split())
    good = _good()
    assert 25 <= len(good) <= 60
    for zh, variants in good.items():
        assert zh in zh_all, zh
        assert any(v in en_all for v in variants), variants


def test_precision_at_10(seed_path: Path) -> None:
    doc = load_document(seed_path)
    top = suggest_terms(doc, align_document(doc), limit=10)
    good = _good()
    hits = [s.en.lower() in good.get(fold(s.zh), set()) for s in top]
    assert len(top) == 10
    assert sum(hits) / 10 >= MIN_P_AT_10, [(s.zh, s.en) for s in top]
