"""Data derived from a CC-CEDICT file, pickled under the cache directory.

A cache file's name changes with the source file's path, size and modification time, with
:data:`CACHE_VERSION` and with the deriving code's own version; when the cache cannot be
written the data is simply derived again. The dictionary, its headword matcher, the aligner's
word index and the readings tables are all cached this way.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import TypeVar

from parallax.core.cedict.source import CedictError, source_path
from parallax.core.paths import cache_dir, tell_cache_unusable

CACHE_VERSION = 3
T = TypeVar("T")


def cache_file(kind: str, version: int = 0, path: Path | None = None) -> Path:
    """The cache file for data of ``kind`` derived from the CC-CEDICT file ``path``.

    The name changes with the file's path, size and modification time, with
    :data:`CACHE_VERSION` and with the deriving code's own ``version``.
    """
    path = source_path() if path is None else path
    try:
        stat = path.stat()
    except OSError as error:
        raise CedictError(f"{path}: cannot read CC-CEDICT ({error.strerror})") from error
    ident = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{CACHE_VERSION}|{version}"
    digest = hashlib.sha256(ident.encode()).hexdigest()[:16]
    return cache_dir() / f"{kind}-{digest}.pickle"


def read_cache(cache: Path, kind: type[T]) -> T | None:
    """The object pickled in ``cache`` if it is a ``kind``; None when missing or unreadable."""
    try:
        with cache.open("rb") as handle:
            cached = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        return None
    return cached if isinstance(cached, kind) else None


def write_cache(cache: Path, value: object) -> None:
    """Pickle ``value`` to ``cache`` atomically; an unwritable cache is silently skipped."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=f".{cache.stem}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cache)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as error:  # an unwritable cache only costs the next process a parse
        tell_cache_unusable(error)
