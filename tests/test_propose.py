"""Proposals of a translation for a selected span, on real paragraphs of the seed editorial."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core.readers import load_document
from parallax.core.suggest.propose import Proposal, propose_en, propose_zh
from parallax.core.suggest.quotes import en_quotes, zh_quotes


@pytest.fixture(scope="module")
def pairs() -> list[tuple[str, str]]:
    """The seed's aligned paragraphs (its first Chinese paragraph has no English)."""
    from parallax.core.bundled import bundled_document_path

    doc = load_document(bundled_document_path())
    return [(doc.zh[i + 1].text, doc.en[i].text) for i in range(len(doc.en))]


def _en(pairs: list[tuple[str, str]], row: int, zh: str, **kw: object) -> list[Proposal]:
    zh_text, en_text = pairs[row]
    return propose_en(zh, zh_text=zh_text, en_text=en_text, zh_start=zh_text.find(zh), **kw)  # type: ignore[arg-type]


def test_nested_quote_proposes_dual_containment_first(pairs: list[tuple[str, str]]) -> None:
    found = _en(pairs, 1, "雙遏制")
    assert found[0].text == "dual containment"
    assert found[0].origin == "quote"
    assert pairs[1][1][found[0].start : found[0].end] == "dual containment"


def test_without_offset_the_first_occurrence_is_used(pairs: list[tuple[str, str]]) -> None:
    zh_text, en_text = pairs[1]
    found = propose_en("雙遏制", zh_text=zh_text, en_text=en_text)
    assert found[0].text == "dual containment"


@pytest.mark.parametrize(
    ("row", "zh", "en"),
    [
        (1, "遏制", "containment"),
        (0, "聯合國憲章", "Charter of the United Nations"),
        (0, "聯合聲明", "joint statement"),
        (2, "關稅戰", "tariff war"),
        (2, "單邊", "unilateral"),
        (0, "霸權", "hegemony"),
        (4, "平起平坐", "equal footing"),
        (1, "反導", "anti-missile"),
        (3, "經濟全球化", "economic globalisation"),
        (1, "經濟制裁", "economic sanctions"),
        (2, "盟友", "allies"),
        (2, "國有資產", "state-owned overseas assets"),
        (1, "戰略穩定", "strategic stability"),
        (1, "技術封鎖", "technological blockades"),
    ],
)
def test_dictionary_finds_the_english_as_written(
    pairs: list[tuple[str, str]], row: int, zh: str, en: str
) -> None:
    found = _en(pairs, row, zh)
    assert found[0].text == en
    assert found[0].origin == "dictionary"
    assert pairs[row][1][found[0].start : found[0].end] == en


def test_simplified_selection_works_on_traditional_text(pairs: list[tuple[str, str]]) -> None:
    zh_text, en_text = pairs[2]
    found = propose_en("关税战", zh_text=zh_text, en_text=en_text)
    assert found[0].text == "tariff war"


def test_glossary_pairs_come_first_when_in_the_english(pairs: list[tuple[str, str]]) -> None:
    glossary = [("遏制", "containment policy"), ("遏制", "containment"), ("遏制", "curb")]
    found = _en(pairs, 1, "遏制", glossary=glossary)
    assert (found[0].text, found[0].origin) == ("containment", "glossary")
    curb = [p for p in found if p.text == "curb"]
    assert curb and curb[0].start == -1 and curb[0].score < found[0].score


def test_no_duplicates_and_scores_in_range(pairs: list[tuple[str, str]]) -> None:
    for zh_text, en_text in pairs:
        for zh in ("中俄", "美國", "合作", "結盟", "戰略穩定"):
            found = propose_en(zh, zh_text=zh_text, en_text=en_text)
            texts = [p.text.lower() for p in found]
            assert len(texts) == len(set(texts))
            assert all(0.0 <= p.score <= 1.0 for p in found)
            assert [p.score for p in found] == sorted((p.score for p in found), reverse=True)
            for p in found:
                if p.start >= 0:
                    assert en_text[p.start : p.end] == p.text


def test_empty_and_unknown_selections() -> None:
    assert propose_en("  ", zh_text="中俄", en_text="China") == []
    assert propose_en("𠀋", zh_text="𠀋", en_text="") == []
    assert propose_zh("", en_text="x", zh_text="中") == []


