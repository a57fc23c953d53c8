"""The reader's key bindings (one place, with ids, as in posting)."""

from __future__ import annotations

from textual.binding import Binding

READER_BINDINGS: list[Binding] = [
    Binding("ctrl+q", "quit", "Quit", id="quit"),
    Binding("question_mark", "help", "Keys", id="help"),
    Binding("down,j", "cursor(1)", "Next row", show=False, id="row-next"),
    Binding("up,k", "cursor(-1)", "Previous row", show=False, id="row-previous"),
    Binding("pagedown,space", "page(1)", "Page down", show=False, id="page-down"),
    Binding("pageup,b", "page(-1)", "Page up", show=False, id="page-up"),
    Binding("home,g", "first", "First row", show=False, id="row-first"),
    Binding("end,G", "last", "Last row", show=False, id="row-last"),
    Binding("n", "term(1)", "Next term", id="term-next"),
    Binding("N", "term(-1)", "Previous term", show=False, id="term-previous"),
    Binding("right,l", "word(1)", "Next word", show=False, id="word-next"),
    Binding("left,h", "word(-1)", "Previous word", show=False, id="word-previous"),
    Binding("shift+right,L", "extend(1)", "Extend selection", show=False, id="extend"),
    Binding("shift+left,H", "extend(-1)", "Shrink selection", show=False, id="shrink"),
    Binding("tab", "other_side", "Other language", show=False, id="other-side"),
    Binding("a", "propose", "Add term", id="propose"),
    Binding("enter", "quick_add", "Save proposed term", show=False, id="quick-add"),
    Binding("A", "add_term", "Add term (dialog)", show=False, id="add-term"),
    Binding("e", "edit_term", "Edit term", show=False, id="edit-term"),
    Binding("d", "delete_term", "Delete term", show=False, id="delete-term"),
    Binding("u", "undo", "Undo", show=False, id="undo"),
    Binding("S", "suggestions", "Suggested terms", id="suggestions"),
    Binding("ctrl+g", "manager", "Glossaries", id="manager"),
    Binding("ctrl+r", "review", "Review terms", id="review"),
    Binding("slash", "search", "Search", id="search"),
    Binding("right_square_bracket", "hit(1)", "Next match", show=False, id="hit-next"),
    Binding("left_square_bracket", "hit(-1)", "Previous match", show=False, id="hit-previous"),
    Binding("t", "script", "Trad/Simp", id="script"),
    Binding("p", "romanise", "Pinyin/Jyutping", id="romanise"),
    Binding("v", "sentences", "Sentences", id="sentences"),
    Binding("s", "swap", "Swap", show=False, id="swap"),
    Binding("escape", "clear", "Clear", show=False, id="clear"),
    Binding("m", "fix('merge')", "Merge row with next", show=False, id="fix-merge"),
    Binding("x", "fix('split')", "Split row", show=False, id="fix-split"),
    Binding("J", "fix('push')", "Move last paragraph down", show=False, id="fix-push"),
    Binding("K", "fix('pull')", "Move first paragraph up", show=False, id="fix-pull"),
    Binding("i", "fix('insert')", "Insert empty cell", show=False, id="fix-insert"),
    Binding("c", "fix('confirm')", "Confirm row alignment", show=False, id="fix-confirm"),
    Binding("r", "realign_unconfirmed", "Re-align unconfirmed rows", show=False, id="realign-rest"),
    Binding("R", "realign", "Re-align (forget my fixes)", show=False, id="realign"),
]
"""Bindings of the reader screen; every action is also in the command palette."""

APP_KEYS: dict[str, tuple[str, str]] = {"palette": ("ctrl+p", "Command palette: every action")}
"""Keys of the app itself shown in the keys panel: id -> (key, description)."""

KEY_GROUPS: list[tuple[str, tuple[str, ...]]] = [
    ("reading", ("row-next", "row-previous", "page-down", "page-up", "row-first", "row-last")),
    ("words", ("word-next", "word-previous", "extend", "shrink", "other-side")),
    (
        "terms",
        (
            "term-next",
            "term-previous",
            "propose",
            "quick-add",
            "add-term",
            "edit-term",
            "delete-term",
            "undo",
            "suggestions",
            "manager",
            "review",
        ),
    ),
    ("search", ("search", "hit-next", "hit-previous", "clear")),
    ("display", ("script", "romanise", "sentences", "swap")),
    (
        "alignment fixer",
        (
            "fix-merge",
            "fix-split",
            "fix-push",
            "fix-pull",
            "fix-insert",
            "fix-confirm",
            "realign-rest",
            "realign",
        ),
    ),
    ("app", ("palette", "help", "quit")),
]
"""The keys panel's groups, in order, by binding id (or :data:`APP_KEYS` id)."""
