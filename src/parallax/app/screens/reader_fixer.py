"""The reader's alignment: the aligned rows arriving, and fixing them by hand."""

from __future__ import annotations

from parallax.app.messages import Aligned
from parallax.app.model import row_of_paragraph, rows_from_beads
from parallax.app.screens.reader_tasks import ReaderTasks


class AlignmentActions(ReaderTasks):
    """Shows the alignment once it arrives; merge, split, push, pull and confirm rows."""

    def on_aligned(self, message: Aligned) -> None:
        """Show the aligned rows, keeping the cursor on the same Chinese paragraph."""
        view = self.view
        current = view.rows[view.cursor] if view.rows else None
        self.aligned = True
        if [(r.zh, r.en, r.low) for r in message.rows] == [(r.zh, r.en, r.low) for r in view.rows]:
            view.rescore(message.rows)  # as opened (e.g. from the cache): keep the selection
            self._show_alignment(message.by_hand)
            return
        view.set_rows(message.rows, self._zh_shown(message.rows))
        if current is not None and current.zh:
            view.move_cursor(row_of_paragraph(message.rows, "zh", current.zh[0]))
        self._show_alignment(message.by_hand)

    def _show_alignment(self, by_hand: bool) -> None:
        rows = self.view.rows
        low = sum(r.low for r in rows)
        how = ", fixed by hand" if by_hand else (f", {low} uncertain" if low else "")
        self.status.done("align", f"{len(rows)} rows{how}")

    def action_realign(self) -> None:
        """Forget the hand-fixed alignment of this document and align it afresh."""
        from parallax.app.loaders import glossary_pairs

        if not self.aligned:
            self.notify("wait for the alignment to finish", severity="warning", markup=False)
            return
        self.aligned = False
        self.status.start("align", "re-aligning")
        self.realign(glossary_pairs(self.glossary.terms) if self.glossary else [])

    def action_fix(self, operation: str) -> None:
        """Fix the alignment at the cursor row (merge, split, push, pull, confirm) and save it."""
        from parallax.app.fixer import apply
        from parallax.core.align import LOW_CONFIDENCE

        view = self.view
        if not self.aligned or not view.rows:
            self.notify("wait for the alignment to finish", severity="warning", markup=False)
            return
        side = view.selection.lang if view.selection is not None else "zh"
        rows = rows_from_beads(
            self.doc, apply(operation, view.rows, view.cursor, side), LOW_CONFIDENCE
        )
        if [(r.zh, r.en, r.score) for r in rows] == [(r.zh, r.en, r.score) for r in view.rows]:
            return
        cursor = view.cursor
        view.set_rows(rows, self._zh_shown(rows))
        view.move_cursor(min(cursor, len(rows) - 1))
        self._show_alignment(True)
        self.save_alignment(rows)
