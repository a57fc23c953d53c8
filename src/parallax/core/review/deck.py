"""A glossary's review state: each reviewed card's memory, and the log of grades.

The review file (``NAME.review.sqlite``, see :mod:`.sidecar`) holds every grade ever given; a
:class:`Deck` holds the memories of all reviewed cards and the part of the log a caller asked
for (``log_since``: today's grades for a session, all of them for the statistics), so that
opening a review never reads years of history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from parallax.core.errors import ParallaxError
from parallax.core.review.memory import LogEntry, Memory


class ReviewFileError(ParallaxError):
    """A review file that cannot be read (one line naming the file and the fault)."""


class NewerReviewFileError(ReviewFileError):
    """A review file written by a newer parallax: refused, never set aside or overwritten."""


@dataclass(frozen=True)
class Deck:
    """The review state of one glossary: memories by card key, and the log (oldest first) of
    the grades given from ``log_since`` on (all of them when None)."""

    memories: Mapping[str, Memory] = field(default_factory=dict)
    log: tuple[LogEntry, ...] = ()
    log_since: dt.datetime | None = None

    def with_entry(self, card: str, memory: Memory, entry: LogEntry) -> Deck:
        """This deck after ``entry`` left ``card`` with ``memory``."""
        memories = dict(self.memories)
        memories[card] = memory
        return Deck(memories, (*self.log, entry), self.log_since)


EMPTY = Deck()
