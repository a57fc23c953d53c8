"""Importers never crash, never guess and never echo escapes (issue 12).

Every case that raised a Python error or silently mangled data is a data file under
``tests/data/hardening``; a property test feeds random bytes to every importer through the
command line.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parallax.cli.main import main
from parallax.core.glossary import GlossaryStore, new_term
from parallax.core.glossary.formats import (
    IMPORT_FORMATS,
    FormatError,
    export_terms,
    import_file,
)

DATA = Path(__file__).parent / "data" / "hardening"
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def pairs(path: Path, **kwargs: str) -> list[tuple[str, str]]:
    return [(t.zh, t.en) for t in import_file(path, **kwargs).terms]


def test_json_fields_of_the_wrong_type_are_reported_per_row() -> None:
    result = import_file(DATA / "json-wrong-types.json")
    assert [(t.zh, t.en, t.tags) for t in result.terms] == [
        ("國家主席", "head of state", ("politics", "people"))
    ]
    assert [str(p) for p in result.problems] == [
        "line 1: term 1: note is a number, expected text",
        "line 2: term 2: tags is text, expected a list of texts",
        "line 3: term 3: zh is a list, expected text",
        "line 4: term 4: en is null, expected text",
        "line 5: term 5: en is a number, expected text",
    ]


def test_deeply_nested_json_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "import", str(DATA / "json-deep.json")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "json-deep.json: invalid JSON: nested too deeply" in err


def test_anki_px_fields_unknown_or_repeated_are_reported() -> None:
    result = import_file(DATA / "anki-px-fields.txt")
    assert [(t.zh, t.en, t.note) for t in result.terms] == [("關稅", "tariff", "a tax")]
    assert [str(p) for p in result.problems] == [
        "line 6: unknown field px-foo",
        "line 7: unknown field px-tags",
        "line 8: field px-en given twice",
    ]


def test_anki_column_headers_are_checked() -> None:
    with pytest.raises(FormatError, match="#guid column:x is not a column number"):
        import_file_text("#separator:tab\n#guid column:x\n遏制\tcontainment\n", "anki")


def import_file_text(text: str, fmt: str) -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.txt"
        path.write_text(text, encoding="utf-8")
        return pairs(path, fmt=fmt)


def test_cr_only_line_ends_are_lines() -> None:
    result = import_file(DATA / "csv-cr-only.csv")
    assert [(t.zh, t.en, t.note) for t in result.terms] == [
        ("遏制", "containment", ""),
        ("結盟", "alliance", "two\nlines"),
    ]


def test_an_unclosed_quote_names_its_line_and_imports_nothing(
    glossary_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["glossary", "import", str(DATA / "csv-unclosed-quote.csv")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "csv-unclosed-quote.csv:3: a quote is opened here and never closed" in err
    assert not (glossary_dir / "my-terms.tsv").exists()


def test_a_field_over_128_kb_is_one_line(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    big.write_text("zh,en,note\n遏制,containment," + "x" * 200_000 + "\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"big\.csv:2: a field is larger than 128 KB"):
        import_file(big)
    first = tmp_path / "first.csv"
    first.write_text("x" * 200_000 + "\n遏制,containment\n", encoding="utf-8")
    with pytest.raises(FormatError, match="unrecognised glossary format"):
        import_file(first)  # format detection read a first line over the CSV field limit


def test_a_header_with_escapes_is_shown_not_sent(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "import", str(DATA / "csv-evil-header.csv"), "--format", "csv"]) == 2
    err = capsys.readouterr().err
    assert not CONTROLS.search(err) and "中文\\x1b]0;pwned\\x07" in err


def test_a_tbx_id_with_an_8_bit_csi_is_not_echoed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "import", str(DATA / "tbx-csi-id.tbx")]) == 0
    captured = capsys.readouterr()
    assert not CONTROLS.search(captured.out + captured.err)
    assert "concept x: no Chinese" in captured.err  # the 8-bit CSI and its "2J" are gone


def test_tbx_is_read_once_in_the_encoding_it_declares() -> None:
    assert pairs(DATA / "tbx-utf16.tbx") == [("遏制", "containment")]
    assert pairs(DATA / "tbx-big5.tbx") == [("遏制", "containment")]
    assert pairs(DATA / "tbx-latin1.tbx") == [("KAFEI", "café")]
    assert pairs(DATA / "tbx-latin1.tbx", encoding="latin-1") == [("KAFEI", "café")]


def test_a_tbx_declaring_an_unknown_encoding_is_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["glossary", "import", str(DATA / "tbx-unknown-encoding.tbx")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "unknown encoding 'x-no-such-encoding' declared in the file" in err
    path = str(DATA / "tbx-unknown-encoding.tbx")
    assert main(["glossary", "import", path, "--encoding", "utf-8"]) == 0  # --encoding wins


def test_an_anki_package_is_unpacked_within_the_read_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = tmp_path / "bomb.apkg"
    bomb.write_bytes(zipped("collection.anki2", bytes(3_000_000)))  # 3 MB of zeros, 3 KB packed
    assert main(["--max-input", "1", "glossary", "import", str(bomb)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unpacks to more than the read limit" in err
    broken = tmp_path / "broken.apkg"
    broken.write_bytes(zipped("collection.anki2", b"not sqlite")[:60])
    assert main(["glossary", "import", str(broken)]) == 2
    assert "broken.apkg: not a readable Anki package" in capsys.readouterr().err


def test_lute_export_neutralises_formulas() -> None:
    terms = [new_term("公式", '=HYPERLINK("http://x")'), new_term("@加總", "+SUM(A1)")]
    text = export_terms(terms, "lute").decode("utf-8")
    assert "'=HYPERLINK" in text and "'@加總" in text and "'+SUM(A1)" in text
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lute.csv"
        path.write_text(text, encoding="utf-8")
        back = import_file(path).terms
    assert [(t.zh, t.en) for t in back] == [
        ("公式", '=HYPERLINK("http://x")'),
        ("@加總", "+SUM(A1)"),
    ]


def test_an_own_export_still_round_trips(tmp_path: Path) -> None:
    store = GlossaryStore(tmp_path)
    starter = store.load("starter").terms
    for fmt in ("csv", "lute", "json", "anki", "tbx", "tbx2", "omegat"):
        path = tmp_path / f"out-{fmt}.txt"
        path.write_bytes(export_terms(starter, fmt))
        assert len(import_file(path).terms) >= 25, fmt


# ------------------------------------------------------------------ property
FIELD = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["遏制", "containment", "=cmd()", '"', '""', "a\nb", "\x1b]52;c;x\x07", "\x9b2J"]
    ),
)
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=8,
)
COLUMN = st.sampled_from(["zh", "en", "note", "tags", "status", "id", "pinyin", "term", "language"])


@st.composite
def glossary_text(draw: st.DrawFn) -> str:
    """Text shaped like one of the formats, with random fields, quoting and values."""
    kind = draw(st.sampled_from(["csv", "json", "anki", "tbx", "tsv", "mingpao"]))
    rows = draw(st.lists(st.lists(FIELD, min_size=1, max_size=4), max_size=4))
    if kind == "csv":
        header = draw(st.lists(COLUMN, min_size=1, max_size=4))
        quote = draw(st.sampled_from(['"', "", '"' * 3]))
        lines = [",".join(header)] + [",".join(quote + c + quote for c in r) for r in rows]
        return "\n".join(lines)
    if kind == "json":
        terms = draw(st.lists(st.dictionaries(COLUMN, JSON_VALUE | FIELD, max_size=4), max_size=3))
        import json

        return json.dumps({"terms": terms} if draw(st.booleans()) else terms)
    if kind == "anki":
        names = draw(
            st.lists(st.sampled_from(["en", "note", "tags", "zh", "id", "foo"]), max_size=3)
        )
        back = "".join(f'<div class="px-{n}">{draw(FIELD)}</div>' for n in names)
        head = draw(
            st.sampled_from(["", "#guid column:1\n", "#tags column:9\n", "#guid column:0\n"])
        )
        return f"#separator:tab\n#html:true\n{head}" + "\t".join([draw(FIELD), draw(FIELD), back])
    if kind == "tbx":
        declared = draw(st.sampled_from(["UTF-8", "big5", "x-none", "ISO-8859-1", "utf-16"]))
        concept = draw(st.sampled_from(["c-1", "&#155;2J", "&#27;[2J", ""]))
        return (
            f'<?xml version="1.0" encoding="{declared}"?><tbx><text><body>'
            f'<conceptEntry id="{concept}"><langSec xml:lang="zh"><termSec><term>'
            f"{draw(FIELD)}</term></termSec></langSec></conceptEntry></body></text></tbx>"
        )
    if kind == "tsv":
        return "\n".join(["id\tzh\ten"] + ["\t".join(r) for r in rows])
    return "明報社評2025.05.12：題\n\n■ Glossary 生字 /\n" + "\n".join(":".join(r) for r in rows)


def zipped(name: str, content: bytes) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(name, content)
    return out.getvalue()


@st.composite
def input_bytes(draw: st.DrawFn) -> bytes:
    """Random bytes, a zip (an Anki package?), or format-shaped text with random line ends and
    encoding."""
    choice = draw(st.integers(0, 5))
    if choice == 0:
        return draw(st.binary(max_size=300))
    if choice == 1:
        name = draw(st.sampled_from(["collection.anki2", "collection.anki21", "media"]))
        data = zipped(name, draw(st.binary(max_size=200)))
        return data[: draw(st.integers(4, len(data)))]
    text = draw(glossary_text())
    text = text.replace("\n", draw(st.sampled_from(["\n", "\r\n", "\r"])))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "big5", "latin-1"]))
    data = text.encode(encoding, "replace")
    cut = draw(st.integers(0, len(data)))  # sometimes cut short
    return data if draw(st.booleans()) else data[:cut]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fmt=st.sampled_from(IMPORT_FORMATS), data=input_bytes())
def test_random_bytes_to_every_importer_exit_0_or_2_in_one_line(fmt: str, data: bytes) -> None:
    import contextlib
    import io

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.bin"
        path.write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["glossary", "--glossary-dir", tmp, "import", str(path), "--format", fmt])
    stdout, stderr = out.getvalue(), err.getvalue()
    assert status in (0, 2)
    assert not CONTROLS.search(stdout) and not CONTROLS.search(stderr)
    if status == 2:
        assert stdout == "" and stderr.count("\n") == 1 and stderr.startswith("parallax: ")
    else:
        assert stdout.count("\n") == 1 and stdout.startswith("imported ")
        assert all(line.startswith("parallax: warning: ") for line in stderr.splitlines())
