"""Keeping the order of the user's changes when worker threads write them: :class:`InOrder`
for changes that must all happen in turn, :class:`LatestSave` for saves where the newest wins."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
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

    @property
    def pending(self) -> bool:
        """True while a ticket given out has not finished its turn."""
        with self._turns:
            return self._next < self._issued

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


class LatestSave:
    """Saves of one file from worker threads: one at a time, and only the newest asked for
    (an older one still waiting is skipped: the newer writes after it)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._newest = 0

    def ticket(self) -> int:
        """Ask for a save (on the UI thread); pass the ticket to :meth:`run` in the worker."""
        self._newest += 1
        return self._newest

    def run(self, ticket: int, save: Callable[[], object]) -> None:
        """Call ``save`` unless a newer ticket was given out meanwhile."""
        with self._lock:
            if ticket == self._newest:
                save()
