"""The reader opening its other screens: suggested terms (S) and the glossary manager (ctrl+g)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.app.app import make_app
from parallax.app.reader.screen import ReaderScreen
from parallax.core.bundled import bundled_document_path
from parallax.core.glossary import GlossaryStore, new_term
from parallax.core.readers import load_document
from tests.app_support import hold, own_app, ready, settle, told


async def open_manager(app, pilot, glossary: str) -> None:  # type: ignore[no-untyped-def]
    """ctrl+g in the reader, then show ``glossary`` in the manager."""
    await pilot.press("ctrl+g")
    await settle(app, pilot)
    assert type(app.screen).__name__ == "GlossaryManagerScreen"
    glossaries = app.screen.query_one("#glossaries")
    glossaries.highlighted = glossaries.get_option_index(glossary)
    await settle(app, pilot)


async def test_accepting_the_first_suggestion_saves_and_lights_it(glossary_dir: Path) -> None:
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await pilot.press("S")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "SuggestionsScreen"
        await pilot.press("enter")  # accept the first: 雙遏制 / dual containment
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        lines = (glossary_dir / "my-terms.tsv").read_text(encoding="utf-8").splitlines()
        assert [line.split("\t")[1:3] for line in lines[1:]] == [["雙遏制", "dual containment"]]
        row = next(i for i, r in enumerate(view.rows) if "雙遏制" in r.zh_text)
        marks = view.marks(row)
        assert any(view.text(row, "en")[m.start : m.end] == "dual containment" for m in marks.en)
        await pilot.press("u")  # the reader's undo takes it back
        await settle(app, pilot)
        assert len((glossary_dir / "my-terms.tsv").read_text(encoding="utf-8").splitlines()) == 1


async def test_the_manager_switches_the_writable_glossary_for_the_reader(
    glossary_dir: Path,
) -> None:
    GlossaryStore(glossary_dir, writable_name="law").add("law", new_term("條約", "treaty"))
    app = make_app(load_document(bundled_document_path()))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await open_manager(app, pilot, "law")
        await pilot.press("w", "escape")
        await settle(app, pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.glossary is not None and reader.glossary.writable == "law"
        await pilot.press("slash", *"雙遏制", "enter")
        await settle(app, pilot)
        await pilot.press("a", "enter")
        await settle(app, pilot)
    assert "雙遏制\tdual containment" in (glossary_dir / "law.tsv").read_text(encoding="utf-8")
    assert not (glossary_dir / "my-terms.tsv").exists()


async def test_a_suggestion_already_in_the_glossary_completes_it(
    glossary_dir: Path,
) -> None:
    """One term, one row: the accepted pair completes the row that is there (its context)."""
    GlossaryStore(glossary_dir).add("my-terms", new_term("雙遏制", "dual containment"))
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("S")
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("enter")  # 雙遏制 / dual containment: in my-terms already
        await settle(app, pilot)
        assert screen.choices.accepted == {("雙遏制", "dual containment")}  # type: ignore[attr-defined]
        messages = told(app)
        assert any("updated 雙遏制 / dual containment in my-terms" in m for m in messages)
    (term,) = GlossaryStore(glossary_dir).load("my-terms").terms
    assert term.en == "dual containment" and "雙遏制" in term.context_zh


async def test_manager_export_dialog_exports_on_enter(glossary_dir: Path, tmp_path: Path) -> None:
    GlossaryStore(glossary_dir).add("my-terms", new_term("雙遏制", "dual containment"))
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await open_manager(app, pilot, "my-terms")
        await pilot.press("x")
        await pilot.pause()
        path = app.screen.query_one("#path")
        assert path.has_focus
        path.value = str(tmp_path / "terms.csv")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(app, pilot)
    exported = (tmp_path / "terms.csv").read_text(encoding="utf-8")
    assert "雙遏制,雙遏制,双遏制,dual containment" in exported


async def test_fixer_keys_with_nothing_to_do_say_so() -> None:
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await pilot.press("G", "m")  # the last row has no next row
        await pilot.pause()
        assert any("nothing to merge" in m for m in told(app))
        assert view.cursor == len(view.rows) - 1


async def test_manager_u_right_after_a_second_delete_takes_back_that_one(
    glossary_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = GlossaryStore(glossary_dir)
    store.add("my-terms", new_term("雙遏制", "dual containment"))
    store.add("my-terms", new_term("聯合聲明", "joint statement"))
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await open_manager(app, pilot, "my-terms")
        release = hold(monkeypatch, GlossaryStore, "remove")
        await pilot.press("d", "down", "d", "u")  # delete both, take back the second at once
        release.set()
        await settle(app, pilot)
    assert [t.zh for t in GlossaryStore(glossary_dir).load("my-terms").terms] == ["聯合聲明"]


async def test_closing_the_manager_before_a_delete_is_written_still_updates_the_reader(
    glossary_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    GlossaryStore(glossary_dir).add("my-terms", new_term("雙遏制", "dual containment"))
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        row = next(i for i, r in enumerate(view.rows) if "雙遏制" in r.zh_text)
        assert view.marks(row).zh
        await open_manager(app, pilot, "my-terms")
        release = hold(monkeypatch, GlossaryStore, "remove")
        await pilot.press("d", "escape")
        release.set()
        await settle(app, pilot)
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert not view.marks(row).zh


async def test_a_failed_re_align_keeps_the_fixes_and_the_keys(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parallax.app import loaders

    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await pilot.press("m")
        await settle(app, pilot)
        merged = len(view.rows)
        saved = list((data_dir / "alignments").glob("*.json"))
        assert saved

        def broken(*_args: object, **_kwargs: object) -> object:
            raise PermissionError("read-only data directory")

        monkeypatch.setattr(loaders, "align_rows", broken)
        await pilot.press("R")
        await settle(app, pilot)
        assert "re-align failed" in str(app.screen.query_one("#status").content)
        assert len(view.rows) == merged and all(p.exists() for p in saved)
        await pilot.press("u")  # the merge is taken back: keys work again
        await settle(app, pilot)
        assert len(view.rows) == merged + 1
