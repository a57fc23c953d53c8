"""Paragraph rows from a document's sentence beads (core.align.structure)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core.align.structure import Sentences, paragraph_rows, split_paragraphs


def _sentences(zh_sizes: list[int], en_sizes: list[int]) -> Sentences:
    zh_of = [k for k, size in enumerate(zh_sizes) for _ in range(size)]
    en_of = [k for k, size in enumerate(en_sizes) for _ in range(size)]
    return Sentences(
        ["."] * len(zh_of), ["."] * len(en_of), zh_of, en_of, len(zh_sizes), len(en_sizes)
    )


@st.composite
def documents(draw: st.DrawFn) -> tuple[Sentences, list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    zh_sizes = draw(st.lists(st.integers(1, 4), min_size=1, max_size=8))
    en_sizes = draw(st.lists(st.integers(1, 4), min_size=1, max_size=8))
    sentences = _sentences(zh_sizes, en_sizes)
    n, m = len(sentences.zh), len(sentences.en)
    beads, i, j = [], 0, 0
    while i < n or j < m:  # a random monotonic path of beads
        a = draw(st.integers(0, min(2, n - i)))
        b = draw(st.integers(0 if a else 1, min(2, m - j))) if j < m else 0
        if a == 0 and b == 0:
            a = 1
        beads.append((tuple(range(i, i + a)), tuple(range(j, j + b))))
        i, j = i + a, j + b
    return sentences, beads


@settings(max_examples=300, deadline=None)
@given(documents())
def test_rows_are_runs_of_paragraphs_covering_each_once_in_order(
    document: tuple[Sentences, list[tuple[tuple[int, ...], tuple[int, ...]]]],
) -> None:
    sentences, beads = document
    rows = paragraph_rows(sentences, beads)
    assert [k for zh, _ in rows for k in zh] == list(range(sentences.n_zh))
    assert [k for _, en in rows for k in en] == list(range(sentences.n_en))
    for zh, en in rows:
        assert zh or en
        assert list(zh) == list(range(zh[0], zh[0] + len(zh))) if zh else True
        assert list(en) == list(range(en[0], en[0] + len(en))) if en else True


def test_paragraphs_skipped_between_two_of_a_row_join_it() -> None:
    sentences = _sentences([2], [1, 1, 1])
    beads = [((0,), (0,)), ((), (1,)), ((1,), (2,))]
    assert paragraph_rows(sentences, beads) == [((0,), (0, 1, 2))]


def test_a_paragraph_without_paired_sentences_stands_alone() -> None:
    sentences = _sentences([1, 2, 1], [1, 1])
    beads = [((0,), ()), ((1, 2), (0,)), ((3,), (1,))]
    assert paragraph_rows(sentences, beads) == [((0,), ()), ((1,), (0,)), ((2,), (1,))]


def test_split_keeps_a_paragraph_without_sentence_ends_whole() -> None:
    split = split_paragraphs(["標題", "第一句。第二句。"], ["Title"])
    assert split.zh == ["標題", "第一句。", "第二句。"]
    assert split.zh_paragraph == [0, 1, 1]
