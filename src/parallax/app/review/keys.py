"""The review screen's keys, each owned by the part that acts on it: the card view reveals and
grades (``CARD_BINDINGS``), the screen undoes, switches the script the cards are built in and
closes (``SCREEN_BINDINGS``). The footer
and the command palette show them all."""

from __future__ import annotations

from textual.binding import Binding

CARD_BINDINGS: list[Binding] = [
    Binding("space", "reveal", "Show answer", id="review-reveal"),
    Binding("1", "grade(1)", "Again", id="grade-again"),
    Binding("2", "grade(2)", "Hard", id="grade-hard"),
    Binding("3", "grade(3)", "Good", id="grade-good"),
    Binding("4", "grade(4)", "Easy", id="grade-easy"),
]
"""Bindings of :class:`~parallax.app.review.card_view.CardView`."""

SCREEN_BINDINGS: list[Binding] = [
    Binding("u", "undo", "Undo grade", id="review-undo"),
    Binding("t", "script", "Trad/Simp", id="review-script"),
    Binding("escape,q", "close", "Done", id="review-close"),
]
"""Bindings of :class:`~parallax.app.review.screen.ReviewScreen`."""
