"""The reader's undo list: each change (a term saved, edited or deleted, an alignment fix)
leaves a step that puts things back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

MAX_STEPS = 100


@dataclass(frozen=True)
class UndoStep:
    """``describe`` says what is undone ("add 雙遏制"); ``undo`` runs on the UI thread (it may
    start a worker)."""

    describe: str
    undo: Callable[[], None]


class UndoList:
    """The last :data:`MAX_STEPS` changes, newest last."""

    def __init__(self) -> None:
        self._steps: list[UndoStep] = []

    def push(self, describe: str, undo: Callable[[], None]) -> UndoStep:
        """Remember a change and how to undo it; the step (to :meth:`drop` it)."""
        step = UndoStep(describe, undo)
        self._steps.append(step)
        del self._steps[:-MAX_STEPS]
        return step

    def drop(self, step: UndoStep) -> None:
        """Forget ``step`` (its change did not happen after all)."""
        self._steps = [s for s in self._steps if s is not step]

    def undo_last(self, tell: Callable[[str], None]) -> None:
        """Undo the newest change and ``tell`` the user what was undone (or that there is
        nothing to undo)."""
        step = self.pop()
        if step is None:
            tell("nothing to undo")
            return
        step.undo()
        tell(f"undone: {step.describe}")

    def pop(self) -> UndoStep | None:
        """The newest change, removed from the list (None when there is nothing to undo)."""
        return self._steps.pop() if self._steps else None

    def __len__(self) -> int:
        return len(self._steps)
