"""Tests for the glossary term model, file format and store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parallax.core.glossary import (
    Glossary,
    GlossaryConflictError,
    GlossaryError,
    GlossaryNameError,
    GlossaryStore,
    Term,
    TermError,
    fileformat,
    glossary_dir,
    glossary_infos,
    new_term,
    operations,
    starter_path,
    validate_name,
)
from parallax.core.glossary.dirs import reference_dirs
from parallax.core.glossary.store import open_store
from parallax.core.glossary.term import clean_text
from parallax.core.safefile import backup_paths

NASTY = st.lists(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\t", "\n", "\r", "\\", '"', "'", "=cmd", "𠮷", "\\t", ",", "#"]),
    ),
    max_size=12,
).map(lambda chars: clean_text("".join(chars)))  # as every way of making a term cleans it
TAGS = st.lists(st.text(alphabet="abcxyz-_中文", min_size=1, max_size=6), max_size=3).map(tuple)


@st.composite
def terms(draw: st.DrawFn) -> Term:
    zh = draw(NASTY)
    en = draw(NASTY)
    if not zh.strip() and not en.strip():
        en = "x" + en
    return Term(
        id=draw(st.text(alphabet="0123456789abcdef", min_size=1, max_size=16)),
        zh=zh,
        en=en,
        note=draw(NASTY),
        pos=draw(NASTY),
        tags=tuple(dict.fromkeys(draw(TAGS))),
        status=draw(st.sampled_from(["new", "learning", "known"])),
        pinyin=draw(NASTY),
        context_zh=draw(NASTY),
        context_en=draw(NASTY),
        source=draw(NASTY),
        source_date=draw(NASTY),
        created=draw(NASTY),
    )


def unique(items: list[Term]) -> list[Term]:
    return list({t.id: t for t in items}.values())


@settings(max_examples=150)
@given(st.lists(terms(), max_size=8).map(unique))
def test_dump_parse_lossless(items: list[Term]) -> None:
    parsed = fileformat.parse(fileformat.dump(items))
    assert parsed.problems == ()
    assert list(parsed.terms) == items


@settings(
    max_examples=40,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(terms(), max_size=5).map(unique))
def test_save_load_lossless(tmp_path: Path, items: list[Term]) -> None:
    store = GlossaryStore(tmp_path, include_starter=False, writable_name="g")
    (tmp_path / "g.tsv").unlink(missing_ok=True)
    store.add_many("g", items)
    assert list(store.load("g").terms) == items


def test_new_term_fills_romanisation() -> None:
    term = new_term("雙遏制", " dual containment ", tags="politics, china", source_date=None)
    assert term.en == "dual containment"
    assert term.pinyin == "shuāng è zhì" and term.jyutping == "soeng1 aat3 zai3"
    assert term.tags == ("politics", "china")
    assert term.created.endswith("Z") and term.created == term.updated
    assert len(term.id) == 16


def test_term_validation() -> None:
    with pytest.raises(TermError, match="status"):
        Term(id="a", zh="x", en="y", status="old")  # type: ignore[arg-type]
    with pytest.raises(TermError, match="empty"):
        Term(id="a", zh=" ", en="")
    with pytest.raises(TermError, match="tag"):
        Term(id="a", zh="x", en="y", tags=("two words",))


def test_file_is_readable_tsv(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path, writable_name="mine")
    store.add("mine", Term(id="t1", zh="雙遏制", en="dual\tcontainment", note="a\nb\\c"))
    lines = (tmp_path / "mine.tsv").read_text("utf-8").splitlines()
    assert lines[0].split("\t")[:3] == ["id", "zh", "en"]
    assert lines[1].startswith("t1\t雙遏制\tdual\\tcontainment\ta\\nb\\\\c\t")


def test_bad_row_reported_and_never_dropped(tmp_path: Path) -> None:
    path = tmp_path / "hand.tsv"
    path.write_text(
        "id\tzh\ten\tstatus\n"
        "a1\t霸權\thegemony\tnew\n"
        "a2\t結盟\talliance\n"  # missing a field
        "# a comment\n"
        "a3\t關稅戰\ttariff war\tforgotten\n"  # bad status
        "a4\t單邊\tunilateral\tknown\n",
        encoding="utf-8",
    )
    store = GlossaryStore(tmp_path, writable_name="hand")
    glossary = store.load("hand")
    assert [t.id for t in glossary.terms] == ["a1", "a4"]
    assert [(p.line, p.message) for p in glossary.problems] == [
        (3, "3 fields, expected 4"),
        (5, "term a3: status 'forgotten' is not one of ('new', 'learning', 'known')"),
    ]
    store.add("hand", Term(id="a5", zh="遏制", en="containment"))
    store.remove("hand", "a1")
    store.save(store.load("hand"))
    text = path.read_text("utf-8")
    assert "a2\t結盟\talliance\n" in text and "a3\t關稅戰\ttariff war\tforgotten\n" in text
    assert "# a comment\n" in text
    assert [t.id for t in store.load("hand").terms] == ["a4", "a5"]
    store.save(store.load("hand"), drop_problems=True)
    assert store.load("hand").problems == ()


def test_bad_header_refuses_to_write(tmp_path: Path) -> None:
    (tmp_path / "x.tsv").write_text("term\tmeaning\nfoo\tbar\n", encoding="utf-8")
    store = GlossaryStore(tmp_path, writable_name="x")
    with pytest.raises(GlossaryError, match=r"x\.tsv:1: not a parallax glossary header"):
        store.load("x")  # a whole file that is not a glossary is an error, not an empty one
    with pytest.raises(GlossaryError, match=r"x\.tsv:1: not a parallax glossary header"):
        store.add("x", Term(id="a", zh="a", en="b"))
    assert (tmp_path / "x.tsv").read_text("utf-8") == "term\tmeaning\nfoo\tbar\n"


def test_changed_on_disk_is_reloaded_not_overwritten(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path, writable_name="g")
    store.add("g", Term(id="a", zh="甲", en="a"))
    loaded = store.load("g")
    # another program appends a row behind our back
    path = tmp_path / "g.tsv"
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(fileformat.format_row(Term(id="b", zh="乙", en="b")) + "\n")
    store.add("g", Term(id="c", zh="丙", en="c"))  # read-merge-write keeps b
    assert [t.id for t in store.load("g").terms] == ["a", "b", "c"]
    with pytest.raises(GlossaryConflictError, match="changed on disk"):
        store.save(Glossary(loaded.name, loaded.path, (), True, (), loaded.signature))
    assert len(store.load("g").terms) == 3
    store.save(store.load("g"))  # fresh signature: fine


def test_update_remove_by_prefix_and_errors(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path, writable_name="g")
    store.add("g", Term(id="abc123", zh="甲", en="a"))
    store.add("g", Term(id="abd456", zh="乙", en="b"))
    store.update("g", Term(id="abc123", zh="甲", en="A"))
    assert store.load("g").terms[0].en == "A"
    with pytest.raises(GlossaryError, match="2 terms with id 'ab'"):
        store.remove("g", "ab")
    assert store.remove("g", "abd").id == "abd456"
    with pytest.raises(GlossaryError, match="no term with id 'zzz'"):
        store.remove("g", "zzz")
    with pytest.raises(GlossaryError, match="no glossary named 'nope'"):
        store.load("nope")


def test_backups_rotate(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path, writable_name="g")
    for n in range(5):
        store.add("g", Term(id=f"t{n}", zh=f"字{n}", en=f"w{n}"))
    backups = backup_paths(tmp_path / "g.tsv")
    counts = [len(fileformat.parse(p.read_text("utf-8")).terms) for p in backups]
    assert counts == [4, 3, 2]
    assert store.places.names() == ["g", "starter"]


def test_starter_is_read_only_reference(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path)
    starter = store.load("starter")
    assert starter.path == starter_path() and not starter.writable
    assert len(starter.terms) >= 15 and not starter.problems
    with pytest.raises(GlossaryError, match="read-only"):
        store.add("starter", Term(id="x", zh="x", en="x"))
    infos = glossary_infos(store)
    assert [(i.name, i.writable, i.exists) for i in infos] == [
        ("my-terms", True, False),
        ("starter", False, True),
    ]


def test_starter_files_identical() -> None:
    repo = Path(__file__).resolve().parents[1]
    assert (repo / "glossaries" / "starter.tsv").read_bytes() == starter_path().read_bytes()


def test_default_writable_glossary_created_on_first_save(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path / "new")
    assert store.load("my-terms").terms == ()
    store.add("my-terms", Term(id="a", zh="甲", en="a"))
    assert store.places.names()[0] == "my-terms" and glossary_infos(store)[0].default


@pytest.mark.parametrize(
    "name",
    [
        "",
        "a/b",
        "..",
        "a..b",
        ".hidden",
        "a\\b",
        " x",
        "x y",
        "a.b",
        "CON",
        "nul",
        "Com1",
        "x" * 101,
    ],
)
def test_bad_names(name: str) -> None:
    with pytest.raises(GlossaryNameError, match="invalid glossary name"):
        validate_name(name)


def test_glossary_dir_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PARALLAX_GLOSSARY_DIR", str(tmp_path / "env"))
    assert glossary_dir(tmp_path / "cli") == tmp_path / "cli"
    assert glossary_dir() == tmp_path / "env"
    monkeypatch.delenv("PARALLAX_GLOSSARY_DIR")
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "glossaries").mkdir()
    # A project's ./glossaries is never the user's directory: it is read as references.
    assert glossary_dir() == tmp_path / "data" / "glossaries"
    assert reference_dirs(glossary_dir()) == [tmp_path / "glossaries"]
    assert reference_dirs(tmp_path / "glossaries") == []  # chosen by the user: not twice
    os.rmdir(tmp_path / "glossaries")
    assert reference_dirs(glossary_dir()) == []
    monkeypatch.delenv("PARALLAX_DATA_DIR")
    assert glossary_dir().name == "glossaries" and "parallax" in str(glossary_dir())


def test_project_glossaries_are_references_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from a project's checkout, ./glossaries is read but the user's data dir is written."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARALLAX_GLOSSARY_DIR", raising=False)
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(tmp_path / "data"))
    shared = tmp_path / "glossaries"
    shared.mkdir()
    (shared / "shared.tsv").write_text("id\tzh\ten\nabcdef0123456789\t國家\tstate\n", "utf-8")
    store = open_store()
    assert store.places.names() == ["shared", "starter"]
    assert store.load("shared").terms[0].zh == "國家" and not store.places.is_writable("shared")
    store.add("my-terms", new_term("國家", "country"))
    assert (tmp_path / "data" / "glossaries" / "my-terms.tsv").is_file()
    assert sorted(p.name for p in shared.iterdir()) == ["shared.tsv"]
    with pytest.raises(GlossaryError, match="is read-only \\(a shared reference glossary"):
        operations.add(store, "shared", new_term("國家", "country"))


def test_fast_append_keeps_bad_rows_and_replaces_known_ids(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path, writable_name="g")
    store.add("g", Term(id="a", zh="甲", en="a"))
    path = tmp_path / "g.tsv"
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("broken row without tabs")  # no final newline either
    store.add("g", Term(id="b", zh="乙", en="b"))
    store.add("g", Term(id="a", zh="甲", en="A"))  # known id: full merge, replaced in place
    lines = path.read_text("utf-8").splitlines()
    assert lines[2] == "broken row without tabs"
    glossary = store.load("g")
    assert [(t.id, t.en) for t in glossary.terms] == [("a", "A"), ("b", "b")]
    assert [p.line for p in glossary.problems] == [3]


@pytest.mark.parametrize("name", ["my-terms", "術語", "a_b1", "LPT10", "console"])
def test_good_names(name: str) -> None:
    assert validate_name(name) == name


def test_tsv_suffix_refused_with_hint() -> None:
    with pytest.raises(GlossaryNameError, match=r"give it without \.tsv \('my-terms'\)"):
        validate_name("my-terms.tsv")


def test_only_the_writable_glossary_changes(tmp_path: Path) -> None:
    (tmp_path / "starter.tsv").write_bytes(starter_path().read_bytes())  # as in the repo root
    (tmp_path / "x y.tsv").write_text("id\tzh\ten\n", encoding="utf-8")
    store = GlossaryStore(tmp_path)
    assert [(i.name, i.writable, i.default) for i in glossary_infos(store)] == [
        ("my-terms", True, True),
        ("starter", False, False),
    ]
    assert store.places.ignored_files() == [tmp_path / "x y.tsv"]
    with pytest.raises(GlossaryError, match="'starter' is read-only .*writable one is 'my-terms'"):
        store.add("starter", Term(id="x", zh="x", en="x"))
    other = GlossaryStore(tmp_path, writable_name="starter")
    other.add("starter", Term(id="x", zh="x", en="x"))
    assert other.load("starter").writable and not other.places.is_writable("my-terms")
    assert [i.name for i in glossary_infos(other) if i.writable] == ["starter"]


def test_store_add_returns_the_existing_term(tmp_path: Path) -> None:
    """Saving a term that is there already (the reader's keys, the CLI's add) gets the existing
    term back, nothing written; a new rendering joins the row, never a second row."""
    store = GlossaryStore(tmp_path)
    mine = store.add("my-terms", new_term("遏制", "containment", note="mine"))
    path = tmp_path / "my-terms.tsv"
    before = path.read_bytes()
    again = store.save_term("my-terms", new_term("遏制", "Containment"))
    assert again.term == mine and again.action == "unchanged" and path.read_bytes() == before
    assert store.add("my-terms", new_term("遏制", "containment ")) == mine
    # a hand-ordered file (not the standard column order) is checked too
    path.write_text(f"en\tzh\tid\ncontainment\t遏制\t{mine.id}\n", encoding="utf-8")
    assert store.add("my-terms", new_term("遏制", "containment")).id == mine.id
    second = store.save_term("my-terms", new_term("遏制", "restraint", note="2nd sense"))
    assert second.action == "updated" and second.term.id == mine.id
    assert second.term.en == "containment; restraint" and second.term.note == "2nd sense"
    assert [t.en for t in store.load("my-terms").terms] == ["containment; restraint"]


def test_add_to_an_existing_term_adds_what_it_brings(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path)
    first = store.add("my-terms", new_term("攜手", "hand in hand", tags="verb"))
    saved = store.save_term(
        "my-terms",
        new_term("携手", "join hands", note="together", tags="politics", status="known"),
        status=True,
    )
    assert saved.action == "updated" and saved.term.id == first.id
    term = saved.term
    assert term.zh == "攜手" and term.en == "hand in hand; join hands"
    assert term.note == "together" and term.tags == ("verb", "politics")
    assert term.status == "known" and term.created == first.created
    assert len(store.load("my-terms").terms) == 1


def test_crlf_file_keeps_its_line_ending(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path)
    store.add("my-terms", new_term("遏制", "containment"))
    path = tmp_path / "my-terms.tsv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n") + b"# a comment\r\n")
    store.add("my-terms", new_term("霸權", "hegemony"))  # fast append
    data = path.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n") == 4 and data.endswith(b"\r\n")
    (first, *_) = store.load("my-terms").terms
    store.update("my-terms", first.with_changes(note="full rewrite"))
    data = path.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n") == 4 and b"\r\r" not in data
    assert [t.zh for t in store.load("my-terms").terms] == ["遏制", "霸權"]
    assert store.load("my-terms").problems == ()


def test_same_sense_search_edge_cases(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path)
    odd = store.add("my-terms", new_term("乙", "tab\tinside  (x+1)?"))
    empty = store.add("my-terms", new_term("甲", ""))
    café = store.add("my-terms", new_term("咖啡館", "Café"))
    assert store.add("my-terms", new_term("乙", "TAB inside (X+1)?")).id == odd.id
    assert store.add("my-terms", new_term("甲", "  ")).id == empty.id
    assert store.add("my-terms", new_term("咖啡馆", "CAFÉ")).id == café.id
    other = store.add("my-terms", new_term("乙", "tab inside (x+2)?"))  # a second rendering
    assert other.id == odd.id and other.en == "tab\tinside  (x+1)?; tab inside (x+2)?"
    assert len(store.load("my-terms").terms) == 3


def test_source_line_is_one_format_whatever_the_glossary() -> None:
    saved = new_term(
        "雙遏制", "dual containment", source="Ming Pao editorial: 中俄", source_date="2025-05-12"
    )
    assert saved.source_line == "Ming Pao editorial: 中俄 · 2025-05-12"
    dated = saved.with_changes(source="Ming Pao editorial 2025-05-12: 中俄")
    assert dated.source_line == "Ming Pao editorial 2025-05-12: 中俄"  # the date not said twice
    assert new_term("制裁", "sanctions").source_line == ""
