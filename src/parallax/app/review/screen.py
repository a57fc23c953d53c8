"""The review screen: today's cards of a glossary, graded with FSRS, saved in order in the
background.

The screen wires three parts: :class:`CardView` (shows a card, owns ``space`` and ``1``–``4``),
:class:`ReviewSession` (the queue, grading and undo; no Textual) and two workers (open the
review; write each grade in turn). It dismisses with True when a term's status was written
(the reader then reloads its glossary).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from parallax.app.messages import StepFailed
from parallax.app.ordering import InOrder
from parallax.app.review import render, tasks
from parallax.app.review.card_view import CardView
from parallax.app.review.first_card import FirstCard, look_up
from parallax.app.review.keys import SCREEN_BINDINGS
from parallax.app.review.messages import (
    GradeSaved,
    GradeSaveFailed,
    ReadingsReady,
    ReviewOpened,
    ReviewOpenFailed,
    SavesDone,
)
from parallax.app.review.script import back_in_script, card_in_script
from parallax.app.review.session import Clock, ReviewSession, utc_now
from parallax.app.script import other_script
from parallax.app.workers import run_step

if TYPE_CHECKING:
    from parallax.core.glossary import GlossaryStore, Term
    from parallax.core.review import CardRef, Glimpse, Rating, ReviewChange


class ReviewScreen(Screen[bool]):
    """Spaced repetition of the terms of ``glossaries`` (default: the writable glossary)."""

    BINDINGS: ClassVar[list[BindingType]] = [*SCREEN_BINDINGS]
    DEFAULT_CSS = """
    ReviewScreen #counts { height: 1; padding: 0 2; background: $panel; }
    ReviewScreen #grades { height: 1; padding: 0 2; dock: bottom; margin-bottom: 1; }
    ReviewScreen CardView { height: 1fr; }
    """

    def __init__(
        self,
        glossaries: Sequence[str] = (),
        *,
        glossary_dir: Path | None = None,
        new_per_day: int | None = None,
        clock: Clock = utc_now,
        script: str | None = None,
    ) -> None:
        """``script``: show the Chinese in "simplified" or "traditional" (None: as saved; ``t``
        switches), e.g. as the reader shows it."""
        super().__init__()
        self.glossary_names = tuple(glossaries)
        self.glossary_dir = glossary_dir
        self.new_per_day = new_per_day
        self.clock = clock
        self.session: ReviewSession | None = None
        self.store: GlossaryStore | None = None
        self.in_order = InOrder()
        self.statuses_changed = False
        self.first = FirstCard(None)  # the first card, shown before the session starts
        self.readings_ready = False
        self.script = script

    def compose(self) -> ComposeResult:
        """Header, the counts line, the card, the grade keys, the footer."""
        yield Header(icon="⇆")
        yield Static("", id="counts", markup=False)
        yield CardView(id="card")
        yield Static("", id="grades", markup=False)
        yield Footer()

    @property
    def card_view(self) -> CardView:
        """The card."""
        return self.query_one(CardView)

    def on_mount(self) -> None:
        """Show the first card at once (a quick look-up), then read the glossaries, their
        review files and today's plan in a worker once it is painted."""
        names = ", ".join(self.glossary_names) or "your glossary"
        self.title, self.sub_title = "parallax", f"review · {names}"
        self.card_view.show_message(f"opening {names}…")
        self.card_view.focus()
        now = self.clock()
        glimpse = look_up(self.glossary_dir, self.glossary_names, now, self.new_per_day)
        self.first = FirstCard(glimpse)
        self.show()
        self.call_after_refresh(self.open_review)  # after the first card is painted

    # ---------------------------------------------------------------- workers
    def open_review(self) -> None:
        """Read the glossaries, their review files and today's plan (one core call)."""
        directory, names, now = self.glossary_dir, self.glossary_names, self.clock()
        job = partial(tasks.open_review, directory, names, now, self.new_per_day)
        run_step(self, job, step="review-open")

    def load_readings(self) -> None:
        """Load the readings' dictionaries (seconds), for terms saved without readings."""
        run_step(self, tasks.load_readings, step="review-readings")

    def save(self, change: ReviewChange) -> None:
        """Write one grade (or its undo) after those asked for before it."""
        ticket = self.in_order.ticket()

        def job() -> GradeSaved | GradeSaveFailed:
            with self.in_order.turn(ticket):
                return tasks.save(change, self.store)

        run_step(self, job, step="review-save", exclusive=False)

    def close_after_saves(self) -> None:
        """Close once every grade asked for is written."""
        ticket = self.in_order.ticket()

        def job() -> SavesDone:
            with self.in_order.turn(ticket):
                return SavesDone()

        run_step(self, job, step="review-save", exclusive=False)

    def on_step_failed(self, message: StepFailed) -> None:
        """A worker failed unexpectedly: one line."""
        self.notify(message.error, title="review", severity="error", markup=False)

    # --------------------------------------------------------------- messages
    def on_review_opened(self, message: ReviewOpened) -> None:
        """Start the session (on the card shown already, as it was left: revealed, graded);
        tell what was set aside or skipped."""
        self.store = message.store
        opened = message.opened
        for problem in opened.problems:
            self.notify(problem, title="review", severity="warning", markup=False, timeout=8)
        names = ", ".join(s.name for s in opened.sources)
        self.sub_title = f"review · {names}"
        session = self.session = ReviewSession(opened, self.clock)
        run_step(self, tasks.warm_scripts, step="review-warm")  # the answers' two scripts
        if opened.readings_missing:
            self.load_readings()
        change = self.first.hand_over(session)  # revealed or graded meanwhile: carried on
        if change is not None:
            self.save(change)
        self.show()

    def on_readings_ready(self, _message: ReadingsReady) -> None:
        """Show the readings of a term saved without them."""
        self.readings_ready = True
        self.show()

    def on_review_open_failed(self, message: ReviewOpenFailed) -> None:
        """Say why there is nothing to review."""
        self.card_view.show_message("cannot open the review", message.error)
        self.notify(message.error, title="review", severity="error", markup=False)

    def on_grade_saved(self, message: GradeSaved) -> None:
        """Tell a problem met while saving (a damaged review file set aside)."""
        self.statuses_changed |= message.status_changed
        if message.problem:
            self.notify(message.problem, title="review", severity="warning", markup=False)

    def on_grade_save_failed(self, message: GradeSaveFailed) -> None:
        """Say that a grade was not written."""
        self.notify(message.error, title="grade not saved", severity="error", markup=False)

    def on_card_view_reveal_asked(self, _message: CardView.RevealAsked) -> None:
        """Show the answer."""
        session = self.session
        if session is None:
            self.first.reveal()
        elif session.current is None or session.revealed:
            return
        else:
            session.reveal()
        self.show()

    def on_card_view_grade_asked(self, message: CardView.GradeAsked) -> None:
        """Grade the card, show the next at once, save in the background."""
        session = self.session
        if session is None:  # the first card, the rest still being read: grade it then
            if self.first.grade(message.rating):
                self.card_view.show_message("…")
            return
        if session.current is None:
            return
        if not session.revealed:
            self.notify("space shows the answer first", timeout=2, markup=False)
            return
        change = session.grade(message.rating)
        self.save(change)
        self.show()

    # ---------------------------------------------------------------- actions
    def action_undo(self) -> None:
        """Take back the last grade: its card comes back."""
        session = self.session
        change = session.undo() if session is not None else None
        if change is None:
            self.notify("nothing to undo", timeout=2, markup=False)
            return
        self.save(change)
        self.notify("grade undone", timeout=2, markup=False)
        self.show()

    def action_script(self) -> None:
        """Show the cards' Chinese in the other script (Traditional ↔ Simplified), the blank of
        a cloze card and the lit term included; again: as saved."""
        session = self.session
        card = session.current if session is not None else self.first.card
        if self.script is not None:
            self.script = None
        elif card is not None:
            self.script = other_script(card.term.context_zh or card.term.zh)
        self.notify(f"Chinese shown {self.script or 'as saved'}", timeout=2, markup=False)
        self.show()

    def action_close(self) -> None:
        """Leave once the grades are written."""
        self.close_after_saves()

    def on_saves_done(self, _message: SavesDone) -> None:
        """Every grade asked for is written: leave."""
        self._close()

    def _close(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.dismiss(self.statuses_changed)
        else:
            self.app.exit()

    # ---------------------------------------------------------------- display
    def show(self) -> None:
        """Show the session's card (question, or answer once revealed) and the counts."""
        session = self.session
        if session is None:
            if self.first.glimpse is not None:
                self._show_glimpse(self.first.glimpse)
            return
        counts = session.counts()
        line = Content(
            f"new {counts.new}   learning {counts.learning}   due {counts.due}"
            f"   ·   reviewed {session.reviewed}"
        )
        self.query_one("#counts", Static).update(line)
        card = session.current
        view = self.card_view
        grades = self.query_one("#grades", Static)
        if card is None:
            view.show_message(*render.done_lines(session))
            grades.update(Content("u undo the last grade   ·   escape done"))
            return
        terms = [t for s in session.sources.values() for t in s.terms] if session.revealed else []
        self._show_card(card, session.revealed, terms, session.intervals)

    def _show_glimpse(self, glimpse: Glimpse) -> None:
        """The first card, before the session is ready (its counts still unknown)."""
        from parallax.core.review import preview

        self.query_one("#counts", Static).update(Content("reviewed 0"))
        now = self.clock()
        card = glimpse.card
        self._show_card(
            card, self.first.revealed, [card.term], lambda: preview(glimpse.memory, now)
        )

    def _show_card(
        self,
        card: CardRef,
        revealed: bool,
        terms: Sequence[Term],
        intervals: Callable[[], dict[Rating, dt.timedelta]],
    ) -> None:
        from parallax.core.review import back_of, front_of, renderings_of

        view = self.card_view
        grades = self.query_one("#grades", Static)
        view.show_front(front_of(card_in_script(card, self.script)))
        if revealed:
            english = renderings_of(card.term, terms)
            back = back_of(card, english, compute_readings=self.readings_ready)
            view.show_back(back_in_script(back, card.term.zh, self.script))
            grades.update(render.grades(intervals()))
        else:
            grades.update(Content("space  show the answer"))
