"""Changing the glossary from the reader: editing (``e``) and deleting (``d``) the selected
term, undo (``u``), the ordered worker every change goes through, and opening the glossary
manager (``ctrl+g``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual import work

from parallax.app import loaders, term_ops
from parallax.app.messages import StepFailed
from parallax.app.ordering import InOrder
from parallax.app.screens.reader_tasks import ReaderTasks, one_line
from parallax.app.undo import UndoStep

if TYPE_CHECKING:
    from parallax.core.glossary import Term


class ChangeActions(ReaderTasks):
    """Editing, deleting and undoing; every glossary change runs in order in a worker."""

    in_order: InOrder

    def _writable_name(self) -> str:
        state = self.glossary
        return state.writable if state else loaders.open_store(self.glossary_dir).writable_name

    # ------------------------------------------------------- editing, deleting
    def _selected_term(self) -> Term | None:
        """The glossary term selected (the first of its senses), if any."""
        sel = self.view.selection
        if sel is None or not sel.term_ids or self.glossary is None:
            self.notify("select a glossary term first (n, or a highlight)", markup=False)
            return None
        by_id = {t.id: t for t in self.glossary.terms}
        return next((by_id[i] for i in sel.term_ids if i in by_id), None)

    def _own(self, term: Term) -> str | None:
        """The writable glossary's name if ``term`` is in it; else say why not."""
        state = self.glossary
        name = state.writable if state is not None else ""
        if state is not None and term.id in state.own_ids:
            return name
        self.notify(
            f"{term.zh or term.en} is in a read-only glossary; A adds your own version to {name}",
            severity="warning",
            markup=False,
        )
        return None

    def action_edit_term(self) -> None:
        """Edit the selected term of the writable glossary in the dialog."""
        from parallax.app.screens.manager_dialogs import TermEditScreen

        term = self._selected_term()
        name = self._own(term) if term is not None else None
        if term is None or name is None:
            return

        def done(values: dict[str, str] | None) -> None:
            if values is not None:
                self.change(
                    f"edit {term.zh or term.en}",
                    term_ops.edit(name, term, values),
                    term_ops.put(name, term),
                )

        self.app.push_screen(TermEditScreen(term, name), callback=done)

    def action_delete_term(self) -> None:
        """Delete the selected term from the writable glossary (u brings it back)."""
        term = self._selected_term()
        name = self._own(term) if term is not None else None
        if term is not None and name is not None:
            self.change(
                f"delete {term.zh or term.en}",
                term_ops.remove(name, term.id),
                term_ops.put(name, term),
            )

    def action_undo(self) -> None:
        """Undo the last change: a term saved, edited or deleted, or an alignment fix."""
        if not self.aligned:
            self.notify("wait for the alignment to finish", severity="warning", markup=False)
            return
        self.undo_list.undo_last(partial(self.notify, timeout=3, markup=False))

    def change(
        self,
        describe: str,
        do: term_ops.StoreOp,
        undo: term_ops.StoreOp | None = None,
        done: Callable[[bool], None] | None = None,
    ) -> None:
        """Change the glossary with ``do`` in a worker, after the changes asked for before it;
        ``undo`` is an undo step at once (so ``u`` always takes back the last change asked
        for), dropped again if nothing changed."""
        step = None
        if undo is not None:
            step = self.undo_list.push(describe, lambda: self.change(f"undo {describe}", undo))
        self._change_in_order(self.in_order.ticket(), do, step, done)

    @work(thread=True, exclusive=False, exit_on_error=False, group="save")
    def _change_in_order(
        self,
        ticket: int,
        do: term_ops.StoreOp,
        step: UndoStep | None,
        done: Callable[[bool], None] | None,
    ) -> None:
        with self.in_order.turn(ticket):
            try:
                changed, message = do(loaders.open_store(self.glossary_dir))
            except Exception as error:
                changed, message = False, ""
                self.post_message(StepFailed("save", one_line(error)))
            if step is not None and not changed:
                self.app.call_from_thread(self.undo_list.drop, step)
            if message:
                self.app.call_from_thread(partial(self.notify, markup=False), message)
            if done is not None:
                self.app.call_from_thread(done, changed)
            if changed:
                self._load_glossary_now()  # in turn: highlights never go back to an older state

    # ------------------------------------------------------- other screens
    def action_review(self) -> None:
        """Review the writable glossary's terms (once the changes asked for are saved); the
        glossary is reloaded afterwards when statuses changed (the colours follow)."""
        self._review_after_changes(self.in_order.ticket())

    @work(thread=True, exit_on_error=False, group="save")
    def _review_after_changes(self, ticket: int) -> None:
        with self.in_order.turn(ticket):
            pass
        self.app.call_from_thread(self._open_review)

    def _open_review(self) -> None:
        from parallax.app.review.screen import ReviewScreen

        def done(changed: bool | None) -> None:
            if changed:
                self.reload_glossary()

        self.app.push_screen(ReviewScreen(glossary_dir=self.glossary_dir), callback=done)

    def action_manager(self) -> None:
        """Open the glossary manager; reload the glossaries when something changed there."""
        from parallax.app.screens.manager import GlossaryManagerScreen

        def done(changed: bool | None) -> None:
            if changed:
                self.reload_glossary()

        self.app.push_screen(GlossaryManagerScreen(self.glossary_dir), callback=done)
