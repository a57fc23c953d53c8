"""Reader regressions: markup in user text, search look-ups, provisional rows, help, header."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from parallax.app.app import ParallaxApp, make_app
from parallax.app.screens.reader import ReaderScreen
from parallax.app.widgets.parallel import ParallelView
from parallax.core.bundled import bundled_document_path
from parallax.core.readers import load_document


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the module: CC-CEDICT's cache is built once."""
    return tmp_path_factory.mktemp("app-cache")


@pytest.fixture(autouse=True)
def glossary_dir(tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh glossary and data directory per test; the shared cache."""
    directory = tmp_path / "glossaries"
    monkeypatch.setenv("PARALLAX_GLOSSARY_DIR", str(directory))
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(tmp_path / "data"))
    return directory


def seed_app() -> ParallaxApp:
    return make_app(load_document(bundled_document_path()))


async def ready(app: ParallaxApp, pilot: object) -> ParallelView:
    """Wait until every background step is done; the parallel view."""
    await pilot.pause()  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, ReaderScreen)
    return app.screen.query_one(ParallelView)


# ------------------------------------------------------------------ markup in user text
async def test_search_without_match_for_markup_like_text_does_not_crash() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        view = await ready(app, pilot)
        await pilot.press("slash", *"[/zzz]", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.selection is None
        assert any("[/zzz]" in str(n.message) for n in app._notifications)
    assert app.return_code in (0, None)


async def test_worker_error_with_markup_is_shown_literally() -> None:
    from parallax.app.messages import StepFailed

    app = seed_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(app, pilot)
        app.screen.post_message(StepFailed("glossary", "x.tsv: bad row [/b] [red]"))
        await pilot.pause()
        await pilot.pause()
        assert any("[/b] [red]" in str(n.message) for n in app._notifications)
    assert app.return_code in (0, None)


class _CrashedApp:
    return_code = 1

    def run(self) -> None:
        pass


def test_read_command_returns_the_apps_return_code(monkeypatch: pytest.MonkeyPatch) -> None:
    from parallax.app import app as app_module
    from parallax.cli import read

    monkeypatch.setattr(app_module, "make_app", lambda *a, **k: _CrashedApp())
    args = argparse.Namespace(
        doc=None,
        doc_optional=True,
        zh=None,
        en=None,
        units="paragraphs",
        encoding=None,
        glossary=[],
        glossary_dir=None,
    )
    assert read.run(args) == 1


# ------------------------------------------------------------------ search look-ups
async def test_pinyin_search_hit_shows_the_glossary_entry() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await pilot.press("slash", *"shuang e zhi", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        sel = view.selection
        assert sel is not None and view.zh_shown[sel.row][sel.start : sel.end] == "雙遏制"
        assert sel.term_ids
        shown = str(app.screen.query_one("#lookup").content)
        assert "dual containment" in shown and "not in the glossary" not in shown


async def test_search_hit_outside_the_glossary_looks_up_the_dictionary() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await pilot.press("slash", *"國家主", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        sel = view.selection
        assert sel is not None and (sel.row, sel.start, sel.end) == (0, 0, 3)
        assert not sel.term_ids
        shown = str(app.screen.query_one("#lookup").content)
        assert "CC-CEDICT" in shown and "國家主席" in shown
