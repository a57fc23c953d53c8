"""Reader regressions: markup in user text, search look-ups, provisional rows, help, header."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pytest

from parallax.app.app import make_app
from parallax.core.bundled import bundled_document_path
from parallax.core.readers import load_document
from tests.app_support import ready, seed_app, told


# ------------------------------------------------------------------ markup in user text
async def test_search_without_match_for_markup_like_text_does_not_crash() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        view = await ready(app, pilot)
        await pilot.press("slash", *"[/zzz]", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.selection is None
        assert any("[/zzz]" in m for m in told(app))
    assert app.return_code in (0, None)


async def test_worker_error_with_markup_is_shown_literally() -> None:
    from parallax.app.messages import StepFailed

    app = seed_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(app, pilot)
        app.screen.post_message(StepFailed("glossary", "x.tsv: bad row [/b] [red]"))
        await pilot.pause()
        await pilot.pause()
        assert any("[/b] [red]" in m for m in told(app))
    assert app.return_code in (0, None)


class _CrashedApp:
    return_code = 1

    def run(self) -> None:
        pass


def test_read_command_returns_the_apps_return_code(monkeypatch: pytest.MonkeyPatch) -> None:
    from parallax.app import app as app_module
    from parallax.cli import read

    monkeypatch.setattr(app_module, "make_app", lambda *a, **k: _CrashedApp())
    monkeypatch.setattr(read, "check_terminal", lambda: None)  # the tests have no terminal
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


# ------------------------------------------------------------------ rows shown at once
@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The aligner's cache in a directory of this test only."""
    from parallax.core import alignment_store

    directory = tmp_path / "alignment-cache"
    monkeypatch.setattr(alignment_store, "cache_dir", lambda: directory)
    return directory


def no_aligner(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the rows the reader opened with (the background aligner 'is missing')."""
    from parallax.app import loaders

    def missing(*_args: object) -> None:
        raise ImportError("no aligner")

    monkeypatch.setattr(loaders, "align_rows", missing)


async def test_aligner_result_is_cached_and_shown_at_once_next_time(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parallax.core.alignment_store import cached_alignment

    doc = load_document(bundled_document_path())
    assert cached_alignment(doc.zh_texts, doc.en_texts) is None
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        aligned = [(r.zh, r.en) for r in (await ready(app, pilot)).rows]
    assert cached_alignment(doc.zh_texts, doc.en_texts) is not None
    no_aligner(monkeypatch)
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        assert [(r.zh, r.en) for r in view.rows] == aligned
        assert view.rows[0].zh == (0,) and view.rows[0].en == ()  # not beside the wrong English


async def test_without_cache_rows_are_paired_by_length_not_in_file_order(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before the aligner has run, the seed's untranslated first paragraph already stands alone
    (file order would put every row beside the wrong English); the rows are unscored."""
    no_aligner(monkeypatch)
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        assert [(r.zh, r.en) for r in view.rows] == [((0,), ())] + [
            ((k,), (k - 1,)) for k in range(1, 6)
        ]
        assert all(r.score is None for r in view.rows)


async def test_hand_fixed_alignment_comes_before_the_cache(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parallax.core.align.bead import Bead
    from parallax.core.alignment_store import cache_alignment, save_alignment

    doc = load_document(bundled_document_path())
    one_to_one = [Bead((0,), (), 1.0)] + [Bead((i,), (i - 1,), 1.0) for i in range(1, 6)]
    cache_alignment(doc.zh_texts, doc.en_texts, one_to_one)
    merged = [Bead((0, 1), (0,), 1.0)] + [Bead((i,), (i - 1,), 1.0) for i in range(2, 6)]
    save_alignment(doc.zh_texts, doc.en_texts, merged)
    no_aligner(monkeypatch)
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        assert len(view.rows) == 5 and view.rows[0].zh == (0, 1)


async def test_damaged_hand_fixed_alignment_is_reported(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parallax.core.alignment_store import alignment_path

    doc = load_document(bundled_document_path())
    path = alignment_path(doc.zh_texts, doc.en_texts)
    path.parent.mkdir(parents=True)
    path.write_text('{"beads": [{"zh": [0], "en": []}]', encoding="utf-8")
    app = seed_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        view = await ready(app, pilot)
        said = told(app)
        assert len(said) == 1 and str(path) in said[0] and "\n" not in said[0]
        assert len(view.rows) == 6  # aligned afresh


# ------------------------------------------------------------------ sentence view and script
def sentence_texts(screen: object, lang: str) -> list[str]:
    view = screen.query_one("SentenceView")  # type: ignore[attr-defined]
    return [view.text(row, lang) for row in range(len(view.rows))]


def cursor_sentence(screen: object) -> tuple[str, int, str]:
    """The cursor's side, sentence and the other side of its row, as the sentence view has them."""
    view = screen.query_one("SentenceView")  # type: ignore[attr-defined]
    other = "en" if view.side == "zh" else "zh"
    return view.side, view.current, view.text(view.cursor, other)


async def test_sentence_view_follows_the_script_toggle() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        row = next(i for i, r in enumerate(view.rows) if "雙遏制" in r.zh_text)
        view.move_cursor(row)
        await pilot.press("t", "v")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "SentenceScreen"
        zh = " ".join(sentence_texts(screen, "zh"))
        assert "双遏制" in zh and "雙遏制" not in zh
        await pilot.press("down")
        await pilot.pause()
        current = cursor_sentence(screen)
        await pilot.press("t")  # back to Traditional, here and in the reader
        await pilot.pause()
        zh = " ".join(sentence_texts(screen, "zh"))
        assert "雙遏制" in zh and "双遏制" not in zh
        assert cursor_sentence(screen) == current and current[:2] == ("zh", 1) and current[2]
        await pilot.press("escape")
        assert "雙遏制" in view.zh_shown[row]


# ------------------------------------------------------------------ keys panel
async def test_keys_panel_at_80x24_shows_parallax_keys_first_grouped() -> None:
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        panel = app.screen.query_one("KeysPanel")
        text = str(panel.query_one("#keys").content)
        lines = text.splitlines()
        assert lines[0] == "reading" and "Next row" in lines[1]
        assert panel.scroll_y == 0 and panel.content_region.height >= 8
        assert panel.content_region.width >= max(len(line) for line in lines[:8])
        groups = ["reading", "terms", "search", "display", "alignment fixer"]
        assert [line for line in lines if line in groups] == groups
        assert "Scroll" not in text and "Next term" in text and "Merge row" in text
        await app.run_action("show_help_panel")  # the palette's "Keys": the same panel
        await pilot.pause()
        assert len(app.screen.query("KeysPanel")) == 1 and not app.screen.query("HelpPanel")


# ------------------------------------------------------------------ header
@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        (dict(source="rd.txt", path=Path("/x/rd.txt")), ("rd.txt", "")),
        (
            dict(source="rd.txt", path=Path("rd.txt"), date=dt.date(2025, 5, 12)),
            ("rd.txt", "2025-05-12"),
        ),
        (dict(source="a.zh.txt + a.en.txt", path=Path("a.zh.txt")), ("a.zh.txt + a.en.txt", "")),
        (dict(source="Ming Pao editorial", path=Path("s.txt")), ("s.txt", "Ming Pao editorial")),
        (dict(source="text"), ("text", "")),
        (dict(source=""), ("parallax", "")),
        (
            dict(source="Ming Pao", title_zh="社評", date=dt.date(2025, 5, 12)),
            ("社評", "Ming Pao · 2025-05-12"),
        ),
    ],
)
def test_header_names_the_file_once(meta: dict, expected: tuple[str, str]) -> None:
    from parallax.app.model import titles
    from parallax.core.document import Metadata

    assert titles(Metadata(**meta)) == expected


async def test_header_of_an_untitled_file(tmp_path: Path) -> None:
    path = tmp_path / "rd.txt"
    path.write_text("中國和俄羅斯。\n\nChina and Russia.\n", encoding="utf-8")
    app = make_app(load_document(path))
    async with app.run_test(size=(100, 20)) as pilot:
        await ready(app, pilot)
        assert (app.screen.title, app.screen.sub_title) == ("rd.txt", "")


async def test_arrow_page_home_and_end_keys_move_the_row_cursor() -> None:
    """The view is a ScrollView: its own scroll keys used to swallow these."""
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        moves = []
        for key in ("down", "down", "up", "end", "home", "pagedown"):
            await pilot.press(key)
            moves.append(view.cursor)
        last = len(view.rows) - 1
        assert moves[:5] == [1, 2, 1, last, 0] and moves[5] > 0
