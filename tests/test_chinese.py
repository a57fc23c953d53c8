"""Tests for parallax.core.chinese."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core import chinese, readings


def test_to_simplified_and_traditional() -> None:
    assert chinese.to_simplified("雙遏制 關稅戰") == "双遏制 关税战"
    # Hong Kong standard forms: 税, not the Taiwan/Traditional 稅
    assert chinese.to_traditional("双遏制 关税战") == "雙遏制 關税戰"


def test_fold_is_script_neutral() -> None:
    assert chinese.fold("雙遏制") == chinese.fold("双遏制")
    assert chinese.fold("裡") == chinese.fold("裏") == chinese.fold("里")
    assert chinese.fold("衞生") == chinese.fold("衛生") == chinese.fold("卫生")
    assert chinese.fold("Hello, 世界!") == "Hello, 世界!"


def test_fold_keeps_length_where_phrase_conversion_does_not() -> None:
    # OpenCC's phrase tables may change the length of a string (or convert a character
    # differently by context); fold never does: it works one character at a time.
    for text in ["乾隆皇帝的頭髮", "於是後來", "𠮷野家", "二〇二五年", "\u3400\U0002a6df"]:
        folded = chinese.fold(text)
        assert len(folded) == len(text)
        for i, char in enumerate(text):
            assert folded[i] == chinese.fold(char)


@settings(max_examples=150)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x2FFFF)))
def test_fold_same_length_and_idempotent(text: str) -> None:
    folded = chinese.fold(text)
    assert len(folded) == len(text)
    assert chinese.fold(folded) == folded


def test_romanisation() -> None:
    assert readings.pinyin("雙遏制") == "shuāng è zhì"
    assert readings.pinyin("雙遏制", tones=False) == "shuang e zhi"
    assert readings.jyutping("雙遏制") == "soeng1 aat3 zai3"
    assert readings.jyutping("G7峰會") == "G7 fung1 wui2"
    assert readings.pinyin("") == readings.jyutping("") == ""
