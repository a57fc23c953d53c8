"""Pinyin of Simplified text in context: words first, then the characters left open.

1. The text is cut into words by jieba. A word CC-CEDICT knows with one reading takes that
   reading (``银行`` *yín háng*); else pypinyin's phrase table (``PHRASES_DICT``).
2. A word neither knows (jieba's guess: a name, a new compound) is read as its longest known
   sub-words, left to right; the characters left over are open.
3. A one-character word with one reading in pypinyin's character table takes it; else it is
   open.
4. Open characters: the g2pM model reads them from the sentence when it is installed; else a
   frequent character on its own takes pypinyin's first reading (its reading as a free word),
   a character inside an unknown word its commonest reading in names (CC-CEDICT's proper nouns)
   or in running text (:mod:`.tables`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import regex

from parallax.core.readings import neural
from parallax.core.readings.tables import is_neutral as _neutral
from parallax.core.readings.tables import tables

Span = tuple[int, int]
CITATION = {"一": "yī", "不": "bù"}
FREE_WORD = 10_000  # jieba frequency above which a character alone is a common free word
_HAN = regex.compile(r"\p{Han}+")
_CLAUSE = regex.compile(r"[^。！？；!?;\n]*[。！？；!?;\n]*")
MAX_CHUNK = 200  # characters given to the model at once
WINDOW = 16  # characters of context either side of an open character, for the model


def _phrases() -> dict[str, list[list[str]]]:
    from pypinyin.constants import PHRASES_DICT

    return PHRASES_DICT


@cache
def _char_readings(char: str) -> list[str]:
    from pypinyin.constants import PINYIN_DICT

    found = PINYIN_DICT.get(ord(char))
    return found.split(",") if found else []


def known(word: str) -> tuple[str, ...] | None:
    """The reading of ``word`` (two or more characters) in CC-CEDICT or pypinyin's phrases."""
    found = tables().words.get(word)
    if found is not None:
        return found
    phrase = _phrases().get(word)
    if phrase is not None and len(phrase) == len(word):
        # pypinyin writes the tone changes of 一 and 不 (一样 yí, 不是 bú); CC-CEDICT and
        # dictionaries write their own tones: so do we, the same in every word.
        return tuple(
            CITATION.get(char, options[0]) for char, options in zip(word, phrase, strict=True)
        )
    return None


def syllables(simplified: str, spans: Sequence[Span], *, model: bool = True) -> list[str | None]:
    """One tone-marked syllable per character of ``simplified`` (None for non-Han characters),
    given its word ``spans`` (each all Han or all non-Han)."""
    return syllables_many([(simplified, spans)], model=model)[0]


def syllables_many(
    texts: Sequence[tuple[str, Sequence[Span]]], *, model: bool = True
) -> list[list[str | None]]:
    """:func:`syllables` of many texts at once (the model reads them all in one batch)."""
    done = [_from_words(text, spans) for text, spans in texts]
    found: list[dict[int, str]] = [{} for _ in texts]
    if model and any(open_at for _, open_at in done) and neural.available():
        windows = [
            (n, start, end)
            for n, ((text, _), (_, open_at)) in enumerate(zip(texts, done, strict=True))
            for start, end in _windows(text, list(open_at))
        ]
        guesses = neural.predict_many(
            [
                (texts[n][0][start:end], [i - start for i in range(start, end) if i in done[n][1]])
                for n, start, end in windows
            ]
        )
        for (n, start, _end), guess in zip(windows, guesses, strict=True):
            found[n].update((i + start, reading) for i, reading in guess.items())
    for (text, _), (out, open_at), guess in zip(texts, done, found, strict=True):
        _decide(text, open_at, out, guess)
    return [out for out, _ in done]


def _from_words(simplified: str, spans: Sequence[Span]) -> tuple[list[str | None], dict[int, bool]]:
    """Readings from the dictionaries, and the positions left open (True: a word alone)."""
    out: list[str | None] = [None] * len(simplified)
    open_at: dict[int, bool] = {}
    for start, end in spans:
        word = simplified[start:end]
        if not _HAN.fullmatch(word):
            continue
        if end - start == 1:
            options = _char_readings(word)
            if len(options) == 1:
                out[start] = options[0]
            else:
                open_at[start] = True
            continue
        reading = known(word)
        if reading is not None:
            out[start:end] = reading
            continue
        _sub_words(simplified, start, end, out, open_at)
    return out, open_at


def _sub_words(
    text: str, start: int, end: int, out: list[str | None], open_at: dict[int, bool]
) -> None:
    """Read ``text[start:end]`` as its longest known sub-words; mark the rest open."""
    i = start
    while i < end:
        for j in range(end, i + 1, -1):
            reading = known(text[i:j])
            if reading is not None:
                out[i:j] = reading
                i = j
                break
        else:
            options = _char_readings(text[i])
            if len(options) == 1:
                out[i] = options[0]
            else:
                open_at[i] = False
            i += 1


def _decide(
    text: str, open_at: dict[int, bool], out: list[str | None], found: dict[int, str]
) -> None:
    """Fill the open positions: the model's reading (``found``), else the priors."""
    table = tables()
    for i, alone in open_at.items():
        reading = found.get(i)
        if reading is None:
            char = text[i]
            options = _char_readings(char)
            first = options[0] if options else None
            common = table.free.get(char, 0) >= FREE_WORD
            if alone and (common or char not in table.usual or _neutral(first)):
                reading = first
            elif not alone and char in table.names:
                reading = table.names[char]
            else:
                reading = table.usual.get(char, first)
        out[i] = reading


def _windows(text: str, positions: list[int]) -> list[Span]:
    """Spans of ``text`` around ``positions``: ``WINDOW`` characters either side, kept inside
    the clause, overlapping windows merged."""
    clauses = [m.span() for m in _CLAUSE.finditer(text) if m.end() > m.start()]
    spans: list[Span] = []
    for i in sorted(positions):
        low, high = next(((a, b) for a, b in clauses if a <= i < b), (0, len(text)))
        start, end = max(low, i - WINDOW), min(high, i + WINDOW + 1)
        if spans and start <= spans[-1][1] and end - spans[-1][0] <= MAX_CHUNK:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans
