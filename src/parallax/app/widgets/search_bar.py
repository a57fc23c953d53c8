"""The search bar: an input docked at the bottom, shown by ``/``."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """Type a query (Chinese in either script, English, or toneless pinyin) and press enter."""

    DEFAULT_CSS = """
    SearchBar { display: none; border: tall $accent; }
    """
    BINDINGS = [Binding("escape", "close", "Close search", id="search-close")]

    class Query(Message):
        """A query to search for."""

        def __init__(self, value: str) -> None:
            super().__init__()
            self.value = value

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search: 双遏制, dual containment, shuang e zhi", id=id)

    def open(self) -> None:
        """Show the bar and focus it."""
        self.display = True
        # Focus now, not after the next refresh: keys typed right after `/` belong to the bar.
        self.screen.set_focus(self)

    def action_close(self) -> None:
        """Hide the bar and give the focus back to the document."""
        self.display = False
        self.screen.set_focus(None)
        self.screen.query_one("ParallelView").focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        query = event.value.strip()
        self.action_close()
        if query:
            self.post_message(self.Query(query))
