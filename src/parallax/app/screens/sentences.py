"""The sentence view of one pair: moving through the Chinese sentences lights the English."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from parallax.app.script import shown


class SentenceScreen(ModalScreen[None]):
    """The pair's sentences in two columns; up/down choose a Chinese sentence."""

    DEFAULT_CSS = """
    SentenceScreen { align: center middle; }
    SentenceScreen > Horizontal {
        width: 95%; height: 90%; border: thick $primary; background: $surface;
    }
    SentenceScreen VerticalScroll { width: 1fr; padding: 0 1; }
    SentenceScreen .sentence { margin-bottom: 1; }
    SentenceScreen .sentence.-current { background: $primary 30%; text-style: bold; }
    SentenceScreen .sentence.-match { background: $accent 30%; }
    """
    BINDINGS = [
        Binding("escape,v,q", "dismiss_screen", "Close", id="sentences-close"),
        Binding("down,j", "move(1)", "Next sentence", id="sentence-next"),
        Binding("up,k", "move(-1)", "Previous sentence", id="sentence-previous"),
        Binding("t", "script", "Trad/Simp", id="sentences-script"),
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
        self.beads: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
        self.current = 0
        self.zh_count = 0

    def compose(self) -> ComposeResult:
        """Two scrolling columns, filled once the pair is split and aligned."""
        with Horizontal():
            yield VerticalScroll(Static("splitting…", markup=False), id="zh")
            yield VerticalScroll(id="en")
        yield Footer()

    def on_mount(self) -> None:
        """Split and align in a worker."""
        self.split()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def split(self) -> None:
        """Split the pair into sentences and align them."""
        from parallax.core.align import align_sentences

        try:
            zh, en, beads = align_sentences(self.zh_text, self.en_text, glossary=self.glossary)
        except Exception as error:  # the view says what went wrong
            self.app.call_from_thread(self.notify, str(error), severity="error", markup=False)
            return
        pairs = [(tuple(b.zh), tuple(b.en)) for b in beads]
        self.app.call_from_thread(self._fill, zh, en, pairs)

    def _fill(
        self, zh: list[str], en: list[str], beads: list[tuple[tuple[int, ...], tuple[int, ...]]]
    ) -> None:
        self.beads, self.zh_count, self.zh_sentences = beads, len(zh), zh
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

    def _mark(self) -> None:
        matched: set[int] = set()
        for zh, en in self.beads:
            if self.current in zh:
                matched.update(en)
        for widget in self.query(".sentence"):
            lang, _, number = (widget.id or "").partition("-")
            index = int(number)
            widget.set_class(lang == "zh" and index == self.current, "-current")
            widget.set_class(lang == "en" and index in matched, "-match")
            if (lang == "zh" and index == self.current) or (lang == "en" and index in matched):
                widget.scroll_visible(animate=False)

    def action_move(self, step: int) -> None:
        """Choose the next or previous Chinese sentence."""
        if self.zh_count:
            self.current = max(0, min(self.current + step, self.zh_count - 1))
            self._mark()

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
