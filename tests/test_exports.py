"""Exports checked against the rules the receiving programs apply (see FORMATS.md)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core.glossary import GlossaryStore, Matcher, Term, check_pair, new_term, operations
from parallax.core.glossary.formats import (
    apkg,
    export_terms,
    import_file,
    import_text,
    lute,
    unexportable,
)


def terms() -> list[Term]:
    return [
        new_term("多極化", "multipolarity", tags="politics", status="learning"),
        new_term("攜手", "hand in hand; join hands", context_zh="中俄攜手推動多極化"),
        new_term("多极化", "multipolar", tags="mingpao", status="known"),  # the same word
        Term(id="e1" * 8, zh="", en="face off", note="to argue"),  # an older learner row
        new_term("遏制", "=containment"),
    ]


# ----------------------------------------------------------------------------- Lute v3
def lute_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def lute_duplicates(rows: list[dict[str, str]]) -> list[str]:
    """What Lute's term import refuses: two rows of one language and term (lower-cased, blanks
    collapsed), even identical ones ("Duplicate terms in import", lute/termimport/service.py
    counts the keys)."""
    seen: set[tuple[str, str]] = set()
    bad = []
    for row in rows:
        key = (row["language"], " ".join(row["term"].split()).lower())
        if key in seen:
            bad.append(row["term"])
        seen.add(key)
    return bad


def test_lute_one_row_per_word_that_lute_accepts() -> None:
    rows = lute_rows(export_terms(terms(), "lute"))
    assert lute_duplicates(rows) == []
    assert list(rows[0]) == list(lute.EXPORT_COLUMNS)
    by_term = {r["term"]: r for r in rows}
    assert set(by_term) == {"多極化", "攜手", "遏制"}  # the English-only row left out
    assert by_term["多極化"]["translation"] == "multipolarity; multipolar"
    assert by_term["多極化"]["tags"] == "politics,mingpao"
    assert by_term["多極化"]["status"] == "5"  # the highest
    assert by_term["攜手"]["translation"] == "hand in hand; join hands"
    assert by_term["攜手"]["pronunciation"] == "xié shǒu"
    assert {r["language"] for r in rows} == {"Classical Chinese"}
    skipped, why = unexportable(terms(), "lute")
    assert [t.en for t in skipped] == ["face off"] and "no Chinese" in why


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet="Aa G7中國国\u3000\t=", min_size=1, max_size=6).filter(str.strip),
            st.sampled_from(["x", "y", "x; z", "=1"]),
        ),
        max_size=12,
    )
)
def test_lute_export_never_holds_what_lute_calls_a_duplicate(pairs: list[tuple[str, str]]) -> None:
    items = [new_term(zh, en, pinyin="", jyutping="") for zh, en in pairs]
    rows = lute_rows(export_terms(items, "lute"))
    assert lute_duplicates(rows) == []
    assert all(row["term"].strip() for row in rows)  # Lute: "Term is required"


def test_lute_language_option(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path)
    store.add_many("my-terms", terms())
    report = operations.export(store, "my-terms", "lute", lute_language="Mandarin Chinese")
    assert {r["language"] for r in lute_rows(report.data)} == {"Mandarin Chinese"}
    assert report.written == 4 and "1 left out: no Chinese term" in report.message


def test_reading_lutes_own_export() -> None:
    text = (
        "term,parent,translation,language,tags,added,status,link_status,pronunciation\r\n"
        "多\u200b極\u200b化,,multipolarity,Classical Chinese,politics;;world,2025-01-01,3,,\r\n"
    )
    (term,) = import_text(text, "lute").terms
    assert term.zh == "多極化" and term.tags == ("politics", "world")
    assert term.status == "learning" and term.pinyin == "duō jí huà"


# ------------------------------------------------------------------------------ Anki
def collection(data: bytes, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        path = tmp_path / "collection.anki2"
        path.write_bytes(package.read("collection.anki2"))
    return sqlite3.connect(path)


def test_anki_package_note_type_cards_and_stable_ids(tmp_path: Path) -> None:
    items = terms()
    data = export_terms(items, "apkg", name="news")
    db = collection(data, tmp_path)
    (models_json,) = db.execute("select models from col").fetchone()
    models = json.loads(models_json)
    (model,) = models.values()
    assert int(model["id"]) == apkg.MODEL_ID
    assert [f["name"] for f in model["flds"]] == [
        "Traditional",
        "Simplified",
        "Pinyin",
        "Jyutping",
        "English",
        "Context zh",
        "Context en",
        "Source",
        "Note",
    ]
    assert [t["name"] for t in model["tmpls"]] == ["Chinese → English", "English → Chinese"]
    (decks_json,) = db.execute("select decks from col").fetchone()
    assert "parallax::news" in [d["name"] for d in json.loads(decks_json).values()]
    notes = db.execute("select guid, mid, flds, tags from notes order by id").fetchall()
    assert len(notes) == 4  # the English-only learner row has no card
    fields = [n[2].split("\x1f") for n in notes]
    assert all(f[0] and f[1] for f in fields)  # never an empty front
    card_count = db.execute("select count(*) from cards").fetchone()[0]
    assert card_count == 8  # two templates
    hands = next(f for f in fields if f[0] == "攜手")
    assert hands[1] == "携手" and hands[2] == "xié shǒu" and hands[3] == "kwai4 sau2"
    assert hands[4] == "hand in hand; join hands"
    assert hands[5] == "中俄<b>攜手</b>推動多極化"  # the term in bold
    db.close()
    # the same terms exported again: the same GUIDs and note type (a re-import updates)
    (tmp_path / "x").mkdir()
    again = collection(export_terms(items[::-1], "apkg", name="news"), tmp_path / "x")
    guids = {row[0] for row in again.execute("select guid from notes")}
    assert guids == {n[0] for n in notes}
    again.close()


def test_anki_package_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "news.apkg"
    path.write_bytes(export_terms(terms(), "apkg", name="news"))
    got = import_file(path).terms
    assert [(t.zh, t.en) for t in got][:2] == [
        ("多極化", "multipolarity"),
        ("攜手", "hand in hand; join hands"),
    ]
    assert got[1].context_zh == "中俄攜手推動多極化"


# ------------------------------------------------------------------------------- CSV
def test_csv_has_traditional_and_simplified_columns() -> None:
    data = export_terms([new_term("攜手", "join hands"), new_term("携手", "x")], "csv-excel")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [(r["zh"], r["traditional"], r["simplified"]) for r in rows] == [
        ("攜手", "攜手", "携手"),
        ("携手", "攜手", "携手"),
    ]
    only_scripts = "traditional,simplified,en\n攜手,携手,join hands\n"
    (term,) = import_text(only_scripts, "csv").terms
    assert term.zh == "攜手"


# ----------------------------------------------------------------------------- OmegaT
def test_omegat_one_line_per_rendering() -> None:
    text = export_terms([new_term("攜手", "hand in hand; join hands", note="n")], "omegat")
    assert text.decode().splitlines()[1:] == ["攜手\thand in hand\tn", "攜手\tjoin hands\tn"]


# ------------------------------------------------------------------------- renderings
def test_every_rendering_is_matched_and_checked() -> None:
    term = new_term("攜手", "hand in hand; join hands")
    matcher = Matcher.build([term])
    english = "China and Russia joining hands to confront the US"
    assert [english[m.start : m.end] for m in matcher.find_en(english)] == ["joining hands"]
    assert matcher.find_en("They walked hand in hand.")[0].term_ids == (term.id,)
    check = check_pair(matcher, "中俄攜手對抗美國", english)
    assert check.confirmed == (term.id,) and check.missing == ()
