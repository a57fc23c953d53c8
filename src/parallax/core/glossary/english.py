"""English match keys: case-folding, hyphen/space-insensitive, with regular inflections.

Text and terms are normalised the same way: lower case, typographic apostrophes made
straight, and every hyphen and blank removed, so ``stand-off``, ``standoff`` and
``stand off`` all become ``standoff``. ``normalise`` also returns, for each character kept,
its offset in the original text. Whole-word checks are done on the original text.
"""

from __future__ import annotations

import re

SEPARATORS = frozenset(" \t\n\r\f\v\u00a0\u2009\u202f\u3000-\u2010\u2011\u2012\u2013")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_TOKENS = re.compile(r"([\s\-\u2010\u2011\u2012\u2013]+)")
_VOWELS = frozenset("aeiou")


def normalise(text: str) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, the offset in ``text``."""
    lowered = text.lower()
    if len(lowered) != len(text):  # rare characters whose lower case is longer (İ)
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    lowered = lowered.translate(_APOSTROPHES)
    offsets = [i for i, c in enumerate(lowered) if c not in SEPARATORS]
    if len(offsets) == len(lowered):
        return lowered, offsets
    return "".join(lowered[i] for i in offsets), offsets


_DROP = {ord(c): None for c in SEPARATORS}
MAX_INFLECTED_WORDS = 4  # longer entries are descriptions more than terms: exact match only
PARTICLES = frozenset(
    [
        "about",
        "across",
        "along",
        "around",
        "away",
        "back",
        "by",
        "down",
        "in",
        "into",
        "off",
        "on",
        "out",
        "over",
        "through",
        "to",
        "up",
    ]
)


def normalise_key(term: str) -> str:
    """The normalised form of an English term (without parenthesised remarks)."""
    cleaned = _PARENS.sub(" ", term)
    lowered = cleaned.lower()
    if len(lowered) != len(cleaned):
        return normalise(cleaned)[0]
    return lowered.translate(_APOSTROPHES).translate(_DROP)


def term_keys(term: str) -> tuple[str, set[str]]:
    """The exact key of ``term`` and the keys of its regular inflections.

    Inflections are generated for the last word (``tariff wars``, ``stand-offs``) and, for two
    or three words separated by blanks (a phrasal verb, a verb and its object), the first word
    too (``faced off``, ``joining hands``). Words written in capitals (acronyms) are not
    inflected, nor are entries of more than ``MAX_INFLECTED_WORDS`` words.
    """
    cleaned = _PARENS.sub(" ", term) if "(" in term or "[" in term else term
    lowered = cleaned.lower()
    if len(lowered) != len(cleaned):
        return normalise_key(term), set()
    words = cleaned.split() if "-" not in cleaned and "\u2010" not in cleaned else None
    if words is None:
        words = [w for w in _TOKENS.split(cleaned)[::2] if w]
    keys = [w.lower().translate(_APOSTROPHES).translate(_DROP) for w in words]
    exact = "".join(keys)
    if not words or len(words) > MAX_INFLECTED_WORDS:
        return exact, set()
    slots = [len(words) - 1]
    if 1 < len(words) <= 3 and " " in cleaned.strip():
        slots.append(0)  # a phrasal verb or a verb and its object: "faced off", "joining hands"
    inflected: set[str] = set()
    for slot in slots:
        word = words[slot]
        if not word.isalpha() or (word.isupper() and len(word) > 1):
            continue
        head, tail = "".join(keys[:slot]), "".join(keys[slot + 1 :])
        inflected.update(head + form + tail for form in inflections(keys[slot]))
    inflected.discard(exact)
    return exact, inflected


def inflections(word: str) -> set[str]:
    """Regular inflected forms of a lower-case word: -s/-es, -'s, -ed, -ing, y -> ies/ied."""
    forms = {word + "s", word + "'s"}
    if len(word) < 2:
        return forms
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    if word[-1] == "y" and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word[-1] == "e":
        forms |= {word + "d", word[:-1] + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
    if (
        len(word) >= 3
        and word[-1] not in _VOWELS
        and word[-1] not in "wxy"
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    ):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms
