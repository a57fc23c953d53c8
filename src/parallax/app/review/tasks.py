"""The review screen's work, run in worker threads: each calls the core and returns the one
message the screen handles (:func:`parallax.app.workers.run_step` posts it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from parallax.app.model import one_line
from parallax.app.review.messages import (
    GradeSaved,
    GradeSaveFailed,
    ReadingsReady,
    ReviewOpened,
    ReviewOpenFailed,
)

if TYPE_CHECKING:
    from parallax.core.glossary import GlossaryStore
    from parallax.core.review import ReviewChange


def open_review(
    glossary_dir: Path | None, names: Sequence[str], now: dt.datetime, new_per_day: int | None
) -> ReviewOpened | ReviewOpenFailed:
    """Read the glossaries, their review files and today's plan."""
    from parallax.core.errors import ParallaxError
    from parallax.core.review import open_default

    try:
        store, opened = open_default(glossary_dir, names, now, new_per_day)
    except (ParallaxError, OSError) as error:
        return ReviewOpenFailed(one_line(error))
    return ReviewOpened(store, opened)


def warm_scripts() -> None:
    """Load the script conversion the answers use (both ways), before the first answer."""
    from parallax.core import chinese

    chinese.to_traditional(chinese.to_simplified("中"))


def load_readings() -> ReadingsReady:
    """Load the readings' dictionaries (seconds), for terms saved without readings."""
    from parallax.core import readings

    readings.load()
    return ReadingsReady()


def save(change: ReviewChange, store: GlossaryStore | None) -> GradeSaved | GradeSaveFailed:
    """Write one grade (or its undo): the review file, and the term's status in the glossary
    when its stage changed."""
    from parallax.core.errors import ParallaxError
    from parallax.core.review import save_change

    try:
        problem = save_change(change, store)
    except (ParallaxError, OSError) as error:
        return GradeSaveFailed(one_line(error))
    return GradeSaved(problem, change.status is not None)
