"""The reader's doors to the other screens: the sentences of the cursor row (``v``), the
suggested terms of the document (``S``), the review (``ctrl+r``) and the glossary manager
(``ctrl+g``).

Each screen is imported when it opens (nothing of it loads before the reader's first paint)
and answers with its result: the review and the manager say whether the glossaries changed
(the reader reloads them), the suggestions save through the reader's :meth:`TermDesk.save`.
:class:`Doors` is composed by the reader screen; the screen's keys call it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.screen import Screen

from parallax.app.fixes import beads_of
from parallax.app.terms.changes import TermChanges
from parallax.app.widgets.parallel import ParallelView

if TYPE_CHECKING:
    from parallax.app.terms.draft import TermDraft
    from parallax.core.document import Document

Save = Callable[["TermDraft", Callable[[bool], None]], None]


class Doors:
    """Opening the other screens from the reader and acting on what they return."""

    def __init__(
        self,
        screen: Screen[None],
        *,
        doc: Document,
        view: ParallelView,
        changes: TermChanges,
        pairs: Callable[[], list[tuple[str, str]]],
        aligned: Callable[[], bool],
        save: Save,
        reload: Callable[[], None],
        glossary_dir: Path | None,
    ) -> None:
        """``pairs()`` is the glossary's (zh, en) pairs, ``aligned()`` whether the alignment
        is done (else it says to wait), ``save`` saves a new term, ``reload()`` reloads the
        glossaries."""
        self.screen, self.doc, self.view, self.changes = screen, doc, view, changes
        self.pairs, self.aligned, self.save, self.reload = pairs, aligned, save, reload
        self.glossary_dir = glossary_dir

    def _reload_if(self, changed: bool | None) -> None:
        if changed:
            self.reload()

    def sentences(self) -> None:
        """The sentence view of the cursor row (``t`` there toggles the reader's script too)."""
        from parallax.app.sentences.screen import SentenceScreen

        view = self.view
        row = view.rows[view.cursor] if view.rows else None
        if row is None or not (row.zh_text and row.en_text):
            self.screen.notify(
                "this row has no pair to split into sentences", severity="warning", markup=False
            )
            return
        screen = SentenceScreen(
            row.zh_text, row.en_text, self.pairs(), script=view.script, toggle_script=self._toggle
        )
        self.screen.app.push_screen(screen)

    def _toggle(self) -> str | None:
        self.view.action_script()
        return self.view.script

    def suggestions(self) -> None:
        """The suggested term pairs of the whole document, once it is aligned."""
        from parallax.app.suggestions.screen import SuggestionsScreen

        if not self.aligned():
            return
        beads = beads_of(self.view.rows)
        screen = SuggestionsScreen(self.doc, beads, self.pairs(), save=self.save)
        self.screen.app.push_screen(screen)

    def review(self) -> None:
        """Review the writable glossary's terms once the changes asked for before are saved
        (a term just added is among the cards), in the script shown; the glossaries reload
        afterwards when statuses changed, so the colours follow."""
        if self.changes.in_order.pending:  # keys pressed meanwhile still go to the reader
            self.screen.notify("The review opens once your changes are saved…", timeout=3)
        self.changes.change("", lambda _store: (False, ""), done=lambda _changed: self._review())

    def _review(self) -> None:
        from parallax.app.review.screen import ReviewScreen

        review = ReviewScreen(glossary_dir=self.glossary_dir, script=self.view.script)
        self.screen.app.push_screen(review, callback=self._reload_if)

    def manager(self) -> None:
        """The glossary manager; the glossaries reload when something changed there."""
        from parallax.app.manager.screen import GlossaryManagerScreen

        manager = GlossaryManagerScreen(self.glossary_dir)
        self.screen.app.push_screen(manager, callback=self._reload_if)
