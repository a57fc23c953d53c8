"""The aligner's signals: English stems, numbers, quotes, glossary anchors, length, dictionary."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core.align.anchors import glossary_items
from parallax.core.align.english import content_stems, stem
from parallax.core.align.items import Items
from parallax.core.align.length import en_length, estimate_ratio, length_cost, zh_length
from parallax.core.align.lexicon import dictionary_items
from parallax.core.align.numbers import en_numbers, number_items, parse_zh_numeral, zh_numbers
from parallax.core.align.quotes import en_quote_count, quote_items, zh_quote_count


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("criticised", "criticize"),
        ("countries", "country"),
        ("said", "say"),
        ("running", "run"),
        ("colour", "color"),
        ("centre", "center"),
        ("making", "make"),
    ],
)
def test_stem_folds_variants(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_content_stems_drop_stop_words() -> None:
    assert content_stems("The schools of Hong Kong were closed") == [
        "school",
        "hong",
        "kong",
        "clos",
    ]


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("三萬五千", 35_000),
        ("1.5億", 150_000_000),
        ("二〇二五", 2025),
        ("八十", 80),
        ("十二", 12),
        ("两百", 200),
        ("3万", 30_000),
        ("一千", 1000),
    ],
)
def test_parse_zh_numeral(token: str, value: float) -> None:
    assert parse_zh_numeral(token) == value


def test_numbers_match_across_languages() -> None:
    zh = zh_numbers("1980年代，80周年，三萬五千人，1.5億元，百分之二十五，２５％，一個人")
    en = en_numbers(
        "the 1980s, 80th anniversary, 35,000 people, $150 million, 25 per cent, one man"
    )
    assert sorted(set(zh)) == sorted(set(en))
    assert en_numbers("twenty-five") == [2500]


def test_quotes() -> None:
    assert zh_quote_count("美國「為謀求」《聯合聲明》『雙遏制』") == 3
    assert en_quote_count("they said \"no\" and 'yes'; Xi's words") == 2
    assert en_quote_count('"an unclosed quotation') == 1
    items = quote_items(["「一」「二」"], ['"one"'])
    assert items.pair_counts(0, 0) == (1, 1)


def test_glossary_items_fold_scripts_and_plurals() -> None:
    items = glossary_items(
        ["中俄不會結盟", "美国"], ["an alliance", "Alliances", "none"], [("结盟", "alliance")]
    )
    assert items.zh_total(0) == 1 and items.zh_total(1) == 0
    assert [items.en_total(v) for v in range(3)] == [1, 1, 0]
    assert items.pair_counts(0, 1) == (1, 1)


def test_items_pair_counts_count_items_and_keys() -> None:
    items = Items.from_items([[(1, 2), (3,), (9,)], [(7,)]], [frozenset({1, 2, 3, 4})])
    assert items.zh_total(0) == 3 and items.en_total(0) == 4
    assert items.pair_counts(0, 0) == (3, 3)  # three keys matched, capped by three items
    assert items.pair_counts(1, 0) == (0, 0)


def test_length() -> None:
    assert zh_length("中文abc") == pytest.approx(2 + 3 / 3.4)
    assert en_length("Hello, world!") == 10
    assert estimate_ratio([100.0, 100.0], [400.0, 400.0]) == 4.0
    assert estimate_ratio([1.0], [4.0]) == 3.4  # too little text: the default
    costs = length_cost(100.0, np.array([400.0, 800.0]), 4.0, 6.0)
    assert costs[0] == 0.0 and costs[1] > 10


def test_dictionary_items_match_translations() -> None:
    items = dictionary_items(["學校停課", "醫院病床"], ["Schools were closed", "hospital beds"])
    assert items.pair_counts(0, 0)[0] >= 1
    assert items.pair_counts(1, 1)[0] >= 1
    assert items.pair_counts(0, 1) == (0, 0)


def test_marks() -> None:
    from parallax.core.align.marks import en_marks, mark_items, zh_marks

    assert zh_marks("你去嗎？不！真的?") == [(0,), (0,), (1,)]
    assert en_marks("Really? Yes!") == frozenset({0, 1})
    assert en_marks("No.") == frozenset()
    items = mark_items(["誰偷東西？"], ["Who stole it?", "Nobody."])
    assert items.pair_counts(0, 0) == (1, 1) and items.pair_counts(0, 1) == (0, 0)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="一一⼀二十百千萬分之１2.①²,壹第個人a ", max_size=8), min_size=1))
def test_numbers_skipped_only_in_texts_without_them(zh: list[str]) -> None:
    """The quick test that skips most Chinese sentences never skips one holding a number."""
    items = number_items(zh, ["x"])
    assert list(items.zh_counts) == [len(zh_numbers(text)) for text in zh]
    assert list(items.zh_keys) == [frozenset(zh_numbers(text)) for text in zh]
