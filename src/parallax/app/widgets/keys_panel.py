"""The keys panel (``?``): parallax's own keys, grouped by what they are for, scrollable (it
takes the focus while open: arrows and page keys scroll it, ``?`` or escape closes it). It
takes up to 60% of the width, enough for every line at 80 columns; narrower, lines wrap
rather than being cut."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from parallax.app.keys import KEY_GROUPS, all_bindings

KEY_STYLE = "bold $text-accent"
GROUP_STYLE = "underline $text-primary"


def key_lines(display: dict[str, str] | None = None) -> list[Content]:
    """The panel's lines: each group's title, then ``keys  description`` per binding (keys as
    ``display`` shows them, e.g. ``down`` as ``↓``)."""
    display = display or {}
    rows: list[tuple[str, str] | str] = []
    for group in KEY_GROUPS:
        rows.append(group.title)
        for _owner, binding in group.keys:
            keys = " ".join(display.get(k, k) for k in binding.key.split(","))
            rows.append((keys, binding.description))
    width = max(len(r[0]) for r in rows if isinstance(r, tuple))
    lines = []
    for row in rows:
        if isinstance(row, str):
            lines.append(Content.styled(row, GROUP_STYLE))
        else:
            lines.append(Content.assemble((f"{row[0]:>{width}}", KEY_STYLE), "  ", row[1]))
    return lines


class KeysPanel(VerticalScroll):
    """A side panel listing the reader's keys: reading, words, terms, search, display, fixer."""

    DEFAULT_CSS = """
    KeysPanel {
        split: right; width: auto; max-width: 60%; height: 1fr;
        border-left: vkey $foreground 30%; padding: 0 1; background: $panel;
    }
    KeysPanel:focus { border-left: vkey $accent; }
    KeysPanel > Static { width: auto; max-width: 100%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close keys", id="keys-close"),
        Binding("j", "scroll_down", show=False),
        Binding("k", "scroll_up", show=False),
        Binding("space", "page_down", show=False),
        Binding("b", "page_up", show=False),
    ]

    def compose(self) -> ComposeResult:
        """One static text of all the keys."""
        keys = [b.key for b in all_bindings()]
        display = {
            k: self.app.get_key_display(Binding(k, "")) for key in keys for k in key.split(",")
        }
        yield Static(Content("\n").join(key_lines(display)), id="keys")

    async def action_close(self) -> None:
        """Close the panel (the screen's ``help`` action toggles it)."""
        await self.run_action("screen.help")
