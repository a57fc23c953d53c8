"""Crash-safe file replacement, rotating backups and an inter-process lock."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BACKUP_DIR = ".backups"
BACKUPS = 3


@dataclass(frozen=True, slots=True)
class Signature:
    """What a file looked like when read: to notice changes made by other programs."""

    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of_bytes(cls, path: Path, data: bytes) -> Signature:
        """The signature of ``path`` whose content ``data`` was just read."""
        st = path.stat()
        return cls(st.st_mtime_ns, st.st_size, hashlib.sha256(data).hexdigest())


MISSING = Signature(0, -1, "")


def read_with_signature(path: Path) -> tuple[bytes, Signature]:
    """The bytes of ``path`` and their signature (``b""`` and ``MISSING`` if it does not exist)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return b"", MISSING
    return data, Signature.of_bytes(path, data)


def stat_matches(path: Path, signature: Signature) -> bool:
    """True if ``path`` still has the mtime and size of ``signature`` (a cheap re-check)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return signature == MISSING
    return (st.st_mtime_ns, st.st_size) == (signature.mtime_ns, signature.size)


def atomic_write(path: Path, data: bytes, *, backups: int = BACKUPS) -> None:
    """Replace ``path`` by ``data`` atomically, keeping the previous versions as backups.

    Temp file in the same directory, flush, fsync, ``os.replace``, then fsync the directory.
    A crash at any moment leaves either the old or the new complete file.
    """
    directory = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _chmod_like(tmp, path)
        if backups and path.exists():
            _rotate_backups(path, backups)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(directory)


def remove_stale_temps(path: Path) -> int:
    """Delete temp files left by killed writers of ``path``; call only under ``locked``."""
    removed = 0
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()
            removed += 1
    return removed


def _chmod_like(tmp: Path, path: Path) -> None:
    """Give the temp file the permissions of the file it replaces (mkstemp makes it 0600)."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)


@functools.cache
def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def backup_paths(path: Path, backups: int = BACKUPS) -> list[Path]:
    """The backup files of ``path``, newest first (``.backups/NAME.1`` … ``NAME.N``)."""
    return [path.parent / BACKUP_DIR / f"{path.name}.{n}" for n in range(1, backups + 1)]


def _rotate_backups(path: Path, backups: int) -> None:
    olds = backup_paths(path, backups)
    olds[0].parent.mkdir(exist_ok=True)
    for newer, older in zip(reversed(olds[:-1]), reversed(olds[1:]), strict=True):
        if newer.exists():
            os.replace(newer, older)
    # A hard link keeps the current version without copying; copy where links are unsupported.
    newest = olds[0]
    with contextlib.suppress(FileNotFoundError):
        newest.unlink()
    try:
        os.link(path, newest)
    except OSError:
        shutil.copy2(path, newest)


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive inter-process lock for ``path`` (on the sidecar ``.NAME.lock``)."""
    lock_path = path.parent / f".{path.name}.lock"
    with open(lock_path, "a+b") as handle:
        _lock(handle.fileno())
        try:
            yield
        finally:
            _unlock(handle.fileno())


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
                return
            except OSError:  # LK_LOCK gives up after 10 s; keep waiting
                continue

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
