"""Tests for glossary matching in Chinese and English and the pair check."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core.glossary import GlossaryStore, Matcher, Term, check_pair
from parallax.core.glossary.english import inflections, term_keys


def t(tid: str, zh: str, en: str) -> Term:
    return Term(id=tid, zh=zh, en=en)


TERMS = [
    t("dual", "雙遏制", "dual containment"),
    t("cont", "遏制", "containment"),
    t("contv", "遏制", "contain"),
    t("tw", "关税战", "tariff war"),
    t("so", "僵局", "stand-off"),
    t("us", "美國", "US"),
    t("ally", "結盟", "alliance"),
    t("fo", "", "face off"),
    t("cnt", "國家", "country"),
]
M = Matcher.build(TERMS)


def spans(matches: list, text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(text[m.start : m.end], m.term_ids) for m in matches]


def test_chinese_folded_both_ways_longest_wins() -> None:
    text = "美国对中俄实施『雙遏制』，關稅戰與遏制"
    assert spans(M.find_zh(text), text) == [
        ("美国", ("us",)),
        ("雙遏制", ("dual",)),
        ("關稅戰", ("tw",)),
        ("遏制", ("cont", "contv")),
    ]
    simplified = Matcher.build([t("a", "双遏制", "x")])
    assert [(m.start, m.end, m.key) for m in simplified.find_zh("所謂雙遏制")] == [(2, 5, "双遏制")]


def test_chinese_offsets_with_non_bmp_and_mixed_text() -> None:
    m = Matcher.build([t("a", "𠮷野家", "x"), t("b", "G7峰會", "G7 summit")])
    text = "去𠮷野家，then G7峰会。"
    assert spans(m.find_zh(text), text) == [("𠮷野家", ("a",)), ("G7峰会", ("b",))]


def test_english_variants_and_inflections() -> None:
    text = (
        "A stand off, a standoff and two Stand-Offs; the stand‑off's end. "
        "They contained it, containing containment; the US uses tariff wars; countries; "
        "they faced off."
    )
    found = spans(M.find_en(text), text)
    assert found == [
        ("stand off", ("so",)),
        ("standoff", ("so",)),
        ("Stand-Offs", ("so",)),
        ("stand‑off's", ("so",)),
        ("contained", ("contv",)),
        ("containing", ("contv",)),
        ("containment", ("cont",)),
        ("US", ("us",)),
        ("tariff wars", ("tw",)),
        ("countries", ("cnt",)),
        ("faced off", ("fo",)),
    ]


def test_contain_never_inside_containment() -> None:
    m = Matcher.build([t("c", "", "contain")])
    assert m.find_en("containment, uncontained, recontain") == []
    assert [x.key for x in m.find_en("Contain it.")] == ["contain"]


def test_inflection_rules() -> None:
    assert {"wars", "war's", "warred", "warring"} <= inflections("war")
    assert {"policies", "policied"} <= inflections("policy")
    assert {"faced", "facing", "faces"} <= inflections("face")
    assert {"boxes"} <= inflections("box")
    exact, inflected = term_keys("US")
    assert exact == "us" and inflected == set()
    assert term_keys("hegemony (n.)")[0] == "hegemony"
    assert term_keys("to go out of one's way")[1] == set()  # a description: exact only


def _reference(keys: list[str], text: str) -> list[tuple[int, int]]:
    found = sorted(
        ((i, i + len(k)) for k in keys for i in range(len(text)) if text.startswith(k, i)),
        key=lambda span: (span[0], -span[1]),
    )
    out, last = [], 0
    for start, end in found:
        if start >= last:
            out.append((start, end))
            last = end
    return out


@settings(max_examples=200)
@given(
    st.lists(st.text(alphabet="雙双遏制戰战a", min_size=1, max_size=4), min_size=1, max_size=6),
    st.text(alphabet="雙双遏制戰战ab", max_size=30),
)
def test_chinese_is_leftmost_longest_non_overlapping(keys: list[str], text: str) -> None:
    from parallax.core.chinese import fold

    m = Matcher.build([t(f"k{i}", k, "") for i, k in enumerate(keys)])
    got = [(x.start, x.end) for x in m.find_zh(text)]
    assert got == _reference(list({fold(k) for k in keys}), fold(text))


def test_check_pair_confirmed_and_missing() -> None:
    zh = "美國對中俄實施雙遏制，雙方沒有結盟。"
    en = "The US pursues dual containment against China and Russia."
    result = check_pair(M, zh, en)
    assert result.confirmed == ("us", "dual")
    assert result.missing == ("ally",)
    # any one sense of a Chinese term confirms it
    assert check_pair(M, "遏制", "they contain it").confirmed == ("contv",)
    assert check_pair(M, "遏制", "nothing").missing == ("cont", "contv")


def test_cache_round_trip(tmp_path: Path) -> None:
    first = Matcher.build(TERMS, cache=tmp_path)
    assert len(list(tmp_path.glob("matcher-*.pickle"))) == 1
    again = Matcher.build(TERMS, cache=tmp_path)
    text = "雙遏制與关税战"
    assert again.find_zh(text) == first.find_zh(text)
    (next(tmp_path.glob("matcher-*.pickle"))).write_bytes(b"garbage")
    assert Matcher.build(TERMS, cache=tmp_path).find_zh(text) == first.find_zh(text)


def test_cache_keeps_only_recent_matchers(tmp_path: Path) -> None:
    for n in range(6):
        Matcher.build([t(f"id{n}", "詞", "word")], cache=tmp_path)
    assert len(list(tmp_path.glob("matcher-*.pickle"))) == 4


def test_empty_matcher() -> None:
    m = Matcher.build([])
    assert m.find_zh("雙遏制") == [] and m.find_en("containment") == []


def test_starter_glossary_on_the_seed(tmp_path: Path) -> None:
    from parallax.core.bundled import bundled_document_path

    seed = bundled_document_path().read_text("utf-8")
    english, chinese = seed.split("明報社評", 1)
    starter = GlossaryStore(tmp_path).load("starter")
    m = Matcher.build(starter.terms)
    by_id = {term.id: term for term in starter.terms}
    zh_found = {by_id[i].zh for x in m.find_zh(chinese) for i in x.term_ids}
    en_found = {english[x.start : x.end].lower() for x in m.find_en(english) if x.term_ids}
    assert {"雙遏制", "聯合聲明", "關稅戰", "霸權", "多極化", "經濟全球化", "攜手"} <= zh_found
    assert {
        "dual containment",
        "joint statement",
        "tariff war",
        "hegemony",
        "multipolar",
        "joining hands",
    } <= en_found
    for term in starter.terms:  # every term occurs in the seed, and has its Chinese
        assert term.zh and term.zh in chinese, term.zh
    assert len({term.zh for term in starter.terms}) == len(starter.terms)  # one row per term
    assert {"stand-off", "subvert"} <= {t.en for t in starter.terms if "learner" in t.tags}


@pytest.mark.parametrize("text", ["", "   ", "—"])
def test_trivial_texts(text: str) -> None:
    assert M.find_en(text) == [] and M.find_zh(text) == []


WORDS = st.sampled_from(
    [
        "stand",
        "off",
        "stand-off",
        "Stand Off",
        "contain",
        "containment",
        "wars",
        "war's",
        "tariff",
        "US",
        "uses",
        "İ",
        "𠮷",
        "—",
        "'s",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=3), st.lists(WORDS, max_size=12))
def test_english_spans_are_valid(term_words: list[str], text_words: list[str]) -> None:
    from parallax.core.glossary.english import normalise

    m = Matcher.build([t("x", "", " ".join(term_words)), t("y", "", "contain")])
    text = " ".join(text_words)
    last = 0
    for match in m.find_en(text):
        assert last <= match.start < match.end <= len(text)
        assert normalise(text[match.start : match.end])[0] == match.key
        assert match.start == 0 or not text[match.start - 1].isalnum()
        assert match.end == len(text) or not text[match.end].isalnum()
        last = match.end
