"""What the parallel view tells its screen: the cursor moved, a span was selected, the script
changed, the selection was cleared, a search found its matches.

Each is also an attribute of :class:`~parallax.app.widgets.parallel.ParallelView`
(``ParallelView.Selected``), handled as ``on_parallel_view_<name>`` (the ``parallel_view``
namespace).
"""

from __future__ import annotations

from textual.message import Message

from parallax.app.model import Selection
from parallax.app.search import Hit as Match


class CursorMoved(Message, namespace="parallel_view"):
    """The cursor moved to ``row``."""

    def __init__(self, row: int) -> None:
        super().__init__()
        self.row = row


class Selected(Message, namespace="parallel_view"):
    """The user selected ``selection`` (None: nothing); ``lookup`` is what to look up (the
    selection itself unless a search match overlaps no term: the word where it starts)."""

    def __init__(self, selection: Selection | None, lookup: Selection | None = None) -> None:
        super().__init__()
        self.selection, self.lookup = selection, lookup or selection


class ScriptChanged(Message, namespace="parallel_view"):
    """The Chinese is shown in ``script`` ("simplified"/"traditional", None: as written)."""

    def __init__(self, script: str | None) -> None:
        super().__init__()
        self.script = script


class Cleared(Message, namespace="parallel_view"):
    """The user cleared the selection and the search (escape)."""


class Searched(Message, namespace="parallel_view"):
    """A search for ``query`` found ``count`` matches (or failed: ``error``)."""

    def __init__(self, query: str, count: int, error: str = "") -> None:
        super().__init__()
        self.query, self.count, self.error = query, count, error


class Found(Message, namespace="parallel_view"):
    """The search worker's answer (handled by the view itself)."""

    def __init__(self, query: str, matches: list[Match], error: str = "") -> None:
        super().__init__()
        self.query, self.matches, self.error = query, matches, error
