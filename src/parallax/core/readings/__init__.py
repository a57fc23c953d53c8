"""Readings of Chinese text in context: pinyin and Jyutping, the same in either script.

One function, :func:`readings`, serves the reader's ``p`` line, the look-up panel, saved terms,
search and every export. Pinyin is computed on the Simplified form of the text (the same length,
so offsets hold) word by word (:mod:`.mandarin`); Jyutping by ToJyutping on the Traditional
form (:mod:`.cantonese`). Text in Traditional and in Simplified script therefore
reads the same. Results are cached per text.

Public API::

    Reading                                # one word: text, pinyin, jyutping
    readings(text, *, pinyin=True, jyutping=False) -> list[Reading]
    pinyin_syllables(text) -> list[str | None]   # one per character
    jyutping_syllables(text) -> list[str | None]
    pinyin(text, tones=True) -> str        # "yín háng"; non-Han text kept
    jyutping(text) -> str                  # "ngan4 hong4"
    load()                                 # load the dictionaries now (in a worker)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from parallax.core.readings.marks import marked, numbered, toneless

_HAN = regex.compile(r"\p{Han}")
_RUNS = regex.compile(r"\p{Han}+|[^\p{Han}]+")
_SURROGATE = regex.compile(r"[\ud800-\udfff]")  # cannot be encoded: OpenCC would fail


@dataclass(frozen=True, slots=True)
class Reading:
    """A word of the text and its readings, one syllable per character (None: not Chinese, or
    not asked for)."""

    text: str
    pinyin: tuple[str, ...] | None = None
    jyutping: tuple[str, ...] | None = None

    def as_json(self) -> dict[str, object]:
        """The word as a JSON object: ``{"text", "pinyin", "jyutping"}`` (lists or null)."""
        return {
            "text": self.text,
            "pinyin": list(self.pinyin) if self.pinyin is not None else None,
            "jyutping": list(self.jyutping) if self.jyutping is not None else None,
        }


def simplified_form(text: str) -> str:
    """``text`` in Simplified script, of the same length (OpenCC's phrase-aware conversion
    when it keeps the length, else the character-by-character fold)."""
    from parallax.core import chinese

    text = _SURROGATE.sub("\ufffd", text)
    converted = chinese.to_simplified(text)
    return converted if len(converted) == len(text) else chinese.fold(text)


def traditional_form(text: str) -> str:
    """``text`` in Traditional script, of the same length: its Simplified form converted to
    the common Traditional forms ToJyutping knows (峰會, not Hong Kong's 峯會); ``text`` itself
    when the conversion changes the length."""
    from parallax.core import chinese

    converted = chinese.to_common_traditional(simplified_form(text))
    return converted if len(converted) == len(text) else text


def word_spans(text: str) -> list[tuple[int, int]]:
    """The words of ``text`` covering it exactly: jieba's words on the Simplified form, each
    cut where Han and non-Han characters meet."""
    from parallax.core.words import tokens

    spans = []
    for start, end in tokens(simplified_form(text)):
        for run in _RUNS.finditer(text, start, end):
            spans.append(run.span())
    return spans


_CACHE_SIZE = 4096
_pinyin_cache: dict[tuple[str, bool], tuple[str | None, ...]] = {}


def _pinyin_of(texts: list[str], model: bool) -> list[tuple[str | None, ...]]:
    """Pinyin of ``texts`` (cached per text; the new ones computed in one batch)."""
    from parallax.core.readings import mandarin

    new = list(dict.fromkeys(t for t in texts if (t, model) not in _pinyin_cache))
    if new:
        found = mandarin.syllables_many(
            [(simplified_form(t), word_spans(t)) for t in new], model=model
        )
        if len(_pinyin_cache) + len(new) > _CACHE_SIZE:
            _pinyin_cache.clear()
        for text, syllables in zip(new, found, strict=True):
            _pinyin_cache[(text, model)] = tuple(syllables)
    return [_pinyin_cache.get((t, model)) or _pinyin_of([t], model)[0] for t in texts]


@lru_cache(maxsize=4096)
def _jyutping_of(text: str) -> tuple[str | None, ...]:
    from parallax.core.readings import cantonese

    readings = cantonese.syllables(traditional_form(text))
    return tuple(r if _HAN.match(c) else None for c, r in zip(text, readings, strict=True))


def pinyin_syllables(text: str, *, model: bool = True) -> list[str | None]:
    """One tone-marked pinyin syllable per character of ``text`` (None where not Han).

    ``model=False`` leaves out the g2pM model (dictionaries and priors only).
    """
    return pinyin_syllables_many([text], model=model)[0]


def pinyin_syllables_many(texts: list[str], *, model: bool = True) -> list[list[str | None]]:
    """:func:`pinyin_syllables` of many texts, in one batch (much faster than one by one)."""
    han = [t for t in texts if _HAN.search(t)]
    found = dict(zip(han, _pinyin_of(han, model), strict=True)) if han else {}
    return [list(found[t]) if t in found else [None] * len(t) for t in texts]


def jyutping_syllables(text: str) -> list[str | None]:
    """One Jyutping syllable per character of ``text`` (None where not Han or unknown)."""
    return list(_jyutping_of(text)) if _HAN.search(text) else [None] * len(text)


def readings(text: str, *, pinyin: bool = True, jyutping: bool = False) -> list[Reading]:
    """``text`` word by word with its readings, covering ``text`` exactly, in order."""
    return readings_many([text], pinyin=pinyin, jyutping=jyutping)[0]


def readings_many(
    texts: list[str], *, pinyin: bool = True, jyutping: bool = False
) -> list[list[Reading]]:
    """:func:`readings` of many texts (pinyin computed in one batch)."""
    blank: list[list[str | None]] = [[None] * len(t) for t in texts]
    pinyins = pinyin_syllables_many(texts) if pinyin else blank
    return [
        _words(text, py, jyutping_syllables(text) if jyutping else [None] * len(text))
        for text, py in zip(texts, pinyins, strict=True)
    ]


def _words(text: str, py: list[str | None], jp: list[str | None]) -> list[Reading]:
    out = []
    for start, end in word_spans(text):
        han = _HAN.match(text, start) is not None
        out.append(
            Reading(
                text[start:end],
                _fill(py[start:end]) if han and any(py[start:end]) else None,
                _fill(jp[start:end]) if han and any(jp[start:end]) else None,
            )
        )
    return out


def _fill(syllables: list[str | None]) -> tuple[str, ...]:
    return tuple(s if s else "?" for s in syllables)


def _join(text: str, syllables: list[str | None]) -> str:
    """Syllables separated by spaces, runs of other characters kept as they are."""
    parts: list[str] = []
    pending = ""
    for char, syllable in zip(text, syllables, strict=True):
        if syllable:
            if pending.strip():
                parts.append(pending.strip())
            pending = ""
            parts.append(syllable)
        else:
            pending += char
    if pending.strip():
        parts.append(pending.strip())
    return " ".join(parts)


def pinyin(text: str, tones: bool = True) -> str:
    """Pinyin of ``text``: syllables separated by spaces (tone marks when ``tones``), other
    characters kept (``G7峰会`` -> ``G7 fēng huì``)."""
    syllables = pinyin_syllables(text)
    if not tones:
        syllables = [toneless(s) if s else s for s in syllables]
    return _join(text, syllables)


def jyutping(text: str) -> str:
    """Jyutping of ``text``: syllables separated by spaces, other characters kept."""
    return _join(text, jyutping_syllables(text))


def load() -> None:
    """Load the dictionaries and tables now (a few seconds the first time; call from a worker)."""
    from parallax.core.readings import neural
    from parallax.core.readings.tables import tables
    from parallax.core.words import load as load_words

    load_words()
    tables()
    neural.available()


__all__ = [
    "Reading",
    "jyutping",
    "jyutping_syllables",
    "load",
    "marked",
    "numbered",
    "pinyin",
    "pinyin_syllables",
    "pinyin_syllables_many",
    "readings",
    "readings_many",
    "simplified_form",
    "toneless",
    "traditional_form",
    "word_spans",
]
