"""The suggestions screen on the seed: accept, edit, reject (remembered), known pairs, closing."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Input, ProgressBar, Static

from parallax.app.dialogs.term import AddTermScreen
from parallax.app.suggestions import tasks as suggestions
from parallax.app.suggestions.screen import SuggestionsScreen
from parallax.app.terms.draft import TermDraft, draft_from
from parallax.core.align import Bead, align_document
from parallax.core.bundled import bundled_document_path
from parallax.core.document import Document
from parallax.core.glossary import GlossaryStore
from parallax.core.readers import load_document
from tests.app_support import ready, seed_app, told

FIRST = ("雙遏制", "dual containment")


@cache
def seed() -> tuple[Document, tuple[Bead, ...]]:
    """The seed editorial and its paragraph alignment (computed once)."""
    doc = load_document(bundled_document_path())
    return doc, tuple(align_document(doc))


class Host(App[None]):
    """A bare app that opens the suggestions screen and records what it is asked to save."""

    def __init__(self, glossary: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__()
        self.doc, self.beads = seed()
        self.glossary = list(glossary)
        self.saved: list[TermDraft] = []

    def on_mount(self) -> None:
        self.open()

    def open(self) -> None:
        self.push_screen(SuggestionsScreen(self.doc, self.beads, self.glossary, self.save))

    def save(self, draft: TermDraft, done: Callable[[bool], None]) -> None:
        self.saved.append(draft)
        done(True)


@pytest.fixture(autouse=True)
def _fresh_results() -> None:
    """Each test computes its own list (the screen keeps the last one for a quick re-open)."""
    suggestions.forget()


async def settle(app: App[None], pilot: object) -> SuggestionsScreen:
    """Wait for the suggestions; the screen."""
    await pilot.pause()  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, SuggestionsScreen)
    return app.screen


def cell(screen: Screen[Any], row: int, column: int) -> str:
    """The text of a table cell."""
    return str(screen.query_one(DataTable).get_cell_at(Coordinate(row, column)))


def pairs(screen: SuggestionsScreen) -> list[tuple[str, str]]:
    """The (Chinese, English) of the table's rows, top to bottom."""
    rows = screen.query_one(DataTable).row_count
    return [(cell(screen, i, 1), cell(screen, i, 2)) for i in range(rows)]


async def test_first_row_is_the_quoted_pair() -> None:
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        assert pairs(screen)[0] == FIRST
        assert not screen.query_one(ProgressBar).display
        current = screen.current()
        assert current is not None and (current.zh, current.en) == FIRST
        assert "雙遏制" in str(screen.query_one("#suggest-context-zh").content)


async def test_enter_saves_a_draft_and_marks_the_row() -> None:
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        first = screen.current()
        assert first is not None
        await pilot.press("enter")
        assert len(app.saved) == 1
        draft = app.saved[0]
        assert (draft.zh, draft.en) == FIRST
        expected = draft_from(app.doc, *FIRST, first.context_zh, first.context_en)
        assert draft == expected
        assert "雙遏制" in draft.context_zh and draft.context_en and draft.source
        table = screen.query_one(DataTable)
        assert "added" in cell(screen, 0, 0)
        assert table.cursor_row == 1  # on to the next suggestion
        await pilot.press("up", "a")  # accepting twice does not save twice
        assert len(app.saved) == 1


async def test_reject_is_remembered_and_undone() -> None:
    from parallax.core.rejections import load_rejections

    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("x")
        assert FIRST not in pairs(screen)
        await app.workers.wait_for_complete()
        assert FIRST in load_rejections(app.doc)
        await pilot.press("escape")
        app.open()
        screen = await settle(app, pilot)
        assert FIRST not in pairs(screen)
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:  # a new session: still rejected
        screen = await settle(app, pilot)
        assert FIRST not in pairs(screen)
        second = pairs(screen)[0]
        await pilot.press("delete")
        assert second not in pairs(screen)
        await pilot.press("u")
        assert pairs(screen)[0] == second
        await app.workers.wait_for_complete()
        assert second not in load_rejections(app.doc)
        assert FIRST in load_rejections(app.doc)


async def test_quick_rejects_and_unrejects_reach_the_file_in_order() -> None:
    from parallax.core.rejections import load_rejections

    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        first, second = pairs(screen)[:2]
        await pilot.press("x", "u", "x", "x", "u", "u", "x")
        assert pairs(screen)[0] == second
        await app.workers.wait_for_complete()
        assert load_rejections(app.doc) == {first}


