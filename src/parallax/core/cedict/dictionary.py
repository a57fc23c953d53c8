"""The CC-CEDICT dictionary: its entries by headword (Traditional or Simplified) and the
English words of each headword's senses, parsed from the source file."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import regex

from parallax.core.cedict.source import CedictError, read_source

_LINE = regex.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_PAREN = regex.compile(r"\([^()]*\)|\[[^\]]*\]|\S*\p{Han}\S*")
_WORD = regex.compile(r"[a-z]+")
_SKIP_SENSE = regex.compile(r"^(?:old )?variant of|^see |^CL:|^used in |^abbr\. for|^\(old\)")


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


def parse(path: Path) -> Cedict:
    """Parse a CC-CEDICT file (no cache). Raises :class:`CedictError` if nothing is usable."""
    lines: list[str] = []
    index: dict[str, int] = {}
    headwords: list[str] = []
    entries: list[list[int]] = []
    glosses: list[set[int]] = []
    words: dict[str, int] = {}
    for line in read_source(path).splitlines():
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
