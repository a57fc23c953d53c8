"""Reading any file: never a hang, never unbounded, one line for what cannot be read (issue 12).

Devices, FIFOs and huge files are refused before anything is read; ``-`` reads standard input;
the read limit is checked on what was read and can be raised with ``--max-input``.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from parallax.cli.main import main
from parallax.core.reading import InputError, read_input, read_limit, set_read_limit

DATA = Path(__file__).parent / "data" / "hardening"


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    compiling = "parallax: compiling the CC-CEDICT dictionary"  # once per cache folder
    err = "".join(line for line in captured.err.splitlines(True) if not line.startswith(compiling))
    captured = type(captured)(captured.out, err)
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("parallax: ")
    assert "Traceback" not in captured.err
    return captured.err


def run_cli(
    *argv: str, stdin: bytes | None = b"", timeout: float = 60
) -> subprocess.CompletedProcess:
    """``parallax ARGV`` in a real process: a hang fails the test instead of stopping it."""
    return subprocess.run(
        [sys.executable, "-m", "parallax", *argv],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        check=False,
    )


def test_dev_zero_is_refused_at_once_not_read(tmp_path: Path) -> None:
    for argv in (["show", "/dev/zero"], ["glossary", "import", "/dev/zero"]):
        result = run_cli(*argv)
        assert result.returncode == 2, result.stderr
        err = result.stderr.decode()
        assert err.count("\n") == 1 and "/dev/zero: is a device, not a regular file" in err


def test_a_fifo_without_writer_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for argv in (["show", str(fifo)], ["glossary", "import", str(fifo)]):
        result = run_cli(*argv)
        assert result.returncode == 2
        assert (
            "is a FIFO (named pipe), not a regular file (give - to read" in result.stderr.decode()
        )


@pytest.mark.parametrize("argv", [["read", "SEED"], ["review"]])
def test_the_tui_without_a_terminal_is_one_line_not_a_hang(
    seed_path: Path, glossary_dir: Path, argv: list[str]
) -> None:
    assert main(["glossary", "add", "my-terms", "遏制", "containment"]) == 0  # a card to review
    with open(os.devnull, "rb") as devnull:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "parallax",
                *(str(seed_path) if a == "SEED" else a for a in argv),
            ],
            stdin=devnull,
            capture_output=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 2
    assert b"needs a terminal" in result.stderr and result.stderr.count(b"\n") == 1


def test_dash_reads_standard_input(seed_path: Path) -> None:
    result = run_cli("show", "-", stdin=seed_path.read_bytes())
    assert result.returncode == 0, result.stderr
    assert "國家主席" in result.stdout.decode()


def test_the_limit_counts_what_was_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_bytes(b"x" * 3000)
    assert main(["--max-input", "0.002", "show", str(doc)]) == 2  # 2,097 bytes
    err = one_line_error(capsys)
    assert f"{doc}: larger than the read limit of 2097 bytes" in err and "--max-input" in err
    assert read_limit() == 64 * 2**20  # the option holds for one command only
    assert read_input("-", stdin=io.BytesIO(b"y" * 10)) == b"y" * 10
    with pytest.raises(InputError, match="standard input: larger than the read limit"):
        read_input("-", limit=5, stdin=io.BytesIO(b"y" * 10))


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs /proc")
def test_the_limit_is_checked_on_what_was_read_not_on_the_size_the_file_claims() -> None:
    assert Path("/proc/self/maps").stat().st_size == 0  # a regular file that says it is empty
    with pytest.raises(InputError, match="larger than the read limit of 10 bytes"):
        read_input("/proc/self/maps", limit=10)


def test_the_limit_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PARALLAX_MAX_INPUT_MB", "0.001")
    terms = tmp_path / "terms.csv"
    terms.write_text("zh,en\n" + "國家,state\n" * 200, encoding="utf-8")
    assert main(["glossary", "import", str(terms)]) == 2
    assert "larger than the read limit of 1048 bytes" in one_line_error(capsys)
    monkeypatch.setenv("PARALLAX_MAX_INPUT_MB", "lots")
    with pytest.raises(InputError, match="PARALLAX_MAX_INPUT_MB: 'lots' is not a size"):
        read_limit()
    set_read_limit(None)


def test_a_bad_max_input_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--max-input", "-5", "show"]) == 2
    assert "--max-input: '-5' is not a size in megabytes" in one_line_error(capsys)


def test_a_symlink_loop_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert main(["show", str(tmp_path / "a.txt")]) == 2
    assert "a.txt: a symlink loop" in one_line_error(capsys)
    assert main(["glossary", "import", str(tmp_path / "a.txt")]) == 2
    assert "a.txt: a symlink loop" in one_line_error(capsys)


def test_utf16_without_a_byte_order_mark_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    path = DATA / "utf16le-nobom.txt"
    assert main(["show", str(path)]) == 2
    err = one_line_error(capsys)
    assert "looks like UTF-16 text without a byte-order mark: give --encoding utf-16-le" in err
    assert main(["show", str(path), "--encoding", "utf-16-le"]) == 0
    assert "北京" in capsys.readouterr().out


def test_utf16_big_endian_chinese_only_is_named_too(tmp_path: Path) -> None:
    from parallax.core.document import DocumentError
    from parallax.core.encoding import decode

    data = "中國國家主席今天在北京會見美國總統，雙方討論了關稅問題。".encode("utf-16-be")
    with pytest.raises(DocumentError, match="give --encoding utf-16-be"):
        decode(data, tmp_path / "x.txt")


def test_a_directory_and_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "import", str(tmp_path)]) == 2
    assert f"{tmp_path}: is a directory, not a file" in one_line_error(capsys)
    assert main(["glossary", "import", str(tmp_path / "none.csv")]) == 2
    assert "none.csv: no such file" in one_line_error(capsys)


def test_glossary_import_from_standard_input(tmp_path: Path) -> None:
    result = run_cli(
        "glossary",
        "--glossary-dir",
        str(tmp_path),
        "import",
        "-",
        stdin="zh,en\n遏制,containment\n".encode(),
    )
    assert result.returncode == 0, result.stderr
    assert "遏制\tcontainment" in (tmp_path / "my-terms.tsv").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "--bogus"], "unrecognized arguments: --bogus"),
        (["glossary", "lst"], "invalid choice: 'lst'"),
        (["align", "--format", "xml"], "invalid choice: 'xml'"),
        (["suggest", "--limit", "many"], "--limit: not a number"),
    ],
)
def test_a_mistyped_option_is_one_line_without_the_usage_block(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = one_line_error(capsys)
    assert message in err and "usage:" not in err and "--help" in err
