"""Quoted spans in Chinese and English text, with their nesting, and how they pair up.

Chinese quotes are 「」 『』 《》 〈〉 “” ‘’; English quotes are ``"…"`` ``'…'`` ``“…”`` ``‘…’``. An
apostrophe between letters (``US's``, ``don’t``) is not a quote, nor a trailing one (``allies'``)
when no single quote is open. Quotes are matched within a line.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

_ZH_PAIRS = {"「": "」", "『": "』", "《": "》", "〈": "〉", "“": "”", "‘": "’"}
_ZH_CLOSE = {close: open_ for open_, close in _ZH_PAIRS.items()}
_TITLES = frozenset("《〈")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted span: ``text[start:end]`` is inside the quote marks; ``depth`` 0 is outermost.

    In the tuples :func:`zh_quotes` and :func:`en_quotes` return, ``order`` is the quote's
    place among the non-title quotes of its depth (-1 for a title) and ``parent`` the index
    of the quote holding it (-1 at the top), so that look-ups never scan every quote.
    """

    start: int
    end: int
    depth: int
    mark: str
    order: int = -1
    parent: int = -1

    @property
    def is_title(self) -> bool:
        """A book or document title (《》〈〉), which English usually does not quote."""
        return self.mark in _TITLES

    def holds(self, start: int, end: int) -> bool:
        """True if ``[start, end)`` lies inside the quote."""
        return self.start <= start and end <= self.end


class _Open:
    """The quote marks open on a line, innermost last, with a count per mark so that a
    closing mark never scans them all (nesting ten thousand deep stays linear)."""

    def __init__(self) -> None:
        self.marks: list[tuple[str, int]] = []
        self.count: dict[str, int] = {}

    def push(self, mark: str, start: int) -> None:
        self.marks.append((mark, start))
        self.count[mark] = self.count.get(mark, 0) + 1

    def top(self) -> str:
        return self.marks[-1][0] if self.marks else ""

    def clear(self) -> None:
        self.marks.clear()
        self.count.clear()

    def close(self, kind: str, end: int, found: list[Quote]) -> bool:
        """Close the innermost open ``kind`` at ``end`` (dropping marks opened inside it and
        never closed); False if no ``kind`` is open."""
        if not self.count.get(kind):
            return False
        while self.marks:
            mark, start = self.marks.pop()
            self.count[mark] -= 1
            if mark == kind:
                found.append(Quote(start, end, len(self.marks), kind))
                return True
        return False  # pragma: no cover - the count says ``kind`` is open


@lru_cache(maxsize=64)
def zh_quotes(text: str) -> tuple[Quote, ...]:
    """The quoted spans of Chinese ``text``, ordered by start."""
    stack = _Open()
    found: list[Quote] = []
    for i, char in enumerate(text):
        if char == "\n":
            stack.clear()  # quotes are matched within a line
        elif char in _ZH_PAIRS and not (char == "‘" and stack.top() == "‘"):
            stack.push(char, i + 1)
        elif char in _ZH_CLOSE:
            stack.close(_ZH_CLOSE[char], i, found)
    return _indexed(found)


@lru_cache(maxsize=64)
def en_quotes(text: str) -> tuple[Quote, ...]:
    """The quoted spans of English ``text``, ordered by start."""
    stack = _Open()
    found: list[Quote] = []

    def close(kind: str, i: int) -> bool:
        return stack.close(kind, i, found)

    for i, char in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if char == "\n":
            stack.clear()  # quotes are matched within a line
        elif char == "“" or char == "‘":
            stack.push('"' if char == "“" else "'", i + 1)
        elif char == "”":
            close('"', i)
        elif char == '"':
            if not close('"', i):
                stack.push('"', i + 1)
        elif char in "'’":
            if before.isalnum() and after.isalnum():
                continue  # an apostrophe: US's, don't
            if not before.isspace() and close("'", i):
                continue
            if (before.isspace() or before in '"“([—-') and not after.isspace():
                stack.push("'", i + 1)
    return _indexed(found)


def _indexed(found: list[Quote]) -> tuple[Quote, ...]:
    """``found`` ordered by start, each with its ``order`` and ``parent`` (quotes found by a
    stack nest: two quotes never overlap without one holding the other)."""
    ordered = sorted(found, key=lambda q: q.start)
    counts: dict[int, int] = {}
    holders: list[int] = []
    out: list[Quote] = []
    for quote in ordered:
        while holders and not out[holders[-1]].holds(quote.start, quote.end):
            holders.pop()
        order = -1
        if not quote.is_title:
            order = counts.get(quote.depth, 0)
            counts[quote.depth] = order + 1
        parent = holders[-1] if holders else -1
        out.append(replace(quote, order=order, parent=parent))
        holders.append(len(out) - 1)
    return tuple(out)


def innermost(quotes: Sequence[Quote], start: int, end: int) -> Quote | None:
    """The deepest quote of ``quotes`` (as :func:`zh_quotes` returns them) holding
    ``[start, end)``, if any: the last quote starting at or before ``start``, or the nearest
    of its holders that holds the span."""
    at = bisect_right(quotes, start, key=lambda q: q.start) - 1
    while at >= 0:
        quote = quotes[at]
        if quote.holds(start, end):
            return quote
        at = quote.parent
    return None


def rank(quotes: Sequence[Quote], quote: Quote) -> int:
    """The position of ``quote`` among the non-title quotes of the same depth."""
    return quote.order


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
