"""The quick length-only alignment the reader paints first (pure Python)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core.align.quick import quick_align
from parallax.core.readers import load_document

paragraphs_zh = st.lists(st.text(alphabet="中國政府經濟學校。，", max_size=60), max_size=30)
paragraphs_en = st.lists(st.text(alphabet="abc de. ", max_size=200), max_size=30)


def test_the_seed_is_right_before_any_dictionary_loads(seed_path: Path) -> None:
    doc = load_document(seed_path)
    beads = quick_align(doc.zh_texts, doc.en_texts)
    assert [(b.zh, b.en) for b in beads] == [((0,), ())] + [((k,), (k - 1,)) for k in range(1, 6)]


def test_a_merged_english_paragraph_takes_both_chinese_ones() -> None:
    zh = ["甲" * 100, "乙" * 60, "丙" * 60, "丁" * 100]
    en = ["a" * 340, "b" * 410, "d" * 340]
    beads = quick_align(zh, en)
    assert [(b.zh, b.en) for b in beads] == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]


@settings(max_examples=80, deadline=None)
@given(zh=paragraphs_zh, en=paragraphs_en)
def test_every_paragraph_once_in_order(zh: list[str], en: list[str]) -> None:
    beads = quick_align(zh, en)
    assert [i for b in beads for i in b.zh] == list(range(len(zh)))
    assert [j for b in beads for j in b.en] == list(range(len(en)))
    assert all(b.zh or b.en for b in beads)


def test_long_documents_with_many_missing_paragraphs_still_partition() -> None:
    zh = ["中國政府今天宣布。" * (1 + k % 7) for k in range(3000)]
    en = ["The government announced today. " * (1 + k % 7) for k in range(3000) if k % 9]
    beads = quick_align(zh, en)
    assert [i for b in beads for i in b.zh] == list(range(len(zh)))
    assert [j for b in beads for j in b.en] == list(range(len(en)))
