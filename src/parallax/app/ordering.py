"""Keeping the order of the user's changes when worker threads write them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class InOrder:
    """Lets worker threads run their part in the order their tickets were taken (on the UI
    thread): a change and its undo never overtake each other."""

    WAIT = 60.0  # seconds; a turn never blocks longer than this (a lost worker)

    def __init__(self) -> None:
        self._turns = threading.Condition()
        self._issued = 0
        self._next = 0

    def ticket(self) -> int:
        """The next ticket (take it on the UI thread, in the order of the user's keys)."""
        self._issued += 1
        return self._issued - 1

    @contextmanager
    def turn(self, ticket: int) -> Iterator[None]:
        """Wait for ``ticket``'s turn, run the block, then let the next ticket go."""
        with self._turns:
            self._turns.wait_for(lambda: self._next >= ticket, timeout=self.WAIT)
        try:
            yield
        finally:
            with self._turns:
                self._next = max(self._next, ticket + 1)
                self._turns.notify_all()
