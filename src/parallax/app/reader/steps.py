"""The reader's opening steps after the first paint (glossaries, alignment, jieba's words,
CC-CEDICT) as the status line tells them: each started at mount, then done, or failed and
told (the reader goes on without it). Words and the dictionary are put to use as they come.

:class:`OpeningSteps` is composed by the reader screen; the screen's messages call it.
"""

from __future__ import annotations

import gc

from textual.screen import Screen

from parallax.app import loaders
from parallax.app.messages import StepFailed
from parallax.app.model import counted
from parallax.app.reader import tasks
from parallax.app.widgets.parallel import ParallelView
from parallax.app.widgets.status import StatusLine
from parallax.core import notices


class OpeningSteps:
    """The status of the background steps, and what each brings once done."""

    def __init__(self, screen: Screen[None], *, view: ParallelView, status: StatusLine) -> None:
        """``screen`` tells the user what went wrong."""
        self.screen, self.view, self.status = screen, view, status

    def _warn(self, text: str, title: str) -> None:
        self.screen.notify(text, title=title, severity="warning", markup=False)

    def start(self, problem: str = "") -> None:
        """Every step under way; ``problem``: what was wrong with the saved alignment."""
        for step, text in tasks.STEPS:
            self.status.start(step, text)
        if problem:
            self._warn(problem, "alignment")

    def glossary(self, state: loaders.GlossaryState) -> None:
        """The glossaries are loaded: how many terms from which; what could not be read."""
        problems = f", {counted(state.problems, 'bad row')}" if state.problems else ""
        for notice in notices.take():  # a glossary that cannot be read, a file set aside
            self._warn(notice, "glossary")
        names = ", ".join(state.names)
        self.status.done("glossary", f"{counted(len(state.terms), 'term')} ({names}){problems}")

    def words(self) -> None:
        """jieba is loaded: the view moves by its words from now on."""
        self.view.words.loaded()
        self.status.done("words", "jieba")

    def dictionary(self) -> None:
        """CC-CEDICT is loaded: words are looked up in it from now on."""
        self.view.words.word_end = loaders.word_end
        self.status.done("dictionary", "CC-CEDICT")
        # The dictionary and the document stay for the whole session: keep them out of the
        # garbage collector's scans, and scan less often (the view's caches churn), which
        # otherwise pause scrolling for 20-150 ms.
        gc.freeze()
        gc.set_threshold(10_000, 10, 10)

    def failed(self, message: StepFailed) -> None:
        """Say what failed; the reader keeps working without it."""
        self.status.done(message.step, f"{message.step}: {message.error}")
        self._warn(message.error, message.step)
