"""The sentence view of one pair: moving through the sentences of one side lights the other's.

The sentence alignment can be fixed here with the reader's fixer keys (merge, split, move up
and down, insert an empty cell, confirm, re-align the unconfirmed, undo); it is saved at once,
keyed by the pair's sentence texts, and found again when the pair is opened.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from parallax.app.fixer import DESCRIPTIONS, LatestSave, apply_to_beads, bead_of, unit_near
from parallax.app.model import Lang
from parallax.app.script import shown
from parallax.app.undo import UndoList

if TYPE_CHECKING:
    from parallax.core.align.bead import Bead


class SentenceScreen(ModalScreen[None]):
    """The pair's sentences in two columns; up/down choose a sentence of the cursor's side."""

    DEFAULT_CSS = """
    SentenceScreen { align: center middle; }
    SentenceScreen > Vertical {
        width: 95%; height: 90%; border: thick $primary; background: $surface;
    }
    SentenceScreen VerticalScroll { width: 1fr; padding: 0 1; }
    SentenceScreen #sentence-status { height: 1; padding: 0 1; color: $text-muted; }
    SentenceScreen .sentence { margin-bottom: 1; }
    SentenceScreen .sentence.-confirmed { border-left: outer $success; }
    SentenceScreen .sentence.-current { background: $primary 30%; text-style: bold; }
    SentenceScreen .sentence.-match { background: $accent 30%; }
    """
    BINDINGS = [
        Binding("escape,v,q", "dismiss_screen", "Close", id="sentences-close"),
        Binding("down,j", "move(1)", "Next sentence", id="sentence-next"),
        Binding("up,k", "move(-1)", "Previous sentence", id="sentence-previous"),
        Binding("tab", "other_side", "Other language", show=False, id="sentence-side"),
        Binding("t", "script", "Trad/Simp", id="sentences-script"),
        Binding("m", "fix('merge')", "Merge", show=False, id="sentence-merge"),
        Binding("x", "fix('split')", "Split here", show=False, id="sentence-split"),
        Binding("J", "fix('push')", "Last down", show=False, id="sentence-push"),
        Binding("K", "fix('pull')", "First up", show=False, id="sentence-pull"),
        Binding("i", "fix('insert')", "Insert empty", show=False, id="sentence-insert"),
        Binding("c", "fix('confirm')", "Confirm", show=False, id="sentence-confirm"),
        Binding("r", "realign_unconfirmed", "Re-align", show=False, id="sentence-realign"),
        Binding("u", "undo", "Undo", show=False, id="sentence-undo"),
    ]

    def __init__(
        self,
        zh_text: str,
        en_text: str,
        glossary: Sequence[tuple[str, str]] = (),
        *,
        script: str | None = None,
        toggle_script: Callable[[], str | None] | None = None,
    ) -> None:
        """``script``: the reader's script target ("simplified"/"traditional", None: as
        written); ``toggle_script`` toggles the reader's script and returns the new target."""
        super().__init__()
        self.zh_text, self.en_text, self.glossary = zh_text, en_text, list(glossary)
        self.script, self.toggle_script = script, toggle_script
        self.zh_sentences: list[str] = []
        self.en_sentences: list[str] = []
        self.beads: list[Bead] = []
        self.by_hand = False  # the beads are a saved hand-fixed alignment
        self.side: Lang = "zh"  # the cursor's column
        self.current = 0  # the cursor's sentence in that column
        self.undo_list = UndoList()
        self._saves = LatestSave()

    @property
    def zh_count(self) -> int:
        """The number of Chinese sentences."""
        return len(self.zh_sentences)

    def compose(self) -> ComposeResult:
        """Two scrolling columns, filled once the pair is split and aligned; a status line."""
        with Vertical():
            with Horizontal():
                yield VerticalScroll(Static("splitting…", markup=False), id="zh")
                yield VerticalScroll(id="en")
            yield Static("", id="sentence-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Split and align in a worker."""
        self.split()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def split(self) -> None:
        """Split the pair into sentences; their saved alignment, else the aligner's."""
        from parallax.core.sentence_alignment import align_pair_sentences

        try:
            found = align_pair_sentences(self.zh_text, self.en_text, glossary=self.glossary)
        except Exception as error:  # the view says what went wrong
            self.app.call_from_thread(self.notify, str(error), severity="error", markup=False)
            return
        resolution = found.resolution
        if resolution.problem:
            self.app.call_from_thread(
                self.notify, resolution.problem, severity="warning", markup=False
            )
        by_hand = resolution.source == "hand"
        self.app.call_from_thread(self._fill, found.zh, found.en, list(resolution.beads), by_hand)

    def _fill(self, zh: list[str], en: list[str], beads: list[Bead], by_hand: bool) -> None:
        self.zh_sentences, self.en_sentences = zh, en
        self.beads, self.by_hand = beads, by_hand
        zh_column, en_column = self.query_one("#zh"), self.query_one("#en")
        zh_column.remove_children()
        zh_column.mount_all(
            Static(Content(s), classes="sentence", id=f"zh-{i}")
            for i, s in enumerate(shown(zh, self.script))
        )
        en_column.mount_all(
            Static(Content(s), classes="sentence", id=f"en-{i}") for i, s in enumerate(en)
        )
        self.call_after_refresh(self._mark)

    def _bead(self) -> int:
        return bead_of(self.beads, self.side, self.current)

    def _mark(self) -> None:
        if not self.beads:
            return
        number = self._bead()
        bead = self.beads[number]
        other: Lang = "en" if self.side == "zh" else "zh"
        matched = set(bead.zh if other == "zh" else bead.en)
        confirmed = {
            (lang, i)
            for b in self.beads
            if b.confirmed
            for lang in ("zh", "en")
            for i in getattr(b, lang)
        }
        for widget in self.query(".sentence"):
            lang, _, index = (widget.id or "").partition("-")
            key = (lang, int(index))
            current = key == (self.side, self.current)
            match = lang == other and key[1] in matched
            widget.set_class(current, "-current")
            widget.set_class(match, "-match")
            widget.set_class(key in confirmed, "-confirmed")
            if current or match:
                widget.scroll_visible(animate=False)
        self._show_status(number, bead)

    def _show_status(self, number: int, bead: Bead) -> None:
        def span(units: tuple[int, ...]) -> str:
            if not units:
                return "—"
            first, last = units[0] + 1, units[-1] + 1
            return f"{first}" if first == last else f"{first}-{last}"

        parts = [f"pair {number + 1} of {len(self.beads)}: zh {span(bead.zh)} · en {span(bead.en)}"]
        if bead.confirmed:
            parts.append("confirmed")
        if self.by_hand:
            parts.append("fixed by hand")
        self.query_one("#sentence-status", Static).update(" · ".join(parts))

    def action_move(self, step: int) -> None:
        """Choose the next or previous sentence of the cursor's side."""
        count = len(self.zh_sentences if self.side == "zh" else self.en_sentences)
        if count:
            self.current = max(0, min(self.current + step, count - 1))
            self._mark()

    def action_other_side(self) -> None:
        """Move the cursor to the other column (the same sentence pair)."""
        if not self.beads:
            return
        number = self._bead()
        self.side = "en" if self.side == "zh" else "zh"
        self.current = unit_near(self.beads, number, self.side)
        self._mark()

    # ------------------------------------------------------------------ fixes
    def action_fix(self, operation: str) -> None:
        """Fix the sentence alignment at the cursor (see the reader's fixer); saved at once.
        A split makes the cursor's sentence start the second part (apart, at a first one)."""
        if not self.beads:
            return
        number = self._bead()
        bead = self.beads[number]
        units = bead.zh if self.side == "zh" else bead.en
        at = self.current if operation == "split" and units and self.current != units[0] else None
        beads = apply_to_beads(operation, self.beads, number, self.side, at)
        describe = DESCRIPTIONS[operation]
        if operation == "confirm" and bead.confirmed:
            describe = "unconfirm"
        self._change(describe, beads)

    def _change(self, describe: str, beads: list[Bead]) -> None:
        if beads == self.beads:
            return
        self.undo_list.push(describe, partial(self._put, self.beads, self.by_hand))
        self._put(beads, True)

    def _put(self, beads: list[Bead], by_hand: bool) -> None:
        self.beads, self.by_hand = beads, by_hand
        self._mark()
        self.save(beads if by_hand else None, self._saves.ticket())

    @work(thread=True, exclusive=False, exit_on_error=False, group="sentence-save")
    def save(self, beads: list[Bead] | None, ticket: int) -> None:
        """Save the sentence alignment of this pair (None: forget it), the newest only."""
        from parallax.core.alignment_store import forget_alignment, save_alignment

        zh, en = self.zh_sentences, self.en_sentences
        try:
            if beads is None:
                self._saves.run(ticket, partial(forget_alignment, zh, en))
            else:
                self._saves.run(ticket, partial(save_alignment, zh, en, beads, source="sentences"))
        except Exception as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", markup=False)

    def action_undo(self) -> None:
        """Undo the last fix of this pair's sentence alignment."""
        self.undo_list.undo_last(partial(self.notify, timeout=3, markup=False))

    def action_realign_unconfirmed(self) -> None:
        """Align afresh the sentences of the unconfirmed pairs, around the confirmed ones."""
        if self.beads:
            self.realign(list(self.beads))

    @work(thread=True, exclusive=True, exit_on_error=False, group="sentence-realign")
    def realign(self, beads: list[Bead]) -> None:
        """Run the re-alignment; show it (unless the pairs were fixed meanwhile)."""
        from parallax.core.align.anchored import realign_around

        try:
            zh, en = self.zh_sentences, self.en_sentences
            new = realign_around(beads, zh, en, self.glossary, units="sentences")
        except Exception as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", markup=False)
            return
        self.app.call_from_thread(self._realigned, beads, new)

    def _realigned(self, before: list[Bead], beads: list[Bead]) -> None:
        if self.beads == before:
            self._change("re-align unconfirmed", beads)

    # ---------------------------------------------------------------- display
    def action_script(self) -> None:
        """Toggle the script here and in the reader; the sentence marks stay."""
        if self.toggle_script is None:
            return
        self.script = self.toggle_script()
        for i, text in enumerate(shown(self.zh_sentences, self.script)):
            self.query_one(f"#zh-{i}", Static).update(Content(text))

    def action_dismiss_screen(self) -> None:
        """Back to the reader."""
        self.dismiss(None)
