"""The reader's search at work: ``/`` opens the search bar, its query is searched by the view
(in a worker, both languages), the status line says how many matches there are, escape forgets
the search.

:class:`SearchDesk` is composed by the reader screen with the view, the search bar and the
status line; the screen's ``/`` and the messages of the bar and the view call it.
"""

from __future__ import annotations

from textual.screen import Screen

from parallax.app.widgets.parallel import ParallelView
from parallax.app.widgets.search_bar import SearchBar
from parallax.app.widgets.status import StatusLine


class SearchDesk:
    """Searching the document and saying what was found."""

    def __init__(
        self, screen: Screen[None], *, view: ParallelView, bar: SearchBar, status: StatusLine
    ) -> None:
        """``screen`` tells the user when nothing is found."""
        self.screen, self.view, self.bar, self.status = screen, view, bar, status

    def open(self) -> None:
        """``/``: open the search bar."""
        self.bar.open()

    def run(self, query: str) -> None:
        """Search both languages for ``query`` (the view does, in a worker)."""
        self.view.focus()
        self.status.start("search", f"searching {query!r}")
        self.view.search(query)

    def searched(self, message: ParallelView.Searched) -> None:
        """Say how many matches there are (the view selects the first)."""
        query, count = message.query, message.count
        if message.error or not count:
            self.status.forget("search")
            text = message.error or f"no match for {query!r}"
            self.screen.notify(text, title="search", severity="warning", markup=False)
            return
        found = "1 match" if count == 1 else f"{count} matches"
        self.status.done("search", f"{found} for {query!r}")

    def forget(self) -> None:
        """The search is cleared: the status line forgets it."""
        self.status.forget("search")
