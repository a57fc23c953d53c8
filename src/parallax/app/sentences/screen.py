"""The sentence view of one pair: one row per sentence bead, the cursor on one sentence.

The sentence alignment can be fixed here with the reader's fixer keys (merge, split, move up
and down, insert an empty cell, confirm, re-align the unconfirmed, undo); it is saved at once,
keyed by the pair's sentence texts, and found again when the pair is opened.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from parallax.app.alignment_fixer import AlignmentFixer
from parallax.app.messages import StepFailed
from parallax.app.script import shown
from parallax.app.undo import UndoList
from parallax.app.widgets.sentence_view import SentenceView
from parallax.app.workers import run_step

if TYPE_CHECKING:
    from parallax.core.align.bead import Bead


@dataclass
class PairSplit(Message):
    """The pair split into sentences and aligned (``by_hand``: a saved fixed alignment);
    ``problem``: a damaged saved alignment was skipped."""

    zh: list[str]
    en: list[str]
    beads: list[Bead]
    by_hand: bool
    problem: str = ""


@dataclass
class PairRealigned(Message):
    """The unconfirmed pairs of ``before`` aligned afresh as ``beads``."""

    before: list[Bead]
    beads: list[Bead]


def split_pair(zh_text: str, en_text: str, glossary: Sequence[tuple[str, str]]) -> PairSplit:
    """Split a pair into sentences; their saved alignment, else the aligner's."""
    from parallax.core.sentence_alignment import align_pair_sentences

    found = align_pair_sentences(zh_text, en_text, glossary=glossary)
    resolution = found.resolution
    by_hand = resolution.source == "hand"
    return PairSplit(found.zh, found.en, list(resolution.beads), by_hand, resolution.problem)


def write(zh: list[str], en: list[str], beads: list[Bead] | None) -> None:
    """Save the sentence alignment of a pair (None: forget it)."""
    from parallax.core.alignment_store import forget_alignment, save_alignment

    if beads is None:
        forget_alignment(zh, en)
    else:
        save_alignment(zh, en, beads, source="sentences")


class SentenceScreen(ModalScreen[None]):
    """The pair's sentences in rows; up/down choose a sentence of the cursor's side."""

    DEFAULT_CSS = """
    SentenceScreen { align: center middle; }
    SentenceScreen > Vertical {
        width: 95%; height: 90%; border: thick $primary; background: $surface;
    }
    SentenceScreen SentenceView { height: 1fr; }
    SentenceScreen #sentence-status { height: 1; padding: 0 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,v,q", "dismiss_screen", "Close", id="sentences-close"),
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
        self.undo_list = UndoList()
        self.fixer = AlignmentFixer(
            undo=self.undo_list,
            show=self._show,
            write=lambda beads: write(self.zh_sentences, self.en_sentences, beads),
            run=lambda job: run_step(self, job, step="sentence-save", exclusive=False),
            unit="pair",
        )

    @property
    def beads(self) -> list[Bead]:
        """The sentence beads shown."""
        return self.fixer.beads

    @property
    def view(self) -> SentenceView:
        """The sentence rows."""
        return self.query_one(SentenceView)

    def compose(self) -> ComposeResult:
        """The sentence rows, filled once the pair is split and aligned; a status line."""
        with Vertical():
            yield SentenceView(id="sentences")
            yield Static("splitting…", id="sentence-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Split and align in a worker."""
        self.view.focus()
        zh, en, glossary = self.zh_text, self.en_text, self.glossary
        run_step(self, lambda: split_pair(zh, en, glossary), step="sentences")

    def on_pair_split(self, message: PairSplit) -> None:
        """Show the sentences."""
        if message.problem:
            self.notify(message.problem, severity="warning", markup=False)
        self.zh_sentences, self.en_sentences = message.zh, message.en
        self.fixer.reset(message.beads, by_hand=message.by_hand)
        self._show(message.beads, 0, message.by_hand)

    def on_step_failed(self, message: StepFailed) -> None:
        """Say what went wrong (the view stays)."""
        message.stop()
        if message.step == "sentences":
            self.query_one("#sentence-status", Static).update(f"not split: {message.error}")
        self.notify(message.error, severity="error", markup=False)

    def _show(self, beads: list[Bead], _cursor: int, _by_hand: bool) -> None:
        view = self.view
        view.show(shown(self.zh_sentences, self.script), self.en_sentences, beads)
        self._status()

    def on_sentence_view_moved(self, _message: SentenceView.Moved) -> None:
        """Say where the cursor is."""
        self._status()

    def _status(self) -> None:
        def span(units: tuple[int, ...]) -> str:
            if not units:
                return "—"
            first, last = units[0] + 1, units[-1] + 1
            return f"{first}" if first == last else f"{first}-{last}"

        if not self.beads:
            return
        number = self.view.bead()
        bead = self.beads[number]
        parts = [f"pair {number + 1} of {len(self.beads)}: zh {span(bead.zh)} · en {span(bead.en)}"]
        if bead.confirmed:
            parts.append("confirmed")
        if self.fixer.by_hand:
            parts.append("fixed by hand")
        self.query_one("#sentence-status", Static).update(" · ".join(parts))

    # ------------------------------------------------------------------ fixes
    def action_fix(self, operation: str) -> None:
        """Fix the sentence alignment at the cursor (see the reader's fixer); saved at once.
        A split makes the cursor's sentence start the second part (apart, at a first one)."""
        if not self.beads:
            return
        view = self.view
        number = view.bead()
        units = self.beads[number].zh if view.side == "zh" else self.beads[number].en
        current = view.current
        at = current if operation == "split" and units and current != units[0] else None
        said = self.fixer.fix(operation, number, view.side, at)
        if said:
            self.notify(said, timeout=3, markup=False)

    def action_undo(self) -> None:
        """Undo the last fix of this pair's sentence alignment."""
        self.undo_list.undo_last(partial(self.notify, timeout=3, markup=False))

    def action_realign_unconfirmed(self) -> None:
        """Align afresh the sentences of the unconfirmed pairs, around the confirmed ones."""
        if not self.beads:
            return
        from parallax.core.align.anchored import realign_around

        before, zh, en, glossary = (
            list(self.beads),
            self.zh_sentences,
            self.en_sentences,
            self.glossary,
        )

        def job() -> PairRealigned:
            beads = realign_around(before, zh, en, glossary, units="sentences")
            return PairRealigned(before, beads)

        run_step(self, job, step="sentence-realign")

    def on_pair_realigned(self, message: PairRealigned) -> None:
        """Show the re-alignment (unless the pairs were fixed meanwhile)."""
        said = self.fixer.realigned(message.before, message.beads, self.view.bead())
        if said:
            self.notify(said, timeout=3, markup=False)

    # ---------------------------------------------------------------- display
    def action_script(self) -> None:
        """Toggle the script here and in the reader; the cursor stays."""
        if self.toggle_script is None:
            return
        self.script = self.toggle_script()
        self._show(self.beads, 0, self.fixer.by_hand)

    def action_dismiss_screen(self) -> None:
        """Back to the reader."""
        self.dismiss(None)
