"""Text hygiene shared by every reader: control characters, blocks, script shares."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

# ANSI/VT escape sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ST), other two-byte ESC codes,
# and the 8-bit CSI introducer.
_ESCAPES = regex.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)"  # OSC; unterminated, only ESC ] goes
    r"|\x1b[PX^_][^\x1b\n]{0,512}\x1b\\"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]?"  # two-byte sequences and a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# C0 controls except TAB and LF, DEL, C1 controls, and bidi overrides that can disguise text.
_CONTROLS = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Lone surrogates (a JSON "\ud800", an undecodable byte of a file name): no encoding can write
# them, so a file holding one could never be saved or printed.
_SURROGATES = regex.compile(r"[\ud800-\udfff]")
_HAN_RUNS = regex.compile(r"\p{Han}+")
_LATIN_RUNS = regex.compile(r"\p{Latin}+")
_BLANK_LINE = regex.compile(r"\n[ \t\u3000\u00a0]*\n")


def counted(n: int, noun: str, plural: str = "") -> str:
    """``n`` and ``noun``, in the plural (``plural``, else ``noun`` + s) unless ``n`` is 1:
    ``1 term``, ``3 terms``, ``2 entries``."""
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR line ends into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def has_controls(text: str) -> bool:
    """True if ``text`` holds a character :func:`strip_controls` removes (CR included)."""
    return _CONTROLS.search(text) is not None


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control characters, keeping TAB and LF; a lone
    surrogate (which no file or terminal can take) becomes U+FFFD."""
    if _SURROGATES.search(text):
        text = _SURROGATES.sub("\ufffd", text)
    if not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


_UNPRINTABLE = regex.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` made safe to print in a one-line message: blanks (TAB, LF, CR) become spaces and
    every other control character, escape introducer or bidi override is shown as an escape
    (``\\x1b``), so a file name or a piece of a file can neither drive the terminal nor hide
    what it holds. A byte of a file name that is not UTF-8 (a surrogate escape) is shown as
    that byte (``\\x9b``)."""
    if not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(_escape_control, text)


def _escape_control(match: regex.Match[str]) -> str:
    char = match.group()
    if char in "\t\n\r":
        return " "
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's escape of the byte code - 0xDC00
        code -= 0xDC00
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def han_count(text: str) -> int:
    """The number of Han (Chinese) characters in ``text``."""
    return sum(map(len, _HAN_RUNS.findall(text)))


def latin_count(text: str) -> int:
    """The number of Latin letters in ``text``."""
    return sum(map(len, _LATIN_RUNS.findall(text)))


def has_han(text: str) -> bool:
    """Whether ``text`` holds a Han character (a search: counting reads the whole text)."""
    return _HAN_RUNS.search(text) is not None


def has_latin(text: str) -> bool:
    """Whether ``text`` holds a Latin letter."""
    return _LATIN_RUNS.search(text) is not None


def han_share(text: str) -> float:
    """The share of Han characters among Han characters and Latin letters (0.0 when neither)."""
    han = han_count(text)
    total = han + latin_count(text)
    return han / total if total else 0.0


@dataclass(frozen=True, slots=True)
class Block:
    """A run of non-blank lines: its text (trimmed), 1-based first line and offsets."""

    text: str
    line: int
    start: int
    end: int


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def iter_blocks(text: str, start: int = 0, end: int | None = None) -> Iterator[Block]:
    """Yield the blank-line separated blocks of ``text[start:end]`` with their positions."""
    end = len(text) if end is None else end
    lines = _LineCounter(text)
    pos = start
    while pos < end:
        gap = _BLANK_LINE.search(text, pos, end)
        stop = gap.start() if gap else end
        yield from _block(text, pos, stop, lines)
        if gap is None:
            break
        pos = gap.end() - 1  # keep the final newline as the separator


def iter_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[Block]:
    """Yield each non-blank line of ``text[start:end]`` as a block."""
    end = len(text) if end is None else end
    lines = _LineCounter(text)
    pos = start
    while pos < end:
        stop = text.find("\n", pos, end)
        stop = end if stop < 0 else stop
        yield from _block(text, pos, stop, lines)
        pos = stop + 1


class _LineCounter:
    """Line numbers of increasing offsets, counted incrementally (linear in the text)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._offset = 0
        self._line = 1

    def line_at(self, offset: int) -> int:
        self._line += self._text.count("\n", self._offset, offset)
        self._offset = offset
        return self._line


def _block(text: str, start: int, stop: int, lines: _LineCounter) -> Iterator[Block]:
    s, e = _trimmed(text, start, stop)
    if s < e:
        yield Block(text[s:e], lines.line_at(s), s, e)
