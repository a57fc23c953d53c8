"""Found by trying parallax as a user would (final QA): what the commands say about counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.cli.main import main


def test_one_term_is_said_in_the_singular_by_list_and_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["glossary", "add", "law", "法治", "rule of law"]) == 0
    capsys.readouterr()
    assert main(["glossary", "list"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("law\t"))
    assert "\t1 term\t" in line
    out = tmp_path / "law.csv"
    assert main(["glossary", "export", "law", "--format", "csv", "-o", str(out)]) == 0
    assert "exported 1 term of law" in capsys.readouterr().err


def test_a_file_holding_two_renderings_of_one_new_term_imports_one_new_term_and_nothing_else(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "omegat.txt"
    source.write_text("攜手\thand in hand\t\n攜手\tjoin hands\t\n", encoding="utf-8")
    assert main(["glossary", "import", str(source), "--into", "fresh"]) == 0
    said = capsys.readouterr().out
    assert "imported 1 new, 0 updated, 0 unchanged" in said  # no row was left unchanged
    assert main(["glossary", "show", "fresh"]) == 0
    assert "hand in hand; join hands" in capsys.readouterr().out
