"""Crash-safe file replacement, rotating backups, an inter-process lock, and the one function
every command writes its output with (:func:`write_output`)."""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from parallax.core.errors import ParallaxError
from parallax.core.reading import MissingInputError, describe_os_error, is_stdin, read_input

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
    """The bytes of ``path`` and their signature (``b""`` and ``MISSING`` if it does not exist).

    Read with :func:`parallax.core.reading.read_input`: a regular file, at most the read limit
    (``InputError`` otherwise).
    """
    try:
        data = read_input(path)
    except MissingInputError:
        return b"", MISSING
    return data, Signature.of_bytes(path, data)


def stat_matches(path: Path, signature: Signature) -> bool:
    """True if ``path`` still has the mtime and size of ``signature`` (a cheap re-check)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return signature == MISSING
    return (st.st_mtime_ns, st.st_size) == (signature.mtime_ns, signature.size)


class OutputError(ParallaxError):
    """A file could not be written (one line naming the file as the user gave it)."""


def real_path(path: Path) -> Path:
    """The file a write to ``path`` must replace: ``path`` itself, or the target of the symlink
    ``path`` (a dangling one too); ``OSError`` (``ELOOP``) for a symlink loop."""
    if not os.path.islink(path):
        return path
    with contextlib.suppress(FileNotFoundError):
        os.stat(path)  # raises for a loop
    return Path(os.path.realpath(path))


def atomic_write(path: Path, data: bytes, *, backups: int = BACKUPS) -> None:
    """Replace ``path`` by ``data`` atomically, keeping the previous versions as backups.

    Temp file in the same directory, flush, fsync, ``os.replace``, then fsync the directory.
    A crash at any moment leaves either the old or the new complete file. A symlink is
    followed: its target is replaced (and backed up), the link stays. A failure is an
    :class:`OutputError` naming ``path`` and its folder, never the temp file (the
    ``OSError`` is its ``__cause__``).
    """
    target = path
    try:
        target = real_path(path)
        _replace(target, data, backups)
    except OSError as error:
        raise OutputError(_output_fault(error, target), path=path) from error


def _replace(path: Path, data: bytes, backups: int) -> None:
    """:func:`atomic_write` of the real file ``path``, failures left as ``OSError``."""
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
            rotate_backups(path, backups)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(directory)


def remove_stale_temps(path: Path) -> int:
    """Delete temp files left by killed writers of ``path``; call only under ``locked``."""
    path = real_path(path)
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


def rotate_backups(path: Path, backups: int = BACKUPS, *, copy: bool = False) -> None:
    """Keep ``path`` as it is now as ``.backups/NAME.1``, older copies shifting to ``.2`` …
    ``.N``. A hard link keeps it without copying when ``path`` is about to be replaced by a
    rename; ``copy`` for a file changed in place (a SQLite database), which a link would share.
    """
    olds = backup_paths(path, backups)
    olds[0].parent.mkdir(exist_ok=True)
    for newer, older in zip(reversed(olds[:-1]), reversed(olds[1:]), strict=True):
        if newer.exists():
            os.replace(newer, older)
    newest = olds[0]
    with contextlib.suppress(FileNotFoundError):
        newest.unlink()
    if not copy:
        try:
            os.link(path, newest)
            return
        except OSError:  # links unsupported here: copy
            pass
    shutil.copy2(path, newest)


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_output(
    path: Path | str, data: bytes, *, backups: int = 0, stdout: BinaryIO | None = None
) -> None:
    """Write ``data`` to ``path`` the way the user means it; the one output function.

    * ``-``: standard output (``stdout``, default ``sys.stdout.buffer``);
    * a regular file, new or existing: replaced atomically (:func:`atomic_write`), keeping its
      permissions; a new file gets the umask's mode. Nothing is half-written: on a full disk
      or a file size limit the previous content stays;
    * a symlink: followed, and its target replaced atomically;
    * a device or a FIFO: written directly (a FIFO must have a reader).

    Every failure is an :class:`OutputError` naming ``path`` as given: a directory, a missing
    or read-only folder, a full disk, a symlink loop.
    """
    if is_stdin(path):
        out = stdout if stdout is not None else sys.stdout.buffer
        out.write(data)
        out.flush()
        return
    path = target = Path(path)
    try:
        target = real_path(path)
        try:
            mode = os.stat(target).st_mode
        except FileNotFoundError:
            mode = stat.S_IFREG
        if stat.S_ISDIR(mode):
            raise OutputError("is a directory: give a file name", path=path)
        if stat.S_ISREG(mode):
            _replace(target, data, backups)
        else:
            _write_through(target, data, shown=path)
    except OSError as error:
        raise OutputError(_output_fault(error, target), path=path) from None


def _write_through(path: Path, data: bytes, *, shown: Path) -> None:
    """Write ``data`` into the device or FIFO ``path`` without creating or replacing anything;
    errors name ``shown`` (the path as the user gave it)."""
    nonblock = getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, os.O_WRONLY | nonblock | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise OutputError("a FIFO with no program reading it", path=shown) from None
        raise OutputError(describe_os_error(error), path=shown) from None
    try:
        if nonblock:
            os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as error:
        raise OutputError(describe_os_error(error), path=shown) from None
    finally:
        os.close(fd)


def _output_fault(error: OSError, path: Path) -> str:
    """What went wrong writing the file ``path`` (a symlink's target: the folder named is the
    one written in), in the user's terms (the temp file is never named)."""
    folder = str(path.parent) if str(path.parent) else "."
    code = error.errno
    if code == errno.ENOENT:
        return f"no such folder {folder!r}"
    if code in (errno.EACCES, errno.EPERM):
        return f"permission denied: cannot write in the folder {folder!r}"
    if code == errno.EROFS:
        return f"the folder {folder!r} is on a read-only file system"
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG):
        return f"{describe_os_error(error)}: nothing written (any previous version is kept)"
    return describe_os_error(error)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive inter-process lock for ``path`` (on the sidecar ``.NAME.lock``; for a
    symlink, beside its target, so that every link to one file shares the lock)."""
    shown = path
    try:
        path = real_path(path)
        handle = open(path.parent / f".{path.name}.lock", "a+b")  # noqa: SIM115
    except OSError as error:  # a missing or read-only folder: name it, not the lock file
        raise OutputError(_output_fault(error, shown), path=shown) from error
    with handle:
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
