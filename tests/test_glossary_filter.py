"""Filtering and sorting terms (the glossary manager's core), and creating a glossary."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core.glossary import GlossaryError, GlossaryNameError, GlossaryStore, Term, new_term
from parallax.core.glossary.filtering import (
    SORT_KEYS,
    compact_pinyin,
    filter_terms,
    parse_query,
    sort_key,
    sort_terms,
    term_pinyin,
)


@pytest.fixture(scope="module")
def terms() -> list[Term]:
    return [
        new_term("雙遏制", "dual containment", tags="politics china", note="Ming Pao 2025"),
        new_term("綠色", "green", note="a Colour", status="known", tags="colour"),
        new_term("遏制", "containment", status="learning", tags="politics"),
        Term(id="e0000000000000e1", zh="", en="lonely English"),  # a row of an older file
        replace(new_term("女兒", "daughter"), pinyin=""),  # pinyin computed when empty
    ]


ALL = ["dual containment", "green", "containment", "lonely English", "daughter"]


def ens(found: list[Term]) -> list[str]:
    return [t.en for t in found]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ALL),
        ("双遏制", ["dual containment"]),  # Simplified finds Traditional
        ("遏", ["dual containment", "containment"]),
        ("CONTAINMENT", ["dual containment", "containment"]),
        ("colour", ["green"]),  # the note, case-insensitive
        ("dual containment", ["dual containment"]),
        ("containment dual", ["dual containment"]),  # every word, any order
        ("shuang e zhi", ["dual containment"]),
        ("shuangezhi", ["dual containment"]),
        ("Shuāng è", ["dual containment"]),
        ("lvse", ["green"]),
        ("lu4 se4", ["green"]),
        ("nu er", ["daughter"]),  # computed pinyin
        ("py:e zhi", ["dual containment", "containment"]),
        ("py:ezhi", ["dual containment", "containment"]),
        ("py:shuang e zhi dual", []),  # words after py: are pinyin
        ("tag:politics", ["dual containment", "containment"]),
        ("tag:POLITICS tag:china", ["dual containment"]),
        ("status:known", ["green"]),
        ("status:le", ["containment"]),
        ("status:new status:known", ["dual containment", "green", "lonely English", "daughter"]),
        ("status:bogus", []),
        ("tag:politics status:learning 遏", ["containment"]),
        ("tag:politics dual", ["dual containment"]),
        (
            "tag: status:",
            ["dual containment", "green", "containment", "lonely English", "daughter"],
        ),
        ("nothing-like-this", []),
    ],
)
def test_filter(terms: list[Term], query: str, expected: list[str]) -> None:
    assert ens(filter_terms(terms, query)) == expected


def test_parse_query() -> None:
    query = parse_query("tag:a py:Shuāng e  zhi status:known words")
    assert query.tags == ("a",)
    assert query.pinyin == "shuangezhi"
    assert query.statuses == ("known",)
    assert query.words == ("words",)
    assert parse_query("  ").empty


def test_compact_pinyin() -> None:
    assert compact_pinyin("Shuāng è-zhì") == "shuangezhi"
    assert compact_pinyin("lǜ sè") == compact_pinyin("lv4 se4") == "luse"


def test_term_pinyin_prefers_stored(terms: list[Term]) -> None:
    assert term_pinyin(replace(terms[0], pinyin="abc de")) == "abcde"
    assert term_pinyin(terms[4]) == "nuer"


def test_sort(terms: list[Term]) -> None:
    assert ens(sort_terms(terms, "en")) == [
        "containment",
        "daughter",
        "dual containment",
        "green",
        "lonely English",
    ]
    assert ens(sort_terms(terms, "pinyin"))[:2] == ["lonely English", "containment"]
    assert [t.status for t in sort_terms(terms, "status")] == [
        "new",
        "new",
        "new",
        "learning",
        "known",
    ]
    with pytest.raises(ValueError, match="unknown sort key"):
        sort_terms(terms, "colour")


STAMPS = st.sampled_from(["2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z"])


@st.composite
def term_lists(draw: st.DrawFn) -> list[Term]:
    out = []
    for i in range(draw(st.integers(0, 8))):
        out.append(
            Term(
                id=f"{i:016x}",
                zh=draw(st.sampled_from(["雙", "双", "綠", "a", ""])),
                en=draw(st.sampled_from(["B", "a", "b", "x"])),
                status=draw(st.sampled_from(["new", "learning", "known"])),
                created=draw(STAMPS),
                updated=draw(STAMPS),
            )
        )
    return out


@settings(max_examples=100, deadline=None)
@given(term_lists(), st.sampled_from(SORT_KEYS), st.booleans())
def test_sort_is_stable_and_reversible(items: list[Term], key: str, reverse: bool) -> None:
    got = sort_terms(items, key, reverse=reverse)
    assert sorted(t.id for t in got) == sorted(t.id for t in items)
    value = sort_key(key)
    where = {t.id: i for i, t in enumerate(items)}
    for a, b in zip(got, got[1:], strict=False):
        ka, kb = value(a), value(b)
        assert (ka >= kb) if reverse else (ka <= kb)  # type: ignore[operator]
        if ka == kb:
            assert where[a.id] < where[b.id]  # equal terms keep their order


@settings(max_examples=100, deadline=None)
@given(term_lists(), st.sampled_from(["a", "b", "双", "tag:x", "status:new", "py:shuang", ""]))
def test_filter_keeps_order_and_is_subset(items: list[Term], query: str) -> None:
    got = filter_terms(items, query)
    ids = [t.id for t in items]
    positions = [ids.index(t.id) for t in got]
    assert positions == sorted(positions)
    assert filter_terms(got, query) == got


def test_create(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path / "g")
    path = store.create("work-terms")
    assert path == tmp_path / "g" / "work-terms.tsv"
    glossary = store.load("work-terms")
    assert glossary.terms == () and glossary.problems == ()
    assert "work-terms" in store.places.names()
    with pytest.raises(GlossaryError, match="exists already"):
        store.create("work-terms")
    with pytest.raises(GlossaryError, match="exists already"):
        store.create("starter")
    with pytest.raises(GlossaryNameError, match="invalid glossary name"):
        store.create("bad name")
    # The new glossary can be made writable and edited.
    writable = GlossaryStore(tmp_path / "g", writable_name="work-terms")
    writable.add("work-terms", new_term("遏制", "containment"))
    assert [t.en for t in writable.load("work-terms").terms] == ["containment"]
