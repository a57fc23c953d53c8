"""The aligner's compiled CC-CEDICT (core.align.wordindex, lexicon.word_index)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core.align import lexicon, segment
from parallax.core.align.wordindex import WordIndex, compile_index

SMALL = """\
# a tiny CC-CEDICT
學校 学校 [xue2 xiao4] /school/CL:所[suo3]/
學生 学生 [xue2 sheng5] /student/schoolchild/
學 学 [xue2] /to learn/to study/
天文台 天文台 [tian1 wen2 tai2] /observatory/
"""


def test_a_changed_dictionary_is_compiled_into_the_cache_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "cedict.txt.gz"
    source.write_bytes(gzip.compress(SMALL.encode()))
    monkeypatch.setenv("PARALLAX_CEDICT", str(source))
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path / "cache"))
    lexicon.word_index.cache_clear()
    try:
        assert not lexicon.index_ready()
        index = lexicon.word_index()
        assert lexicon.index_ready()
        assert index.directory.is_relative_to(tmp_path / "cache")
        text = "學生到天文台學習"
        index.prepare([text])
        words = index.headword_ids(text)
        assert len(words) == 3  # 學生 / 天文台 / 學 (到 and 習 are no headwords here)
        names = {k: stem for stem, k in index.stem_ids.items()}
        first = index.keys[index.key_starts[words[0]] : index.key_starts[words[0] + 1]]
        assert "student" in {names[int(k)] for k in first}
        source.write_bytes(gzip.compress((SMALL + "朋友 朋友 [peng2 you5] /friend/\n").encode()))
        assert not lexicon.index_ready()  # the source changed: compiled again when needed
    finally:
        lexicon.word_index.cache_clear()


def test_groups_load_only_what_a_text_needs(tmp_path: Path) -> None:
    compile_index(
        ["學校", "學生", "學", "天文台"],
        [(0,), (1,), (2,), (3,)],
        ["school", "student", "learn", "observatory"],
        tmp_path / "index",
        "test",
    )
    index = WordIndex(tmp_path / "index")
    index.prepare(["學校"])
    assert "學生" not in index.table and "學校" in index.table
    assert index.headword_ids("學校") == [0]
    index.prepare(["天文台"])
    assert index.headword_ids("天文台上") == [3]


ALPHABET = "中華人民共和國不管三七二十一學校生天文台上的了是在他說我們，。「」a1 \n\ud800𠀀"


@settings(max_examples=150, deadline=None)
@given(
    texts=st.lists(st.text(alphabet=ALPHABET, max_size=30), min_size=1, max_size=6),
    longest=st.sampled_from([1, 2, 3, segment.MAX_LENGTH]),
    block=st.sampled_from([1, 7, segment.BLOCK_CHARS]),
)
def test_segmenting_all_texts_at_once_finds_the_same_words(
    texts: list[str], longest: int, block: int
) -> None:
    """The array segmenter against the one-text-at-a-time loop, with numbers of every length
    (strings longer than a number holds are finished one by one) and blocks of any size."""
    index = lexicon.word_index()
    saved = segment.MAX_LENGTH, segment.BLOCK_CHARS
    segment.MAX_LENGTH, segment.BLOCK_CHARS = longest, block
    try:
        heads, units = segment.segment(index, texts)
    finally:
        segment.MAX_LENGTH, segment.BLOCK_CHARS = saved
    index.prepare(texts)
    expected = [index.headword_ids(text) for text in texts]
    assert heads.tolist() == [w for words in expected for w in words]
    assert units.tolist() == [u for u, words in enumerate(expected) for _ in words]
