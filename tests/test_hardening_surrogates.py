"""Text that no encoding can write: a lone surrogate from a JSON ``"\\ud800"`` or from a file name
or argument that is not UTF-8 (``os.fsdecode`` turns byte 0x9b into ``"\\udc9b"``). It never
reaches the terminal raw (0x9b is the 8-bit CSI) and never ends in a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from parallax.cli.main import main
from parallax.core.glossary import GlossaryStore
from parallax.core.text import printable, strip_controls


def run_bytes(*argv: str | bytes, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """``parallax ARGV`` with stdout and stderr strict UTF-8, as in a UTF-8 locale where a
    surrogate cannot be printed at all."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    return subprocess.run(
        [sys.executable, "-m", "parallax", *argv],
        capture_output=True,
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def test_printable_shows_an_undecodable_byte_as_that_byte() -> None:
    assert printable(os.fsdecode(b"evil\x9b31m.txt")) == "evil\\x9b31m.txt"
    assert printable("a\ud800b") == "a\\ud800b"
    printable(os.fsdecode(b"\xff\x9b")).encode("utf-8")  # always encodable


def test_strip_controls_replaces_lone_surrogates() -> None:
    assert strip_controls("x\ud800y") == "x\ufffdy"
    assert strip_controls(os.fsdecode(b"t\x9b31m")) == "t\ufffd31m"
    assert strip_controls("雙遏制") == "雙遏制"


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path, seed_path: Path) -> None:
    name = b"evil\x9b31m.txt"
    shutil.copy(seed_path, os.path.join(os.fsencode(tmp_path), name))
    result = run_bytes("show", name.decode("utf-8", "surrogateescape"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = (result.stdout + result.stderr).decode("utf-8")  # a raw 0x9b would not decode
    assert "\x9b" not in out and "File: evil\\x9b31m.txt" in out


def test_a_json_surrogate_escape_is_imported_as_a_replacement_character(
    tmp_path: Path, glossary_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "terms.json"
    source.write_text('[{"zh": "中\\ud800", "en": "x\\udc9b31m", "note": "\\udfff"}]', "utf-8")
    assert main(["glossary", "import", str(source), "--into", "imported"]) == 0
    (term,) = GlossaryStore(glossary_dir).load("imported").terms
    assert (term.zh, term.en, term.note) == ("中\ufffd", "x\ufffd31m", "\ufffd")
    assert "imported 1 new" in capsys.readouterr().out


def test_a_surrogate_in_the_settings_is_no_traceback(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PARALLAX_GLOSSARY_DIR")
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = {"glossary_dir": f"{tmp_path}/terms\ud800"}
    (data_dir / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    result = run_bytes("glossary", "list")
    assert result.returncode == 0, result.stderr
    assert f"glossary directory: {tmp_path}/terms\ufffd" in result.stdout.decode("utf-8")


def test_an_argument_that_is_not_utf8_is_saved_cleaned(glossary_dir: Path) -> None:
    zh = os.fsdecode("中".encode() + b"\xff")
    result = run_bytes("glossary", "add", "my-terms", zh, "x")
    assert result.returncode == 0, result.stderr
    (term,) = GlossaryStore(glossary_dir).load("my-terms").terms
    assert term.zh == "中\ufffd"
