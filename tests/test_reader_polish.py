"""What a new user tripped over in the reader, the sentence view and the manager (issue 14),
each driven as the user drives it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.coordinate import Coordinate
from textual.strip import Strip
from textual.widgets import DataTable

from parallax.app.highlight import PALETTE, row_colours
from parallax.app.keys import all_bindings
from parallax.app.search import search
from parallax.app.wrap import NO_LINE_START
from parallax.core.glossary import GlossaryStore, new_term
from tests.app_support import own_app, ready, screen_text, seed_app, settle, told
from tests.test_app_review import until


def lit(strip: Strip) -> str:
    """The characters drawn reversed on a line (the selection)."""
    return "".join(s.text for s in strip if s.style is not None and s.style.reverse)


def notes(app: object) -> list[str]:
    return told(app)  # type: ignore[arg-type]


def status(app: object) -> str:
    return str(app.screen.query_one("#status").content)  # type: ignore[attr-defined]


# ------------------------------------------------------------------ sentence view
async def test_sentence_view_shows_one_row_per_sentence_bead() -> None:
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        view = await ready(app, pilot)
        view.move_cursor(2)
        await pilot.press("v")
        await settle(app, pilot)
        screen = app.screen
        sentences = screen.query_one("SentenceView")
        beads = screen.beads  # type: ignore[attr-defined]
        assert len(sentences.rows) == len(beads) >= 3
        for row, bead in zip(sentences.rows, beads, strict=True):
            assert (row.zh, row.en) == (bead.zh, bead.en)  # a sentence beside its translation
        lines = [sentences.render_line(y).text for y in range(sentences.size.height)]
        cells = [part.strip() for line in lines for part in line[2:].split(" │ ")]
        assert cells and not [c for c in cells if c[:1] in NO_LINE_START]


async def test_the_suggestions_context_starts_no_line_with_closing_punctuation() -> None:
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("S")
        await until(app, pilot, lambda: bool(getattr(app.screen, "ready", False)))
        starts = []
        for _ in range(8):  # the first suggestions, each in its context
            for side in ("#suggest-context-zh", "#suggest-context-en"):
                passage = app.screen.query_one(side)
                lines = [passage.render_line(y).text for y in range(passage.size.height)]
                starts += [line.strip()[:1] for line in lines if line.strip()]
            await pilot.press("down")
            await pilot.pause()
        assert starts and not [c for c in starts if c in NO_LINE_START]


@pytest.mark.parametrize("width", [60, 100])
async def test_the_term_dialogs_context_starts_no_line_with_closing_punctuation(
    width: int,
) -> None:
    app = seed_app()
    async with app.run_test(size=(width, 40)) as pilot:
        view = await ready(app, pilot)
        starts = []
        for row in range(1, 6):
            view.move_cursor(row)
            await pilot.press("l", "A")  # the dialog on the row's first word
            await settle(app, pilot)
            for passage in app.screen.query("#context PassageView"):
                lines = [passage.render_line(y).text for y in range(passage.size.height)]
                starts += [line.strip()[:1] for line in lines if line.strip()]
            await pilot.press("escape")
            await settle(app, pilot)
        assert starts and not [c for c in starts if c in NO_LINE_START], starts


# ------------------------------------------------------------------ terms
async def test_A_fills_in_the_english_that_a_would_propose(glossary_dir: Path) -> None:
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await pilot.press("slash", *"雙遏制", "enter")
        await settle(app, pilot)
        assert view.selection is not None
        await pilot.press("A")  # without a first
        await settle(app, pilot)
        assert type(app.screen).__name__ == "AddTermScreen"
        assert app.screen.query_one("#zh").value == "雙遏制"
        assert app.screen.query_one("#en").value == "dual containment"


async def test_the_lookup_says_which_glossary_each_block_comes_from(glossary_dir: Path) -> None:
    GlossaryStore(glossary_dir).add("my-terms", new_term("雙遏制", "dual containment"))
    GlossaryStore(glossary_dir, writable_name="law").add(
        "law", new_term("雙遏制", "dual containment")
    )
    from parallax.app.app import make_app
    from parallax.core.bundled import bundled_document_path
    from parallax.core.readers import load_document

    doc = load_document(bundled_document_path())
    app = make_app(doc, glossaries=("my-terms", "law"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", *"雙遏制", "enter")
        await settle(app, pilot)
        panel = str(app.screen.query_one("#lookup").content)
        assert "[my-terms]" in panel and "[law]" in panel


# ------------------------------------------------------------------ search
def test_pinyin_search_with_or_without_blanks_tones_or_numbers() -> None:
    zh = ["中俄不會結盟，習近平訪俄，雙遏制"]
    for query in ("jie meng", "jiemeng", "jiéméng", "jie2 meng2", "Jie-Meng"):
        assert [zh[0][h.start : h.end] for h in search(zh, [""], query)] == ["結盟"], query
    for query in ("xi jinping", "xijinping", "Xí Jìnpíng"):
        assert [zh[0][h.start : h.end] for h in search(zh, [""], query)] == ["習近平"], query
    assert [zh[0][h.start : h.end] for h in search(zh, [""], "shuangezhi")] == ["雙遏制"]
    assert search(zh, [""], "jiemen") == []  # syllables whole
    assert search(zh, ["the dual containment"], "dual") != []  # English as before


async def test_search_messages_and_escape() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await pilot.press("slash", *"結盟", "enter")
        await settle(app, pilot)
        count = len(view.matches)
        assert count >= 1
        said = "1 match for '結盟'" if count == 1 else f"{count} matches for '結盟'"
        assert said in status(app)
        await pilot.press("slash", *"俄羅斯總統", "enter")
        await settle(app, pilot)
        assert view.selection is None and not view.matches  # nothing of the last search lit
        assert "no match for '俄羅斯總統'" in notes(app)
        await pilot.press("slash", *"雙遏制", "enter")
        await settle(app, pilot)
        assert "matches for" in status(app) or "match for" in status(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "match" not in status(app)
        assert view.selection is None and not view.matches


async def test_n_scrolls_the_term_out_from_under_the_lookup_panel() -> None:
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        view = await ready(app, pilot)
        for _ in range(12):
            await pilot.press("n")
            await pilot.pause()
            sel = view.selection
            assert sel is not None and app.screen.query_one("#lookup").display
            text = view.text(sel.row, sel.lang)[sel.start : sel.end]
            drawn = "".join(lit(view.render_line(y)) for y in range(view.size.height))
            assert text[:2] in drawn, (text, drawn)


# ------------------------------------------------------------------ keys panel
async def test_the_keys_panel_scrolls_at_80x24() -> None:
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        panel = app.screen.query_one("KeysPanel")
        assert panel.max_scroll_y > 0 and app.screen.focused is panel
        await pilot.press("end")
        await pilot.pause()
        assert panel.scroll_y == panel.max_scroll_y
        await pilot.press("question_mark")
        await pilot.pause()
        assert not app.screen.query("KeysPanel")
        assert type(app.screen.focused).__name__ == "ParallelView"


async def test_every_key_of_the_keys_panel_is_readable_whole_at_80_columns() -> None:
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        seen = screen_text(app)
        for _ in range(4):
            await pilot.press("pagedown")
            await pilot.pause()
            seen += screen_text(app)
        cut = [b.description for b in all_bindings() if b.description not in seen]
        assert cut == []


# ------------------------------------------------------------------ fixer
async def test_a_fix_that_changes_a_confirmed_row_says_so_and_the_tick_stays_visible() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await pilot.press("j", "c")
        await settle(app, pilot)
        top = view.row_top(1) - round(view.scroll_y)
        assert view.render_line(top).text.startswith("▌✓")  # the cursor row shows its tick
        await pilot.press("j", "K")  # row 2's first paragraph up into the confirmed row 1
        await settle(app, pilot)
        assert not view.rows[1].confirmed
        assert any("no longer confirmed" in n for n in notes(app))


# ------------------------------------------------------------------ manager
async def test_manager_shows_the_english_at_60_columns_and_one_undo_one_toast(
    glossary_dir: Path,
) -> None:
    GlossaryStore(glossary_dir).add("my-terms", new_term("雙遏制", "dual containment"))
    app = own_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+g")
        await settle(app, pilot)
        table = app.screen.query_one("#terms", DataTable)
        assert "dual containment" in table.render_line(1).text
        assert str(table.get_cell_at(Coordinate(0, 1))) == "dual containment"
        await pilot.press("d")
        await settle(app, pilot)
        before = len(notes(app))
        await pilot.press("u")
        await settle(app, pilot)
        assert [n for n in notes(app)[before:] if "undone" in n] == [
            "undone: delete 雙遏制 / dual containment"
        ]


async def test_one_term_is_one_term_not_one_terms(glossary_dir: Path) -> None:
    GlossaryStore(glossary_dir).add("my-terms", new_term("雙遏制", "dual containment"))
    app = own_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(app, pilot)
        assert "1 term (my-terms)" in status(app)
        await pilot.press("ctrl+g")
        await settle(app, pilot)
        drawn = screen_text(app)
        assert "1 term ·" in drawn and "1 of 1 term," in drawn and "1 terms" not in drawn


# ------------------------------------------------------------------ colours
def test_the_palette_is_larger_and_readable_on_dark_and_light() -> None:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    def contrast(a: float, b: float) -> float:
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)

    dark, light = luminance("#1e1e1e"), luminance("#f5f5f5")
    assert len(set(PALETTE)) >= 12
    for colour in PALETTE:
        assert contrast(luminance(colour), dark) >= 3, colour
        assert contrast(luminance(colour), light) >= 3, colour


def test_the_palette_stays_distinct_on_a_256_colour_terminal() -> None:
    from rich.color import Color, ColorSystem

    shown = [Color.parse(c).downgrade(ColorSystem.EIGHT_BIT).number for c in PALETTE]
    assert len(set(shown)) == len(PALETTE), shown  # e.g. macOS Terminal, tmux without RGB


def test_terms_of_a_row_get_distinct_colours() -> None:
    keys = [f"term{i}" for i in range(31)]
    colours = row_colours(keys)
    assert len(set(colours[k] for k in keys[: len(PALETTE)])) == len(PALETTE)
    assert all(colours[a] != colours[b] for a, b in zip(keys, keys[1:], strict=False))
    assert row_colours(["a", "b", "a"]) == row_colours(["a", "b"])  # a term keeps its colour


async def test_neighbouring_terms_in_the_reader_never_share_a_colour() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        for row in range(len(view.rows)):
            marks = [m for m in view.marks(row).zh if not m.missing]
            styles = {}
            for mark in marks:
                styles.setdefault(mark.term_ids, mark.style)
            assert len(set(styles.values())) == len(styles)
