"""The readings over the cursor row's Chinese (``p`` cycles pinyin, Jyutping, none): worked
out in a worker for the row's text as shown, drawn only if the cursor is still on that text.

:class:`ReadingLine` is composed by the reader screen with the parallel view; the screen's
``p`` and the view's messages (cursor moved, script changed) call it.
"""

from __future__ import annotations

from textual.screen import Screen

from parallax.app.messages import ReadingsReady
from parallax.app.reader import tasks
from parallax.app.widgets.parallel import ParallelView
from parallax.app.workers import run_step

ROMANISATIONS = (None, "pinyin", "jyutping")


class ReadingLine:
    """Which readings are shown over the cursor row, and keeping them in step with it."""

    def __init__(self, screen: Screen[None], view: ParallelView) -> None:
        """``screen`` runs the worker and hears its :class:`ReadingsReady`."""
        self.screen, self.view = screen, view
        self.kind: str | None = None  # one of ROMANISATIONS

    def cycle(self) -> None:
        """``p``: the next romanisation (pinyin, Jyutping, none)."""
        index = ROMANISATIONS.index(self.kind)
        self.kind = ROMANISATIONS[(index + 1) % len(ROMANISATIONS)]
        self.update()

    def follow(self) -> None:
        """The cursor moved or the script changed: the readings of the row as shown now."""
        if self.kind:
            self.update()

    def update(self) -> None:
        """Romanise the cursor row's Chinese (in a worker); none drawn when ``kind`` is None."""
        view = self.view
        if view.rows:
            row, text, kind = view.cursor, view.zh_shown[view.cursor], self.kind
            job = lambda: ReadingsReady(row, text, tasks.read_aloud(text, kind))  # noqa: E731
            run_step(self.screen, job, step="readings")

    def arrived(self, message: ReadingsReady) -> None:
        """Draw the readings over the cursor row's Chinese, if it is still the same text."""
        view = self.view
        if message.row == view.cursor and view.zh_shown[message.row] == message.text:
            view.set_readings(message.readings)
