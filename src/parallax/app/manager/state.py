"""What the glossary manager shows, as a plain object (no Textual): the glossaries listed, the
one shown, its terms filtered and sorted, and why a key cannot act.

The screen asks :meth:`ManagerState.terms_job` for the work of showing a glossary, runs it in
a worker and hands the answer back to :meth:`ManagerState.found` (an answer overtaken by a
newer request is dropped). Tests drive it without Textual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from parallax.app.manager import tasks
from parallax.app.model import counted
from parallax.core.glossary import Glossary, GlossaryInfo, GlossaryStore, Term
from parallax.core.glossary.filtering import SORT_KEYS

MAX_ROWS = 1000  # rows in the table (filling it is the slow part); the filter narrows


@dataclass(frozen=True)
class Terms:
    """The answer to request ``token``: the terms of ``glossary`` matching the filter, sorted."""

    token: int
    glossary: Glossary
    matched: list[Term]


@dataclass(frozen=True)
class Refusal:
    """Why a key does nothing here, in one line, and how loudly to say it."""

    text: str
    severity: Literal["information", "warning", "error"] = "warning"


class ManagerState:
    """The glossaries, the glossary shown and its terms as filtered and sorted."""

    def __init__(self) -> None:
        self.store: GlossaryStore | None = None
        self.infos: list[GlossaryInfo] = []
        self.glossary: Glossary | None = None
        self.shown: list[Term] = []  # at most MAX_ROWS
        self.matched = 0  # terms matching the filter (shown or not)
        self.query = ""
        self.sort = -1  # index into SORT_KEYS; -1: file order
        self.reverse = False
        self.wanted = ""  # the glossary asked for (it may still be loading)
        self._asked = 0  # the newest request's token

    # ------------------------------------------------------------- glossaries
    def listed(self, listing: tasks.Listing) -> str | None:
        """Keep ``listing``; the glossary to show: the one shown, else the writable one, else
        the first (None when there is none)."""
        self.store, self.infos = listing.store, listing.infos
        names = [info.name for info in listing.infos]
        shown = self.glossary.name if self.glossary else None
        for name in (shown, listing.store.places.writable_name):
            if name in names:
                return name
        return names[0] if names else None

    # ------------------------------------------------------------------ terms
    def terms_job(self, name: str | None = None) -> Callable[[], Terms | None]:
        """The work (for a worker thread) of showing glossary ``name`` read again from its
        file; without a name, the glossary shown (or still loading) filtered and sorted again."""
        if name is not None:
            self.wanted = name
        elif self.wanted and (self.glossary is None or self.glossary.name != self.wanted):
            name = self.wanted  # a load is under way: the filter applies to it
        self._asked += 1
        token, store, glossary = self._asked, self.store, self.glossary
        query, sort, reverse = self.query, self.sort, self.reverse

        def job() -> Terms | None:
            shown = store.load(name) if name is not None and store is not None else glossary
            if shown is None:
                return None
            return Terms(token, shown, tasks.shown_terms(shown.terms, query, sort, reverse))

        return job

    def found(self, terms: Terms) -> bool:
        """Show ``terms`` unless a newer request was made since (False: dropped)."""
        if terms.token != self._asked:
            return False
        self.glossary, self.shown = terms.glossary, terms.matched[:MAX_ROWS]
        self.matched = len(terms.matched)
        return True

    def next_sort(self) -> None:
        """Sort by the next key (Chinese, pinyin, English, status, created, updated, none)."""
        self.sort = self.sort + 1 if self.sort + 1 < len(SORT_KEYS) else -1

    def flip(self) -> None:
        """Reverse the order."""
        self.reverse = not self.reverse

    def summary(self) -> str:
        """The line under the table: what is shown, of how many, in which order."""
        glossary = self.glossary
        if glossary is None:
            return ""
        order = "file order" if self.sort < 0 else f"sorted by {SORT_KEYS[self.sort]}"
        order += " (reversed)" if self.reverse else ""
        mark = "writable" if glossary.writable else "read-only"
        cut = ""
        if self.matched > MAX_ROWS:
            cut = f" (the first {MAX_ROWS} shown: filter to narrow)"
        total = counted(len(glossary.terms), "term")
        return f"{glossary.name} ({mark}): {self.matched} of {total}{cut}, {order}"

    # ------------------------------------------------------------ refusals
    def editable(self, term: Term | None) -> tuple[str, Term] | Refusal:
        """The shown glossary's name and ``term``, if the term may be changed; else why not."""
        glossary = self.glossary
        if glossary is None or term is None:
            return Refusal("no term selected")
        if not glossary.writable:
            text = f"{glossary.name} is read-only: press w to make it the writable glossary"
            return Refusal(text)
        return glossary.name, term

    def can_be_writable(self) -> str | Refusal | None:
        """The shown glossary's name if it can become the writable glossary; else why not
        (None: no glossary shown)."""
        from parallax.core.glossary.dirs import starter_path

        glossary = self.glossary
        if glossary is None:
            return None
        if self.store is not None and glossary.name == self.store.places.writable_name:
            return Refusal(f"{glossary.name} is the writable glossary already", "information")
        if glossary.path == starter_path():
            text = "the packaged starter glossary is read-only: create one (n) and import it"
            return Refusal(text, "error")
        return glossary.name


def cursor_row(ids: list[str], keep: str | None, row: int, same_glossary: bool) -> int | None:
    """Where the cursor goes in a table refilled with terms ``ids``: on term ``keep`` if still
    there, else (same glossary) at ``row`` (the term after a deleted one); None: the top."""
    if keep is not None and keep in ids:
        return ids.index(keep)
    if ids and same_glossary:
        return min(row, len(ids) - 1)
    return None
