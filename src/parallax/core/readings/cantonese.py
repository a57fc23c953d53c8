"""Jyutping from ToJyutping, on the Traditional form of the text."""

from __future__ import annotations

import threading

_lock = threading.Lock()


def syllables(traditional: str) -> list[str | None]:
    """One Jyutping syllable per character of Traditional ``traditional`` (None for
    characters without one: punctuation, Latin letters, digits)."""
    import ToJyutping

    with _lock:  # ToJyutping loads its trie on first use
        pairs = ToJyutping.get_jyutping_list(traditional)
    if len(pairs) != len(traditional):  # pragma: no cover - one pair per character
        return [None] * len(traditional)
    return [reading or None for _char, reading in pairs]
