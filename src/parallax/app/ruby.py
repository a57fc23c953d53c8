"""Interlinear readings (ruby): each syllable centred directly above its character.

A character and its syllable share a *slot* as wide as the wider of the two plus a blank
(``yín`` over 銀 takes four cells), so the text of the row is spread out and wrapped on slot
widths; each wrapped line becomes two screen lines, the readings over the characters, and
wrapping stays in step. Characters without a reading (punctuation, Latin letters) keep their own
width, and a run of Latin letters or digits is not broken. Pure layout: offsets in, offsets and
cell counts out (drawing is the painter's).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from parallax.app.wrap import NO_LINE_START


@dataclass(frozen=True, slots=True)
class RubyLine:
    """One wrapped line: characters ``start``..``end`` of the text, each in a slot of ``slots``
    cells, and the reading line drawn above them (exactly as wide as the slots)."""

    start: int
    end: int
    slots: tuple[int, ...]
    readings: str

    @property
    def width(self) -> int:
        """The cells the line takes."""
        return sum(self.slots)

    def pads(self, text: str) -> list[tuple[int, int]]:
        """``(left, right)`` blank cells around each character in its slot (centred)."""
        out = []
        for i, slot in zip(range(self.start, self.end), self.slots, strict=True):
            spare = slot - _width(text[i])
            out.append((spare // 2, spare - spare // 2))
        return out

    def offset_at(self, cells: int) -> int:
        """The offset of the character whose slot holds cell ``cells`` of the line."""
        used = 0
        for i, slot in zip(range(self.start, self.end), self.slots, strict=True):
            used += slot
            if cells < used:
                return i
        return max(self.start, self.end - 1)


def _width(char: str) -> int:
    return 1 if char < "\u1100" else cell_len(char)


def slot_width(char: str, syllable: str | None) -> int:
    """The cells of a character's slot: its own width, or its syllable's and a blank."""
    width = _width(char)
    return max(width, len(syllable) + 1) if syllable else width


def lay_out(text: str, syllables: Sequence[str | None], width: int) -> list[RubyLine]:
    """``text`` (one syllable or None per character) wrapped to ``width`` cells in ruby lines.

    A line breaks before a Han character (not before closing punctuation) or at a blank; blanks
    at a break are left out; a word wider than the line is cut.
    """
    width = max(width, 4)
    lines: list[RubyLine] = []
    for start, end in _paragraphs(text):
        lines.extend(_wrap(text, syllables, start, end, width))
    return lines or [RubyLine(0, 0, (), "")]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    while True:
        stop = text.find("\n", start)
        if stop < 0:
            spans.append((start, len(text)))
            return spans
        spans.append((start, stop))
        start = stop + 1


def _units(text: str, syllables: Sequence[str | None], start: int, end: int) -> list[int]:
    """Where a line may break: before each Han character with a reading (not before closing
    punctuation), at each blank, else not inside a run of other characters."""
    breaks = []
    for i in range(start, end):
        if i == start or text[i].isspace() or text[i - 1].isspace():
            breaks.append(i)
        elif text[i] in NO_LINE_START:
            continue
        elif syllables[i] or syllables[i - 1] or _width(text[i]) == 2:
            breaks.append(i)
    breaks.append(end)
    return breaks


def _wrap(
    text: str, syllables: Sequence[str | None], start: int, end: int, width: int
) -> list[RubyLine]:
    slots = [slot_width(text[i], syllables[i]) for i in range(len(text))]
    breaks = _units(text, syllables, start, end)
    lines: list[RubyLine] = []
    line_start = used = -1
    i = 0
    for a, b in zip(breaks, breaks[1:], strict=False):
        size = sum(slots[a:b])
        if line_start < 0:
            if text[a:b].isspace():
                continue  # no blanks at the start of a line
            line_start, used = a, 0
        if used and used + size > width:
            lines.append(_line(text, syllables, slots, line_start, _trim(text, line_start, a)))
            if text[a:b].isspace():
                line_start = -1
                continue
            line_start, used = a, 0
        while size > width and b - a > 1:  # a word wider than the line: cut it
            cut = a
            while cut < b and used + slots[cut] <= width:
                used += slots[cut]
                cut += 1
            cut = max(cut, a + 1)
            lines.append(_line(text, syllables, slots, line_start, cut))
            a, line_start, used = cut, cut, 0
            size = sum(slots[a:b])
        used += size
        i = b
    if line_start >= 0:
        lines.append(_line(text, syllables, slots, line_start, _trim(text, line_start, i)))
    return lines or [RubyLine(start, start, (), "")]


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _line(
    text: str, syllables: Sequence[str | None], slots: list[int], start: int, end: int
) -> RubyLine:
    parts = []
    for i in range(start, end):
        syllable = syllables[i] or ""
        spare = slots[i] - len(syllable)
        parts.append(" " * (spare // 2) + syllable + " " * (spare - spare // 2))
    return RubyLine(start, end, tuple(slots[start:end]), "".join(parts))
