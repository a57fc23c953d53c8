"""What the user chose on the suggestions screen, as a plain object (no Textual): the pairs
accepted and rejected, whether the known ones are shown, and so what the table lists.

The screen asks it and shows the answer; tests drive it without Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parallax.core.suggest import Suggestion

Pair = tuple[str, str]


def pair_of(s: Suggestion) -> Pair:
    """The (Chinese, English) of a suggestion."""
    return s.zh, s.en


class Choices:
    """The suggestions, and what was accepted and rejected on the screen."""

    def __init__(self) -> None:
        self.suggestions: list[Suggestion] = []
        self.ready = False  # the suggestions are computed
        self.show_known = True
        self.accepted: set[Pair] = set()
        self.rejected: set[Pair] = set()  # rejected on this screen (hidden)
        self.rejected_order: list[Pair] = []  # newest last, for un-reject

    def arrived(self, found: Sequence[Suggestion]) -> None:
        """The suggestions are computed: ``found``, best first."""
        self.suggestions, self.ready = list(found), True

    def listed(self) -> list[Suggestion]:
        """The suggestions to list: not rejected here, the known ones when shown."""
        return [
            s
            for s in self.suggestions
            if pair_of(s) not in self.rejected and (self.show_known or not s.known)
        ]

    def mark(self, s: Suggestion) -> str:
        """The mark of ``s`` in the list: added here, known (in a glossary), or none."""
        return "+ added" if pair_of(s) in self.accepted else "✓ known" if s.known else ""

    def summary(self) -> str:
        """The status line: how many are listed, known, added and rejected ("" until ready)."""
        if not self.ready:
            return ""
        known = sum(s.known for s in self.suggestions if pair_of(s) not in self.rejected)
        parts = (
            f"{len(self.listed())} suggestions",
            f"{known} known{'' if self.show_known else ' (hidden)'}" if known else "",
            f"{len(self.accepted)} added" if self.accepted else "",
            f"{len(self.rejected)} rejected" if self.rejected else "",
        )
        return " · ".join(p for p in parts if p)

    def reject(self, pair: Pair) -> None:
        """Hide ``pair`` (rejected: ``unreject`` brings it back)."""
        self.rejected.add(pair)
        self.rejected_order.append(pair)

    def unreject(self) -> Pair | None:
        """Bring back the last pair rejected here (None: none was)."""
        if not self.rejected_order:
            return None
        pair = self.rejected_order.pop()
        self.rejected.discard(pair)
        return pair

    def unsaved(self, op: str, pair: Pair) -> bool:
        """A rejection change of ``pair`` could not be saved; True when the pair is shown
        again (a reject not saved is undone)."""
        if op == "reject" and pair in self.rejected:
            self.rejected.discard(pair)
            self.rejected_order.remove(pair)
            return True
        return False

    def toggle_known(self) -> bool:
        """Show or hide the pairs already in a glossary; True when they are shown now."""
        self.show_known = not self.show_known
        return self.show_known
