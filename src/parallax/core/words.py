"""Word boundaries: jieba on a Simplified copy of the Chinese, mapped back; English words.

jieba's dictionary is Simplified and it segments Traditional text badly (雙遏制 comes out as
three single characters). The text is converted to Simplified character by character (same
length, :func:`parallax.core.chinese.fold`), segmented, and the boundaries apply unchanged to
the original. Loading jieba takes about a second: call :func:`zh_words` from a worker first.
"""

from __future__ import annotations

import errno
import logging
import os
import threading
from functools import cache
from typing import Any

import regex

Span = tuple[int, int]

_lock = threading.Lock()
_EN_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")


@cache
def _tokenizer() -> Any:
    """jieba's default tokenizer, its dictionary cache kept in parallax's cache directory."""
    import jieba

    from parallax.core.paths import cache_dir, tell_cache_unusable

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        if not os.access(directory, os.W_OK | os.X_OK):  # jieba would log a traceback
            raise PermissionError(errno.EACCES, "permission denied", str(directory))
        tokenizer.tmp_dir = str(directory)
    except OSError as error:  # jieba falls back to the system's temporary directory
        tell_cache_unusable(error)
    tokenizer.initialize()
    return tokenizer


def load() -> None:
    """Load jieba's dictionary now (about a second; cached on disk after the first run)."""
    with _lock:
        _tokenizer()


def zh_words(text: str) -> list[Span]:
    """The words of Chinese ``text`` as ``(start, end)`` offsets into ``text``, in order.

    Every character is in exactly one span; blanks are left out (punctuation is a span).
    """
    from parallax.core.chinese import fold

    simplified = fold(text)
    with _lock:
        tokens = list(_tokenizer().tokenize(simplified, HMM=True))
    return [(start, end) for _word, start, end in tokens if not text[start:end].isspace()]


def tokens(simplified: str) -> list[Span]:
    """jieba's tokens of Simplified ``simplified`` as offsets, covering it exactly (blanks
    included)."""
    with _lock:
        return [(start, end) for _word, start, end in _tokenizer().tokenize(simplified, HMM=True)]


def en_words(text: str) -> list[Span]:
    """The words of English ``text`` (letters and digits, inner ``'`` ``’`` ``-`` kept)."""
    return [match.span() for match in _EN_WORD.finditer(text)]


def words(text: str, lang: str) -> list[Span]:
    """The words of ``text`` in ``lang`` (``"zh"`` or ``"en"``)."""
    return zh_words(text) if lang == "zh" else en_words(text)
