"""Writing output: one function for every command (issue 12).

A regular file is replaced atomically keeping its permissions (a new one gets the umask's);
a symlink is followed and its target replaced; a device, FIFO or ``-`` is written through;
nothing is half-written; every failure is one line naming the path the user gave.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from parallax.cli.main import main
from parallax.core import safefile
from parallax.core.safefile import OutputError, write_output


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    compiling = "parallax: compiling the CC-CEDICT dictionary"  # once per cache folder
    err = "".join(line for line in captured.err.splitlines(True) if not line.startswith(compiling))
    captured = type(captured)(captured.out, err)
    assert captured.err.count("\n") == 1 and captured.err.startswith("parallax: ")
    assert "Traceback" not in captured.err and ".tmp" not in captured.err
    return captured.err


@pytest.fixture
def umask_022() -> object:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_align_output_to_a_device_writes_through_and_keeps_the_device(
    tmp_path: Path, seed_path: Path
) -> None:
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    except (PermissionError, AttributeError):
        pytest.skip("creating a device needs root")
    assert main(["align", str(seed_path), "-o", str(device)]) == 0
    assert stat.S_ISCHR(device.stat().st_mode)  # not replaced by a regular file
    assert [p.name for p in tmp_path.iterdir()] == ["null"]  # no temp file left


def test_align_output_to_a_fifo_is_written_through(tmp_path: Path, seed_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    try:
        for _ in range(200):  # the reader must have opened its end: else "no program reading"
            if main(["align", str(seed_path), "-o", str(fifo)]) == 0:
                break
    finally:
        reader.join(30)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(received[0])["beads"]


def test_a_fifo_without_reader_is_one_line(
    tmp_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert main(["align", str(seed_path), "-o", str(fifo)]) == 2
    assert f"{fifo}: a FIFO with no program reading it" in one_line_error(capsys)
    link = tmp_path / "out.json"  # named as the user gave it
    link.symlink_to(fifo)
    assert main(["align", str(seed_path), "-o", str(link)]) == 2
    assert one_line_error(capsys) == f"parallax: {link}: a FIFO with no program reading it\n"


def test_output_to_a_symlink_replaces_its_target(tmp_path: Path, seed_path: Path) -> None:
    target = tmp_path / "shared" / "out.json"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "out.json"
    link.symlink_to(target)
    assert main(["align", str(seed_path), "-o", str(link)]) == 0
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["beads"]


def test_a_new_output_file_gets_the_umask_mode_an_old_one_keeps_its_own(
    tmp_path: Path, seed_path: Path, umask_022: object
) -> None:
    new = tmp_path / "new.tmx"
    assert main(["align", str(seed_path), "--format", "tmx", "-o", str(new)]) == 0
    assert stat.S_IMODE(new.stat().st_mode) == 0o644  # not mkstemp's 0600
    old = tmp_path / "old.tsv"
    old.write_text("x", encoding="utf-8")
    old.chmod(0o640)
    assert main(["align", str(seed_path), "--format", "tsv", "-o", str(old)]) == 0
    assert stat.S_IMODE(old.stat().st_mode) == 0o640 and "\t" in old.read_text(encoding="utf-8")


def test_a_symlinked_glossary_gets_the_term_in_its_target(
    glossary_dir: Path, tmp_path: Path
) -> None:
    from parallax.core.glossary import GlossaryStore, new_term

    team = tmp_path / "team"
    GlossaryStore(team, writable_name="shared").add("shared", new_term("霸權", "hegemony"))
    shared = team / "shared.tsv"
    glossary_dir.mkdir(parents=True, exist_ok=True)
    link = glossary_dir / "my-terms.tsv"
    link.symlink_to(shared)
    assert main(["glossary", "add", "my-terms", "遏制", "containment"]) == 0
    assert link.is_symlink()  # the link stays: the shared file got the term
    text = shared.read_text(encoding="utf-8")
    assert "霸權\thegemony" in text and "遏制\tcontainment" in text


def test_export_refuses_the_glossarys_own_file(
    glossary_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["glossary", "add", "my-terms", "遏制", "containment"]) == 0
    own = glossary_dir / "my-terms.tsv"
    before = own.read_bytes()
    capsys.readouterr()
    assert main(["glossary", "export", "my-terms", "--format", "csv", "-o", str(own)]) == 2
    assert "is the file of glossary 'my-terms': export to another file" in one_line_error(capsys)
    link = glossary_dir.parent / "alias.csv"
    link.symlink_to(own)
    assert main(["glossary", "export", "my-terms", "--format", "csv", "-o", str(link)]) == 2
    one_line_error(capsys)
    assert own.read_bytes() == before


def test_export_under_a_file_size_limit_leaves_the_old_file_whole(
    glossary_dir: Path, tmp_path: Path
) -> None:
    for n in range(60):
        assert main(["glossary", "add", "my-terms", f"詞{n}", f"word {n} " + "x" * 80]) == 0
    out = tmp_path / "terms.csv"
    out.write_text("the previous export\n", encoding="utf-8")
    code = (
        "import resource, sys; resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000)); "
        "from parallax.cli.main import main; sys.exit(main(sys.argv[1:]))"
    )
    argv = ["glossary", "export", "my-terms", "--format", "csv", "-o", str(out)]
    result = subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and f"{out}: file too large" in result.stderr
    assert "nothing written" in result.stderr
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["terms.csv"]


@pytest.mark.parametrize("command", ["align", "export"])
def test_output_failures_are_one_line_naming_the_path(
    command: str,
    tmp_path: Path,
    seed_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["glossary", "add", "my-terms", "遏制", "containment"]) == 0
    capsys.readouterr()

    def run(output: Path | str) -> int:
        if command == "align":
            return main(["align", str(seed_path), "-o", str(output)])
        return main(["glossary", "export", "my-terms", "--format", "tbx", "-o", str(output)])

    assert run(tmp_path) == 2
    assert f"{tmp_path}: is a directory: give a file name" in one_line_error(capsys)
    assert run(tmp_path / "no-folder" / "out.txt") == 2
    assert f"no such folder '{tmp_path / 'no-folder'}'" in one_line_error(capsys)
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    assert run(tmp_path / "loop") == 2
    assert "loop: a symlink loop" in one_line_error(capsys)
    assert run("/dev/full") == 2
    assert "/dev/full: the disk is full" in one_line_error(capsys)


def test_a_read_only_folder_names_the_folder_not_a_temp_file(
    tmp_path: Path,
    seed_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    real = safefile.tempfile.mkstemp

    def refuse(*args: Any, **kwargs: Any) -> tuple[int, str]:
        if Path(kwargs["dir"]) != tmp_path:  # the caches elsewhere work
            return real(*args, **kwargs)
        raise PermissionError(errno.EACCES, "Permission denied", f"{kwargs['dir']}/.x.tmp")

    monkeypatch.setattr(safefile.tempfile, "mkstemp", refuse)
    out = tmp_path / "out.json"
    assert main(["align", str(seed_path), "-o", str(out)]) == 2
    err = one_line_error(capsys)
    assert f"{out}: permission denied: cannot write in the folder '{tmp_path}'" in err
    argv = ["glossary", "--glossary-dir", str(tmp_path), "add", "my-terms", "遏制", "containment"]
    assert main(argv) == 2  # a glossary save: the glossary is named, not the temp file
    err = one_line_error(capsys)
    assert f"my-terms.tsv: permission denied: cannot write in the folder '{tmp_path}'" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in read-only folders")
def test_a_really_read_only_folder(
    tmp_path: Path, seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert main(["align", str(seed_path), "-o", str(folder / "out.json")]) == 2
    finally:
        folder.chmod(0o755)
    assert "permission denied: cannot write in the folder" in one_line_error(capsys)


def test_a_full_disk_names_the_file_and_keeps_the_old_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.tsv"
    out.write_text("old\n", encoding="utf-8")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safefile.os, "fsync", full)
    with pytest.raises(OutputError) as caught:
        write_output(out, b"new\n")
    assert str(caught.value) == (
        f"{out}: the disk is full: nothing written (any previous version is kept)"
    )
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.tsv"]


def test_dash_is_standard_output(tmp_path: Path) -> None:
    import io

    out = io.BytesIO()
    write_output("-", b"data", stdout=out)
    assert out.getvalue() == b"data" and not (Path.cwd() / "-").exists()
