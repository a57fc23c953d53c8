"""Reader display: TABs in the text, interlinear readings (either side, wrapped), re-aligning."""

from __future__ import annotations

import argparse
from pathlib import Path
from re import finditer

import pytest
from rich.cells import cell_len

from parallax.app.app import make_app
from parallax.app.layout import GUTTER
from parallax.app.widgets.parallel import ParallelView
from parallax.core.bundled import bundled_document_path
from parallax.core.chinese import has_han
from parallax.core.readers import load_document
from tests.app_support import ready, seed_app, told


def screen_lines(view: object) -> list[str]:
    return [view.render_line(y).text for y in range(view.size.height)]  # type: ignore[attr-defined]


# ------------------------------------------------------------------ TABs
async def test_tabs_show_as_spaces_and_keep_the_separator_in_place(tmp_path: Path) -> None:
    path = tmp_path / "tabdoc.txt"
    path.write_text("Intro\tline with\ttabs here.\n\n引言\t有\t製表符。\n", encoding="utf-8")
    app = make_app(load_document(path))
    async with app.run_test(size=(100, 20)) as pilot:
        view = await ready(app, pilot)
        row = next(i for i, r in enumerate(view.rows) if r.zh and r.en)
        assert view.rows[row].en_text == "Intro line with tabs here."
        assert view.rows[row].zh_text == "引言 有 製表符。"
        assert all("\t" not in r.zh_text + r.en_text for r in view.rows)
        lines = [line for line in screen_lines(view) if "Intro" in line]
        assert lines and "Intro line with tabs here." in lines[0]
        drawn = [line for line in screen_lines(view) if "│" in line]
        assert drawn and len({cell_len(line[: line.index("│")]) for line in drawn}) == 1
        # search offsets still point at the text
        await pilot.press("slash", *"tabs", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        sel = view.selection
        assert sel is not None and view.text(sel.row, sel.lang)[sel.start : sel.end] == "tabs"


# ------------------------------------------------------------------ interlinear readings
async def press_p(app: object, pilot: object, *keys: str) -> ParallelView:
    """Press ``keys``, then ``p``: the cursor row shows its readings above its characters."""
    view = await ready(app, pilot)  # type: ignore[arg-type]
    await pilot.press(*keys, "p")  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert view.note
    return view


def cursor_row_lines(view: ParallelView) -> list[str]:
    """The lines of the cursor row as drawn (it is on screen)."""
    lines, y = screen_lines(view), round(view.scroll_y)
    return lines[view.row_top(view.cursor) - y : view.row_top(view.cursor + 1) - y]


def ruby_pairs(lines: list[str], side: str) -> dict[int, tuple[str, str]]:
    """The (readings, characters) pairs of one side of a row's lines, by the characters' line:
    each line with Chinese characters and the line above it (the gutter left out)."""
    cells = [line[GUTTER:].split("│")[0 if side == "left" else 1] for line in lines]
    return {i: (cells[i - 1], cell) for i, cell in enumerate(cells) if has_han(cell)}


def in_step(top: str, base: str) -> bool:
    """True if every Chinese character of ``base`` has a syllable of ``top`` over it."""
    spans = [(cell_len(top[: m.start()]), cell_len(top[: m.end()])) for m in finditer(r"\S+", top)]
    for at, char in enumerate(base):
        if has_han(char):
            left = cell_len(base[:at])
            if not any(a < left + 2 and left < b for a, b in spans):
                return False
    return True


def reading_over(lines: list[str], char: str, syllable: str) -> bool:
    """True if ``syllable`` is drawn centred over ``char`` on some pair of lines."""
    for top, base in zip(lines, lines[1:], strict=False):
        at = base.find(char)
        if at < 0:
            continue
        cells = cell_len(base[:at])  # the character's first cell
        top_cells = [cell_len(top[:i]) for i in range(len(top) + 1)]
        start = top.find(syllable, max(0, len(top[:at]) - len(syllable)))
        while start >= 0:
            left = top_cells[start]
            centre = left + len(syllable) / 2
            if abs(centre - (cells + 1)) <= 1:
                return True
            start = top.find(syllable, start + 1)
    return False


async def test_readings_are_drawn_above_their_characters_on_either_side() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await press_p(app, pilot)
        lines = screen_lines(view)
        assert reading_over(lines, "國", "guó") and reading_over(lines, "席", "xí")
        assert all(line.index("guó") < line.index("│") for line in lines if "guó" in line)
        pairs = ruby_pairs(cursor_row_lines(view), "left")
        assert pairs and all(in_step(top, base) for top, base in pairs.values())
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await press_p(app, pilot, "s")
        lines = screen_lines(view)
        assert reading_over(lines, "國", "guó")
        assert all(line.index("guó") > line.index("│") for line in lines if "guó" in line)
        pairs = ruby_pairs(cursor_row_lines(view), "right")
        assert pairs and all(in_step(top, base) for top, base in pairs.values())
        assert not ruby_pairs(cursor_row_lines(view), "left")


async def test_interlinear_wrapping_keeps_readings_in_step_and_clicks_hit_characters() -> None:
    app = seed_app()
    async with app.run_test(size=(80, 40)) as pilot:
        view = await press_p(app, pilot)
        lines = cursor_row_lines(view)
        pairs = ruby_pairs(lines, "left")
        text = view.zh_shown[view.cursor]
        assert len(pairs) > 1  # wrapped
        bases = [base for _top, base in pairs.values()]
        assert [c for base in bases for c in base if not c.isspace()] == [
            c for c in text if not c.isspace()
        ]
        assert all(in_step(top, base) for top, base in pairs.values())
        assert len({cell_len(line[: line.index("│")]) for line in lines}) == 1  # none wider
        # a click on the first character of the second ruby line selects that character's word
        y, second = list(pairs)[1], bases[1]
        x = GUTTER + cell_len(second[: len(second) - len(second.lstrip())])
        start = [i for i, c in enumerate(text) if not c.isspace()][
            sum(not c.isspace() for c in bases[0])
        ]
        top = view.row_top(view.cursor) - round(view.scroll_y)
        await pilot.click(ParallelView, offset=(x, top + y))
        await pilot.pause()
        sel = view.selection
        assert sel is not None and sel.lang == "zh" and sel.start <= start < sel.end


# ------------------------------------------------------------------ forgetting hand fixes
def save_merged_fix() -> Path:
    """Save a hand-fixed alignment of the seed with its first two Chinese paragraphs merged."""
    from parallax.core.align.bead import Bead
    from parallax.core.alignment_store import alignment_path, save_alignment

    doc = load_document(bundled_document_path())
    merged = [Bead((0, 1), (0,), 1.0)] + [Bead((i,), (i - 1,), 1.0) for i in range(2, 6)]
    save_alignment(doc.zh_texts, doc.en_texts, merged)
    return alignment_path(doc.zh_texts, doc.en_texts)


async def test_realign_forgets_the_fixes_and_aligns_afresh() -> None:
    saved = save_merged_fix()
    app = seed_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        view = await ready(app, pilot)
        assert view.rows[0].zh == (0, 1)
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not saved.exists()
        assert view.rows[0].zh == (0,) and len(view.rows) == 6
        assert any("forgotten" in m for m in told(app))


async def test_realign_is_in_the_palette_and_the_keys_panel() -> None:
    from parallax.app.commands import ReaderCommands
    from parallax.app.widgets.keys_panel import key_lines

    assert any("Re-align (forget my fixes)" in line.plain for line in key_lines())
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        provider = ReaderCommands(app.screen)
        names = [hit.text async for hit in provider.discover()]
        assert "Re-align (forget my fixes)" in names


async def test_fresh_ignores_the_saved_fix_and_keeps_it() -> None:
    saved = save_merged_fix()
    app = make_app(load_document(bundled_document_path()), fresh=True)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        assert view.rows[0].zh == (0,) and len(view.rows) == 6
    assert saved.exists()
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert (await ready(app, pilot)).rows[0].zh == (0, 1)


def test_read_fresh_option_reaches_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    from parallax.app import app as app_module
    from parallax.cli import read

    made: dict[str, object] = {}

    class Stub:
        return_code = 0

        def run(self) -> None:
            pass

    def fake(*_args: object, **kwargs: object) -> Stub:
        made.update(kwargs)
        return Stub()

    monkeypatch.setattr(app_module, "make_app", fake)
    monkeypatch.setattr(read, "check_terminal", lambda: None)  # the tests have no terminal
    parser = argparse.ArgumentParser()
    read.register(parser.add_subparsers())
    assert read.run(parser.parse_args(["read", "--fresh"])) == 0
    assert made["fresh"] is True
    made.clear()
    assert read.run(parser.parse_args(["read"])) == 0
    assert made["fresh"] is False
