"""``parallax align`` driven through ``parallax.cli.main.main`` (and once as a process)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from parallax.cli.main import main

DATA = Path(__file__).parent / "data" / "align"


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert main(["align", *argv]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_paragraphs(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, str(seed_path))
    assert set(data) == {"zh", "en", "beads"}
    assert len(data["zh"]) == 6 and len(data["en"]) == 5
    assert [(b["zh"], b["en"]) for b in data["beads"]] == [([0], [])] + [
        ([k], [k - 1]) for k in range(1, 6)
    ]
    assert all(0 <= b["score"] <= 1 for b in data["beads"])


def test_json_sentences_ids_are_global(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, str(seed_path), "--units", "sentences")
    assert len(data["zh"]) > 6 and len(data["en"]) > 5
    assert [i for b in data["beads"] for i in b["zh"]] == list(range(len(data["zh"])))
    assert [i for b in data["beads"] for i in b["en"]] == list(range(len(data["en"])))
    first_paragraph = [b for b in data["beads"] if b["zh"] and b["zh"][0] < 2]
    assert all(not b["en"] and b["score"] > 0 for b in first_paragraph)


def test_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("颱風襲港。\n\n全港學校停課。\n醫院病床不足。\n", encoding="utf-8")
    en.write_text(
        "A typhoon hit Hong Kong.\nAll schools were closed.\n\nHospital beds are short.\n"
    )
    data = _json(capsys, "--zh", str(zh), "--en", str(en), "--units", "lines")
    assert data["zh"] == ["颱風襲港。", "全港學校停課。", "醫院病床不足。"]
    assert [(b["zh"], b["en"]) for b in data["beads"]] == [([0], [0]), ([1], [1]), ([2], [2])]


def test_tsv_and_tmx_to_files(seed_path: Path, tmp_path: Path) -> None:
    tsv, tmx = tmp_path / "out.tsv", tmp_path / "out.tmx"
    assert main(["align", str(seed_path), "--format", "tsv", "-o", str(tsv)]) == 0
    rows = [row.split("\t") for row in tsv.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 6 and all(len(row) == 3 for row in rows)
    assert rows[0][1] == "" and rows[1][1].startswith("The primary purpose")
    assert main(["align", str(seed_path), "--format", "tmx", "-o", str(tmx)]) == 0
    root = ET.parse(tmx).getroot()
    assert root.find("header").get("segtype") == "paragraph"  # type: ignore[union-attr]
    assert len(root.findall("body/tu")) == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.tmx", "out.tsv"]


def test_one_side_empty_warns_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("第一段。\n\n第二段。\n", encoding="utf-8")
    en.write_text("\n \n", encoding="utf-8")
    assert main(["align", "--zh", str(zh), "--en", str(en)]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["en"] == [] and [b["zh"] for b in data["beads"]] == [[0], [1]]
    assert captured.err.count("warning") == 1 and "no English" in captured.err


@pytest.mark.parametrize(("option", "value"), [("--units", "sentence"), ("--format", "xml")])
def test_misspelled_choices(
    option: str, value: str, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["align", str(seed_path), option, value]) == 2
    err = capsys.readouterr().err
    assert "invalid choice" in err and ("sentences" in err or "tmx" in err)
    assert err.count("\n") == 1 and "usage:" not in err  # one line, no usage block


def test_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align", str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt" in capsys.readouterr().err


def test_unknown_glossary(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["align", str(seed_path), "--glossary", "nope", "--glossary-dir", str(tmp_path)])
    assert status == 2
    assert capsys.readouterr().err.startswith("parallax: ")


def test_as_a_process(tmp_path: Path) -> None:
    out = tmp_path / "case.json"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "parallax",
            "align",
            "--zh",
            str(DATA / "merged_english.zh.txt"),
            "--en",
            str(DATA / "merged_english.en.txt"),
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    beads = json.loads(out.read_text(encoding="utf-8"))["beads"]
    assert [(b["zh"], b["en"]) for b in beads][2] == ([2, 3], [2])


def test_glossary_terms_are_used(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    glossary = pytest.importorskip("parallax.core.glossary")
    store = glossary.GlossaryStore(tmp_path)
    store.add(store.places.writable_name, glossary.new_term("結盟", "alliance"))
    data = _json(
        capsys,
        str(seed_path),
        "--glossary",
        store.places.writable_name,
        "--glossary-dir",
        str(tmp_path),
    )
    assert [(b["zh"], b["en"]) for b in data["beads"]][0] == ([0], [])


def test_alignment_fixed_by_hand_is_used_by_align_and_show(
    seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from parallax.core.align.bead import Bead
    from parallax.core.alignment_store import save_alignment
    from parallax.core.readers import load_document

    doc = load_document(seed_path)
    # A (deliberately odd) fix: the first two Chinese paragraphs together with the first English.
    fixed = [Bead((0, 1), (0,), 1.0)] + [Bead((i,), (i - 1,), 1.0) for i in range(2, 6)]
    save_alignment(doc.zh_texts, doc.en_texts, fixed)

    assert main(["align", str(seed_path)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["beads"][0] == {
        "zh": [0, 1],
        "en": [0],
        "score": 1.0,
        "confirmed": False,
    }
    assert "fixed by hand" in captured.err

    assert main(["align", str(seed_path), "--fresh"]) == 0
    assert json.loads(capsys.readouterr().out)["beads"][0]["en"] == []

    assert main(["show", str(seed_path)]) == 0
    captured = capsys.readouterr()
    assert "── 1 ── zh ¶1-2 · en ¶1" in captured.out
    assert "--fresh ignores it" in captured.err
    assert main(["show", str(seed_path), "--fresh"]) == 0  # the option the hint names exists
    assert "── 1 ── zh ¶1 · en —" in capsys.readouterr().out


def test_sentences_fixed_in_the_sentence_view_are_used_unless_fresh(
    seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from parallax.core.align import align_document
    from parallax.core.align.bead import Bead
    from parallax.core.alignment_store import save_alignment
    from parallax.core.document import PARAGRAPH_BREAK
    from parallax.core.readers import load_document
    from parallax.core.sentences import split_en, split_zh

    doc = load_document(seed_path)
    pair = next(b for b in align_document(doc) if b.zh and b.en)
    zh = split_zh(PARAGRAPH_BREAK.join(doc.zh[i].text for i in pair.zh))
    en = split_en(PARAGRAPH_BREAK.join(doc.en[i].text for i in pair.en))
    # the reader's sentence view saved the pair as one confirmed bead
    whole = Bead(tuple(range(len(zh))), tuple(range(len(en))), 1.0, True)
    save_alignment(zh, en, [whole])

    assert main(["align", str(seed_path), "--units", "sentences"]) == 0
    data = json.loads(capsys.readouterr().out)
    fixed = [b for b in data["beads"] if b["confirmed"]]
    assert len(fixed) == 1 and [data["zh"][i] for i in fixed[0]["zh"]] == zh

    assert main(["align", str(seed_path), "--units", "sentences", "--fresh"]) == 0
    assert not any(b["confirmed"] for b in json.loads(capsys.readouterr().out)["beads"])


def test_output_never_replaces_the_document_or_a_glossary(
    seed_path: Path, tmp_path: Path, glossary_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "editorial.txt"
    shutil.copy(seed_path, document)
    before = document.read_bytes()
    assert main(["align", str(document), "-o", str(document)]) == 2
    err = capsys.readouterr().err
    assert err == f"parallax: {document}: is the document being aligned: write to another file\n"
    assert document.read_bytes() == before
    assert main(["glossary", "add", "my-terms", "遏制", "containment"]) == 0
    glossary = glossary_dir / "my-terms.tsv"
    terms = glossary.read_bytes()
    capsys.readouterr()
    assert main(["align", str(document), "-o", str(glossary)]) == 2
    assert "is the file of glossary 'my-terms'" in capsys.readouterr().err
    assert glossary.read_bytes() == terms
