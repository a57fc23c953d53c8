"""`parallax show` and the bare `parallax` command print the document side by side."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from parallax.cli.main import main


def test_show_prints_metadata_and_every_paragraph_once(
    seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(seed_path)]) == 0
    out = capsys.readouterr().out
    assert "Title: 中俄不會結盟 但會共同抵制美國" in out
    assert "Date: 2025-05-12" in out
    assert "Source: Ming Pao editorial" in out
    assert "Paragraphs: 6 Chinese, 5 English" in out
    assert out.count("國家主席習近平結束對俄羅斯訪問") == 1
    assert out.count("The primary purpose of Xi's visit") == 1
    assert "明報社評" not in out and "date 2025-05-12" not in out


def test_show_without_a_document_shows_the_bundled_editorial(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["show"]) == 0
    assert "中俄不會結盟" in capsys.readouterr().out


def test_show_two_files_in_lines_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "zh.txt").write_text("第一句。\n第二句。\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("First sentence.\nSecond sentence.\n", encoding="utf-8")
    args = ["show", "--zh", str(tmp_path / "zh.txt"), "--en", str(tmp_path / "en.txt")]
    assert main([*args, "--units", "lines"]) == 0
    out = capsys.readouterr().out
    assert "Paragraphs: 2 Chinese, 2 English" in out
    assert out.index("第一句。") < out.index("First sentence.") < out.index("第二句。")


def test_misspelled_units_lists_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "--units", "paragraph"]) == 2
    err = capsys.readouterr().err
    assert "choose from 'paragraphs', 'lines'" in err
    assert err.count("\n") == 1 and "usage:" not in err


def test_python_dash_m_parallax_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "parallax", "show"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "中俄不會結盟" in result.stdout


def test_terminal_table_wraps_chinese_instead_of_cutting_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("COLUMNS", "90")
    assert main(["show"]) == 0
    out = capsys.readouterr().out
    assert "中文" in out and "English" in out
    flat = "".join(line.split("│")[2].strip() for line in out.splitlines() if line.count("│") >= 3)
    assert "國家主席習近平結束對俄羅斯訪問，這是在美俄就結束烏克蘭戰爭" in flat
    assert "…" not in out


def test_output_cut_short_by_a_pipe_is_not_an_error(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"  # far more than a pipe buffer holds
    big.write_text(
        "".join(f"第{i}段。\n\nParagraph {i}.\n\n" for i in range(3000)), encoding="utf-8"
    )
    producer = subprocess.Popen(
        [sys.executable, "-m", "parallax", "show", str(big), "--units", "lines"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert producer.stdout is not None
    producer.stdout.readline()
    producer.stdout.close()  # like `| head -1`
    _, err = producer.communicate()
    assert b"Traceback" not in err and b"Broken pipe" not in err


def test_rows_confirmed_in_the_reader_are_marked(
    seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from parallax.core.align import align_document
    from parallax.core.alignment_store import save_alignment
    from parallax.core.corrections import confirm
    from parallax.core.readers import load_document

    doc = load_document(seed_path)
    save_alignment(doc.zh_texts, doc.en_texts, confirm(align_document(doc), 1))
    assert main(["show", str(seed_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("[confirmed]") == 1
    assert "── 2 ──" in out.split("[confirmed]")[0].splitlines()[-1]


def test_the_terminal_table_breaks_lines_as_the_reader_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On a terminal `parallax show` prints a table: no cell line starts with closing
    punctuation (。，) or ends with an opening bracket (《)."""
    import io
    import re

    from parallax.app.wrap import NO_LINE_END, NO_LINE_START

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("TERM", "xterm-256color")
    for width in (50, 64, 80, 101, 120):
        terminal = Terminal()
        monkeypatch.setattr(sys, "stdout", terminal)
        monkeypatch.setenv("COLUMNS", str(width))
        assert main(["show"]) == 0
        shown = re.sub(r"\x1b\[[0-9;]*m", "", terminal.getvalue())  # colours and bold
        cells = [
            cell.strip()
            for line in shown.splitlines()
            if line.startswith("│")
            for cell in line.split("│")[2:-1]
        ]
        assert any(cells)
        assert not [c for c in cells if c and (c[0] in NO_LINE_START or c[-1] in NO_LINE_END)]
        assert all(len(line) <= width for line in shown.splitlines() if "│" in line)
