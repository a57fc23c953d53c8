"""Warnings that do not stop the work: a damaged file set aside, a cache directory skipped.

The core cannot print (the reader owns the screen), so it files them here; the front end tells
each once: the command line on stderr, the reader as a notification. A message filed twice
before it is taken is told once.
"""

from __future__ import annotations

import threading

_lock = threading.Lock()
_pending: dict[str, None] = {}


def tell(message: str) -> None:
    """File ``message`` (one line) for the user."""
    with _lock:
        _pending.setdefault(" ".join(message.split()), None)


def take() -> list[str]:
    """The messages filed since the last call, oldest first (and forget them)."""
    with _lock:
        messages = list(_pending)
        _pending.clear()
    return messages
