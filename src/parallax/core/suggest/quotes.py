"""Quoted spans in Chinese and English text, with their nesting, and how they pair up.

Chinese quotes are 「」 『』 《》 〈〉 “” ‘’; English quotes are ``"…"`` ``'…'`` ``“…”`` ``‘…’``. An
apostrophe between letters (``US's``, ``don’t``) is not a quote, nor a trailing one (``allies'``)
when no single quote is open. Quotes are matched within a line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

_ZH_PAIRS = {"「": "」", "『": "』", "《": "》", "〈": "〉", "“": "”", "‘": "’"}
_ZH_CLOSE = {close: open_ for open_, close in _ZH_PAIRS.items()}
_TITLES = frozenset("《〈")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted span: ``text[start:end]`` is inside the quote marks; ``depth`` 0 is outermost."""

    start: int
    end: int
    depth: int
    mark: str

    @property
    def is_title(self) -> bool:
        """A book or document title (《》〈〉), which English usually does not quote."""
        return self.mark in _TITLES

    def holds(self, start: int, end: int) -> bool:
        """True if ``[start, end)`` lies inside the quote."""
        return self.start <= start and end <= self.end


@lru_cache(maxsize=64)
def zh_quotes(text: str) -> tuple[Quote, ...]:
    """The quoted spans of Chinese ``text``, ordered by start."""
    stack: list[tuple[str, int]] = []
    found: list[Quote] = []
    for i, char in enumerate(text):
        if char == "\n":
            stack.clear()  # quotes are matched within a line
        elif char in _ZH_PAIRS and not (char == "‘" and stack and stack[-1][0] == "‘"):
            stack.append((char, i + 1))
        elif char in _ZH_CLOSE:
            opener = _ZH_CLOSE[char]
            if any(mark == opener for mark, _ in stack):
                while stack:
                    mark, start = stack.pop()
                    if mark == opener:
                        found.append(Quote(start, i, len(stack), mark))
                        break
    return tuple(sorted(found, key=lambda q: q.start))


@lru_cache(maxsize=64)
def en_quotes(text: str) -> tuple[Quote, ...]:
    """The quoted spans of English ``text``, ordered by start."""
    stack: list[tuple[str, int]] = []
    found: list[Quote] = []

    def close(kind: str, i: int) -> bool:
        if not any(mark == kind for mark, _ in stack):
            return False
        while stack:
            mark, start = stack.pop()
            if mark == kind:
                found.append(Quote(start, i, len(stack), kind))
                return True
        return False  # pragma: no cover - the loop always finds ``kind``

    for i, char in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if char == "\n":
            stack.clear()  # quotes are matched within a line
        elif char == "“" or char == "‘":
            stack.append(('"' if char == "“" else "'", i + 1))
        elif char == "”":
            close('"', i)
        elif char == '"':
            if not close('"', i):
                stack.append(('"', i + 1))
        elif char in "'’":
            if before.isalnum() and after.isalnum():
                continue  # an apostrophe: US's, don't
            if not before.isspace() and close("'", i):
                continue
            if (before.isspace() or before in '"“([—-') and not after.isspace():
                stack.append(("'", i + 1))
    return tuple(sorted(found, key=lambda q: q.start))


def innermost(quotes: Sequence[Quote], start: int, end: int) -> Quote | None:
    """The deepest quote holding ``[start, end)``, if any."""
    holding = [q for q in quotes if q.holds(start, end)]
    return max(holding, key=lambda q: (q.depth, q.start)) if holding else None


def rank(quotes: Sequence[Quote], quote: Quote) -> int:
    """The position of ``quote`` among the non-title quotes of the same depth."""
    same = [q for q in quotes if q.depth == quote.depth and not q.is_title]
    return same.index(quote) if quote in same else -1


def structure_match(
    source: Sequence[Quote], quote: Quote, targets: Sequence[Quote], other: Quote
) -> bool:
    """True if ``other`` sits in ``targets`` where ``quote`` sits in ``source`` (depth, order)."""
    return (
        not quote.is_title
        and not other.is_title
        and quote.depth == other.depth
        and rank(source, quote) == rank(targets, other)
    )
