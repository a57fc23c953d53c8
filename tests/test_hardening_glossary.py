"""Glossary files are data: no escape reaches the terminal, a broken one is named and skipped
(issue 12)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from parallax.cli.main import main
from parallax.core.glossary import GlossaryStore

DATA = Path(__file__).parent / "data" / "hardening"
ESCAPES = ("\x1b", "\x9b", "\x07")


def clean(text: str) -> bool:
    return not any(char in text for char in ESCAPES)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def evil(glossary_dir: Path) -> Path:
    """``escapes.tsv`` as the writable glossary: OSC 52, clear screen, a hidden link, 8-bit CSI."""
    glossary_dir.mkdir(parents=True, exist_ok=True)
    path = glossary_dir / "my-terms.tsv"
    shutil.copy(DATA / "escapes.tsv", path)
    return path


def test_fields_are_cleaned_as_they_are_read(evil: Path) -> None:
    glossary = GlossaryStore(evil.parent).load("my-terms")
    fields = [value for t in glossary.terms for value in vars(t).values() if isinstance(value, str)]
    assert all(clean(value) for value in fields)
    assert [(t.zh, t.en) for t in glossary.terms] == [
        ("國家主席", "head of state"),
        ("霸權", "hegemony"),
    ]
    assert glossary.terms[0].note == "see here"  # the hidden link's text stays, the link goes


def test_no_escape_reaches_the_terminal_from_a_glossary(
    evil: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = []
    for argv in (
        ["glossary", "show", "my-terms"],  # the bad rows are warned about too
        ["glossary", "list"],
        ["glossary", "export", "my-terms", "--format", "omegat"],
        ["glossary", "export", "my-terms", "--format", "csv"],
        ["glossary", "check", str(seed_path), "--glossary", "my-terms"],
        ["glossary", "remove", "my-terms", "1123"],
    ):
        status, out, err = run(capsys, *argv)
        assert status == 0, err
        outputs.append(out + err)
    assert all(clean(text) for text in outputs), [t for t in outputs if not clean(t)]
    assert "duplicate id" in outputs[0] and "霸權" in outputs[-1]


def test_the_reader_gets_clean_terms(evil: Path) -> None:
    from parallax.app.loaders import load_glossaries

    state = load_glossaries(GlossaryStore(evil.parent), ["my-terms"])
    assert state.terms and all(clean(t.zh + t.en + t.note) for t in state.terms)


def test_an_unknown_header_column_is_named_without_its_escapes(
    glossary_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    glossary_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA / "unknown-column.tsv", glossary_dir / "odd.tsv")
    status, out, err = run(capsys, "glossary", "show", "odd")
    assert status == 2 and out == ""  # not an empty glossary: an error
    assert err.count("\n") == 1 and clean(err)
    assert (
        "odd.tsv:1: not a parallax glossary header; unknown columns: evil\\x1b]0;pwned\\x07" in err
    )


def test_one_undecodable_glossary_is_named_and_skipped(
    glossary_dir: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["glossary", "add", "my-terms", "結盟", "alliance"]) == 0
    shutil.copy(DATA / "latin1.tsv", glossary_dir / "broken.tsv")
    capsys.readouterr()
    status, out, err = run(capsys, "glossary", "list")
    assert status == 0 and "my-terms\t1 term\t" in out and "broken" not in out
    assert err.count("\n") == 1 and "broken.tsv: not UTF-8 (byte 29)" in err and "skipped" in err
    status, out, err = run(capsys, "glossary", "check", str(seed_path))
    assert status == 0 and "結盟 = alliance" in out
    assert "broken.tsv: not UTF-8" in err and err.count("broken.tsv") == 1
    status, out, err = run(capsys, "suggest", str(seed_path), "--limit", "3")
    assert status == 0 and out.count("\n") == 4
    assert "broken.tsv: not UTF-8" in err
    status, out, err = run(capsys, "glossary", "show", "broken")
    assert status == 2 and out == "" and err.count("\n") == 1 and "broken.tsv: not UTF-8" in err


def test_a_glossary_dir_that_is_a_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "terms.tsv"
    file.write_text("id\tzh\ten\n", encoding="utf-8")
    for argv in (["list"], ["add", "my-terms", "國家", "state"]):
        status, out, err = run(capsys, "glossary", "--glossary-dir", str(file), *argv)
        assert status == 2 and err.count("\n") == 1
        assert f"{file}: is not a folder (given as --glossary-dir)" in err
    assert file.read_text(encoding="utf-8") == "id\tzh\ten\n"


def test_a_file_name_with_escapes_is_shown_not_sent(tmp_path: Path, seed_path: Path) -> None:
    evil = tmp_path / "evil\x1b]0;X\x07.txt"
    shutil.copy(seed_path, evil)
    result = subprocess.run(
        [sys.executable, "-m", "parallax", "show", str(evil)], capture_output=True, text=True
    )
    assert result.returncode == 0 and clean(result.stdout + result.stderr)
    assert "File: " in result.stdout and "evil\\x1b]0;X\\x07.txt" in result.stdout
    (tmp_path / "evil\x1b[2J.csv").write_text("zh,en\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "parallax", "glossary", "import", str(tmp_path / "evil\x1b[2J.csv")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and clean(result.stderr) and "evil\\x1b[2J.csv" in result.stderr


def test_an_unusable_cache_folder_is_one_warning(
    tmp_path: Path,
    seed_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cache = tmp_path / "cache"
    cache.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(cache))
    assert main(["glossary", "add", "my-terms", "遏制", "containment"]) == 0
    capsys.readouterr()  # the add's own output (it may warn too, when it reads the cache)
    status, out, err = run(capsys, "glossary", "check", str(seed_path))
    assert status == 0 and "遏制 = containment" in out
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert warnings == [
        f"parallax: warning: {cache}: the cache folder cannot be used (it is a file, not a "
        "folder); going on without it (slower)"
    ]
