"""The reader's terms at work: the selection looked up, ``a`` proposes a translation of it,
``enter`` saves it, ``A`` opens the term dialog (its translation filled in once found), ``e``
and ``d`` edit and delete the selected term of the writable glossary.

:class:`TermDesk` is composed by the reader screen with the widgets it shows things in and the
plain :class:`TermChanges` that holds the proposals, the in-order saves and the undo steps; the
screen's actions and messages call it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.screen import Screen

from parallax.app import loaders
from parallax.app.highlight import Highlighter
from parallax.app.messages import GlossaryLoaded, Proposed, TermChanged
from parallax.app.model import Selection, one_line
from parallax.app.reader import tasks
from parallax.app.terms.changes import TermChanges
from parallax.app.terms.draft import TermDraft, draft_from, draft_of_selection
from parallax.app.terms.pending import Here, Pending
from parallax.app.widgets.lookup import LookupPanel
from parallax.app.widgets.parallel import ParallelView
from parallax.app.workers import run_step

if TYPE_CHECKING:
    from parallax.app.dialogs.term import AddTermScreen
    from parallax.core.document import Document
    from parallax.core.glossary import Term

Glossary = Callable[[], "loaders.GlossaryState | None"]


class TermDesk:
    """Proposing, saving, editing and deleting terms from the reader."""

    def __init__(
        self,
        screen: Screen[None],
        *,
        doc: Document,
        view: ParallelView,
        lookup: LookupPanel,
        changes: TermChanges,
        glossary: Glossary,
        writable: Callable[[], str],
    ) -> None:
        """``screen`` runs the workers and the dialogs; ``glossary()`` is the glossaries in use
        (None while loading), ``writable()`` the name of the writable glossary."""
        self.screen, self.doc, self.view, self.lookup = screen, doc, view, lookup
        self.changes, self.glossary, self.writable = changes, glossary, writable
        self.dialog: tuple[int, AddTermScreen] | None = None  # waits for a proposal (token)

    def _tell(self, text: str, *, warn: bool = False, timeout: float | None = None) -> None:
        if warn:
            self.screen.notify(text, severity="warning", timeout=timeout, markup=False)
        else:
            self.screen.notify(text, timeout=timeout, markup=False)

    def glossary_loaded(self, state: loaders.GlossaryState) -> None:
        """Highlight the glossaries' terms; the selection's terms afresh (unless a proposal
        for it is under way)."""
        self.view.set_highlighter(Highlighter(state.terms, state.matcher))
        pending = self.changes.pending
        if pending is None or pending.selection != self.view.selection:
            selection = self.view.retag()
            if selection is not None and self.lookup.display:
                self.look_up(selection)

    def look_up(self, sel: Selection) -> None:
        """Show what ``sel`` is in the look-up panel: its glossary terms (with the glossary
        each comes from), else its dictionary entries."""
        text = self.view.text(sel.row, sel.lang)[sel.start : sel.end]
        state = self.glossary()
        terms = state.terms_of(sel.term_ids) if state is not None and sel.term_ids else []
        origins = [state.origin(t) for t in terms] if state is not None else []
        dictionary = self.view.words.word_end is not None
        self.lookup.show_selection(text, sel.lang, terms, dictionary=dictionary, origins=origins)

    # ------------------------------------------------------------ proposals
    def propose(self) -> None:
        """``a``: propose a translation of the selection (again: show the next one)."""
        here = self.view.here()
        if here is None:
            self._tell(
                "select a word first: l/h move by word, L/H grow the selection, or drag", warn=True
            )
            return
        pending = self.changes.current(here)
        if pending is None:
            self._start(here)
        elif pending.proposals:
            self._show(self.changes.next_proposal())

    def _start(self, here: Here) -> Pending:
        pending = self.changes.start(here)
        other = "English" if here.other == "en" else "Chinese"
        self.lookup.show_text(f"{here.text}: looking for it in the aligned {other}…")
        state = self.glossary()
        pairs = state.pairs_for(here.text, here.selection.lang) if state else []
        token = pending.token

        def job() -> Proposed:
            try:
                return Proposed(token, tasks.propose(here, pairs))
            except Exception as error:  # the user can still type the translation
                return Proposed(token, (), one_line(error))

        run_step(self.screen, job, step="propose", exclusive=False)
        return pending

    def proposed(self, message: Proposed) -> None:
        """Proposals arrived: save the term waiting for them (enter was pressed meanwhile),
        or show them (and offer the best to the term dialog waiting for it)."""
        if message.error:
            self.screen.notify(message.error, title="propose", severity="warning", markup=False)
        got = self.changes.proposed(message.token, message.proposals)
        if got is None:
            return
        what, pending = got
        if what == "save":
            self._save(pending)
            return
        self._show(pending)
        if self.dialog is not None and self.dialog[0] == pending.token:
            self.dialog[1].offer(*pending.pair())
            self.dialog = None

    def _show(self, pending: Pending | None) -> None:
        if pending is not None:
            proposals = pending.proposals or ()
            self.lookup.show_proposals(
                pending.text, pending.selection.lang, proposals, pending.index
            )
            self.view.set_partner(pending.selection, pending.partner())

    # ---------------------------------------------------------------- saving
    def quick_add(self) -> None:
        """``enter``: save the selection with its proposed translation (proposing it first if
        needed); with nothing proposed, open the dialog."""
        here = self.view.here()
        if here is None:
            self._tell("select a word first (l/h, L/H, a click or a drag)")
            return
        pending = self.changes.current(here) or self._start(here)
        if pending.proposals is None:  # saved when its proposals arrive
            self.changes.wait(pending)
            self.lookup.show_text(f"{pending.text}: saving it once its translation is found…")
            return
        self._save(pending)

    def _save(self, pending: Pending) -> None:
        self.changes.drop(pending)
        here = pending.here
        draft = draft_from(self.doc, *pending.pair(), here.zh_text, here.en_text)
        if pending.proposal is None:
            self._tell("no translation found: type it", timeout=3)
            self._open_dialog(draft)
            return
        self.save(draft)

    def add_term(self) -> None:
        """``A``: the term dialog on the selection and its translation (the one proposed, the
        glossary's, or, still being looked for, filled in once found)."""
        view = self.view
        if not view.rows:
            return
        here = view.here()
        pending = self.changes.current(here)
        if here is None:
            row = view.rows[view.cursor]
            self._open_dialog(draft_from(self.doc, "", "", row.zh_text, row.en_text))
            return
        if pending is not None and pending.proposals is not None:
            self._open_dialog(draft_from(self.doc, *pending.pair(), here.zh_text, here.en_text))
            return
        state = self.glossary()
        term = state.first_term(here.selection.term_ids) if state else None
        lang, text = here.selection.lang, here.text
        draft = draft_of_selection(self.doc, lang, text, here.zh_text, here.en_text, term)
        dialog = self._open_dialog(draft)
        if not (draft.zh and draft.en):  # its translation, once found
            pending = pending or self._start(here)
            self.dialog = (pending.token, dialog)
            dialog.looking()

    def _open_dialog(self, draft: TermDraft) -> AddTermScreen:
        from parallax.app.dialogs.term import AddTermScreen

        def done(result: TermDraft | None) -> None:
            self.dialog = None
            self.changes.forget()
            self.save(result)

        dialog = AddTermScreen(draft)
        self.screen.app.push_screen(dialog, callback=done)
        return dialog

    def save(self, draft: TermDraft | None, done: Callable[[bool], None] | None = None) -> None:
        """Save ``draft`` as a new term of the writable glossary (None: cancelled); ``done``
        hears on the UI thread whether it was added."""
        from parallax.core.glossary.term import new_id

        if draft is not None:
            self.changes.add(self.writable(), draft, new_id(), done)

    def changed(self, message: TermChanged) -> None:
        """A glossary change is written (or not): say so, light the glossary as it is now."""
        result = message.result
        self.changes.finish(result)
        if result.error:
            self.screen.notify(result.error, title="save", severity="warning", markup=False)
        if result.message:
            self._tell(result.message)
        if result.glossary is not None:
            self.screen.post_message(GlossaryLoaded(result.glossary))

    # ------------------------------------------------------- editing, deleting
    def _own_selected(self) -> tuple[str, Term] | None:
        """The writable glossary's name and the term selected in it; else say why not."""
        sel, state = self.view.selection, self.glossary()
        term = state.first_term(sel.term_ids) if sel is not None and state is not None else None
        if term is None or state is None:
            self._tell("select a glossary term first (n, or a highlight)")
            return None
        if term.id not in state.own_ids:
            where = state.origin(term) or "a reference glossary"
            self._tell(
                f"{term.zh or term.en} is in {where}, which is read-only;"
                f" A adds your own version to {state.writable}",
                warn=True,
            )
            return None
        return state.writable, term

    def edit(self) -> None:
        """``e``: edit the selected term of the writable glossary in the dialog."""
        from parallax.app.dialogs.term import TermEditScreen

        found = self._own_selected()
        if found is None:
            return
        name, term = found

        def done(values: dict[str, str] | None) -> None:
            if values is not None:
                self.changes.edit(name, term, values)

        self.screen.app.push_screen(TermEditScreen(term, name), callback=done)

    def delete(self) -> None:
        """``d``: delete the selected term from the writable glossary (u brings it back)."""
        found = self._own_selected()
        if found is not None:
            self.changes.delete(*found)
