"""Wrapping by terminal cell width, keeping character offsets (for cursors and clicks).

Chinese may break between any two characters; other text breaks at blanks, and a word wider
than the line is folded. Each line is a ``(start, end)`` slice of the text; the blanks at a
break are left out of both lines.
"""

from __future__ import annotations

from rich.cells import cell_len

Line = tuple[int, int]


def _char_width(char: str) -> int:
    return 1 if char < "\u1100" else cell_len(char)


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, int, bool]]:
    """``(start, end, cells, is_blank)`` tokens: blank runs, single wide chars, narrow words."""
    out: list[tuple[int, int, int, bool]] = []
    i = start
    while i < end:
        char = text[i]
        if char.isspace():
            j = i
            while j < end and text[j].isspace():
                j += 1
            out.append((i, j, j - i, True))
            i = j
            continue
        width = _char_width(char)
        if width == 2:
            out.append((i, i + 1, 2, False))
            i += 1
            continue
        j, cells = i, 0
        while j < end and not text[j].isspace():
            w = _char_width(text[j])
            if w == 2:
                break
            cells += w
            j += 1
        out.append((i, j, cells, False))
        i = j
    return out


def _wrap_line(text: str, start: int, end: int, width: int) -> list[Line]:
    lines: list[Line] = []
    line_start, used, last_end = start, 0, start
    for t_start, t_end, cells, blank in _tokens(text, start, end):
        if blank:
            if used:
                used += cells
            else:
                line_start = t_end  # no blanks at the start of a wrapped line
                last_end = t_end
            continue
        if used and used + cells > width:
            lines.append((line_start, last_end))
            line_start, used = t_start, 0
        while cells > width:  # fold a word wider than the line
            cut, c = t_start, 0
            while cut < t_end and c + _char_width(text[cut]) <= width:
                c += _char_width(text[cut])
                cut += 1
            cut = max(cut, t_start + 1)
            lines.append((t_start, cut))
            t_start, cells = cut, cells - c
            line_start = t_start
        used += cells
        last_end = t_end
        if used == cells:
            line_start = t_start
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
