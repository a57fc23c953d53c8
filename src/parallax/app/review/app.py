"""The review on its own (``parallax review``): an app whose only screen is the review."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import App
from textual.screen import Screen

from parallax.app.review.screen import ReviewScreen
from parallax.app.review.session import Clock, utc_now


class ReviewApp(App[None]):
    """parallax review: today's cards of your glossary."""

    TITLE = "parallax"

    def __init__(
        self,
        glossaries: Sequence[str] = (),
        *,
        glossary_dir: Path | None = None,
        new_per_day: int | None = None,
        clock: Clock = utc_now,
    ) -> None:
        super().__init__()
        self.glossaries = tuple(glossaries)
        self.glossary_dir = glossary_dir
        self.new_per_day = new_per_day
        self.clock = clock

    def get_default_screen(self) -> Screen[None]:
        """The review is the first screen."""
        return ReviewScreen(  # type: ignore[return-value]
            self.glossaries,
            glossary_dir=self.glossary_dir,
            new_per_day=self.new_per_day,
            clock=self.clock,
        )


def make_review_app(
    glossaries: Sequence[str] = (),
    *,
    glossary_dir: Path | str | None = None,
    new_per_day: int | None = None,
    clock: Clock = utc_now,
) -> ReviewApp:
    """The review of ``glossaries`` (default: the writable glossary), shared by the CLI and the
    tests; ``clock`` gives the current UTC time (tests move it)."""
    return ReviewApp(
        glossaries,
        glossary_dir=Path(glossary_dir) if glossary_dir is not None else None,
        new_per_day=new_per_day,
        clock=clock,
    )
