"""Word boundaries for the word cursor: jieba on a folded copy, offsets into the original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core.words import en_words, words, zh_words


def texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in spans]


def test_traditional_text_is_cut_as_its_simplified_copy_would_be() -> None:
    traditional = "美國試圖通過經濟制裁削弱中國和俄羅斯的實力"
    simplified = "美国试图通过经济制裁削弱中国和俄罗斯的实力"
    assert zh_words(traditional) == zh_words(simplified)
    assert "經濟制裁" in texts(traditional, zh_words(traditional))
    assert "俄羅斯" in texts(traditional, zh_words(traditional))


def test_blanks_are_not_words_and_punctuation_is() -> None:
    text = "中俄　結盟，\n但會 共同抵制"
    found = texts(text, zh_words(text))
    assert "，" in found and "結盟" in found
    assert not any(w.isspace() for w in found)


def test_astral_characters_and_latin_keep_their_offsets() -> None:
    text = "𠮷野家在G7峰會"
    spans = zh_words(text)
    assert "".join(texts(text, spans)) == text
    assert "G7" in "".join(texts(text, spans))


def test_english_words_keep_inner_apostrophes_and_hyphens() -> None:
    text = "the US's 'dual containment', non-market-oriented means; 80th"
    assert texts(text, en_words(text)) == [
        "the",
        "US's",
        "dual",
        "containment",
        "non-market-oriented",
        "means",
        "80th",
    ]
    assert words(text, "en") == en_words(text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("中國国雙双遏制經济 ，。「」ab1\n"), max_size=40))
def test_every_non_blank_character_is_in_exactly_one_word_in_order(text: str) -> None:
    spans = zh_words(text)
    covered = [i for a, b in spans for i in range(a, b)]
    assert covered == sorted(set(covered))  # in order, never twice
    assert {i for i, c in enumerate(text) if not c.isspace()} <= set(covered)
    assert not any(text[a:b].isspace() for a, b in spans)
