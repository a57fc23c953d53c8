"""Pinyin syllables: numbered (``lu:4``, ``le5``) to tone-marked (``lǜ``, ``le``) and back."""

from __future__ import annotations

import unicodedata
from functools import cache

_VOWEL_MARKS = {
    "a": "āáǎà",
    "e": "ēéěè",
    "i": "īíǐì",
    "o": "ōóǒò",
    "u": "ūúǔù",
    "ü": "ǖǘǚǜ",
}
_COMBINING = "\u0304\u0301\u030c\u0300"  # macron, acute, caron, grave: tones 1-4
_PLAIN = {m: base for base, row in _VOWEL_MARKS.items() for m in row}
_TONE = {m: str(i + 1) for row in _VOWEL_MARKS.values() for i, m in enumerate(row)}
_TONE.update({c: str(i + 1) for i, c in enumerate(_COMBINING)})


@cache
def marked(syllable: str) -> str:
    """``syllable`` with its tone mark: ``hang2`` -> ``háng``, ``lu:4``/``lv4`` -> ``lǜ``,
    ``le5`` -> ``le``, ``r5`` -> ``r``, ``m2`` -> ``ḿ``. Without a tone number the syllable is
    returned lower-cased with ``u:``/``v`` written ``ü``."""
    text = syllable.lower().replace("u:", "ü").replace("v", "ü")
    if not text or not text[-1].isdigit():
        return text
    body, tone = text[:-1], int(text[-1])
    if tone not in (1, 2, 3, 4) or not body:
        return body
    # The rule: a or e takes the mark; in "ou" the o; otherwise the last vowel.
    at = next((i for i, c in enumerate(body) if c in "ae"), -1)
    if at < 0:
        at = body.find("ou")
    if at < 0:
        at = max(body.rfind(v) for v in "iouü")
    if at >= 0:
        return body[:at] + _VOWEL_MARKS[body[at]][tone - 1] + body[at + 1 :]
    if body[0] in "mn":  # syllabic m, n, ng: the mark goes on the first letter
        return unicodedata.normalize("NFC", body[0] + _COMBINING[tone - 1]) + body[1:]
    return body


def numbered(syllable: str) -> str:
    """``syllable`` with a tone number (5 for the neutral tone) and ``ü`` written ``u:``."""
    tone = "5"
    plain = []
    for char in unicodedata.normalize("NFD", syllable.lower()):
        if char in _COMBINING:
            tone = _TONE[char]
            continue
        plain.append(char)
    text = unicodedata.normalize("NFC", "".join(plain))
    return text.replace("ü", "u:") + tone


def toneless(syllable: str) -> str:
    """``syllable`` without its tone mark, ``ü`` written ``v`` (as typed on a keyboard)."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    plain = "".join(c for c in decomposed if c not in _COMBINING)
    return unicodedata.normalize("NFC", plain).replace("ü", "v")
