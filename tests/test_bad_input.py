"""Bad input: one line on stderr naming the file and the fault, exit status 2, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from parallax.cli.main import main
from tests.conftest import SEED

ENGLISH_ONLY = (
    "Republic of Korea President Lee Jae-myung's state visit to China marked his second meeting "
    "with President Xi Jinping in two months.\n\nThe pace of engagement reflects a reset.\n"
)
SPAM_THEN_ENGLISH = "日韩精品久久一区二区三区_亚洲色图p_亚洲综合在线\n\n" + ENGLISH_ONLY * 8


def _bad_files(tmp: Path) -> dict[str, tuple[Path, str]]:
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "blank.txt").write_bytes(b"  \n\n \r\n")
    (tmp / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (tmp / "undecodable.txt").write_bytes(b"caf\xe9 au lait \xff\xfe\xfa" * 20)
    (tmp / "english.txt").write_text(ENGLISH_ONLY, encoding="utf-8")
    (tmp / "spam.txt").write_text(SPAM_THEN_ENGLISH, encoding="utf-8")
    (tmp / "chinese.txt").write_text("只有中文。\n\n沒有英文。\n", encoding="utf-8")
    (tmp / "a-directory").mkdir()
    return {
        "empty": (tmp / "empty.txt", "the file is empty"),
        "blank": (tmp / "blank.txt", "the file is empty"),
        "binary": (tmp / "binary.bin", "binary file"),
        "undecodable": (tmp / "undecodable.txt", "cannot be decoded"),
        "missing": (tmp / "missing.txt", "no such file"),
        "directory": (tmp / "a-directory", "is a directory"),
        "english only": (tmp / "english.txt", "no Chinese text found (only English)"),
        "spam line": (tmp / "spam.txt", "no Chinese text found (only English)"),
        "chinese only": (tmp / "chinese.txt", "no English text found (only Chinese)"),
    }


CASES = [
    "empty",
    "blank",
    "binary",
    "undecodable",
    "missing",
    "directory",
    "english only",
    "spam line",
    "chinese only",
]


@pytest.mark.parametrize("case", CASES)
def test_bad_document_gives_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    path, expected = _bad_files(tmp_path)[case]
    assert main(["show", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert str(path) in lines[0]
    assert expected in lines[0]
    assert "Traceback" not in captured.err


def test_one_language_error_points_to_zh_and_en(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = _bad_files(tmp_path)["english only"]
    main(["show", str(path)])
    assert "--zh FILE --en FILE" in capsys.readouterr().err


def test_real_process_bad_input(tmp_path: Path) -> None:
    path, _ = _bad_files(tmp_path)["binary"]
    result = subprocess.run(
        [sys.executable, "-m", "parallax", "show", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "binary file" in result.stderr
    assert "Traceback" not in result.stderr


def test_two_files_with_wrong_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = _bad_files(tmp_path)
    english, _ = files["english only"]
    assert main(["show", "--zh", str(english), "--en", str(english)]) == 2
    err = capsys.readouterr().err
    assert "no Chinese text found in the file given as --zh" in err and str(english) in err


def test_doc_and_pair_together_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(SEED), "--zh", str(SEED)]) == 2
    assert "not both" in capsys.readouterr().err


def test_escape_sequences_never_reach_the_output(tmp_path: Path) -> None:
    doc = tmp_path / "evil.txt"
    doc.write_text(
        SEED.read_text(encoding="utf-8").replace("國家主席", "國家\x1b[2J\x1b]0;pwned\x07主席", 1),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "parallax", "show", str(doc)], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "國家主席" in result.stdout
