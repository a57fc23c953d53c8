"""Atomic saves keep the file's permissions and leave no temp files behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from parallax.core.safefile import atomic_write, backup_paths


def test_atomic_write_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "terms.tsv"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o644)
    atomic_write(target, b"new\n")
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert backup_paths(target)[0].read_bytes() == b"old\n"


def test_a_new_file_gets_the_umask_permissions_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "new.tsv"
        atomic_write(target, b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["new.tsv"]
