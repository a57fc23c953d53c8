"""A review session as a plain object (no Textual): the queue, the card shown, grading and
undo. Each grade or undo changes the session at once and returns the :class:`ReviewChange`
for the save worker, so the next card never waits on the disk.

Order: cards in a learning step that are due, then the cards due today (earliest first), then
today's new cards; once nothing else is left, learning cards up to ``LEARN_AHEAD`` early.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from parallax.core.glossary.term import Status
from parallax.core.review import (
    LEARN_AHEAD,
    CardRef,
    Deck,
    Graded,
    LogEntry,
    Memory,
    Opened,
    Phase,
    Rating,
    ReviewChange,
    Source,
    card_key,
    kinds_of,
    review,
    stage_of,
)
from parallax.core.review.queue import day_end, new_count

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    """The current time, UTC."""
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Counts:
    """Cards left in the session: new, in a learning step, due for review."""

    new: int
    learning: int
    due: int


@dataclass(frozen=True)
class _Step:
    """What a grade changed, to take it back."""

    card: CardRef
    change: ReviewChange
    deck: Deck
    due: tuple[CardRef, ...]
    new: tuple[CardRef, ...]
    waiting: tuple[tuple[dt.datetime, CardRef], ...]
    due_learning: int
    status: Status
    reviewed: int


class ReviewSession:
    """Today's review of the glossaries of ``opened``."""

    def __init__(self, opened: Opened, clock: Clock = utc_now) -> None:
        self.clock = clock
        self.sources: dict[str, Source] = {s.name: s for s in opened.sources}
        self.decks: dict[str, Deck] = {s.name: s.deck for s in opened.sources}
        self.statuses: dict[tuple[str, str], Status] = {}  # written this session
        plan = opened.plan
        self.due: deque[CardRef] = deque(plan.due)
        self.due_learning = sum(1 for c in self.due if not self._in_review(c))
        """How many of the cards in ``due`` are in a learning step."""
        self.new: deque[CardRef] = deque(plan.new)
        self.waiting: list[tuple[dt.datetime, CardRef]] = []
        for card in plan.waiting:
            memory = self._memory(card)
            if memory is not None:
                self.waiting.append((memory.due, card))
        self.current: CardRef | None = None
        self.revealed = False
        self.reviewed = 0
        self._steps: list[_Step] = []
        self._outcomes: dict[Rating, tuple[Memory, LogEntry]] = {}
        self._advance()

    # ----------------------------------------------------------------- reading
    def counts(self) -> Counts:
        """Cards left, the one shown included (a card in a learning step counts as learning,
        due or not)."""
        new = len(self.new)
        learning = len(self.waiting) + self.due_learning
        due = len(self.due) - self.due_learning
        card = self.current
        if card is not None:
            memory = self._memory(card)
            if memory is None:
                new += 1
            elif memory.phase == Phase.REVIEW:
                due += 1
            else:
                learning += 1
        return Counts(new, learning, due)

    def memory(self, card: CardRef) -> Memory | None:
        """``card``'s memory in this session (None: never reviewed)."""
        return self._memory(card)

    def intervals(self) -> dict[Rating, dt.timedelta]:
        """How long until the card shown comes back after each rating (once revealed): the
        very intervals a grade then gives."""
        return {r: after.due - entry.at for r, (after, entry) in self._outcomes.items()}

    def next_due(self) -> dt.datetime | None:
        """When the next card in a learning step is due (after the session is done)."""
        return min((due for due, _ in self.waiting), default=None)

    def new_left(self) -> int:
        """New cards beyond today's: they wait for the coming days."""
        unseen = sum(new_count(s.terms, self.decks[name]) for name, s in self.sources.items())
        return (
            unseen
            - len(self.new)
            - (self.current is not None and self.memory(self.current) is None)
        )

    def can_undo(self) -> bool:
        """True if there is a grade to take back."""
        return bool(self._steps)

    # ----------------------------------------------------------------- acting
    def reveal(self) -> None:
        """Show the answer of the card shown, and work out what each grade would give (FSRS
        fuzzes long intervals at random: the grade keeps what was shown)."""
        card = self.current
        if card is None or self.revealed:
            return
        self.revealed = True
        now, memory = self.clock(), self._memory(card)
        self._outcomes = {r: review(card.key, memory, r, now) for r in Rating}

    def grade(self, rating: Rating) -> ReviewChange:
        """Grade the card shown (its answer revealed) and show the next; the change to save.
        ValueError if there is no card or its answer is not shown yet."""
        card = self.current
        if card is None or not self.revealed:
            raise ValueError("reveal the answer first (space)")
        now = self.clock()
        before = self._memory(card)
        after, entry = self._outcomes[rating]
        deck = self.decks[card.glossary]
        new_deck = deck.with_entry(card.key, after, entry)
        old_status = self.statuses.get((card.glossary, card.term.id), card.term.status)
        status = self._status_change(card, new_deck, old_status)
        change = ReviewChange(
            card.glossary,
            self.sources[card.glossary].review_path,
            Graded(card.key, before, after, entry),
            new_deck,
            status=status,
        )
        self._steps.append(
            _Step(
                card,
                change,
                deck,
                tuple(self.due),
                tuple(self.new),
                tuple(self.waiting),
                self.due_learning,
                old_status,
                self.reviewed,
            )
        )
        self.decks[card.glossary] = new_deck
        if status is not None:
            self.statuses[(card.glossary, card.term.id)] = status[1]
        self.reviewed += 1
        if after.phase != Phase.REVIEW and after.due <= day_end(now):
            self.waiting.append((after.due, card))
            self.waiting.sort(key=lambda w: w[0])
        self._advance()
        return change

    def undo(self) -> ReviewChange | None:
        """Take back the last grade: its card is shown again, unrevealed; the change to save
        (None if there is nothing to undo)."""
        if not self._steps:
            return None
        step = self._steps.pop()
        card = step.card
        self.decks[card.glossary] = step.deck
        self.due, self.new = deque(step.due), deque(step.new)
        self.waiting = list(step.waiting)
        self.due_learning = step.due_learning
        self.reviewed = step.reviewed
        self.current, self.revealed, self._outcomes = card, False, {}
        status = None
        if step.change.status is not None:
            self.statuses[(card.glossary, card.term.id)] = step.status
            status = (card.term.id, step.status)
        return ReviewChange(
            card.glossary,
            step.change.review_path,
            step.change.graded,
            step.deck,
            undo=True,
            status=status,
        )

    # ---------------------------------------------------------------- helpers
    def _in_review(self, card: CardRef) -> bool:
        memory = self._memory(card)
        return memory is not None and memory.phase == Phase.REVIEW

    def _memory(self, card: CardRef) -> Memory | None:
        return self.decks[card.glossary].memories.get(card.key)

    def _status_change(self, card: CardRef, deck: Deck, old: Status) -> tuple[str, Status] | None:
        """The term's new status when its stage changed (writable glossary only)."""
        if not self.sources[card.glossary].writable:
            return None
        term = card.term
        stage = stage_of(deck.memories.get(card_key(term.id, kind)) for kind in kinds_of(term))
        return (term.id, stage) if stage != old else None

    def _advance(self) -> None:
        """Show the next card (None when the session is done)."""
        self.revealed = False
        self._outcomes = {}
        now = self.clock()
        if self.waiting and self.waiting[0][0] <= now:
            self.current = self.waiting.pop(0)[1]
        elif self.due:
            self.current = self.due.popleft()
            self.due_learning -= not self._in_review(self.current)
        elif self.new:
            self.current = self.new.popleft()
        elif self.waiting and self.waiting[0][0] <= now + LEARN_AHEAD:
            self.current = self.waiting.pop(0)[1]
        else:
            self.current = None
