"""The reader's term changes as one plain object (no Textual): the proposal shown for the
selection, the terms waiting for theirs, glossary changes saved in the order asked for, and
the undo steps that take them back.

The screen owns a :class:`TermChanges`, gives it a ``run`` that runs a job in a worker thread
(the worker posts the job's :class:`Changed` as a message) and hands every :class:`Changed`
back to :meth:`TermChanges.finish` on the UI thread. Tests drive it with a plain ``run``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from parallax.app.model import Selection, one_line
from parallax.app.ordering import InOrder
from parallax.app.terms import ops
from parallax.app.terms.draft import TermDraft
from parallax.app.terms.pending import Here, Pending
from parallax.app.undo import UndoList, UndoStep

if TYPE_CHECKING:
    from parallax.app.loaders import GlossaryState
    from parallax.core.glossary import GlossaryStore, Term
    from parallax.core.suggest.propose import Proposal

Done = Callable[[bool], None]
"""Told on the UI thread whether a change changed the glossary."""


@dataclass(frozen=True)
class Changed:
    """What one change did: whether the glossary changed, a line to tell ("" for none), an
    error (one line, "" for none), and the glossaries reloaded after it (in turn)."""

    changed: bool
    message: str = ""
    error: str = ""
    glossary: GlossaryState | None = None
    step: UndoStep | None = None
    done: Done | None = None


Job = Callable[[], Changed]


class TermChanges:
    """Proposals, waiting terms, in-order glossary changes and their undo steps."""

    def __init__(
        self,
        *,
        open_store: Callable[[], GlossaryStore],
        reload: Callable[[], GlossaryState],
        run: Callable[[Job], None],
        undo: UndoList,
    ) -> None:
        """``open_store`` opens the glossary store, ``reload`` loads the glossaries in use
        (both in a worker), ``run(job)`` runs a job in a worker thread, ``undo`` gets the
        undo steps (shared with the alignment fixer)."""
        self._open_store, self._reload, self._run = open_store, reload, run
        self.undo = undo
        self.in_order = InOrder()
        self.pending: Pending | None = None
        self.waiting: list[Pending] = []

    # ------------------------------------------------------------ proposals
    def current(self, here: Here | None) -> Pending | None:
        """The proposal shown, if it is for ``here`` as the rows are now (same place, same
        text, same row texts: the rows may have been fixed or re-aligned since)."""
        pending = self.pending
        if pending is None or here is None or pending.here != here:
            return None
        return pending

    def start(self, here: Here) -> Pending:
        """A new proposal for ``here`` (its translations to be looked for)."""
        self.pending = Pending(here)
        return self.pending

    def next_proposal(self) -> Pending | None:
        """Show the next proposal (wrapping around); the pending term, None if none."""
        pending = self.pending
        if pending is not None and pending.proposals:
            index = (pending.index + 1) % len(pending.proposals)
            self.pending = pending = replace(pending, index=index)
        return pending

    def proposed(self, token: int, proposals: tuple[Proposal, ...]) -> tuple[str, Pending] | None:
        """The proposals of ``token`` arrived: ``("save", pending)`` for a term waiting for
        them, ``("show", pending)`` for the one shown, None if neither is left."""
        for waiting in self.waiting:
            if waiting.token == token:
                self.waiting.remove(waiting)
                return "save", replace(waiting, proposals=proposals)
        pending = self.pending
        if pending is not None and pending.token == token:
            self.pending = pending = replace(pending, proposals=proposals)
            return "show", pending
        return None

    def wait(self, pending: Pending) -> None:
        """Save ``pending`` once its proposals arrive (the selection may move on meanwhile)."""
        self.waiting.append(pending)
        if self.pending is pending:
            self.pending = None

    def drop(self, pending: Pending) -> None:
        """``pending`` is being saved: it is no longer the proposal shown."""
        if self.pending is not None and self.pending.token == pending.token:
            self.pending = None

    def cancel_waiting(self) -> list[Pending]:
        """Forget the terms waiting for their proposals; those that were waiting."""
        cancelled, self.waiting = self.waiting, []
        return cancelled

    def forget(self, selection: Selection | None = None) -> None:
        """Drop the proposal shown unless it is for ``selection`` (waiting terms are kept)."""
        if self.pending is not None and self.pending.selection != selection:
            self.pending = None

    # --------------------------------------------------------------- changes
    def add(self, name: str, draft: TermDraft, term_id: str, done: Done | None = None) -> None:
        """Add ``draft`` as term ``term_id`` to glossary ``name`` (u removes it)."""
        self.change(
            f"add {draft.zh or draft.en}",
            ops.add_draft(name, draft, term_id),
            ops.remove(name, term_id),
            done,
        )

    def edit(self, name: str, term: Term, values: dict[str, str]) -> None:
        """Give ``term`` of glossary ``name`` the dialog's ``values`` (u puts it back)."""
        label = term.zh or term.en
        self.change(f"edit {label}", ops.edit(name, term, values), ops.put(name, term))

    def delete(self, name: str, term: Term) -> None:
        """Delete ``term`` from glossary ``name`` (u puts it back)."""
        label = term.zh or term.en
        self.change(f"delete {label}", ops.remove(name, term.id), ops.put(name, term))

    def change(
        self,
        describe: str,
        do: ops.StoreOp,
        undo: ops.StoreOp | None = None,
        done: Done | None = None,
    ) -> None:
        """Change the glossary with ``do`` in a worker, after the changes asked for before it;
        ``undo`` becomes an undo step at once (so ``u`` always takes back the last change asked
        for), dropped again if nothing changed."""
        step = None
        if undo is not None:
            step = self.undo.push(describe, lambda: self.change(f"undo {describe}", undo))
        self._run(self.job(self.in_order.ticket(), do, step, done))

    def job(self, ticket: int, do: ops.StoreOp, step: UndoStep | None, done: Done | None) -> Job:
        """The work of one change for a worker thread: wait for its turn, change the store and
        reload the glossaries (in turn: highlights never go back to an older state)."""

        def work() -> Changed:
            with self.in_order.turn(ticket):
                try:
                    changed, message = do(self._open_store())
                except Exception as error:  # told to the user; the reader goes on
                    return Changed(False, error=one_line(error), step=step, done=done)
                glossary = None
                if changed:
                    try:
                        glossary = self._reload()
                    except Exception as error:
                        return Changed(True, message, one_line(error), None, step, done)
                return Changed(changed, message, "", glossary, step, done)

        return work

    def finish(self, result: Changed) -> None:
        """On the UI thread, once a change is made: forget its undo step if nothing changed,
        and tell ``done``."""
        if result.step is not None and not result.changed:
            self.undo.drop(result.step)
        if result.done is not None:
            result.done(result.changed)
