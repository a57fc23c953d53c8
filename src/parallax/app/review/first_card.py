"""The first card of a review, shown from a quick look-up while the session is still being
read, as a plain object (no Textual): it may be revealed, even graded, before the session
starts; the session then carries on from there.

The screen makes a :class:`FirstCard` from :func:`look_up`, asks it while the session is
``None``, and :meth:`FirstCard.hand_over` gives its state to the session once it is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from parallax.app.review.session import ReviewSession
    from parallax.core.review import CardRef, Glimpse, Rating, ReviewChange


def look_up(
    glossary_dir: Path | None, names: Sequence[str], now: dt.datetime, new_per_day: int | None
) -> Glimpse | None:
    """The first card, found at once with a quick look-up (an indexed query, the rows of a few
    ids); None if it cannot be told (the full read then treats whatever is unusual)."""
    from parallax.core.errors import ParallaxError
    from parallax.core.review import default_store, first_card, new_per_day_setting

    try:
        limit = new_per_day_setting() if new_per_day is None else new_per_day
        return first_card(default_store(glossary_dir), names, now, limit)
    except (ParallaxError, OSError):
        return None


class FirstCard:
    """The card shown before the session starts, whether it was revealed and its grade."""

    def __init__(self, glimpse: Glimpse | None) -> None:
        self.glimpse = glimpse
        self.revealed = False
        self.rating: Rating | None = None  # graded before the session started

    @property
    def card(self) -> CardRef | None:
        """The card shown (None: none, or handed over)."""
        return self.glimpse.card if self.glimpse is not None else None

    def reveal(self) -> None:
        """``space``: show its answer (if there is a card)."""
        self.revealed = self.glimpse is not None

    def grade(self, rating: Rating) -> bool:
        """A grade key: keep ``rating`` for the session (True), unless the answer is not shown
        (False: the key does nothing)."""
        if not self.revealed:
            return False
        self.rating = rating
        return True

    def hand_over(self, session: ReviewSession) -> ReviewChange | None:
        """The session is read: if it starts on this card, reveal it there and grade it as
        graded here; the grade's change to save (None: none). The first card is gone after."""
        glimpse, self.glimpse = self.glimpse, None
        change = None
        if glimpse is not None and session.current == glimpse.card and self.revealed:
            session.reveal()
            if self.rating is not None:
                change = session.grade(self.rating)
        self.revealed, self.rating = False, None
        return change
