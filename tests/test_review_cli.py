"""``parallax review``: bad input in one line before any TUI, and ``--stats``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parallax.cli.main import main
from parallax.cli.review import bar
from parallax.core.glossary import GlossaryStore, new_term
from parallax.core.review import Deck, Graded, Rating, record, review


def test_an_unknown_glossary_is_one_line_and_exit_2(
    glossary_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no glossary named 'nope'" in err


def test_stats_show_due_days_reviews_and_retention_with_bars(
    glossary_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = GlossaryStore(glossary_dir)
    terms = [new_term("雙遏制", "dual containment"), new_term("制裁", "sanctions")]
    store.add_many("my-terms", terms)
    now = dt.datetime.now(dt.UTC)
    key = f"{terms[0].id}/zh-en"
    memory, entry = review(key, None, Rating.EASY, now - dt.timedelta(days=30))
    record(glossary_dir / "my-terms.review.sqlite", Graded(key, None, memory, entry), Deck())
    assert main(["review", "--stats", "--new-per-day", "2"]) == 0
    out = capsys.readouterr().out
    assert "my-terms: 4 cards — 3 new, 1 learning, 0 known" in out
    lines = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    assert lines["today"].split()[1] == "1" and "█" in lines["today"]  # overdue: due today
    assert lines["new"].split()[3] == "2"  # "new to learn": two new cards today (the limit)
    assert "tomorrow" in lines and lines["reviews"].split()[1] == "1"
    assert "retention" in lines


def test_bars_grow_with_the_value_in_eighths() -> None:
    assert bar(0, 10) == "" and bar(10, 10, width=4) == "████"
    assert bar(1, 16, width=4) == "▎" and len(bar(5, 10, width=4)) == 2
