"""The reader's keys, in one list: grouped as the keys panel shows them, each binding owned by
the part that acts on it (posting puts a widget's keys on the widget; so do we).

``ParallelView.BINDINGS`` is ``bindings(VIEW)`` (moving, selecting, searching the document) and
``ReaderScreen.BINDINGS`` is ``bindings(READER)`` (terms, display, the alignment fixer, other
screens). The keys panel (``?``) lists :data:`KEY_GROUPS`; the command palette offers every
binding active on the screen. To add a key: add its ``Binding`` here under its owner and group,
and an ``action_…`` method on the owner.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding

Owner = Literal["view", "reader", "app"]
VIEW: Owner = "view"
READER: Owner = "reader"
APP: Owner = "app"


@dataclass(frozen=True)
class KeyGroup:
    """A titled group of the keys panel: ``(owner, binding)`` pairs in the order shown."""

    title: str
    keys: tuple[tuple[Owner, Binding], ...]


def _key(
    owner: Owner, key: str, action: str, description: str, id: str, show: bool = False
) -> tuple[Owner, Binding]:
    return owner, Binding(key, action, description, show=show, id=id)


KEY_GROUPS: tuple[KeyGroup, ...] = (
    KeyGroup(
        "reading",
        (
            _key(VIEW, "down,j", "cursor(1)", "Next row", "row-next"),
            _key(VIEW, "up,k", "cursor(-1)", "Previous row", "row-previous"),
            _key(VIEW, "pagedown,space", "page(1)", "Page down", "page-down"),
            _key(VIEW, "pageup,b", "page(-1)", "Page up", "page-up"),
            _key(VIEW, "home,g", "first", "First row", "row-first"),
            _key(VIEW, "end,G", "last", "Last row", "row-last"),
        ),
    ),
    KeyGroup(
        "words",
        (
            _key(VIEW, "right,l", "word(1)", "Next word", "word-next"),
            _key(VIEW, "left,h", "word(-1)", "Previous word", "word-previous"),
            _key(VIEW, "shift+right,L", "extend(1)", "Extend selection", "extend"),
            _key(VIEW, "shift+left,H", "extend(-1)", "Shrink selection", "shrink"),
            _key(VIEW, "tab", "other_side", "Other language", "other-side"),
        ),
    ),
    KeyGroup(
        "terms",
        (
            _key(VIEW, "n", "term(1)", "Next term", "term-next", show=True),
            _key(VIEW, "N", "term(-1)", "Previous term", "term-previous"),
            _key(READER, "a", "propose", "Add term", "propose", show=True),
            _key(READER, "enter", "quick_add", "Save proposed term", "quick-add"),
            _key(READER, "A", "add_term", "Add term (dialog)", "add-term"),
            _key(READER, "e", "edit_term", "Edit term", "edit-term"),
            _key(READER, "d", "delete_term", "Delete term", "delete-term"),
            _key(READER, "u", "undo", "Undo", "undo"),
            _key(READER, "S", "suggestions", "Suggested terms", "suggestions", show=True),
            _key(READER, "ctrl+g", "manager", "Glossaries", "manager", show=True),
            _key(READER, "ctrl+r", "review", "Review terms", "review", show=True),
        ),
    ),
    KeyGroup(
        "search",
        (
            _key(READER, "slash", "search", "Search", "search", show=True),
            _key(VIEW, "right_square_bracket", "hit(1)", "Next match", "hit-next"),
            _key(VIEW, "left_square_bracket", "hit(-1)", "Previous match", "hit-previous"),
            _key(VIEW, "escape", "clear", "Clear", "clear"),
        ),
    ),
    KeyGroup(
        "display",
        (
            _key(VIEW, "t", "script", "Trad/Simp", "script", show=True),
            _key(READER, "p", "romanise", "Pinyin/Jyutping", "romanise", show=True),
            _key(READER, "v", "sentences", "Sentences", "sentences", show=True),
            _key(VIEW, "s", "swap", "Swap", "swap"),
        ),
    ),
    KeyGroup(
        "alignment fixer",
        (
            _key(READER, "m", "fix('merge')", "Merge row with next", "fix-merge"),
            _key(READER, "x", "fix('split')", "Split row", "fix-split"),
            _key(READER, "J", "fix('push')", "Move last paragraph down", "fix-push"),
            _key(READER, "K", "fix('pull')", "Move first paragraph up", "fix-pull"),
            _key(READER, "i", "fix('insert')", "Insert empty cell", "fix-insert"),
            _key(READER, "c", "fix('confirm')", "Confirm row alignment", "fix-confirm"),
            _key(READER, "r", "realign_unconfirmed", "Re-align unconfirmed rows", "realign-rest"),
            _key(READER, "R", "realign", "Re-align (forget my fixes)", "realign"),
        ),
    ),
    KeyGroup(
        "app",
        (
            _key(APP, "ctrl+p", "command_palette", "Command palette: every action", "palette"),
            _key(READER, "question_mark", "help", "Keys", "help", show=True),
            _key(READER, "ctrl+q", "quit", "Quit", "quit", show=True),
        ),
    ),
)
"""Every key of the reader, grouped for the keys panel."""


def bindings(owner: Owner) -> list[Binding]:
    """The bindings of ``owner`` (its ``BINDINGS``), in the order of the groups."""
    return [binding for group in KEY_GROUPS for who, binding in group.keys if who == owner]


def all_bindings() -> list[Binding]:
    """Every binding of the reader, the app's included."""
    return [binding for group in KEY_GROUPS for _owner, binding in group.keys]


MANAGER_TABLE: list[Binding] = [
    Binding("e", "edit", "Edit", id="manager-edit"),
    Binding("d", "delete", "Delete", id="manager-delete"),
    Binding("o", "sort", "Sort", id="manager-sort"),
    Binding("O", "reverse", "Reverse", id="manager-reverse"),
]
"""The glossary manager's terms table: the term under its cursor (``enter`` edits it too) and
the order of the terms."""

MANAGER_SCREEN: list[Binding] = [
    Binding("escape", "close", "Close", id="manager-close"),
    Binding("ctrl+g", "close", "Close", show=False, id="manager-close-g"),
    Binding("slash", "focus_filter", "Filter", id="manager-filter"),
    Binding("u", "undo", "Undo", id="manager-undo"),
    Binding("w", "make_writable", "Writable", id="manager-writable"),
    Binding("n", "create", "New", id="manager-new"),
    Binding("i", "import_file", "Import", id="manager-import"),
    Binding("x", "export", "Export", id="manager-export"),
]
"""The glossary manager screen: the filter, undo, the glossaries (writable, new, import,
export) and closing."""
