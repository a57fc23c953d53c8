"""Read any input file safely: a bounded number of bytes, regular files only (or ``-``).

Every file parallax reads (documents, imports, glossaries, settings, saved alignments) goes
through :func:`read_input`, so that ``/dev/zero`` cannot fill the memory, a FIFO without a
writer cannot block for ever, and a directory or a symlink loop gets one clear line. The limit
is checked on what was read, never on ``st_size`` (which a device or ``/proc`` file fakes).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from parallax.core.errors import ParallaxError

STDIN = "-"
DEFAULT_LIMIT_MB = 64
LIMIT_ENV = "PARALLAX_MAX_INPUT_MB"
_override: int | None = None


class InputError(ParallaxError):
    """An input file cannot be read (one line naming the file and the fault)."""


class MissingInputError(InputError):
    """The input file does not exist (callers that treat a missing file as empty catch it)."""


def read_limit() -> int:
    """The most bytes read from one file: :func:`set_read_limit`, else ``$PARALLAX_MAX_INPUT_MB``
    (megabytes), else 64 MB."""
    if _override is not None:
        return _override
    env = os.environ.get(LIMIT_ENV, "").strip()
    if env:
        return megabytes(env, LIMIT_ENV)
    return DEFAULT_LIMIT_MB * 2**20


def set_read_limit(limit_mb: str | float | None) -> None:
    """Set the read limit in megabytes for this process (``None``: back to the default)."""
    global _override
    _override = None if limit_mb is None else megabytes(limit_mb, "--max-input")


def megabytes(value: str | float, name: str) -> int:
    """``value`` megabytes as bytes; InputError unless it is a positive number."""
    try:
        size = float(value)
    except ValueError:
        size = -1.0
    if not 0 < size < 2**40:
        raise InputError(f"{name}: {value!r} is not a size in megabytes (e.g. 64 or 512)")
    return int(size * 2**20)


def is_stdin(path: Path | str) -> bool:
    """True if ``path`` is ``-``, meaning standard input."""
    return str(path) == STDIN


def read_input(
    path: Path | str, *, limit: int | None = None, stdin: BinaryIO | None = None
) -> bytes:
    """The bytes of the file at ``path`` (``-``: standard input), at most ``limit`` bytes
    (default :func:`read_limit`).

    Refused with :class:`InputError`: a missing file, a directory, a FIFO, device or socket
    (only a regular file, or ``-``), a symlink loop, an unreadable file, and a file larger than
    the limit; a missing file is a :class:`MissingInputError`.
    """
    limit = read_limit() if limit is None else limit
    if is_stdin(path):
        handle = stdin if stdin is not None else sys.stdin.buffer
        return _bounded(handle, limit, "standard input")
    try:
        # O_NONBLOCK: opening a FIFO without a writer returns at once (then refused below).
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise MissingInputError("no such file", path=path) from None
    except OSError as error:
        raise InputError(describe_os_error(error), path=path) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise InputError("is a directory, not a file", path=path)
        raise InputError(
            f"is {_kind(mode)}, not a regular file (give - to read standard input)", path=path
        )
    with os.fdopen(fd, "rb", buffering=0) as handle:
        try:
            return _bounded(handle, limit, str(path), path=path)
        except OSError as error:
            raise InputError(describe_os_error(error), path=path) from None


def _bounded(handle: BinaryIO, limit: int, name: str, path: Path | str | None = None) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = handle.read(min(1 << 20, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise InputError(
        f"larger than the read limit of {_mb(limit)} (raise it with parallax --max-input MB "
        f"or ${LIMIT_ENV})",
        path=path if path is not None else name,
    )


def _mb(size: int) -> str:
    value = size / 2**20
    return f"{value:g} MB" if value >= 1 else f"{size} bytes"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def describe_os_error(error: OSError) -> str:
    """A short phrase for an ``OSError`` met on a path the user gave (no file name in it)."""
    code = error.errno
    if code == errno.ENOENT:
        return "no such file"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if code == errno.ELOOP:
        return "a symlink loop (too many levels of symbolic links)"
    if code == errno.EISDIR:
        return "is a directory, not a file"
    if code == errno.ENOTDIR:
        return "a part of the path is a file, not a folder"
    if code == errno.ENAMETOOLONG:
        return "the file name is too long"
    if code == errno.ENOSPC:
        return "the disk is full"
    if code == getattr(errno, "EDQUOT", -1):
        return "the disk quota is exceeded"
    if code == errno.EROFS:
        return "read-only file system"
    if code == errno.EFBIG:
        return "file too large (a file size limit)"
    return (error.strerror or str(error)).lower()
