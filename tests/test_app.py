"""The reader app, driven with Textual's pilot on the seed and on small documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.app.app import make_app
from parallax.app.widgets.parallel import ParallelView
from parallax.core.readers import load_document
from tests.app_support import ready, seed_app


def screen_text(view: ParallelView) -> str:
    """The text of the view's visible lines."""
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


def mark_of(marks: tuple, text: str, needle: str):  # type: ignore[no-untyped-def]
    start = text.index(needle)
    return next(m for m in marks if m.start == start and m.end == start + len(needle))


async def test_seed_opens_with_six_rows_first_chinese_only(glossary_dir: Path) -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        assert len(view.rows) == 6
        assert view.rows[0].zh and not view.rows[0].en and not view.rows[0].en_text
        assert all(r.zh and r.en for r in view.rows[1:])
        assert "國家主席習近平" in screen_text(view)
        assert app.screen.sub_title == "Ming Pao editorial · 2025-05-12"


async def test_term_shares_its_colour_across_languages(glossary_dir: Path) -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        row = next(i for i, r in enumerate(view.rows) if "雙遏制" in r.zh_text)
        marks = view.marks(row)
        zh = mark_of(marks.zh, view.zh_shown[row], "雙遏制")
        en = mark_of(marks.en, view.rows[row].en_text, "dual containment")
        assert zh.style == en.style
        assert not zh.missing and zh.term_ids == en.term_ids
        other = mark_of(marks.zh, view.zh_shown[row], "經濟制裁")
        assert other.term_ids != zh.term_ids


async def test_script_toggle_keeps_highlights(glossary_dir: Path) -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        row = next(i for i, r in enumerate(view.rows) if "雙遏制" in r.zh_text)
        before = mark_of(view.marks(row).zh, view.zh_shown[row], "雙遏制").style
        await pilot.press("t")
        assert "双遏制" in view.zh_shown[row] and "雙遏制" not in view.zh_shown[row]
        after = mark_of(view.marks(row).zh, view.zh_shown[row], "双遏制")
        assert after.style == before
        view.move_cursor(row, top=True)
        await pilot.pause()
        assert "双遏制" in screen_text(view)
        await pilot.press("t")
        assert "雙遏制" in view.zh_shown[row]


@pytest.mark.parametrize("query", ["双遏制", "shuang e zhi"])
async def test_search_finds_traditional_by_simplified_and_pinyin(
    glossary_dir: Path, query: str
) -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await pilot.press("slash", *query, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        sel = view.selection
        assert sel is not None and sel.lang == "zh"
        assert view.zh_shown[sel.row][sel.start : sel.end] == "雙遏制"
        first = (sel.row, sel.start)
        await pilot.press("right_square_bracket")
        assert view.selection is not None and (view.selection.row, view.selection.start) != first


async def test_search_english_is_case_insensitive(glossary_dir: Path) -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await pilot.press("slash", *"DUAL", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        sel = view.selection
        assert sel is not None and sel.lang == "en"
        assert view.rows[sel.row].en_text[sel.start : sel.end] == "dual"


async def test_markup_and_escapes_show_literally(glossary_dir: Path, tmp_path: Path) -> None:
    zh = tmp_path / "zh.txt"
    en = tmp_path / "en.txt"
    zh.write_text("[注意] 這是\x1b[31m紅色\x1b[0m的字。\n", encoding="utf-8")
    en.write_text(
        "Say [bold]x[/bold] and \x1b[1mthis\x1b[0m [red]literally[/].\n", encoding="utf-8"
    )
    app = make_app(load_document(zh=zh, en=en))
    async with app.run_test(size=(100, 20)) as pilot:
        view = await ready(app, pilot)
        text = screen_text(view)
        assert "[注意]" in text and "[bold]x[/bold]" in text and "[red]literally[/]" in text
        assert "\x1b" not in text and "紅色" in text


async def test_small_terminal_does_not_crash(glossary_dir: Path) -> None:
    app = seed_app()
    async with app.run_test(size=(60, 20)) as pilot:
        view = await ready(app, pilot)
        for key in ("j", "n", "n", "right", "p", "pagedown", "s", "question_mark", "end", "home"):
            await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen_text(view).strip()


async def test_next_term_shows_its_entry(glossary_dir: Path) -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("n")
        lookup = app.screen.query_one("#lookup")
        assert lookup.display
        shown = str(lookup.content)
        assert "烏克蘭戰爭" in shown and "乌克兰战争" in shown and "Ukraine War" in shown
        assert "wū kè lán" in shown and "wu1 hak1" in shown


async def test_dictionary_entry_for_a_word_not_in_the_glossary(glossary_dir: Path) -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await pilot.press("right")  # jieba's first word
        sel = view.selection
        assert sel is not None and view.zh_shown[0][sel.start : sel.end] == "國家"
        await pilot.press("L", "L")  # grown by two characters
        sel = view.selection
        assert sel is not None and view.zh_shown[0][sel.start : sel.end] == "國家主席"
        shown = str(app.screen.query_one("#lookup").content)
        assert "CC-CEDICT" in shown and "president" in shown.lower()
        # CC-CEDICT's reading with tone marks (not "guo2 jia1 zhu3 xi2"), and Jyutping
        assert "guó jiā zhǔ xí" in shown and "gwok3 gaa1 zyu2 zik6" in shown
        assert "guo2" not in shown


async def test_add_term_with_keys_saves_and_highlights(glossary_dir: Path) -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await pilot.press("right", "L", "L", "A")
        await pilot.pause()
        await pilot.press(*"head of state", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        saved = (glossary_dir / "my-terms.tsv").read_text(encoding="utf-8")
        assert "國家主席\thead of state" in saved
        assert "Ming Pao editorial" in saved and "2025-05-12" in saved
        assert any(m.start == 0 and m.end == 4 for m in view.marks(0).zh)


async def test_added_terms_go_to_the_writable_glossary_named_in_the_environment(
    glossary_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARALLAX_WRITABLE_GLOSSARY", "politics")
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("right", "L", "L", "A")
        await pilot.pause()
        await pilot.press(*"head of state", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert "國家主席\thead of state" in (glossary_dir / "politics.tsv").read_text(encoding="utf-8")
    assert not (glossary_dir / "my-terms.tsv").exists()


def test_cli_rejects_bad_input_before_the_tui(tmp_path: Path, glossary_dir: Path) -> None:
    from parallax.cli.main import main

    assert main(["read", str(tmp_path / "missing.txt")]) == 2
    assert main(["read", "--glossary", "no-such-glossary"]) == 2


def test_the_read_command_imports_textual_only_when_run() -> None:
    import subprocess
    import sys

    code = "import sys, parallax.cli.read; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
