"""Layout as pictures: the reader, the sentence view, the manager, the suggestions and the
review at 80×24 and 160×45 (pytest-textual-snapshot; ``pytest --snapshot-update`` accepts a
change after a look at ``snapshot_report.html``).

Every background step is finished and every cursor blink turned off before the picture, so
the pictures do not depend on timing (nor on which xdist worker takes the test)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from parallax.core.glossary import GlossaryStore, new_term
from tests.app_support import seed_app

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 45), id="160x45")]


def shown(app: Any) -> bool:
    """True once the screen on top shows what it was opened for (its worker's answer)."""
    screen = app.screen
    name = type(screen).__name__
    if name == "SuggestionsScreen":
        return bool(screen.ready)
    if name == "GlossaryManagerScreen":
        return screen.query_one(DataTable).row_count > 0
    if name == "SentenceScreen":
        return bool(screen.beads)
    if name == "ReviewScreen":
        return screen.session is not None
    return not screen.query_one("#status").busy


def measured(app: Any) -> bool:
    """True once every table on screen has sized its columns to their cells (a table measures
    new rows when its own message queue is idle, which a loaded machine may delay past the
    workers' end)."""
    for table in app.screen.query(DataTable):
        for key, column in table.columns.items():
            widths = [cell_len(str(value)) for value in table.get_column(key)]
            if column.content_width < max(widths, default=0):
                return False
    return True


async def still(pilot: Pilot[Any]) -> None:
    """Wait until the screen shows its workers' answers, its tables have sized their columns
    and no worker has run for three rounds of messages (a worker's message may start the next
    worker, whose rows a table sizes only when its own queue is idle), then stop the blinking."""
    app = pilot.app
    quiet = 0
    for _ in range(400):
        await pilot.pause()
        await app.workers.wait_for_complete()
        quiet = quiet + 1 if all(worker.is_finished for worker in app.workers) else 0
        if quiet >= 3 and shown(app) and measured(app):
            break
    else:
        raise AssertionError(f"{type(app.screen).__name__} never settled")
    for field in app.screen.query(Input):
        field.cursor_blink = False
    app.clear_notifications()
    await pilot.pause()
    await pilot.pause()


def after(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Settle, press ``keys`` one by one (settling after each), settle."""

    async def run(pilot: Pilot[Any]) -> None:
        await still(pilot)
        for key in keys:
            await pilot.press(key)
            await still(pilot)

    return run


@pytest.mark.parametrize("size", SIZES)
def test_reader(snap_compare: Any, size: tuple[int, int]) -> None:
    """The seed editorial with the first term selected and looked up."""
    assert snap_compare(seed_app(), terminal_size=size, run_before=after("n"))


@pytest.mark.parametrize("size", SIZES)
def test_sentence_view(snap_compare: Any, size: tuple[int, int]) -> None:
    """The sentences of the second row, one row per sentence pair."""
    assert snap_compare(seed_app(), terminal_size=size, run_before=after("j", "v"))


@pytest.mark.parametrize("size", SIZES)
def test_manager(snap_compare: Any, size: tuple[int, int], glossary_dir: Path) -> None:
    """The glossary manager on the user's glossary."""
    GlossaryStore(glossary_dir).add_many(
        "my-terms",
        [
            new_term("雙遏制", "dual containment", tags="politics", id="t1"),
            new_term("聯合聲明", "joint statement", status="learning", id="t2"),
        ],
    )
    assert snap_compare(seed_app(), terminal_size=size, run_before=after("ctrl+g"))


@pytest.mark.parametrize("size", SIZES)
def test_suggestions(snap_compare: Any, size: tuple[int, int]) -> None:
    """The suggested term pairs of the seed editorial."""
    assert snap_compare(seed_app(), terminal_size=size, run_before=after("S"))


@pytest.mark.parametrize("size", SIZES)
def test_review(
    snap_compare: Any, size: tuple[int, int], glossary_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A card of 雙遏制, met in the editorial's third paragraph, with its answer shown (the
    grade keys' intervals without FSRS's random fuzz)."""
    import datetime as dt

    from parallax.app.app import make_review_app
    from parallax.core.bundled import bundled_document_path
    from parallax.core.readers import load_document

    doc = load_document(bundled_document_path())
    zh = next(p for p in doc.zh_texts if "雙遏制" in p)
    en = next(p for p in doc.en_texts if "dual containment" in p)
    GlossaryStore(glossary_dir).add(
        "my-terms",
        new_term(
            "雙遏制",
            "dual containment",
            id="t1",
            pinyin="shuāng è zhì",
            jyutping="soeng1 aat3 zai3",
            context_zh=zh,
            context_en=en,
            source="Ming Pao editorial",
            source_date="2025-05-12",
        ),
    )
    monkeypatch.setattr("fsrs.scheduler.random", lambda: 0.5)
    now = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    app = make_review_app(clock=lambda: now)
    assert snap_compare(app, terminal_size=size, run_before=after("space"))
