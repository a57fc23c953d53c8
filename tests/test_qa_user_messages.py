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
