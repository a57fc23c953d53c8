"""The status line: what is loading in the background, and what is ready."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class StatusLine(Static):
    """One line above the footer: pending steps (with a spinner) and facts about the document."""

    DEFAULT_CSS = """
    StatusLine { height: 1; padding: 0 1; background: $panel; color: $text-muted; }
    """
    FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pending: dict[str, str] = {}
        self.facts: dict[str, str] = {}
        self._frame = 0

    def on_mount(self) -> None:
        """Animate the spinner while something is pending."""
        self.set_interval(0.1, self._tick)

    def start(self, step: str, text: str) -> None:
        """Step ``step`` is running (``text`` says what)."""
        self.pending[step] = text
        self._draw()

    def done(self, step: str, fact: str = "") -> None:
        """Step ``step`` finished; ``fact`` stays on the line."""
        self.pending.pop(step, None)
        if fact:
            self.facts[step] = fact
        self._draw()

    def forget(self, step: str) -> None:
        """Step ``step`` is over and its fact no longer true (e.g. a search cleared)."""
        self.pending.pop(step, None)
        self.facts.pop(step, None)
        self._draw()

    @property
    def busy(self) -> bool:
        """True while a step is pending."""
        return bool(self.pending)

    def _tick(self) -> None:
        if self.pending:
            self._frame = (self._frame + 1) % len(self.FRAMES)
            self._draw()

    def _draw(self) -> None:
        parts: list[str | tuple[str, str]] = []
        if self.pending:
            parts.append(
                (
                    f"{self.FRAMES[self._frame]} " + ", ".join(self.pending.values()) + "…",
                    "$warning",
                )
            )
            parts.append("   ")
        parts.append(" · ".join(self.facts.values()))
        self.update(Content.assemble(*parts))
