"""The reader's alignment: the aligned rows arriving, and fixing them by hand (as in InterText).

Every fix is shown at once, saved at once (the document's hand-fixed alignment, keyed by a
hash of its text) and leaves an undo step that puts the previous rows back and saves them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from textual import work

from parallax.app import loaders
from parallax.app.fixer import LatestSave
from parallax.app.messages import Aligned, StepFailed
from parallax.app.model import Row, row_of_paragraph, rows_from_beads
from parallax.app.screens.reader_tasks import ReaderTasks, one_line
from parallax.core.document import PARAGRAPH_BREAK


def _same(a: Sequence[Row], b: Sequence[Row]) -> bool:
    return [(r.zh, r.en, r.score, r.confirmed) for r in a] == [
        (r.zh, r.en, r.score, r.confirmed) for r in b
    ]


class AlignmentActions(ReaderTasks):
    """Shows the alignment once it arrives; merge, split, move, insert, confirm and re-align
    rows, each saved at once and undoable."""

    fixed_by_hand: bool = False  # the rows shown are a saved hand-fixed alignment
    _fix_saves: LatestSave | None = None  # this reader's saves: the newest fix is the one saved

    def on_aligned(self, message: Aligned) -> None:
        """Show the aligned rows, keeping the cursor on the same Chinese paragraph."""
        view = self.view
        current = view.rows[view.cursor] if view.rows else None
        self.aligned = True
        self.fixed_by_hand = message.by_hand
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
        confirmed = sum(r.confirmed for r in rows)
        how = ", fixed by hand" if by_hand else (f", {low} uncertain" if low else "")
        if confirmed:
            how += f", {confirmed} confirmed"
        self.status.done("align", f"{len(rows)} rows{how}")

    def action_realign(self) -> None:
        """Forget the hand-fixed alignment of this document and align it afresh (u puts the
        fixed rows back and saves them again)."""
        if not self._can_fix():
            return
        self.realign_step = None
        if self.fixed_by_hand:
            rows, cursor = self.view.rows, self.view.cursor
            undo = partial(self._put_rows, rows, cursor, by_hand=True)
            self.realign_step = self.undo_list.push("re-align", undo)
        self.aligned = False
        self.status.start("align", "re-aligning")
        self.realign(loaders.glossary_pairs(self.glossary.terms) if self.glossary else [])

    def _can_fix(self) -> bool:
        if not self.aligned or not self.view.rows:
            self.notify("wait for the alignment to finish", severity="warning", markup=False)
            return False
        return True

    # ------------------------------------------------------------------ fixes
    def action_fix(self, operation: str) -> None:
        """Fix the alignment at the cursor row and save it: merge (with the next row), split
        (at the selected paragraph, else apart), push (the last paragraph of the selected side,
        else the Chinese, down), pull (its first paragraph up), insert (an empty cell), confirm
        (or unconfirm)."""
        from parallax.app.fixer import DESCRIPTIONS, apply
        from parallax.core.align import LOW_CONFIDENCE

        view = self.view
        if not self._can_fix():
            return
        selection = view.selection
        side = selection.lang if selection is not None else "zh"
        at = self._split_unit() if operation == "split" else None
        beads = apply(operation, view.rows, view.cursor, side, at)
        rows = rows_from_beads(self.doc, beads, LOW_CONFIDENCE)
        describe = DESCRIPTIONS[operation]
        if operation == "confirm" and not rows[view.cursor].confirmed:
            describe = "unconfirm row"
        self._show_fix(describe, rows, view.cursor)

    def _split_unit(self) -> int | None:
        """The unit of the selected side whose paragraph holds the selection start, if it is
        not the cell's first (a split there would unpair the row: the plain split does)."""
        from parallax.app.fixer import unit_at

        view, selection = self.view, self.view.selection
        if selection is None or selection.row != view.cursor:
            return None
        row = view.rows[view.cursor]
        units = row.zh if selection.lang == "zh" else row.en
        paragraphs = view.text(view.cursor, selection.lang).split(PARAGRAPH_BREAK)
        if len(paragraphs) != len(units):  # the shown script changed a length: the originals
            source = self.doc.zh if selection.lang == "zh" else self.doc.en
            paragraphs = [source[i].text for i in units]
        unit = unit_at([len(p) for p in paragraphs], units, selection.start)
        return None if unit is None or unit == units[0] else unit

    def _show_fix(self, describe: str, rows: list[Row], cursor: int) -> None:
        """Show ``rows`` (a fix of the rows shown), save them and remember how to undo it."""
        view = self.view
        before, before_cursor, before_by_hand = view.rows, view.cursor, self.fixed_by_hand
        if _same(rows, before):
            self.notify(f"nothing to {describe.split()[0]} here", timeout=2, markup=False)
            return
        self._put_rows(rows, cursor, by_hand=True)
        undo = partial(self._put_rows, before, before_cursor, by_hand=before_by_hand)
        self.undo_list.push(describe, undo)

    def _put_rows(self, rows: list[Row], cursor: int, *, by_hand: bool) -> None:
        """Show ``rows`` with the cursor on row ``cursor`` and save them as the hand-fixed
        alignment (``by_hand``), or forget the saved one (the aligner's rows)."""
        view = self.view
        view.set_rows(rows, self._zh_shown(rows))
        view.move_cursor(min(cursor, len(rows) - 1))
        self.fixed_by_hand = by_hand
        self._show_alignment(by_hand)
        self.save_fix(rows if by_hand else None, self._saves().ticket())

    def _saves(self) -> LatestSave:
        if self._fix_saves is None:
            self._fix_saves = LatestSave()  # made on the UI thread (the first fix) before use
        return self._fix_saves

    @work(thread=True, exclusive=False, exit_on_error=False, group="fix")
    def save_fix(self, rows: list[Row] | None, ticket: int) -> None:
        """Save the hand-fixed alignment (atomically; None: delete it) unless a newer save
        was asked for meanwhile (it writes instead)."""
        try:
            if rows is None:
                self._saves().run(ticket, partial(loaders.forget_alignment, self.doc))
            else:
                self._saves().run(ticket, partial(loaders.save_alignment, self.doc, rows))
        except Exception as error:
            self.post_message(StepFailed("fix", one_line(error)))

    # --------------------------------------------------------------- re-align
    def action_realign_unconfirmed(self) -> None:
        """Align afresh the rows not confirmed, between the confirmed ones (kept), and save."""
        if not self._can_fix():
            return
        pairs = loaders.glossary_pairs(self.glossary.terms) if self.glossary else []
        self.status.start("align", "re-aligning the unconfirmed rows")
        self.realign_rest(list(self.view.rows), self.view.cursor, pairs)

    @work(thread=True, exclusive=True, exit_on_error=False, group="realign-rest")
    def realign_rest(self, rows: list[Row], cursor: int, pairs: list[tuple[str, str]]) -> None:
        """Run :func:`~parallax.core.align.anchored.realign_around` on ``rows``; show the result."""
        from parallax.app.fixer import beads_of
        from parallax.core.align import LOW_CONFIDENCE
        from parallax.core.align.anchored import realign_around

        try:
            doc = self.doc
            beads = realign_around(beads_of(rows), doc.zh_texts, doc.en_texts, pairs)
            new = rows_from_beads(doc, beads, LOW_CONFIDENCE)
        except Exception as error:
            self.post_message(StepFailed("align", one_line(error)))
            return
        self.app.call_from_thread(self._realigned, rows, new, cursor)

    def _realigned(self, before: list[Row], rows: list[Row], cursor: int) -> None:
        view = self.view
        if not _same(view.rows, before):  # fixed meanwhile: that fix wins
            self._show_alignment(self.fixed_by_hand)
            return
        current = before[cursor] if 0 <= cursor < len(before) else None
        if current is not None and current.zh:
            cursor = row_of_paragraph(rows, "zh", current.zh[0])
        elif current is not None and current.en:
            cursor = row_of_paragraph(rows, "en", current.en[0])
        if _same(rows, before):
            self._show_alignment(self.fixed_by_hand)
            self.notify("the re-alignment found the same rows", timeout=3, markup=False)
            return
        self._show_fix("re-align unconfirmed rows", rows, cursor)
