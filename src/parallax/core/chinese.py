"""Chinese script conversion and script folding.

* ``to_simplified`` / ``to_traditional`` convert with OpenCC's Hong Kong tables (``hk2s`` /
  ``s2hk``), phrase-aware, for display.
* ``fold`` maps every Han character to one script-neutral form (Simplified) **character by
  character**, so the result always has the same length as the input and offsets found in the
  folded text are offsets in the original. It is context-free on purpose: a term folds the same
  way alone and inside any sentence, which is what matching needs.
* ``has_han`` tells whether a text has any Han character.

Readings (pinyin, Jyutping) are :mod:`parallax.core.readings`, which builds on this module.

OpenCC converters and the fold table are created once, on first use.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

# Blocks whose characters OpenCC may convert: CJK Ext. A, Unified, Compatibility, Ext. B-F and
# Compatibility Supplement.
_HAN_RANGES = (
    (0x3400, 0x4DC0),
    (0x4E00, 0xA000),
    (0xF900, 0xFB00),
    (0x20000, 0x2A6E0),
    (0x2A700, 0x2EBF0),
    (0x2F800, 0x2FA20),
)
_lock = threading.Lock()


def has_han(text: str) -> bool:
    """True if ``text`` contains a Han character (CJK Unified, Ext. A-F or Compatibility)."""
    return any(start <= ord(c) < stop for c in text for start, stop in _HAN_RANGES)


@cache
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """``text`` in Simplified Chinese (OpenCC ``hk2s``: Hong Kong, Taiwan and Traditional forms)."""
    with _lock:
        return str(_converter("hk2s").convert(text))


def to_traditional(text: str) -> str:
    """``text`` in Hong Kong standard Traditional Chinese (OpenCC ``s2hk``)."""
    with _lock:
        return str(_converter("s2hk").convert(text))


@cache
def to_common_traditional(text: str) -> str:
    """``text`` in the Traditional forms most dictionaries are keyed on (OpenCC ``s2tw``:
    峰會, 說話, where ``s2hk`` writes 峯會, 説話 and ToJyutping then misreads 會)."""
    with _lock:
        return str(_converter("s2tw").convert(text))


@cache
def _fold_table() -> dict[int, str]:
    """Code point -> folded character, for every Han character whose single-char form differs."""
    chars = [chr(c) for start, stop in _HAN_RANGES for c in range(start, stop)]
    with _lock:
        hk2s = _converter("hk2s")
        t2s = _converter("t2s")
        # One call for all characters; newlines keep OpenCC from joining them into phrases.
        folded = t2s.convert(hk2s.convert("\n".join(chars))).split("\n")
    if len(folded) != len(chars):  # pragma: no cover - OpenCC never merges lines
        folded = [t2s.convert(hk2s.convert(c)) for c in chars]
    return {ord(c): f for c, f in zip(chars, folded, strict=True) if c != f and len(f) == 1}


def fold(text: str) -> str:
    """A script-folded copy of ``text`` of exactly the same length, for matching and search.

    Traditional, Hong Kong, Taiwan and Simplified forms of a character fold to one form
    (雙/双 -> 双, 裡/裏/里 -> 里); everything that is not Han is left unchanged.
    """
    return text.translate(_fold_table())
