"""Building the glossary while reading: a translation proposed for the selection (``a``), saved
in one more key (``enter``) or through the dialog (``A``); editing (``e``) and deleting (``d``)
the selected term; undo (``u``); the suggestions (``S``) and the glossary manager (``ctrl+g``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import work

from parallax.app import loaders, term_ops
from parallax.app.messages import Proposed, StepFailed
from parallax.app.model import Lang, Selection
from parallax.app.screens.reader_tasks import ReaderTasks, one_line
from parallax.app.undo import UndoStep

if TYPE_CHECKING:  # the dialog and the glossary package load when first needed
    from parallax.app.screens.add_term import TermDraft
    from parallax.core.glossary import Term


@dataclass(frozen=True)
class Pending:
    """A selection waiting to be saved: its text as written and the translations proposed
    (``None`` while they are looked for); ``index`` is the one shown."""

    selection: Selection
    text: str
    context_zh: str
    context_en: str
    proposals: tuple[Any, ...] | None = None
    index: int = 0
    save_when_ready: bool = False

    @property
    def proposal(self) -> Any | None:
        """The proposal shown (a ``parallax.core.propose.Proposal``), if any."""
        return self.proposals[self.index] if self.proposals else None


class TermActions(ReaderTasks):
    """Proposing, saving, editing and deleting terms, with undo."""

    in_order: term_ops.InOrder

    # ------------------------------------------------------------- proposing
    def selected_text(self, sel: Selection) -> str:
        """The selected text as written in the document (not in the converted script)."""
        view = self.view
        shown = view.text(sel.row, sel.lang)
        row = view.rows[sel.row]
        if sel.lang == "zh" and len(row.zh_text) == len(shown):
            return row.zh_text[sel.start : sel.end]
        return shown[sel.start : sel.end]

    def action_propose(self) -> None:
        """Propose a translation of the selection from the aligned text (again: the next one)."""
        sel = self.view.selection
        if sel is None or not self.view.rows:
            self.notify(
                "select a word first: l/h move by word, L/H grow the selection, or drag",
                severity="warning",
                markup=False,
            )
            return
        pending = self.pending
        if pending is not None and pending.selection == sel:
            if pending.proposals:
                self.pending = replace(pending, index=(pending.index + 1) % len(pending.proposals))
                self._show_pending()
            return
        text = self.selected_text(sel)
        row = self.view.rows[sel.row]
        self.pending = Pending(sel, text, row.zh_text, row.en_text)
        other = "English" if sel.lang == "zh" else "Chinese"
        self.lookup.show_text(f"{text}: looking for it in the aligned {other}…")
        pairs = self.glossary.pairs_for(text, sel.lang) if self.glossary else []
        self.propose(sel, text, row.zh_text, row.en_text, pairs)

    @work(thread=True, exclusive=True, exit_on_error=False, group="propose")
    def propose(
        self, sel: Selection, text: str, zh_text: str, en_text: str, pairs: list[tuple[str, str]]
    ) -> None:
        """Look for translations of ``text`` in the aligned text of its row."""
        found: list[Any] = []
        try:
            from parallax.core import propose

            if sel.lang == "zh":
                found = propose.propose_en(
                    text, zh_text=zh_text, en_text=en_text, zh_start=sel.start, glossary=pairs
                )
            else:
                found = propose.propose_zh(
                    text, en_text=en_text, zh_text=zh_text, en_start=sel.start, glossary=pairs
                )
        except Exception as error:  # the user can still type the translation
            self.post_message(StepFailed("propose", one_line(error)))
        self.post_message(Proposed(sel, found))

    def on_proposed(self, message: Proposed) -> None:
        """Show the proposals (or save the first one, when enter was pressed meanwhile: the
        term selected then, even if the selection has moved since)."""
        pending = self.pending
        if pending is None or pending.selection != message.selection:
            return
        self.pending = replace(pending, proposals=tuple(message.proposals))
        if pending.save_when_ready:
            self._save_pending(self.pending)
        else:
            self._show_pending()

    def _show_pending(self) -> None:
        pending = self.pending
        if pending is not None:
            self.lookup.show_proposals(
                pending.text, pending.selection.lang, pending.proposals or (), pending.index
            )

    def _draft(self, pending: Pending) -> TermDraft:
        from parallax.app.screens.add_term import draft_from

        other = pending.proposal.text if pending.proposal is not None else ""
        zh, en = (pending.text, other) if pending.selection.lang == "zh" else (other, pending.text)
        return draft_from(self.doc, zh, en, pending.context_zh, pending.context_en)

    def forget_pending(self, selection: Selection | None) -> None:
        """Drop a proposal that is not for ``selection`` (unless it is being saved)."""
        pending = self.pending
        if pending is not None and pending.selection != selection and not pending.save_when_ready:
            self.pending = None

    def counterpart(self, sel: Selection) -> Selection | None:
        """The proposed translation of ``sel`` in the row's other language, when it was found
        there; else the same term's highlight."""
        pending = self.pending
        proposal = pending.proposal if pending is not None and pending.selection == sel else None
        if proposal is not None and proposal.start >= 0:
            lang: Lang = "en" if sel.lang == "zh" else "zh"
            return Selection(sel.row, lang, proposal.start, proposal.end)
        return super().counterpart(sel)

    # ---------------------------------------------------------------- saving
    def action_quick_add(self) -> None:
        """Save the selection with its proposed translation (proposing it first if needed);
        with nothing proposed, open the dialog."""
        sel = self.view.selection
        self.forget_pending(sel)
        if sel is None:
            self.notify("select a word first (l/h, L/H, a click or a drag)", markup=False)
            return
        if self.pending is None:
            self.action_propose()
        pending = self.pending
        if pending is None:
            return
        if pending.proposals is None:
            self.pending = replace(pending, save_when_ready=True)
            return
        self._save_pending(pending)

    def _save_pending(self, pending: Pending) -> None:
        from parallax.app.screens.add_term import AddTermScreen

        draft = self._draft(pending)
        self.pending = None
        if pending.proposal is None:
            self.notify("no translation found: type it", timeout=3, markup=False)
            self.app.push_screen(AddTermScreen(draft), callback=self.save_later)
            return
        self.save_later(draft)

    def action_add_term(self) -> None:
        """Open the term dialog on the selection and its proposed translation."""
        from parallax.app.screens.add_term import AddTermScreen, draft_for

        if not self.view.rows:
            return
        pending, sel = self.pending, self.view.selection
        if pending is not None and pending.selection == sel and pending.proposals is not None:
            draft = self._draft(pending)
        else:
            draft = draft_for(self.view, self.doc, self.glossary)
        self.pending = None
        self.app.push_screen(AddTermScreen(draft), callback=self.save_later)

    def save_later(
        self, draft: TermDraft | None, done: Callable[[bool], None] | None = None
    ) -> None:
        """Save ``draft`` as a new term of the writable glossary (None: cancelled); ``done``
        hears on the UI thread whether it was added."""
        from parallax.core.glossary.term import new_id

        if draft is None:
            return
        name = self._writable_name()
        term_id = new_id()
        self.change(
            f"add {draft.zh or draft.en}",
            term_ops.add_draft(name, draft, term_id),
            term_ops.remove(name, term_id),
            done,
        )

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
    def action_suggestions(self) -> None:
        """Open the suggested term pairs of the whole document."""
        from parallax.app.fixer import beads_of
        from parallax.app.screens.suggestions import SuggestionsScreen

        if not self.aligned:
            self.notify("wait for the alignment to finish", severity="warning", markup=False)
            return
        pairs = loaders.glossary_pairs(self.glossary.terms) if self.glossary else []
        self.app.push_screen(
            SuggestionsScreen(self.doc, beads_of(self.view.rows), pairs, save=self.save_later)
        )

    def action_manager(self) -> None:
        """Open the glossary manager; reload the glossaries when something changed there."""
        from parallax.app.screens.manager import GlossaryManagerScreen

        def done(changed: bool | None) -> None:
            if changed:
                self.reload_glossary()

        self.app.push_screen(GlossaryManagerScreen(self.glossary_dir), callback=done)
