"""What the user chose on the suggestions screen, without Textual: accepted, rejected (in
order, un-rejected newest first), known pairs hidden, and the status line."""

from __future__ import annotations

import subprocess
import sys

from parallax.app.suggestions.choices import Choices, pair_of
from parallax.core.suggest import Suggestion


def suggestion(zh: str, en: str, known: bool = False) -> Suggestion:
    return Suggestion(zh, en, 1.0, ("quoted",), 2, 0, zh, en, known=known)


FOUND = [suggestion("雙遏制", "dual containment"), suggestion("綠色", "green", known=True)]


def test_nothing_is_listed_or_said_until_the_suggestions_arrive() -> None:
    choices = Choices()
    assert choices.summary() == "" and choices.listed() == []
    choices.arrived(FOUND)
    assert choices.listed() == FOUND
    assert choices.summary() == "2 suggestions · 1 known"


def test_marks_and_known_pairs_hidden() -> None:
    choices = Choices()
    choices.arrived(FOUND)
    choices.accepted.add(pair_of(FOUND[0]))
    assert [choices.mark(s) for s in FOUND] == ["+ added", "✓ known"]
    assert choices.toggle_known() is False
    assert choices.listed() == FOUND[:1]
    assert choices.summary() == "1 suggestions · 1 known (hidden) · 1 added"


def test_rejected_pairs_come_back_newest_first() -> None:
    choices = Choices()
    choices.arrived(FOUND)
    for s in FOUND:
        choices.reject(pair_of(s))
    assert choices.listed() == [] and choices.summary() == "0 suggestions · 2 rejected"
    assert choices.unreject() == ("綠色", "green")
    assert choices.unreject() == ("雙遏制", "dual containment")
    assert choices.unreject() is None


def test_a_reject_that_was_not_saved_is_undone() -> None:
    choices = Choices()
    choices.arrived(FOUND)
    choices.reject(pair_of(FOUND[0]))
    assert choices.unsaved("reject", pair_of(FOUND[0]))
    assert choices.listed() == FOUND and choices.unreject() is None
    assert not choices.unsaved("unreject", pair_of(FOUND[1]))  # shown already


def test_the_plain_parts_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "import parallax.app.suggestions.choices, parallax.app.suggestions.tasks\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
