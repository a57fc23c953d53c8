"""An alignment being fixed by hand, as one plain object (no Textual): a document's paragraph
rows in the reader, or one pair's sentences in the sentence view (as in InterText).

Every fix is shown at once (``show``), saved at once (``write`` run by ``run`` in a worker
thread; when fixes come faster than the disk, only the newest is written) and leaves an undo
step that shows and saves the previous beads again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from parallax.app.fixes import DESCRIPTIONS, apply_to_beads, bead_of
from parallax.app.model import Lang
from parallax.app.ordering import LatestSave
from parallax.app.undo import UndoList, UndoStep

if TYPE_CHECKING:  # importing parallax.core.align loads NumPy: only when fixing
    from parallax.core.align.bead import Bead

Show = Callable[["list[Bead]", int, bool], None]
"""``show(beads, cursor, by_hand)`` on the UI thread."""
Write = Callable[["list[Bead] | None"], object]
"""``write(beads)`` saves the hand-fixed beads (None: forgets them), in a worker thread."""


def same(a: Sequence[Bead], b: Sequence[Bead]) -> bool:
    """True if ``a`` and ``b`` pair the same units with the same scores and confirmations."""
    return [(x.zh, x.en, x.score, x.confirmed) for x in a] == [
        (x.zh, x.en, x.score, x.confirmed) for x in b
    ]


def unconfirmed(before: Sequence[Bead], after: Sequence[Bead]) -> int:
    """How many confirmed beads of ``before`` are not confirmed in ``after`` any more."""
    kept = {(b.zh, b.en) for b in after if b.confirmed}
    return sum(1 for b in before if b.confirmed and (b.zh, b.en) not in kept)


class AlignmentFixer:
    """The beads shown, whether they are a saved hand-fixed alignment, and the fixes of them."""

    def __init__(
        self,
        *,
        undo: UndoList,
        show: Show,
        write: Write,
        run: Callable[[Callable[[], None]], None],
        unit: str = "row",
    ) -> None:
        """``unit`` names a bead in messages ("row", "pair")."""
        self.beads: list[Bead] = []
        self.by_hand = False
        self.undo, self._show, self._write, self._run = undo, show, write, run
        self.unit = unit
        self._saves = LatestSave()

    def reset(self, beads: Sequence[Bead], *, by_hand: bool) -> None:
        """New beads from the aligner or the store (shown by the caller; nothing saved)."""
        self.beads, self.by_hand = list(beads), by_hand

    def fix(self, operation: str, index: int, side: Lang, at: int | None = None) -> str:
        """Apply ``operation`` (``fixes.OPERATIONS``) at bead ``index``; what to tell the user
        ("" for nothing): nothing to do here, or confirmed beads that are not any more."""
        describe = DESCRIPTIONS[operation]
        if operation == "confirm" and self.beads[index].confirmed:
            describe = f"unconfirm {self.unit}"
        beads = apply_to_beads(operation, self.beads, index, side, at)
        return self.change(describe, beads, index, index, warn=operation != "confirm")

    def change(
        self, describe: str, beads: list[Bead], cursor: int, before_cursor: int, warn: bool = True
    ) -> str:
        """Show and save ``beads`` as a fix (cursor on bead ``cursor``); u shows the beads
        before it again (cursor on ``before_cursor``). What to tell the user ("" for nothing;
        with ``warn``, confirmed beads the fix changed)."""
        before, before_by_hand = self.beads, self.by_hand
        if same(beads, before):
            return f"nothing to {describe.split()[0]} here"
        self.put(beads, cursor, by_hand=True)
        self.undo.push(describe, partial(self.put, before, before_cursor, by_hand=before_by_hand))
        lost = unconfirmed(before, beads) if warn else 0
        if not lost:
            return ""
        which = f"a confirmed {self.unit}" if lost == 1 else f"{lost} confirmed {self.unit}s"
        return f"{which} changed: no longer confirmed (c confirms again, u undoes)"

    def put(self, beads: Sequence[Bead], cursor: int, *, by_hand: bool) -> None:
        """Show ``beads`` and save them as the hand-fixed alignment (``by_hand``), or forget
        the saved one (the aligner's beads)."""
        self.beads, self.by_hand = list(beads), by_hand
        self._show(self.beads, cursor, by_hand)
        ticket = self._saves.ticket()
        saved = list(beads) if by_hand else None
        self._run(partial(self._saves.run, ticket, partial(self._write, saved)))

    def forget_fixes(self, cursor: int) -> UndoStep | None:
        """The fixes are about to be replaced by the aligner's beads (re-align): an undo step
        that puts them back, None if there were none."""
        if not self.by_hand:
            return None
        return self.undo.push("re-align", partial(self.put, self.beads, cursor, by_hand=True))

    def realigned(self, before: Sequence[Bead], beads: list[Bead], cursor: int) -> str:
        """The unconfirmed beads of ``before`` were aligned afresh as ``beads``: show them as
        a fix, the cursor on the same unit, unless the beads were fixed meanwhile (that fix
        wins). What to tell the user."""
        if not same(self.beads, before):
            return ""
        current = before[cursor] if 0 <= cursor < len(before) else None
        moved = cursor
        if current is not None and current.zh:
            moved = bead_of(beads, "zh", current.zh[0])
        elif current is not None and current.en:
            moved = bead_of(beads, "en", current.en[0])
        if same(beads, before):
            return "the re-alignment found the same rows"
        return self.change(f"re-align unconfirmed {self.unit}s", beads, moved, cursor)
