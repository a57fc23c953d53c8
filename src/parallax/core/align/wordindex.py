"""The aligner's CC-CEDICT: headwords and the English stems of their glosses, in flat files.

Loading it unpickles nothing: the arrays are ``numpy.load``-ed (a few megabytes) and only the
headwords a document can contain enter a Python dict. The headwords (and their proper
prefixes) are stored grouped by their first two characters (one-character words under their
character alone); :meth:`WordIndex.prepare` reads the groups of the character pairs found in
the texts about to be segmented, which for a novel's chapters is a tenth of the dictionary.

Files of a compiled index (one directory): ``words.txt`` (the grouped strings, one a line),
``codes.npy`` (for each string ``2 * (h + 1) + p``: ``h`` the headword id or -1, ``p`` = 1
when it is a proper prefix of a longer headword), ``groups.npy`` (sorted group keys),
``starts.npy`` and ``bytes.npy`` (each group's first string and first byte), ``key_starts.npy``
and ``keys.npy`` (the gloss stem ids of headword ``h``), ``stems.txt`` (stem ``k`` on line
``k``), ``source.txt`` (what it was compiled from).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import regex

from parallax.core.align.band import IntArray
from parallax.core.align.keyjoin import distinct_sorted
from parallax.core.cedict.headwords import walk_headwords

INDEX_VERSION = 1
_HAN_RUN = regex.compile(r"\p{Han}+")
GROUP_SHIFT = 21  # Unicode code points fit in 21 bits (a group key holds two)


def group_key(text: str) -> int:
    """The group of a string: its first character, and its second when it has one."""
    second = ord(text[1]) if len(text) > 1 else 0
    return (ord(text[0]) << GROUP_SHIFT) | second


class WordIndex:
    """A compiled index, opened from its directory (see the module's docstring)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.codes, self.groups = _load(directory, "codes"), _load(directory, "groups")
        self.starts, self.bytes = _load(directory, "starts"), _load(directory, "bytes")
        self.key_starts, self.keys = _load(directory, "key_starts"), _load(directory, "keys")
        self.words = (directory / "words.txt").read_bytes()
        stems = (directory / "stems.txt").read_text(encoding="utf-8").split("\n")
        self.stem_ids = {stem: k for k, stem in enumerate(stems)}
        self.table: dict[str, int] = {}
        self._loaded: set[int] = set()

    def prepare(self, texts: Iterable[str]) -> None:
        """Read the headwords that can occur in ``texts`` (call before :meth:`headword_ids`)."""
        runs = "\x00".join(run for text in texts for run in _HAN_RUN.findall(text))
        chars = np.frombuffer(runs.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        pairs = (chars[:-1] << GROUP_SHIFT) | chars[1:]
        pairs = pairs[(chars[:-1] != 0) & (chars[1:] != 0)]
        self.load(np.concatenate([chars[chars != 0] << GROUP_SHIFT, pairs]))

    def load(self, codes: IntArray) -> None:
        """Read the groups of these :func:`group_key` codes (those not read yet)."""
        codes = distinct_sorted(codes)
        if self._loaded:
            codes = codes[~np.isin(codes, np.fromiter(self._loaded, np.int64, len(self._loaded)))]
        if not len(codes):
            return
        self._loaded.update(codes.tolist())
        at = np.minimum(np.searchsorted(self.groups, codes), len(self.groups) - 1)
        asked = codes
        table, words, codes = self.table, self.words, self.codes
        for g in at[self.groups[at] == asked].tolist():
            strings = words[int(self.bytes[g]) : int(self.bytes[g + 1]) - 1].decode("utf-8")
            table.update(
                zip(
                    strings.split("\n"),
                    codes[self.starts[g] : self.starts[g + 1]].tolist(),
                    strict=False,
                )
            )

    def headword_ids(self, text: str) -> list[int]:
        """Greedy leftmost-longest headwords of ``text``'s Han runs, in order (``text`` must
        have been given to :meth:`prepare`)."""
        return [word for _, _, word in walk_headwords(self.table.get, text)]

    def key_ranges(self, headwords: IntArray) -> tuple[IntArray, IntArray]:
        """Where each headword's gloss stem ids are in :attr:`keys`: starts and lengths."""
        starts = np.asarray(self.key_starts[headwords], dtype=np.int64)
        return starts, np.asarray(self.key_starts[headwords + 1], dtype=np.int64) - starts


def _load(directory: Path, name: str) -> IntArray:
    array: IntArray = np.load(directory / f"{name}.npy", allow_pickle=False)
    return array


def compile_index(
    headwords: Sequence[str],
    keys: Sequence[Sequence[int]],
    stems: Sequence[str],
    directory: Path,
    source: str,
) -> None:
    """Write an index for ``headwords`` (``keys[h]``: stem ids of headword ``h``) atomically."""
    table: dict[str, int] = {}
    for h, form in enumerate(headwords):
        if not _HAN_RUN.fullmatch(form):
            continue
        table[form] = (table.get(form, 0) & 1) | 2 * (h + 1)
        for k in range(1, len(form)):
            table[form[:k]] = table.get(form[:k], 0) | 1
    strings = sorted(table, key=lambda s: (group_key(s), s))
    group_of = [group_key(s) for s in strings]
    groups, starts = np.unique(np.array(group_of, dtype=np.int64), return_index=True)
    encoded = [s.encode("utf-8") + b"\n" for s in strings]
    offsets = np.concatenate([[0], np.cumsum([len(e) for e in encoded])]).astype(np.int64)
    key_starts = np.concatenate([[0], np.cumsum([len(k) for k in keys])]).astype(np.int64)
    directory.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=directory.parent, prefix=f".{directory.name}-"))
    try:
        work.chmod(0o755)  # readable by all, like an installed package's files
        (work / "words.txt").write_bytes(b"".join(encoded))
        np.save(work / "codes.npy", np.array([table[s] for s in strings], dtype=np.int64))
        np.save(work / "groups.npy", groups)
        np.save(work / "starts.npy", np.append(starts, len(strings)).astype(np.int64))
        np.save(work / "bytes.npy", np.append(offsets[starts], offsets[-1]))
        np.save(work / "key_starts.npy", key_starts)
        flat = [k for ks in keys for k in ks]
        np.save(work / "keys.npy", np.array(flat, dtype=np.int32))
        (work / "stems.txt").write_text("\n".join(stems), encoding="utf-8")
        (work / "source.txt").write_text(source, encoding="utf-8")
        if directory.exists():
            shutil.rmtree(directory, ignore_errors=True)
        os.replace(work, directory)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def is_index(directory: Path) -> bool:
    """Whether ``directory`` holds a complete index."""
    return (directory / "source.txt").is_file()
