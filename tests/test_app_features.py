"""Reader features beyond the basics: toggles, sentence view, palette, help, mouse, checks."""

from __future__ import annotations

from pathlib import Path

from parallax.app.app import make_app
from parallax.app.highlight import MISSING_STYLE
from parallax.app.reader.screen import ReaderScreen
from parallax.app.widgets.parallel import ParallelView
from parallax.core.readers import load_document
from tests.app_support import ready, seed_app


async def test_swap_puts_english_on_the_left() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        view.move_cursor(1, top=True)
        await pilot.press("s")
        await pilot.pause()
        first = view.render_line(0).text
        assert first.index("The primary") < first.index("習近平")


async def test_pinyin_then_jyutping_under_the_cursor_row() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.note.startswith("guó jiā zhǔ xí")
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.note.startswith("gwok3 gaa1")
        await pilot.press("j")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.note.startswith("zaap6 gan6 ping4")  # 習近平, the next row
        await pilot.press("p")
        await app.workers.wait_for_complete()
        assert view.note == ""


async def test_sentence_view_lights_the_matching_english() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        view.move_cursor(1)
        await pilot.press("v")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "SentenceScreen"
        sentences = screen.query_one("SentenceView")
        assert (sentences.side, sentences.current, sentences.cursor) == ("zh", 0, 0)
        assert "Xi's visit" in sentences.text(sentences.cursor, "en")
        await pilot.press("down")
        await pilot.pause()
        assert "joint statement" in sentences.text(sentences.cursor, "en")
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_every_action_is_in_the_command_palette() -> None:
    from parallax.app.commands import ReaderCommands
    from parallax.app.keys import all_bindings

    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        provider = ReaderCommands(app.screen)
        names = [hit.text async for hit in provider.discover()]
        wanted = {
            b.description for b in all_bindings() if b.action not in ("quit", "command_palette")
        }
        assert wanted <= set(names)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"swap", "enter")
        await pilot.pause()
        assert app.screen.query_one(ParallelView).swapped


async def test_question_mark_shows_the_keys() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.query("KeysPanel")
        await pilot.press("question_mark")
        await pilot.pause()
        assert not app.screen.query("KeysPanel")


async def test_click_on_a_term_looks_it_up() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        row = next(i for i, r in enumerate(view.rows) if "雙遏制" in r.zh_text)
        view.move_cursor(row, top=True)
        await pilot.pause()
        y, x = next(
            (y, line.index("雙遏制"))
            for y in range(view.size.height)
            if "雙遏制" in (line := view.render_line(y).text)
        )
        cells = len(line[:x]) + sum(1 for c in line[:x] if c >= "\u2e80")
        await pilot.click(ParallelView, offset=(cells + 1, y))
        await pilot.pause()
        sel = view.selection
        assert sel is not None and view.zh_shown[sel.row][sel.start : sel.end] == "雙遏制"
        assert "dual containment" in str(app.screen.query_one("#lookup").content)


async def test_missing_translation_is_marked(tmp_path: Path) -> None:
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("美國實施雙遏制。\n", encoding="utf-8")
    en.write_text("The US does something else entirely.\n", encoding="utf-8")
    app = make_app(load_document(zh=zh, en=en))
    async with app.run_test(size=(100, 20)) as pilot:
        view = await ready(app, pilot)
        mark = next(m for m in view.marks(0).zh if view.zh_shown[0][m.start : m.end] == "雙遏制")
        assert mark.missing and mark.style == MISSING_STYLE


async def test_fixing_the_alignment_is_saved_and_reused(data_dir: Path) -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await pilot.press("m")  # merge the Chinese-only first row with the next
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(view.rows) == 5
        assert (view.rows[0].zh, view.rows[0].en) == ((0, 1), (0,))
        assert "fixed by hand" in str(app.screen.query_one("#status").content)
    saved = list((data_dir / "alignments").glob("*.json"))
    assert len(saved) == 1
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        assert len(view.rows) == 5 and view.rows[0].zh == (0, 1)
        await pilot.press("x")  # split it: one to one, the leftover alone
        await app.workers.wait_for_complete()
        assert [r.zh for r in view.rows[:2]] == [(0,), (1,)]


def test_every_key_of_the_keys_list_has_its_action_on_its_owner() -> None:
    """Adding a key is one Binding in app/keys.py and one action on its owner: a binding whose
    owner lacks the action (a typo, a forgotten method) would do nothing when pressed."""
    from parallax.app.app import ParallaxApp
    from parallax.app.keys import APP, KEY_GROUPS, READER, VIEW

    owners = {VIEW: ParallelView, READER: ReaderScreen, APP: ParallaxApp}

    def acts(cls: type, action: str) -> bool:
        return callable(getattr(cls, f"action_{action.split('(')[0]}", None))

    missing = [  # an action the owner lacks goes on to the app (as ctrl+q's quit does)
        (owner, binding.action)
        for group in KEY_GROUPS
        for owner, binding in group.keys
        if not (acts(owners[owner], binding.action) or acts(ParallaxApp, binding.action))
    ]
    assert missing == []


def test_every_key_of_the_manager_has_its_action_on_its_owner() -> None:
    """The glossary manager's keys (app/keys.py too): the table's on the table, the rest on the
    screen."""
    from parallax.app.keys import MANAGER_SCREEN, MANAGER_TABLE
    from parallax.app.manager.screen import GlossaryManagerScreen
    from parallax.app.manager.terms_table import TermsTable

    owned = [(TermsTable, b) for b in MANAGER_TABLE] + [
        (GlossaryManagerScreen, b) for b in MANAGER_SCREEN
    ]
    missing = [
        (owner.__name__, b.action)
        for owner, b in owned
        if not callable(getattr(owner, f"action_{b.action.split('(')[0]}", None))
    ]
    assert missing == []
    assert TermsTable.BINDINGS == MANAGER_TABLE and GlossaryManagerScreen.BINDINGS == MANAGER_SCREEN
