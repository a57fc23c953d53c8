"""The glossary manager's changes as a plain object (no Textual): edits, deletes, new
glossaries, imports and the writable glossary switched, made in the order asked for, each edit
and delete with an undo step.

The screen gives :class:`ManagerChanges` a ``run`` that runs a job in a worker thread (the
worker posts the job's :class:`ChangeDone` as a message) and hands every :class:`ChangeDone`
back to :meth:`ManagerChanges.finish` on the UI thread. Tests drive it with a plain ``run``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from parallax.app.manager import tasks
from parallax.app.model import one_line
from parallax.app.ordering import InOrder
from parallax.app.undo import UndoList, UndoStep

if TYPE_CHECKING:
    from parallax.core.glossary import GlossaryStore, Term

Change = Callable[["GlossaryStore"], str]
"""A change of the glossary store: ``change(store) -> message`` ("" for none); it raises
:class:`tasks.NothingChanged` when it changed nothing."""


@dataclass(frozen=True)
class ChangeDone:
    """What one change did: a line to tell ("" for none), its undo step, and either an error
    (one line) or ``nothing``: it changed nothing."""

    message: str
    step: UndoStep | None = None
    error: str = ""
    nothing: bool = False


Job = Callable[[], ChangeDone]


class ManagerChanges:
    """Changes to the glossaries, in the order asked for, and their undo steps."""

    def __init__(
        self, *, store: Callable[[], GlossaryStore | None], run: Callable[[Job], None]
    ) -> None:
        """``store()`` is the glossary store (None while it is being opened); ``run(job)`` runs
        a job in a worker thread."""
        self._store, self._run = store, run
        self.undo = UndoList()
        self.in_order = InOrder()  # changes reach the files in the order asked for
        self.changed = False  # anything asked for: the reader reloads its glossaries

    def edit(self, name: str, old: Term, values: dict[str, str]) -> None:
        """Give term ``old`` of glossary ``name`` the edit dialog's ``values`` (u puts it back)."""
        self.change(
            lambda s: tasks.save_edit(s, name, old, values),
            lambda s: tasks.restore(s, name, old),
            f"edit {tasks.describe(old)}",
        )

    def delete(self, name: str, term: Term) -> None:
        """Delete ``term`` from glossary ``name`` (u brings it back)."""
        self.change(
            lambda s: f"deleted {tasks.describe(s.remove(name, term.id))} from {name}",
            lambda s: tasks.restore(s, name, term),
            f"delete {tasks.describe(term)}",
        )

    def make_writable(self, name: str) -> None:
        """Make glossary ``name`` the writable one (saved in the settings)."""
        self.change(lambda s: tasks.make_writable(s, name))

    def create(self, name: str) -> None:
        """Create the empty glossary ``name``."""
        self.change(lambda s: f"created {name}: {s.create(name)}")

    def import_file(self, path: Path, fmt: str) -> None:
        """Import the file at ``path`` (format ``fmt`` or ``auto``) into the writable glossary."""
        self.change(lambda s: tasks.import_into(s, path, fmt))

    def change(self, do: Change, undo: Change | None = None, label: str = "") -> None:
        """Run ``do`` on the store in a worker, after the changes asked for before it; ``undo``
        becomes an undo step at once (so ``u`` takes back the last change asked for), dropped
        again if ``do`` fails or changes nothing."""
        step = None
        if undo is not None:
            step = self.undo.push(label, lambda: self.change(undo))
        self.changed = True  # now: closing before the worker ends still reloads the reader
        self._run(self.job(self.in_order.ticket(), do, step))

    def job(self, ticket: int, do: Change, step: UndoStep | None) -> Job:
        """The work of one change for a worker thread: wait for its turn, change the store."""

        def work() -> ChangeDone:
            with self.in_order.turn(ticket):
                store = self._store()
                try:
                    if store is None:
                        raise ValueError("the glossaries are still loading")
                    message = do(store)
                except tasks.NothingChanged as nothing:
                    return ChangeDone(str(nothing), step, nothing=True)
                except Exception as error:  # told to the user; the manager goes on
                    return ChangeDone("", step, error=one_line(error))
                return ChangeDone(message, step)

        return work

    def finish(self, done: ChangeDone) -> None:
        """On the UI thread, once a change is made: forget its undo step if it failed or
        changed nothing."""
        if done.step is not None and (done.error or done.nothing):
            self.undo.drop(done.step)

    def written(self) -> Callable[[], None]:
        """For a worker thread: wait until the changes asked for so far are written."""
        ticket = self.in_order.ticket()

        def wait() -> None:
            with self.in_order.turn(ticket):
                pass

        return wait
