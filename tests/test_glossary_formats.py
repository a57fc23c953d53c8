"""Round-trip and hand-written-file tests for glossary import and export formats."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from parallax.core.glossary import GlossaryStore, Term, new_term
from parallax.core.glossary.formats import (
    EXPORT_FORMATS,
    FormatError,
    detect_format,
    export_terms,
    import_file,
    import_text,
)
from parallax.core.glossary.formats.csv import neutralise, restore
from parallax.core.glossary.term import clean_text

DATA = Path(__file__).parent / "data" / "glossary"
ALL_FIELDS = (
    "id",
    "zh",
    "en",
    "note",
    "pos",
    "tags",
    "status",
    "pinyin",
    "jyutping",
    "context_zh",
    "context_en",
    "source",
    "source_date",
    "created",
    "updated",
)
XML_SAFE = st.characters(
    codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff"
)


UTF8 = st.characters(codec="utf-8")


def nasty(alphabet: st.SearchStrategy[str] = UTF8) -> st.SearchStrategy[str]:
    """Awkward text, as a term made by parallax holds it (control characters removed)."""
    return st.lists(
        st.one_of(
            alphabet,
            st.sampled_from(
                ["\t", "\n", '"', "'", "=cmd", "+1", "-", "@x", "𠮷", "<br>", "&amp;", ","]
            ),
        ),
        max_size=8,
    ).map(lambda parts: clean_text("".join(parts)))


@st.composite
def terms(draw: st.DrawFn, text: st.SearchStrategy[str] | None = None) -> Term:
    text = nasty() if text is None else text
    # New terms always have Chinese; "; " in English separates renderings (tested apart).
    zh, en = draw(text).strip(), draw(text).strip().replace(";", ",")
    if not zh:
        zh = "詞"
    return Term(
        id=draw(st.text(alphabet="0123456789abcdef", min_size=16, max_size=16)),
        zh=zh,
        en=en,
        note=draw(text),
        pos=draw(st.sampled_from(["", "noun", "verb", "adjective", "adverb", "other"])),
        tags=tuple(
            dict.fromkeys(draw(st.lists(st.text("abc-_漢", min_size=1, max_size=4), max_size=3)))
        ),
        status=draw(st.sampled_from(["new", "learning", "known"])),
        pinyin="p" + draw(text),
        jyutping="j" + draw(text),
        context_zh=draw(text),
        context_en=draw(text),
        source=draw(text),
        source_date=draw(st.sampled_from(["", "2025-05-12"])),
        created="2025-05-12T00:00:00Z",
        updated="2025-05-13T00:00:00Z",
    )


def fields(term: Term, names: tuple[str, ...]) -> tuple[object, ...]:
    return tuple(getattr(term, n) for n in names)


def unique(items: list[Term]) -> list[Term]:
    return list({t.id: t for t in items}.values())


def round_trip(items: list[Term], fmt: str) -> list[Term]:
    result = import_text(export_terms(items, fmt, name="test").decode("utf-8"), fmt)
    assert result.problems == ()
    return list(result.terms)


@settings(max_examples=80, deadline=None)
@given(st.lists(terms(), max_size=5).map(unique), st.sampled_from(["csv", "csv-excel", "json"]))
def test_lossless_formats(items: list[Term], fmt: str) -> None:
    assert round_trip(items, fmt) == items


@settings(max_examples=60, deadline=None)
@given(st.lists(terms(), max_size=5).map(unique))
def test_anki_round_trip(items: list[Term]) -> None:
    keep = tuple(f for f in ALL_FIELDS if f not in ("status", "created", "updated"))
    assert [fields(t, keep) for t in round_trip(items, "anki")] == [fields(t, keep) for t in items]


@settings(max_examples=60, deadline=None)
@given(st.lists(terms(nasty(XML_SAFE)), max_size=4).map(unique), st.sampled_from(["tbx", "tbx2"]))
def test_tbx_round_trip(items: list[Term], fmt: str) -> None:
    # XML 1.0 cannot carry control characters; \r is normalised by every XML parser.
    keep = ("id", "zh", "en", "note", "pos", "tags", "context_zh", "context_en")
    got = round_trip(items, fmt)
    assert [fields(t, keep) for t in got] == [fields(t, keep) for t in items]
    assert [t.source for t in got] == [t.source if (t.zh or t.en) else "" for t in items]
    assert [t.source_date for t in got] == [t.source_date for t in items]


def test_tbx_source_without_context_has_no_empty_context() -> None:
    term = new_term("遏制", "containment", source="Ming Pao", source_date="2025-05-12")
    for fmt in ("tbx", "tbx2"):
        text = export_terms([term], fmt).decode("utf-8")
        assert 'type="context"' not in text and "descripGrp" not in text, fmt
        assert text.count('<admin type="source">Ming Pao</admin>') == 2
        assert text.count("<note>source date: 2025-05-12</note>") == 1
        (back,) = import_text(text, fmt).terms
        assert (back.source, back.source_date, back.context_zh) == ("Ming Pao", "2025-05-12", "")
    with_context = export_terms([replace(term, context_zh="上下文")], "tbx").decode("utf-8")
    assert with_context.count("<descripGrp>") == 1 and 'type="context" />' not in with_context


@settings(max_examples=60, deadline=None)
@given(st.lists(terms(), max_size=5).map(unique))
def test_omegat_round_trip(items: list[Term]) -> None:
    got = round_trip(items, "omegat")
    flat = [
        (" ".join(t.zh.split()), " ".join(t.en.split()), " ".join(t.note.split()))
        for t in items
        if " ".join(t.zh.split()) and not t.zh.startswith("#")
    ]
    assert [(t.zh, t.en, t.note) for t in got] == flat


@settings(max_examples=60, deadline=None)
@given(st.lists(terms(), max_size=5).map(unique))
def test_lute_round_trip(items: list[Term]) -> None:
    assume(all("\u200b" not in t.zh for t in items))  # Lute's own separator, removed on import
    got = round_trip(items, "lute")
    # one row per word (blanks collapsed, case folded, as Lute compares terms)
    words: dict[str, Term] = {}
    for t in items:
        words.setdefault(" ".join(t.zh.split()).lower(), t)
    assert [(t.zh, t.pinyin) for t in got] == [
        (" ".join(t.zh.split()), t.pinyin) for t in words.values()
    ]


@pytest.mark.parametrize(
    "cell", ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'=x", "'", "''", "ok"]
)
def test_formula_neutralisation(cell: str) -> None:
    safe = neutralise(cell)
    assert not safe.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert restore(safe) == cell
    assert restore("'hand typed") == "'hand typed"


def test_csv_excel_has_bom_and_crlf() -> None:
    data = export_terms([Term(id="a", zh="霸權", en="=hegemony")], "csv-excel")
    assert data.startswith(b"\xef\xbb\xbfid,zh,traditional,simplified,en,") and b"\r\n" in data
    assert b",'=hegemony," in data


def test_hand_written_omegat() -> None:
    result = import_file(DATA / "omegat-hand.txt")
    assert [(t.zh, t.en, t.note) for t in result.terms] == [
        ("雙遏制", "dual containment", "policy of the US"),
        ("聯合聲明", "joint statement", ""),
        ("多極化", "multipolarity", ""),
        ("多極化", "multipolar", "adjective use"),
        ("關稅戰", "", "no translation yet"),
    ]
    assert result.terms[0].pinyin == "shuāng è zhì"
    assert [(t.zh, t.en) for t in import_file(DATA / "omegat-bom.utf8").terms] == [
        ("霸權", "hegemony")
    ]


@pytest.mark.parametrize("name", ["tbx3-hand.tbx", "tbx3-ed3.tbx", "tbx3-nons.tbx"])
def test_hand_written_tbx3_all_namespaces(name: str) -> None:
    result = import_file(DATA / name)
    assert result.problems == ()
    first = result.terms[0]
    assert first.id != "c1" and len(first.id) == 16  # a foreign id is never reused
    assert (first.zh, first.en, first.pos, first.tags) == (
        "雙遏制",
        "dual containment",
        "noun",
        ("politics",),
    )
    assert (
        first.context_zh == "堅決應對美國對中俄實施『雙遏制』"
        and first.source == "Ming Pao 2025-05-12"
    )
    assert first.note == "US policy against China and Russia"
    # one concept, two English terms: one term with two renderings
    assert [(t.zh, t.en, t.note) for t in result.terms[1:]] == [
        ("多極化", "multipolarity; multipolar world", "a world with several centres of power"),
    ]


def test_hand_written_tbx2() -> None:
    (term,) = import_file(DATA / "tbx2-hand.tbx").terms
    assert (term.zh, term.en, term.pos) == ("關稅戰", "tariff war", "noun") and term.id != "t1"


def test_tbx3_written_with_ed2_namespace() -> None:
    text = export_terms([Term(id="a", zh="霸權", en="hegemony", pos="noun")], "tbx").decode()
    assert (
        '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
        in text
    )
    assert '<conceptEntry id="c-a">' in text and '<langSec xml:lang="zh-HK">' in text


def test_anki_header_and_stable_guid() -> None:
    items = [
        Term(id="a1" * 8, zh="多極化", en="multipolarity"),
        Term(id="a2" * 8, zh="多極化", en="multipolar"),
        Term(id="a3" * 8, zh="", en="face off", note="to argue\nor fight <sb>"),
    ]
    text = export_terms(items, "anki", name="my terms").decode()
    lines = text.splitlines()
    assert lines[:7] == [
        "#separator:tab",
        "#html:true",
        "#notetype:Basic",
        "#deck:parallax::my terms",
        "#columns:guid\tFront\tBack\tTags",
        "#guid column:1",
        "#tags column:4",
    ]
    rows = [line.split("\t") for line in lines[7:]]
    # the English-only learner note is left out: a card never has an empty front
    assert [r[0] for r in rows] == [f"parallax-{t.id}" for t in items[:2]]
    assert len({r[1] for r in rows}) == 2 and all(r[1] for r in rows)  # first field unique
    assert export_terms(items, "anki", name="my terms").decode() == text
    again = import_text(text, "anki").terms
    assert [(t.id, t.zh, t.en, t.note) for t in again] == [
        (t.id, t.zh, t.en, t.note) for t in items[:2]
    ]


def test_foreign_anki_file() -> None:
    text = "#separator:tab\n#html:true\n霸權\thegemony<br>dominance\n"
    (term,) = import_text(text, "anki").terms
    assert (term.zh, term.en) == ("霸權", "hegemony\ndominance")


def test_lute_import_statuses() -> None:
    text = (
        'language,term,translation,status,tags\nClassical Chinese,霸權,hegemony,W,"a,b"\n'
        "Classical Chinese,結盟,alliance,2,\nEnglish,face off,to argue,I,\n"
    )
    result = import_text(text, "lute")
    assert [(t.zh, t.en, t.note, t.status, t.tags) for t in result.terms] == [
        ("霸權", "hegemony", "", "known", ("a", "b")),
        ("結盟", "alliance", "", "learning", ()),
    ]
    (problem,) = result.problems  # an English term has no Chinese: not a glossary term
    assert problem.line == 4 and "needs its Chinese" in problem.message


def test_mingpao_learner_block(tmp_path: Path) -> None:
    from parallax.core.align import paragraph_pairs
    from parallax.core.bundled import bundled_document_path

    result = import_file(bundled_document_path(), aligned=paragraph_pairs)
    # English-only learner entries get their Chinese from the aligned text when the proposer
    # finds it there; the others stay learner notes, never a row without Chinese.
    assert [(t.zh, t.en, t.tags, t.source_date) for t in result.terms] == [
        ("顛覆", "subvert", ("learner",), "2025-05-12"),
    ]
    (subvert,) = result.terms
    assert subvert.note.startswith("to try to destroy the authority")
    assert "顛覆" in subvert.context_zh and "subvert" in subvert.context_en
    assert result.notes == (
        "face off: to argue, fight or compete with sb, or to get ready to do this",
        "stand-off: a situation in which no agreement can be reached",
    )
    text = bundled_document_path().read_text("utf-8")
    assert import_text(text, "mingpao").terms == ()  # no aligned text: all notes
    assert len(import_text(text, "mingpao").notes) == 3


def test_detect_and_errors(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path)
    starter = store.load("starter").terms
    for fmt in EXPORT_FORMATS:
        path = tmp_path / f"out-{fmt}{'.csv' if 'csv' in fmt or fmt == 'lute' else '.txt'}"
        path.write_bytes(export_terms(starter, fmt))
        expected = {"csv-excel": "csv", "tbx2": "tbx2"}.get(fmt, fmt)
        if fmt != "apkg":
            assert detect_format(path, path.read_text("utf-8")) == expected
        assert len(import_file(path).terms) >= 25
    with pytest.raises(FormatError, match="unknown export format 'xlsx'"):
        export_terms(starter, "xlsx")
    bad = tmp_path / "bad.tbx"
    bad.write_text("<tbx><text>", encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad\.tbx:1: invalid XML"):
        import_file(bad)
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"zh,en\n\xe9,x\n")
    with pytest.raises(FormatError, match=r"latin\.csv: cannot be decoded"):
        import_file(latin)


def test_foreign_ids_never_overwrite_terms(tmp_path: Path) -> None:
    """A TBX/CSV/JSON/Anki id that is not a parallax id must not merge unrelated terms."""
    tbx = '<tbx><text><body><conceptEntry id="{id}"><langSec xml:lang="zh"><termSec><term>{zh}'
    tbx += "</term></termSec></langSec></conceptEntry></body></text></tbx>"
    store = GlossaryStore(tmp_path)
    for zh in ("霸權", "遏制"):
        store.add_many("my-terms", import_text(tbx.format(id="e1", zh=zh), "tbx").terms)
    assert [t.zh for t in store.load("my-terms").terms] == ["霸權", "遏制"]
    for fmt, text in [
        ("csv", "id,zh,en\ne1,結盟,alliance\n"),
        ("json", '[{"id": "e1", "zh": "結盟", "en": "alliance"}]'),
        ("anki", "#separator:tab\n#guid column:1\nparallax-e1\t結盟\talliance\n"),
        ("parallax", "id\tzh\ten\ne1\t結盟\talliance\n"),
    ]:
        (term,) = import_text(text, fmt).terms
        assert term.id != "e1" and len(term.id) == 16, fmt


def test_own_export_reimport_updates_same_terms(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path)
    store.add_many("my-terms", store.load("starter").terms[:3])
    mine = store.load("my-terms").terms
    for fmt in ("csv", "csv-excel", "json", "tbx", "tbx2", "anki"):
        result = import_text(export_terms(mine, fmt).decode("utf-8"), fmt)
        assert [t.id for t in result.terms] == [t.id for t in mine], fmt
        store.add_many("my-terms", result.terms)
    assert [t.id for t in store.load("my-terms").terms] == [t.id for t in mine]


def test_controls_stripped_markup_kept() -> None:
    from parallax.core.glossary import new_term

    term = new_term("[bold]粗[/bold]", "\x1b[31mred\x1b[0m [注意]", note="a\x07\r\nb\u202e")
    assert (term.zh, term.en, term.note) == ("[bold]粗[/bold]", "red [注意]", "a\nb")
    csv_text = "zh,en,note\n粗\x1b[1m,\x1b]8;;http://x\x07link,\x00n\n"
    (got,) = import_text(csv_text, "csv").terms
    assert (got.zh, got.en, got.note) == ("粗", "link", "n")


@pytest.mark.parametrize("fmt", ["tbx", "tbx2"])
def test_xml_forbidden_characters_dropped(fmt: str) -> None:
    # A hand-edited glossary file can still hold them: the export must stay valid XML.
    term = Term(id="ab" * 8, zh="霸\x1b權", en="hege\x00mony\ufffe", note="n\x0bote")
    (back,) = import_text(export_terms([term], fmt).decode("utf-8"), fmt).terms
    assert (back.zh, back.en, back.note) == ("霸權", "hegemony", "note")


@pytest.mark.parametrize("fmt", ["tbx", "tbx2"])
def test_tbx_concept_note_and_subject_before_language_sections(fmt: str) -> None:
    import xml.etree.ElementTree as ET

    term = Term(id="cd" * 8, zh="霸權", en="hegemony", note="n", tags=("politics",))
    root = ET.fromstring(export_terms([term], fmt))
    (concept,) = [e for e in root.iter() if e.tag.endswith(("conceptEntry", "termEntry"))]
    names = [child.tag.rsplit("}", 1)[-1] for child in concept]
    assert names[:2] == ["descrip", "note"]
    assert set(names[2:]) == {"langSec" if fmt == "tbx" else "langSet"}


def test_no_pinyin_without_han() -> None:
    from parallax.core.glossary import new_term

    term = new_term("=HYPERLINK(1)", "link")
    assert (term.pinyin, term.jyutping) == ("", "")
    (got,) = import_text("zh,en\n=HYPERLINK(1),x\nG7峰會,G7 summit\n", "csv").terms[:1]
    assert (got.pinyin, got.jyutping) == ("", "")
    assert new_term("G7峰會", "G7 summit").pinyin == "G7 fēng huì"


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
@pytest.mark.parametrize("suffix", [".csv-excel", ".lute", ".txt", ".tsv", ""])
def test_format_sniffed_from_content_whatever_the_suffix(
    tmp_path: Path, fmt: str, suffix: str
) -> None:
    starter = GlossaryStore(tmp_path).load("starter").terms
    path = tmp_path / f"export{suffix}"
    path.write_bytes(export_terms(starter, fmt))
    expected = {"csv-excel": "csv"}.get(fmt, fmt)
    if fmt != "apkg":  # a zip file, recognised by its first bytes
        assert detect_format(path, path.read_text("utf-8")) == expected
    got = import_file(path).terms
    assert len(got) >= 25 and got[0].zh == starter[0].zh


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("just some words\nand more\n", "unrecognised glossary format"),
        ("<html><body/></html>", r"XML but not TBX \(root element <html>\)"),
        ("", "empty file"),
        ("\ufeff \n", "empty file"),
        ("id,zh,en\n", "no terms found as csv"),
        ("# Glossary in tab-separated format -*- coding: utf-8 -*-\n", "no terms found"),
        ("[]", "no terms found as json"),
    ],
)
def test_unrecognised_or_empty_import_is_one_line_error(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "in.dat"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FormatError, match=message) as info:
        import_file(path)
    assert str(info.value).startswith(f"{path}: ") and "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("header", "line"),
    [
        ("comma", '霸權,"hegemony, dominance"'),
        ("Semicolon", "霸權;hegemony, dominance"),
        ("|", "霸權|hegemony, dominance"),
        ("tab", "霸權\thegemony, dominance"),
    ],
)
def test_anki_text_honours_its_separator(header: str, line: str) -> None:
    text = f"#separator:{header}\n#html:false\n{line}\n"
    (term,) = import_text(text, "anki").terms
    assert (term.zh, term.en) == ("霸權", "hegemony, dominance")


def test_anki_text_with_an_unknown_separator_is_refused() -> None:
    with pytest.raises(FormatError, match="#separator:dash is not a separator Anki knows"):
        import_text("#separator:dash\n霸權-hegemony\n", "anki")
