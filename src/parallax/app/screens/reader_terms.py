"""Building the glossary while reading: a translation proposed for the selection (``a``), saved
in one more key (``enter``) or through the dialog (``A``). Editing, deleting, undo and the
ordered saving are in :mod:`.reader_changes`."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from textual import work

from parallax.app import loaders, term_ops
from parallax.app.messages import Proposed, StepFailed
from parallax.app.model import Lang, Selection
from parallax.app.screens.reader_changes import ChangeActions
from parallax.app.screens.reader_tasks import one_line

if TYPE_CHECKING:  # the dialog and the glossary package load when first needed
    from parallax.app.screens.add_term import TermDraft


_TOKENS = itertools.count()


@dataclass(frozen=True)
class Pending:
    """A selection waiting to be saved: its text as written and the translations proposed
    (``None`` while they are looked for); ``index`` is the one shown."""

    selection: Selection
    text: str
    context_zh: str
    context_en: str
    token: int = field(default_factory=lambda: next(_TOKENS))
    proposals: tuple[Any, ...] | None = None
    index: int = 0

    @property
    def proposal(self) -> Any | None:
        """The proposal shown (a ``parallax.core.suggest.propose.Proposal``), if any."""
        return self.proposals[self.index] if self.proposals else None


class TermActions(ChangeActions):
    """Proposing a translation for the selection and saving it."""

    waiting: list[Pending]  # enter pressed: saved once their proposals arrive

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
        pending = self.current_pending(sel)
        if pending is not None:
            if pending.proposals:
                self.pending = replace(pending, index=(pending.index + 1) % len(pending.proposals))
                self._show_pending()
            return
        text = self.selected_text(sel)
        row = self.view.rows[sel.row]
        self.pending = pending = Pending(sel, text, row.zh_text, row.en_text)
        other = "English" if sel.lang == "zh" else "Chinese"
        self.lookup.show_text(f"{text}: looking for it in the aligned {other}…")
        pairs = self.glossary.pairs_for(text, sel.lang) if self.glossary else []
        self.propose(pending.token, sel, text, row.zh_text, row.en_text, pairs)

    def current_pending(self, sel: Selection | None) -> Pending | None:
        """The proposal shown, if it is for ``sel`` as the rows are now (same place, same
        text, same row texts: the rows may have been fixed or re-aligned since)."""
        pending = self.pending
        if pending is None or sel is None or pending.selection != sel:
            return None
        if sel.row >= len(self.view.rows) or self.selected_text(sel) != pending.text:
            return None
        row = self.view.rows[sel.row]
        if (row.zh_text, row.en_text) != (pending.context_zh, pending.context_en):
            return None
        return pending

    @work(thread=True, exclusive=False, exit_on_error=False, group="propose")
    def propose(
        self,
        token: int,
        sel: Selection,
        text: str,
        zh_text: str,
        en_text: str,
        pairs: list[tuple[str, str]],
    ) -> None:
        """Look for translations of ``text`` in the aligned text of its row."""
        found: list[Any] = []
        try:
            from parallax.core.suggest import propose

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
        self.post_message(Proposed(token, found))

    def on_proposed(self, message: Proposed) -> None:
        """Save a term waiting for its proposals (enter was pressed meanwhile: the term
        selected then, wherever the selection is now), or show the proposals."""
        proposals = tuple(message.proposals)
        for waiting in self.waiting:
            if waiting.token == message.token:
                self.waiting.remove(waiting)
                self._save_pending(replace(waiting, proposals=proposals))
                return
        pending = self.pending
        if pending is not None and pending.token == message.token:
            self.pending = replace(pending, proposals=proposals)
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
        """Drop the proposal shown when it is not for ``selection`` (terms waiting to be
        saved are kept)."""
        if self.pending is not None and self.pending.selection != selection:
            self.pending = None

    def counterpart(self, sel: Selection) -> Selection | None:
        """The proposed translation of ``sel`` in the row's other language, when it was found
        there; else the same term's highlight."""
        pending = self.current_pending(sel)
        proposal = pending.proposal if pending is not None else None
        if proposal is not None and proposal.start >= 0:
            lang: Lang = "en" if sel.lang == "zh" else "zh"
            return Selection(sel.row, lang, proposal.start, proposal.end)
        return super().counterpart(sel)

    # ---------------------------------------------------------------- saving
    def action_quick_add(self) -> None:
        """Save the selection with its proposed translation (proposing it first if needed);
        with nothing proposed, open the dialog."""
        sel = self.view.selection
        if sel is None:
            self.notify("select a word first (l/h, L/H, a click or a drag)", markup=False)
            return
        pending = self.current_pending(sel)
        if pending is None:
            self.action_propose()
            pending = self.current_pending(sel)
            if pending is None:
                return
        if pending.proposals is None:  # saved when its proposals arrive
            self.waiting.append(pending)
            self.pending = None
            self.lookup.show_text(f"{pending.text}: saving it once its translation is found…")
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
        pending = self.current_pending(self.view.selection)
        if pending is not None and pending.proposals is not None:
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
