"""Spaced repetition of a glossary's terms, in the context they were met (no UI here).

Public API::

    CardRef, kinds_of, cards_of, card_key              # cards.py: the cards a term gives
    Front, Back, front_of, back_of, renderings_of      # faces.py: what a card shows
    Memory, LogEntry, Rating, Phase, review, replay    # memory.py: FSRS through ``fsrs``
    Deck, ReviewFileError, NewerReviewFileError        # deck.py: memories and the log
    UnavailableError                                   # dbfile.py: busy, locked, no permission
    review_path, load, record, unrecord, Graded        # sidecar.py: NAME.review.sqlite
    Plan, plan, new_per_day_setting                    # queue.py: today's cards
    Stats, stats_of, DueCount, due_now                 # stats.py
    open_review, open_default, Opened, Source          # setup.py: everything a session needs
    first_card, Glimpse                                # glimpse.py: the first card, quickly
    ReviewChange, save_change                          # changes.py: one grade written
"""

from parallax.core.review.cards import KINDS, CardRef, Kind, card_key, cards_of, kinds_of
from parallax.core.review.changes import ReviewChange, save_change
from parallax.core.review.dbfile import UnavailableError
from parallax.core.review.deck import Deck, NewerReviewFileError, ReviewFileError
from parallax.core.review.faces import Back, Front, Passage, back_of, front_of, renderings_of
from parallax.core.review.glimpse import Glimpse, first_card
from parallax.core.review.memory import (
    LogEntry,
    Memory,
    Phase,
    Rating,
    Stage,
    preview,
    replay,
    review,
    stage_of,
)
from parallax.core.review.queue import (
    DEFAULT_NEW_PER_DAY,
    LEARN_AHEAD,
    Plan,
    new_per_day_setting,
    plan,
)
from parallax.core.review.setup import (
    Opened,
    Source,
    default_store,
    open_default,
    open_review,
)
from parallax.core.review.sidecar import Graded, Loaded, load, record, review_path, unrecord
from parallax.core.review.stats import DueCount, Stats, due_now, stats_of

__all__ = [
    "DEFAULT_NEW_PER_DAY",
    "KINDS",
    "LEARN_AHEAD",
    "Back",
    "CardRef",
    "Deck",
    "DueCount",
    "Front",
    "Glimpse",
    "Graded",
    "Kind",
    "Loaded",
    "LogEntry",
    "Memory",
    "NewerReviewFileError",
    "Opened",
    "Passage",
    "Phase",
    "Plan",
    "Rating",
    "ReviewChange",
    "ReviewFileError",
    "Source",
    "Stage",
    "Stats",
    "UnavailableError",
    "back_of",
    "card_key",
    "cards_of",
    "default_store",
    "due_now",
    "first_card",
    "front_of",
    "kinds_of",
    "load",
    "new_per_day_setting",
    "open_default",
    "open_review",
    "plan",
    "preview",
    "record",
    "renderings_of",
    "replay",
    "review",
    "review_path",
    "save_change",
    "stage_of",
    "stats_of",
    "unrecord",
]
