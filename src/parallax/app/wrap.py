"""Wrapping by terminal cell width, keeping character offsets (for cursors and clicks).

Chinese may break between any two characters, except before closing punctuation or after an
opening bracket (simple kinsoku: the characters around the break move down together); other
text breaks at blanks, and a word wider than the line is folded. Each line is a
``(start, end)`` slice of the text; the blanks at a break are left out of both lines.
"""

from __future__ import annotations

import regex
from rich.cells import cell_len

Line = tuple[int, int]


# Characters drawn two cells wide (East Asian Wide and Fullwidth, the common blocks).
_WIDE = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
    "\U00020000-\U0003fffd"
)
_TOKEN = regex.compile(rf"(\s+)|([{_WIDE}]+)|([^\s{_WIDE}]+)")
_BLANK, _WIDE_RUN, _WORD = 1, 2, 3

NO_LINE_START = frozenset("。，、；：？！」』）》〉】〕〗〙〛〞〟．，：；！？）］｝｠｣・ー〜～")
"""Wide closing punctuation that must not begin a line."""

NO_LINE_END = frozenset("「『（《〈【〔〖〘〚〝（［｛｟｢")
"""Wide opening brackets that must not end a line."""


def _char_width(char: str) -> int:
    return 1 if char < "\u1100" else cell_len(char)


def _fold(text: str, start: int, end: int, width: int) -> list[Line]:
    """Cut a word wider than ``width`` cells into pieces that fit."""
    pieces = []
    while start < end:
        cut, cells = start, 0
        while cut < end and cells + _char_width(text[cut]) <= width:
            cells += _char_width(text[cut])
            cut += 1
        cut = max(cut, start + 1)
        pieces.append((start, cut))
        start = cut
    return pieces


def _kinsoku(text: str, lowest: int, pos: int, width: int) -> int:
    """Where to break instead of before ``pos`` so that the next line does not start with
    closing punctuation and this one does not end with an opening bracket: back over them and
    one character more, moving at most a line's worth and never before ``lowest + 1``; ``pos``
    itself if that is not possible."""

    def bad(at: int) -> bool:
        return text[at] in NO_LINE_START or text[at - 1] in NO_LINE_END

    brk, limit = pos, max(lowest + 1, pos - (width // 2 - 1))
    while brk > limit and bad(brk):
        brk -= 1
    return pos if bad(brk) else brk


def _wrap_line(text: str, start: int, end: int, width: int) -> list[Line]:
    lines: list[Line] = []
    line_start, used, last_end = start, 0, start
    for match in _TOKEN.finditer(text, start, end):
        s, e = match.span()
        kind = match.lastindex
        if kind == _BLANK:
            if used:
                used += e - s
            else:  # no blanks at the start of a wrapped line
                line_start = last_end = e
            continue
        if kind == _WIDE_RUN:  # Chinese breaks between any two characters
            pos = s
            while pos < e:
                room = (width - used) // 2
                if room <= 0:
                    brk = _kinsoku(text, max(s, line_start), pos, width)
                    lines.append((line_start, last_end if brk == pos else brk))
                    used, pos = 0, brk
                    continue
                if not used:
                    line_start = pos
                take = min(room, e - pos)
                pos += take
                used += 2 * take
                last_end = pos
            continue
        word = match.group()
        cells = len(word) if word.isascii() else cell_len(word)
        if used and used + cells > width:
            lines.append((line_start, last_end))
            used = 0
        if not used:
            line_start = s
        if cells > width:
            *full, (s, e) = _fold(text, s, e, width)
            lines.extend(full)
            line_start, cells = s, cell_len(text[s:e])
        used += cells
        last_end = e
    lines.append((line_start, max(last_end, line_start)))
    return lines


def wrap(text: str, width: int) -> list[Line]:
    """The lines of ``text`` wrapped to ``width`` cells, as ``(start, end)`` offsets.

    Hard line breaks (``\\n``) are kept; an empty text is one empty line.
    """
    width = max(width, 2)
    lines: list[Line] = []
    pos = 0
    while True:
        stop = text.find("\n", pos)
        stop = len(text) if stop < 0 else stop
        lines.extend(_wrap_line(text, pos, stop, width))
        if stop >= len(text):
            return lines
        pos = stop + 1


def estimate_height(text: str, width: int, wide: bool) -> int:
    """A quick (constant time) estimate of ``len(wrap(text, width))``.

    ``wide`` texts (Chinese) are taken to be two cells a character, others one.
    """
    if not text:
        return 1
    cells = len(text) * (2 if wide else 1)
    return max(1, -(-cells // max(width - 1, 2)) + text.count("\n"))
