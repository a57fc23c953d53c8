"""``parallax suggest``: TSV and JSON output, rejected pairs, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parallax.cli import main as cli_main
from parallax.core.readers import load_document
from parallax.core.rejections import reject


def test_tsv(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main.main(["suggest", str(seed_path), "--limit", "5"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == ["zh", "en", "score", "reasons", "count", "known"]
    assert len(lines) == 6
    first = lines[1].split("\t")
    assert first[:2] == ["雙遏制", "dual containment"]
    assert "quote" in first[3].split(",") and first[4] == "2" and first[5] in ("yes", "no")


def test_without_a_document_the_bundled_editorial(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main.main(["suggest", "--limit", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("雙遏制\tdual containment\t")


def test_json_rejected_and_all(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reject(load_document(seed_path), "双遏制", "Dual Containment")
    assert cli_main.main(["suggest", str(seed_path), "--format", "json", "--limit", "40"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(set(r) >= {"zh", "en", "score", "reasons", "count", "known"} for r in rows)
    assert ("雙遏制", "dual containment") not in {(r["zh"], r["en"]) for r in rows}
    args = ["suggest", str(seed_path), "--format", "json", "--limit", "3", "--all"]
    assert cli_main.main(args) == 0
    rows = json.loads(capsys.readouterr().out)
    assert (rows[0]["zh"], rows[0]["en"], rows[0]["rejected"]) == (
        "雙遏制",
        "dual containment",
        True,
    )
    assert rows[1]["rejected"] is False


@pytest.mark.parametrize("content", [b"\xff\xfe\x00garbage\x00" * 3, b""])
def test_bad_file_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert cli_main.main(["suggest", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("parallax: ") and "\n" not in err and str(path) in err


def test_missing_file_and_bad_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main.main(["suggest", str(tmp_path / "none.txt")]) == 2
    assert "none.txt" in capsys.readouterr().err
    assert cli_main.main(["suggest", str(tmp_path / "none.txt"), "--limit", "-1"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_tsv_all_marks_rejected_and_known(
    seed_path: Path, glossary_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reject(load_document(seed_path), "雙遏制", "dual containment")
    assert cli_main.main(["glossary", "add", "my-terms", "平起平坐", "equal footing"]) == 0
    capsys.readouterr()
    args = ["suggest", str(seed_path), "--all", "--limit", "3", "--glossary-dir", str(glossary_dir)]
    assert cli_main.main(args) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert lines[0][-1] == "rejected"
    rows = {cells[0]: cells for cells in lines[1:]}
    assert rows["雙遏制"][-1] == "yes"
    assert rows["平起平坐"][5] == "yes" and rows["平起平坐"][-1] == "no"
