"""Building the glossary while reading: word cursor, proposals, quick add, edit, delete, undo."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.app.app import ParallaxApp, make_app
from parallax.app.widgets.parallel import ParallelView
from parallax.core.bundled import bundled_document_path
from parallax.core.glossary import GlossaryStore, new_term
from parallax.core.readers import load_document
from tests.app_support import hold, own_app, ready, settle, told


async def select_by_search(app: ParallaxApp, pilot: object, text: str) -> None:
    await pilot.press("slash", *text, "enter")  # type: ignore[attr-defined]
    await settle(app, pilot)


def shown(view: ParallelView) -> str:
    sel = view.selection
    assert sel is not None
    return view.text(sel.row, sel.lang)[sel.start : sel.end]


def lit(view: ParallelView, row: int, lang: str) -> list[str]:
    marks = view.marks(row)
    return [view.text(row, lang)[m.start : m.end] for m in (marks.zh if lang == "zh" else marks.en)]  # type: ignore[arg-type]


def rows_of(glossary_dir: Path, name: str = "my-terms") -> list[list[str]]:
    lines = (glossary_dir / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:]]


async def test_select_then_two_keys_save_the_proposed_english_lit_on_both_sides(
    glossary_dir: Path,
) -> None:
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await select_by_search(app, pilot, "雙遏制")
        assert shown(view) == "雙遏制"
        row = view.selection.row  # type: ignore[union-attr]
        await pilot.press("a", "enter")  # propose, save: two keys
        await settle(app, pilot)
        saved = rows_of(glossary_dir)
        assert [(r[1], r[2]) for r in saved] == [("雙遏制", "dual containment")]
        assert "dual containment" in saved[0][10]  # the English paragraph as context
        assert "雙遏制" in saved[0][9] and "Ming Pao" in saved[0][11]
        assert "雙遏制" in lit(view, row, "zh")
        assert "dual containment" in lit(view, row, "en")
        panel = str(app.screen.query_one("#lookup").content)
        assert "status: new" in panel and "Ming Pao" in panel  # the saved entry, not proposals
    app = own_app()  # after a restart
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        assert "雙遏制" in lit(view, row, "zh") and "dual containment" in lit(view, row, "en")


async def test_enter_right_after_a_waits_for_the_proposal(glossary_dir: Path) -> None:
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await select_by_search(app, pilot, "雙遏制")
        await pilot.press("enter")  # one key: propose and save
        await settle(app, pilot)
        assert [(r[1], r[2]) for r in rows_of(glossary_dir)] == [("雙遏制", "dual containment")]


async def test_a_again_cycles_the_proposals_and_A_opens_the_dialog_on_the_one_shown(
    glossary_dir: Path,
) -> None:
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await select_by_search(app, pilot, "雙遏制")
        await pilot.press("a")
        await settle(app, pilot)
        screen = app.screen
        proposals = screen.changes.pending.proposals  # type: ignore[attr-defined]
        assert proposals and proposals[0].text == "dual containment"
        assert "dual containment" in str(screen.query_one("#lookup").content)
        await pilot.press("a")  # the next proposal (the same one when there is only one)
        index = 1 % len(proposals)
        assert screen.changes.pending.index == index  # type: ignore[attr-defined]
        await pilot.press("A")
        await pilot.pause()
        assert app.screen.query_one("#zh").value == "雙遏制"
        assert app.screen.query_one("#en").value == proposals[index].text
        await pilot.press("escape")
        await settle(app, pilot)
        assert not (glossary_dir / "my-terms.tsv").exists()
        assert view.selection is not None


async def test_starting_from_the_english_proposes_the_chinese(glossary_dir: Path) -> None:
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await select_by_search(app, pilot, "dual containment")
        assert view.selection is not None and view.selection.lang == "en"
        await pilot.press("a", "enter")
        await settle(app, pilot)
        assert [(r[1], r[2].lower()) for r in rows_of(glossary_dir)] == [
            ("雙遏制", "dual containment")
        ]


async def test_edit_delete_and_undo_from_the_lookup(glossary_dir: Path) -> None:
    store = GlossaryStore(glossary_dir)
    store.add("my-terms", new_term("聯合聲明", "joint declaration"))
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("n")  # the first highlighted term
        await pilot.press("e")
        await pilot.pause()
        english = app.screen.query_one("#en")
        english.value = "joint statement"
        await pilot.press("enter")
        await settle(app, pilot)
        assert [(r[1], r[2]) for r in rows_of(glossary_dir)] == [("聯合聲明", "joint statement")]
        await pilot.press("n", "d")
        await settle(app, pilot)
        assert rows_of(glossary_dir) == []
        await pilot.press("u")  # the deletion
        await settle(app, pilot)
        assert [(r[1], r[2]) for r in rows_of(glossary_dir)] == [("聯合聲明", "joint statement")]
        await pilot.press("u")  # the edit
        await settle(app, pilot)
        assert [(r[1], r[2]) for r in rows_of(glossary_dir)] == [("聯合聲明", "joint declaration")]
    assert len(list((glossary_dir / ".backups").iterdir())) >= 1


async def test_undo_of_a_quick_add_removes_the_term_and_its_highlight(glossary_dir: Path) -> None:
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await select_by_search(app, pilot, "雙遏制")
        row = view.selection.row  # type: ignore[union-attr]
        await pilot.press("a", "enter")
        await settle(app, pilot)
        assert "雙遏制" in lit(view, row, "zh")
        await pilot.press("u")
        await settle(app, pilot)
        assert rows_of(glossary_dir) == []
        assert "雙遏制" not in lit(view, row, "zh")


async def test_reference_terms_cannot_be_edited_from_the_reader(glossary_dir: Path) -> None:
    app = make_app(load_document(bundled_document_path()))  # the starter is read-only
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("n", "d")
        await settle(app, pilot)
        assert not (glossary_dir / "my-terms.tsv").exists()
        assert any("read-only" in m for m in told(app))


async def test_word_cursor_moves_by_jieba_words_and_tab_goes_to_the_english() -> None:
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await pilot.press("l")
        assert shown(view) == "國家"
        await pilot.press("l")
        assert shown(view) == "主席"
        await pilot.press("h")
        assert shown(view) == "國家"
        await pilot.press("L", "L")
        assert shown(view) == "國家主席"
        await pilot.press("H")
        assert shown(view) == "國家主"
        view.move_cursor(1)
        await pilot.press("tab")
        assert view.selection is not None and view.selection.lang == "en"
        assert shown(view) == "The"
        await pilot.press("l", "L")
        assert shown(view) == "primary purpose"
        await pilot.press("H")
        assert shown(view) == "primary"


async def test_tab_after_a_goes_to_the_proposed_translation() -> None:
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await select_by_search(app, pilot, "雙遏制")
        await pilot.press("a")
        await settle(app, pilot)
        await pilot.press("tab")
        assert view.selection is not None and view.selection.lang == "en"
        assert shown(view) == "dual containment"


async def test_word_cursor_stops_on_a_glossary_term_whole(glossary_dir: Path) -> None:
    GlossaryStore(glossary_dir).add("my-terms", new_term("國家主席", "president"))
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await pilot.press("l")
        assert shown(view) == "國家主席"
        await pilot.press("tab")  # no highlight of it in the row's English: first word there
        await pilot.press("l")
        assert view.selection is not None and view.selection.row == 0


async def test_mouse_drag_selects_the_characters_dragged_over() -> None:
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        line = view.render_line(0).text
        x = line.index("國家主席")
        cells = len(line[:x]) + sum(1 for c in line[:x] if c >= "\u2e80")
        await pilot.mouse_down(ParallelView, offset=(cells, 0))
        await pilot.hover(ParallelView, offset=(cells + 6, 0))  # the fourth character
        await pilot.mouse_up(ParallelView, offset=(cells + 6, 0))
        await pilot.pause()
        assert shown(view) == "國家主席"


async def test_the_glossary_translation_is_proposed(glossary_dir: Path) -> None:
    GlossaryStore(glossary_dir, writable_name="law").add("law", new_term("國家主席", "President"))
    app = make_app(load_document(bundled_document_path()), glossaries=("my-terms", "law"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("l", "a")
        await settle(app, pilot)
        proposal = app.screen.changes.pending.proposal  # type: ignore[attr-defined]
        assert (proposal.text, proposal.origin) == ("President", "glossary")


async def test_enter_then_moving_on_saves_the_term_selected_at_enter(
    glossary_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parallax.core.suggest import propose

    release = hold(monkeypatch, propose, "propose_en")
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await pilot.press("slash", *"雙遏制", "enter")
        await pilot.pause()
        while app.screen.view.matches == []:  # type: ignore[attr-defined]
            await pilot.pause()
        await pilot.press("enter")  # propose (late) and save
        await pilot.press("l")  # move on before the proposal arrives
        moved = shown(view)
        release.set()
        await settle(app, pilot)
        assert moved != "雙遏制"
        assert [(r[1], r[2]) for r in rows_of(glossary_dir)] == [("雙遏制", "dual containment")]
        assert app.screen.changes.pending is None  # type: ignore[attr-defined]


async def test_u_right_after_a_second_save_takes_back_that_one(
    glossary_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await select_by_search(app, pilot, "雙遏制")
        await pilot.press("a")
        await settle(app, pilot)
        release = hold(monkeypatch, GlossaryStore, "add")
        await pilot.press("enter")  # the first save, held back
        await pilot.press("slash", *"經濟制裁", "enter")
        await pilot.pause()
        while not app.screen.view.matches:  # type: ignore[attr-defined]
            await pilot.pause()
        await pilot.press("a")
        while app.screen.changes.pending is None or app.screen.changes.pending.proposals is None:  # type: ignore[attr-defined]
            await pilot.pause()
        await pilot.press("enter", "u")  # the second save, then undo at once
        release.set()
        await settle(app, pilot)
    assert [r[1] for r in rows_of(glossary_dir)] == ["雙遏制"]


async def test_enter_then_a_or_enter_on_the_next_word_saves_both(
    glossary_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await select_by_search(app, pilot, "雙遏制")
        from parallax.core.suggest import propose

        release = hold(monkeypatch, propose, "propose_en")
        await pilot.press("enter")  # save 雙遏制 once proposed
        await pilot.press("slash", *"經濟制裁", "enter")  # meanwhile, on to another term
        while not view.selection or shown(view) != "經濟制裁":
            await pilot.pause()
        await pilot.press("a", "enter")  # propose and save that one too
        release.set()
        await settle(app, pilot)
        assert {r[1] for r in rows_of(glossary_dir)} == {"雙遏制", "經濟制裁"}


async def test_a_proposal_is_not_reused_once_the_rows_changed(glossary_dir: Path) -> None:
    from parallax.app.model import Selection

    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await select_by_search(app, pilot, "雙遏制")
        sel = view.selection
        assert sel is not None
        await pilot.press("a")
        await settle(app, pilot)
        view.move_cursor(sel.row - 1)
        await pilot.press("m")  # the rows change: the same offsets now show other text
        await settle(app, pilot)
        same = Selection(sel.row, "zh", sel.start, sel.end)
        view.move_cursor(sel.row)
        view.select(same)
        now = view.text(sel.row, "zh")[sel.start : sel.end]
        assert now != "雙遏制"
        await pilot.press("enter")
        await settle(app, pilot)
        if type(app.screen).__name__ == "AddTermScreen":  # nothing proposed: type it
            assert app.screen.query_one("#zh").value == now
        else:  # saved with its own proposal
            assert [r[1] for r in rows_of(glossary_dir)] == [now]
