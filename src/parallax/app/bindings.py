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
    Binding("right,l", "char(1)", "Next character", show=False, id="char-next"),
    Binding("left,h", "char(-1)", "Previous character", show=False, id="char-previous"),
    Binding("a", "add_term", "Add term", id="add-term"),
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
    Binding("J", "fix('push')", "Push paragraph to next row", show=False, id="fix-push"),
    Binding("K", "fix('pull')", "Pull paragraph from next row", show=False, id="fix-pull"),
    Binding("c", "fix('confirm')", "Confirm row alignment", show=False, id="fix-confirm"),
    Binding("R", "realign", "Re-align (forget my fixes)", show=False, id="realign"),
]
"""Bindings of the reader screen; every action is also in the command palette."""

APP_KEYS: dict[str, tuple[str, str]] = {"palette": ("ctrl+p", "Command palette: every action")}
"""Keys of the app itself shown in the keys panel: id -> (key, description)."""

KEY_GROUPS: list[tuple[str, tuple[str, ...]]] = [
    ("reading", ("row-next", "row-previous", "page-down", "page-up", "row-first", "row-last")),
    ("terms", ("term-next", "term-previous", "char-next", "char-previous", "add-term")),
    ("search", ("search", "hit-next", "hit-previous", "clear")),
    ("display", ("script", "romanise", "sentences", "swap")),
    (
        "alignment fixer",
        ("fix-merge", "fix-split", "fix-push", "fix-pull", "fix-confirm", "realign"),
    ),
    ("app", ("palette", "help", "quit")),
]
"""The keys panel's groups, in order, by binding id (or :data:`APP_KEYS` id)."""
