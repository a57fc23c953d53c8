"""The keys panel (``?``): parallax's own keys, grouped by what they are for."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from parallax.app.bindings import APP_KEYS, KEY_GROUPS, READER_BINDINGS

KEY_STYLE = "bold $text-accent"
GROUP_STYLE = "underline $text-primary"


def key_lines(display: dict[str, str] | None = None) -> list[Content]:
    """The panel's lines: each group's title, then ``keys  description`` per binding (keys as
    ``display`` shows them, e.g. ``down`` as ``↓``)."""
    by_id = {b.id: (b.key, b.description) for b in READER_BINDINGS} | APP_KEYS
    display = display or {}
    rows: list[tuple[str, str] | str] = []
    for title, ids in KEY_GROUPS:
        rows.append(title)
        for binding_id in ids:
            key, description = by_id[binding_id]
            rows.append((" ".join(display.get(k, k) for k in key.split(",")), description))
    width = max(len(r[0]) for r in rows if isinstance(r, tuple))
    lines = []
    for row in rows:
        if isinstance(row, str):
            lines.append(Content.styled(row, GROUP_STYLE))
        else:
            lines.append(Content.assemble((f"{row[0]:>{width}}", KEY_STYLE), "  ", row[1]))
    return lines


class KeysPanel(VerticalScroll, can_focus=False):
    """A side panel listing the reader's keys: reading, terms, search, display, fixer."""

    DEFAULT_CSS = """
    KeysPanel {
        split: right; width: auto; max-width: 50%; height: 1fr;
        border-left: vkey $foreground 30%; padding: 0 1; background: $panel;
    }
    KeysPanel > Static { width: auto; }
    """

    def compose(self) -> ComposeResult:
        """One static text of all the keys."""
        keys = [b.key for b in READER_BINDINGS] + [key for key, _ in APP_KEYS.values()]
        display = {
            k: self.app.get_key_display(Binding(k, "")) for key in keys for k in key.split(",")
        }
        yield Static(Content("\n").join(key_lines(display)), id="keys")
