"""Sentence splitting for Chinese and English paragraphs.

Chinese sentences end with 。！？；… (or their ASCII forms), together with any closing quotes
and brackets that follow (``他說：「走吧。」`` is one sentence). English sentences end with . ! ?
or an ellipsis before a capital letter, a digit or an opening quote, except after abbreviations
(Mr., U.S., No. 5, e.g.) and initials (J. K. Rowling).
"""

from __future__ import annotations

import regex

_ZH_END = regex.compile(r"(?:[。！？；!?]+|…+|\.{3,})[」』”’）)》】〕\"']*")
_EN_END = regex.compile(r"(?:[.!?]+|…)[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[\p{Lu}\p{N}])")
_EN_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "sr",
        "messrs",
        "mme",
        "mlle",
        "rev",
        "hon",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "maj",
        "rep",
        "sen",
        "gov",
        "pres",
        "supt",
        "insp",
        "det",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "cf",
        "al",
        "approx",
        "inc",
        "ltd",
        "co",
        "corp",
        "bros",
        "dept",
        "est",
        "fig",
        "figs",
        "vol",
        "vols",
        "ed",
        "eds",
        "pp",
        "ch",
        "art",
        "sec",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
        "mt",
        "ave",
        "blvd",
        "rd",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "u.s.a",
        "p.m",
        "a.m",
    ]
)
_NUMBERED = frozenset({"no", "nos", "p", "art", "vol", "fig"})  # abbreviations before a number
# The word before a period, matched from the period backwards (a forward search would try
# every start in the window).
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)$", flags=regex.REVERSE)


def split_zh(text: str) -> list[str]:
    """The sentences of Chinese text, each with its closing punctuation and quotes.

    A line break always ends a sentence.
    """
    sentences: list[str] = []
    for line in text.split("\n"):
        start = 0
        for match in _ZH_END.finditer(line):
            _append(sentences, line[start : match.end()])
            start = match.end()
        _append(sentences, line[start:])
    return sentences


def split_en(text: str) -> list[str]:
    """The sentences of English text. A line break always ends a sentence."""
    sentences: list[str] = []
    for line in text.split("\n"):
        start = 0
        for match in _EN_END.finditer(line):
            if match.group().startswith(".") and _is_abbreviation(line, match.start(), match.end()):
                continue
            _append(sentences, line[start : match.end()])
            start = match.end()
        _append(sentences, line[start:])
    return sentences


def _is_abbreviation(text: str, dot: int, end: int) -> bool:
    """Whether the period at ``dot`` ends an abbreviation or an initial rather than a sentence."""
    before = _WORD_BEFORE.search(text, max(0, dot - 40), dot)  # a window: linear, not quadratic
    if before is None:
        return False
    word = before.group(1).lower().strip(".")
    if len(word) == 1 and text[before.start()].isupper():
        return True  # an initial: "J. K. Rowling"
    if word in _NUMBERED:
        following = text[end:].lstrip()
        return following[:1].isdigit()
    return word in _EN_ABBREVIATIONS


def _append(sentences: list[str], piece: str) -> None:
    piece = piece.strip()
    if piece:
        sentences.append(piece)
