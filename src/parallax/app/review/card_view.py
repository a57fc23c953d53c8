"""The card: its question, then its answer, with the context pair side by side. It owns the
reveal and grade keys and posts what the user asked for; the screen decides."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from parallax.app.review import render
from parallax.app.review.keys import CARD_BINDINGS
from parallax.app.widgets.passage import PassageView
from parallax.core.review import Back, Front, Rating


class CardView(VerticalScroll, can_focus=True):
    """One card: prompt, cue, context (Chinese | English), answer and source."""

    BINDINGS: ClassVar[list[BindingType]] = [*CARD_BINDINGS]
    DEFAULT_CSS = """
    CardView { padding: 1 2; }
    CardView #prompt { color: $text-muted; text-align: center; width: 1fr; }
    CardView #cue {
        text-style: bold; color: $accent; text-align: center; width: 1fr; margin: 1 0;
    }
    CardView #context { height: auto; margin-top: 1; }
    CardView #context > PassageView { width: 1fr; height: auto; padding: 0 1; }
    CardView #context-en { border-left: vkey $primary-darken-1; }
    CardView #answer {
        height: auto; margin-top: 1; padding: 1 2; border: round $primary; display: none;
    }
    CardView #source { color: $text-muted; margin-top: 1; }
    CardView.-revealed #answer { display: block; }
    """

    @dataclass
    class RevealAsked(Message):
        """``space``: show the answer."""

    @dataclass
    class GradeAsked(Message):
        """``1``–``4``: grade the card."""

        rating: Rating

    def compose(self) -> ComposeResult:
        """Prompt, cue, the context pair, the answer, the source."""
        yield Static("", id="prompt", markup=False)
        yield Static("", id="cue", markup=False)
        with Horizontal(id="context"):
            yield PassageView(id="context-zh")
            yield PassageView(id="context-en")
        yield Static("", id="answer", markup=False)
        yield Static("", id="source", markup=False)

    # ---------------------------------------------------------------- showing
    def show_front(self, front: Front) -> None:
        """Show a card's question (the answer hidden)."""
        self.remove_class("-revealed")
        self._set("#prompt", Content(front.prompt))
        self._set("#cue", Content(front.cue))
        self.query_one("#cue").display = bool(front.cue)
        style = render.BLANK if not front.cue else render.LIT
        self._show_context(render.passage(front.zh, style), render.passage(front.en))
        self._set("#answer", Content(""))
        self._set("#source", Content(""))
        self.scroll_home(animate=False)

    def show_back(self, back: Back) -> None:
        """Show the answer under the question: the context pair now lit on both sides."""
        self._set("#answer", render.answer(back))
        self._show_context(render.passage(back.zh), render.passage(back.en))
        self._set("#source", render.source(back.source))
        self.add_class("-revealed")
        self.call_after_refresh(self._answer_in_view)

    def _answer_in_view(self) -> None:
        """Scroll the answer and the source into view (below a long context on a small
        terminal they would be out of sight)."""
        if self.has_class("-revealed"):
            self.scroll_to_widget(self.query_one("#source"), animate=False, immediate=True)
            self.scroll_to_widget(self.query_one("#answer"), animate=False, immediate=True)

    def show_message(self, prompt: str, text: str = "") -> None:
        """Show a line instead of a card (loading, done, a failure)."""
        self.remove_class("-revealed")
        self._set("#prompt", Content(prompt))
        self._set("#cue", Content(text))
        self.query_one("#cue").display = bool(text)
        self._show_context(Content(""), Content(""))
        self._set("#source", Content(""))

    def _show_context(self, zh: Content, en: Content) -> None:
        self.query_one("#context-zh", PassageView).update(zh)
        self.query_one("#context-en", PassageView).update(en)
        self.query_one("#context-zh").display = bool(zh.plain)
        self.query_one("#context-en").display = bool(en.plain)

    def _set(self, selector: str, content: Content) -> None:
        self.query_one(selector, Static).update(content)

    # ---------------------------------------------------------------- actions
    def action_reveal(self) -> None:
        """Ask to show the answer."""
        self.post_message(self.RevealAsked())

    def action_grade(self, rating: int) -> None:
        """Ask to grade the card ``rating`` (1 Again … 4 Easy)."""
        self.post_message(self.GradeAsked(Rating(rating)))