@pytest.mark.parametrize(
    ("row", "en", "zh"),
    [
        (1, "dual containment", "雙遏制"),
        (1, "containment", "遏制"),
        (0, "joint statement", "聯合聲明"),
        (2, "tariff war", "關稅戰"),
        (3, "multipolar world", "世界多極化"),
        (0, "hegemony", "霸權"),
        (0, "Charter of the United Nations", "聯合國憲章"),
    ],
)
def test_propose_zh_mirrors(pairs: list[tuple[str, str]], row: int, en: str, zh: str) -> None:
    zh_text, en_text = pairs[row]
    found = propose_zh(en, en_text=en_text, zh_text=zh_text, en_start=en_text.find(en))
    assert found[0].text == zh
    assert zh_text[found[0].start : found[0].end] == zh


def test_propose_zh_glossary(pairs: list[tuple[str, str]]) -> None:
    zh_text, en_text = pairs[0]
    found = propose_zh(
        "Hegemony",
        en_text=en_text,
        zh_text=zh_text,
        glossary=[("霸权", "hegemony"), ("雙遏制", "dual containment")],
    )
    assert (found[0].text, found[0].origin) == ("霸權", "glossary")


def test_quotes_ignore_apostrophes() -> None:
    text = "the US's \"deployment of 'dual' systems\" and the allies' plans"
    spans = [(text[q.start : q.end], q.depth) for q in en_quotes(text)]
    assert spans == [("deployment of 'dual' systems", 0), ("dual", 1)]


def test_zh_quotes_nest() -> None:
    text = "《聯合聲明》「堅決應對『雙遏制』」"
    spans = [(text[q.start : q.end], q.depth, q.is_title) for q in zh_quotes(text)]
    assert spans == [("聯合聲明", 0, True), ("堅決應對『雙遏制』", 0, False), ("雙遏制", 1, False)]


def test_unbalanced_quotes_do_not_crash(tmp_path: Path) -> None:
    assert zh_quotes("」『a「b") == ()
    assert propose_en("遏制", zh_text="「遏制", en_text='"containment')[0].text == "containment"


_SEED_PAIRS: list[tuple[str, str]] = []


def _seed_pairs() -> list[tuple[str, str]]:
    if not _SEED_PAIRS:
        from parallax.core.bundled import bundled_document_path

        doc = load_document(bundled_document_path())
        _SEED_PAIRS.extend((doc.zh[i + 1].text, doc.en[i].text) for i in range(len(doc.en)))
    return _SEED_PAIRS


@settings(max_examples=60, deadline=None)
@given(row=st.integers(0, 4), at=st.floats(0, 1), size=st.integers(1, 8))
def test_any_span_gives_valid_proposals(row: int, at: float, size: int) -> None:
    zh_text, en_text = _seed_pairs()[row]
    start = int(at * (len(zh_text) - 1))
    zh = zh_text[start : start + size]
    found = propose_en(zh, zh_text=zh_text, en_text=en_text, zh_start=start)
    _check(found, en_text)
    en_start = int(at * (len(en_text) - 1))
    en = en_text[en_start : en_start + size * 4]
    _check(propose_zh(en, en_text=en_text, zh_text=zh_text, en_start=en_start), zh_text)


def _check(found: list[Proposal], other: str) -> None:
    keys = [" ".join(p.text.lower().split()) for p in found]
    assert len(keys) == len(set(keys))
    assert [p.score for p in found] == sorted((p.score for p in found), reverse=True)
    for p in found:
        assert 0.0 <= p.score <= 1.0 and p.text.strip()
        assert p.origin in ("quote", "glossary", "dictionary", "cooccurrence")
        if p.start >= 0:
            assert other[p.start : p.end] == p.text


def test_quote_with_blanks_and_empty_quotes() -> None:
    found = propose_en("遏制", zh_text="「 遏制 」「」", en_text="\" containment \" ''")
    assert found[0].text == "containment" and (found[0].start, found[0].end) == (2, 13)
    assert propose_en("a", zh_text="「」", en_text='""') == []


def test_hong_kong_variants_are_looked_up_folded() -> None:
    # CC-CEDICT has 衛生 but not the Hong Kong form 衞生: the folded 卫生 is looked up
    found = propose_en("衞生", zh_text="公共衞生", en_text="public hygiene")
    assert found and found[0].text == "hygiene"
    zh = propose_zh("hygiene", en_text="public hygiene", zh_text="公共衞生")
    assert zh[0].text == "衞生" and (zh[0].start, zh[0].end) == (2, 4)
