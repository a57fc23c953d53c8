"""The reader's alignment at work: the aligned rows arriving, the fixer keys (merge, split,
move, insert, confirm), and re-aligning (all rows, or the unconfirmed ones).

:class:`AlignmentDesk` is composed by the reader screen with the parallel view, the status line
and the plain :class:`AlignmentFixer` (which shows, saves and undoes each fix); the screen's
actions and messages call it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.screen import Screen

from parallax.app import loaders
from parallax.app.alignment_fixer import AlignmentFixer
from parallax.app.fixes import alignment_fact, beads_of, split_unit
from parallax.app.messages import Aligned, Realigned
from parallax.app.model import row_of_paragraph, rows_from_beads
from parallax.app.reader import tasks
from parallax.app.undo import UndoList, UndoStep
from parallax.app.widgets.parallel import ParallelView
from parallax.app.widgets.status import StatusLine
from parallax.app.workers import run_step
from parallax.core.document import PARAGRAPH_BREAK

if TYPE_CHECKING:
    from parallax.core.align.bead import Bead
    from parallax.core.document import Document

WAIT = "wait for the alignment to finish"
Pairs = Callable[[], "list[tuple[str, str]]"]


class AlignmentDesk:
    """The document's rows as aligned, and fixing them by hand (as in InterText)."""

    def __init__(
        self,
        screen: Screen[None],
        *,
        doc: Document,
        view: ParallelView,
        status: StatusLine,
        undo: UndoList,
        pairs: Pairs,
    ) -> None:
        """``screen`` runs the workers; ``pairs()`` is the glossary's pairs (aligner anchors)."""
        self.screen, self.doc, self.view, self.status = screen, doc, view, status
        self.pairs = pairs
        self.aligned = False  # the aligner (or the saved fixes) answered: fixing may start
        self.realign_step: UndoStep | None = None  # the undo step of a re-align under way
        self.fixer = AlignmentFixer(
            undo=undo,
            show=self._show,
            write=lambda beads: loaders.write_fixes(doc, beads),
            run=lambda job: run_step(screen, job, step="fix", exclusive=False),
        )

    def ready(self) -> bool:
        """True once aligned; else say to wait."""
        if not self.aligned or not self.view.rows:
            self.screen.notify(WAIT, severity="warning", markup=False)
            return False
        return True

    # ------------------------------------------------------------- arriving
    def arrived(self, message: Aligned) -> None:
        """Show the aligned rows, keeping the cursor on the same Chinese paragraph."""
        view, rows = self.view, message.rows
        self.aligned = True
        self.fixer.reset(beads_of(rows), by_hand=message.by_hand)
        if message.forgotten:
            text = "your fixes of this document are forgotten"
            self.screen.notify(text, title="alignment", markup=False)
        if [(r.zh, r.en, r.low) for r in rows] == [(r.zh, r.en, r.low) for r in view.rows]:
            view.rescore(rows)  # as opened (e.g. from the cache): keep the selection
        else:
            current = view.rows[view.cursor] if view.rows else None
            view.set_rows(rows)
            if current is not None and current.zh:
                view.move_cursor(row_of_paragraph(rows, "zh", current.zh[0]))
        self.status.done("align", alignment_fact(view.rows, message.by_hand))

    def realign_failed(self, problem: str) -> None:
        """A re-align failed: the rows shown (and the saved fixes) stay."""
        self.aligned = True  # the rows shown are still a whole alignment: fixing goes on
        if self.realign_step is not None:  # nothing to undo: the fixes were kept
            self.fixer.undo.drop(self.realign_step)
        self.status.done("align", f"re-align failed: {problem}")
        text = f"re-align failed, your fixes are kept: {problem}"
        self.screen.notify(text, severity="warning", markup=False)

    def realigned(self, message: Realigned) -> None:
        """Show the unconfirmed rows aligned afresh (unless the rows were fixed meanwhile)."""
        said = self.fixer.realigned(message.before, message.beads, message.cursor)
        self.status.done("align", alignment_fact(self.view.rows, self.fixer.by_hand))
        if said:
            self.screen.notify(said, timeout=3, markup=False)

    # ---------------------------------------------------------------- fixes
    def fix(self, operation: str) -> None:
        """Fix the alignment at the cursor row and save it: merge (with the next row), split
        (at the selected paragraph, else apart), push (the last paragraph of the selected side,
        else the Chinese, down), pull (its first paragraph up), insert (an empty cell), confirm
        (or unconfirm)."""
        if not self.ready():
            return
        view, sel = self.view, self.view.selection
        side = sel.lang if sel is not None else "zh"
        at = None
        if operation == "split" and sel is not None and sel.row == view.cursor:
            row = view.rows[view.cursor]
            units = row.zh if sel.lang == "zh" else row.en
            paragraphs = view.text(view.cursor, sel.lang).split(PARAGRAPH_BREAK)
            if len(paragraphs) != len(units):  # the shown script changed a length: originals
                source = self.doc.zh if sel.lang == "zh" else self.doc.en
                paragraphs = [source[i].text for i in units]
            at = split_unit(units, paragraphs, sel.start)
        said = self.fixer.fix(operation, view.cursor, side, at)
        if said:
            self.screen.notify(said, timeout=3, markup=False)

    def _show(self, beads: list[Bead], cursor: int, by_hand: bool) -> None:
        """Show a fix (or its undo): the rows of ``beads``, the cursor on row ``cursor``."""
        from parallax.core.align.bead import LOW_CONFIDENCE

        rows = rows_from_beads(self.doc, beads, LOW_CONFIDENCE)
        self.view.set_rows(rows)
        self.view.move_cursor(min(cursor, len(rows) - 1))
        self.status.done("align", alignment_fact(rows, by_hand))

    # ------------------------------------------------------------ re-align
    def realign(self) -> None:
        """Forget the hand-fixed alignment of this document and align it afresh (u puts the
        fixed rows back and saves them again)."""
        if not self.ready():
            return
        self.realign_step = self.fixer.forget_fixes(self.view.cursor)
        self.aligned = False
        self.status.start("align", "re-aligning")
        doc, pairs = self.doc, self.pairs()

        def job() -> Aligned:
            rows, forgot = tasks.realign(doc, pairs)
            return Aligned(rows, False, forgot)

        run_step(self.screen, job, step="re-align", group="alignment")

    def realign_unconfirmed(self) -> None:
        """Align afresh the rows not confirmed, between the confirmed ones (kept), and save."""
        if not self.ready():
            return
        self.status.start("align", "re-aligning the unconfirmed rows")
        doc, rows, cursor, pairs = self.doc, list(self.view.rows), self.view.cursor, self.pairs()

        def job() -> Realigned:
            return Realigned(beads_of(rows), tasks.realign_rest(doc, rows, pairs), cursor)

        run_step(self.screen, job, step="align", group="realign-rest")