async def test_edit_saves_the_edited_values() -> None:
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        assert isinstance(app.screen, AddTermScreen)
        app.screen.query_one("#en", Input).value = "dual containment policy"
        app.screen.query_one("#note", Input).value = "[bold]not markup[/]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SuggestionsScreen)
        (draft,) = app.saved
        assert (draft.zh, draft.en, draft.note) == (
            FIRST[0],
            "dual containment policy",
            "[bold]not markup[/]",
        )
        assert "雙遏制" in draft.context_zh
        assert "added" in cell(app.screen, 0, 0)


async def test_edit_cancelled_saves_nothing() -> None:
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SuggestionsScreen)
        assert app.saved == []


async def test_k_hides_and_shows_known_pairs() -> None:
    app = Host(glossary=[FIRST])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        assert FIRST in pairs(screen)
        known = [s for s in screen.choices.suggestions if s.known]
        assert (FIRST[0], FIRST[1]) in {(s.zh, s.en) for s in known}
        row = pairs(screen).index(FIRST)
        assert "known" in cell(screen, row, 0)
        await pilot.press("k")
        assert FIRST not in pairs(screen)
        assert all(not s.known for s in screen.choices.listed())
        await pilot.press("k")
        assert FIRST in pairs(screen)


async def test_escape_and_q_close() -> None:
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("escape")
        assert not isinstance(app.screen, SuggestionsScreen)
        app.open()
        await settle(app, pilot)
        await pilot.press("q")
        assert not isinstance(app.screen, SuggestionsScreen)


async def test_first_paint_does_not_wait_and_shows_progress(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import parallax.core.suggest as suggest

    halfway, go_on = threading.Event(), threading.Event()
    real = suggest.suggest_terms

    def slow(*args: object, **kwargs: object) -> object:
        progress = kwargs["progress"]
        progress(0.5)  # type: ignore[operator]
        halfway.set()
        go_on.wait(10)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(suggest, "suggest_terms", slow)
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        assert await asyncio.to_thread(halfway.wait, 10)
        await pilot.pause()
        waiting = app.screen
        assert isinstance(waiting, SuggestionsScreen)
        assert waiting.query_one(ProgressBar).progress == 50
        assert waiting.query_one(DataTable).row_count == 0
        await pilot.press("enter")  # nothing to accept yet: a warning, no error
        go_on.set()
        screen = await settle(app, pilot)
        assert pairs(screen)[0] == FIRST
        assert app.saved == []


async def test_a_failure_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import parallax.core.suggest as suggest

    def broken(*_args: object, **_kwargs: object) -> object:
        raise ValueError("seed.txt: no\nluck")

    monkeypatch.setattr(suggest, "suggest_terms", broken)
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        status = str(screen.query_one("#suggest-status", Static).content)
        assert status == "no suggestions: seed.txt: no luck"
        assert screen.query_one(DataTable).row_count == 0
        await pilot.press("x", "e", "u")  # nothing to act on: warnings only
        assert isinstance(app.screen, SuggestionsScreen)


async def test_a_damaged_rejections_file_is_named_and_suggestions_still_come() -> None:
    from parallax.core.rejections import rejections_path

    doc, _ = seed()
    path = rejections_path(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settle(app, pilot)
        assert pairs(screen)[0] == FIRST
        assert any(str(path) in m for m in told(app))


async def test_from_the_reader_S_accept_saves_to_the_glossary(glossary_dir: Path) -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("S")
        screen = await settle(app, pilot)
        assert pairs(screen)[0] == FIRST
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.press("escape")
        await ready(app, pilot)
    terms = GlossaryStore(glossary_dir).load("my-terms").terms
    assert [(t.zh, t.en) for t in terms] == [FIRST]
    assert "雙遏制" in terms[0].context_zh and terms[0].source


async def test_opening_again_reuses_the_list(monkeypatch: pytest.MonkeyPatch) -> None:
    from parallax.core import suggest

    calls: list[int] = []
    real = suggest.suggest_terms

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(suggest, "suggest_terms", counted)
    for _ in range(2):
        app = Host()
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await settle(app, pilot)
            assert pairs(screen)[0] == ("雙遏制", "dual containment")
    assert len(calls) == 1
