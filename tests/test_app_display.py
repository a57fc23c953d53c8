"""Reader display fixes: TABs in the text, the romanisation line after a swap, re-aligning."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len

from parallax.app.app import make_app
from parallax.app.layout import GUTTER, SEPARATOR
from parallax.app.widgets.parallel import ParallelView
from parallax.core.readers import load_document
from tests.app_support import ready, seed_app


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
        bar = GUTTER + view._columns.left + SEPARATOR.index("│")
        drawn = [line for line in screen_lines(view) if "│" in line]
        assert drawn and all(cell_len(line[: line.index("│")]) == bar for line in drawn)
        # search offsets still point at the text
        await pilot.press("slash", *"tabs", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        sel = view.selection
        assert sel is not None and view.text(sel.row, sel.lang)[sel.start : sel.end] == "tabs"


# ------------------------------------------------------------------ romanisation after a swap
async def note_lines(app: object, pilot: object, *keys: str) -> tuple[list[str], str]:
    """Press ``keys``, then ``p``; the screen lines showing the start of the note, and it."""
    view = await ready(app, pilot)  # type: ignore[arg-type]
    await pilot.press(*keys, "p")  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert view.note
    start = view.note[:12]
    return [line for line in screen_lines(view) if start in line], view.note


async def test_romanisation_stays_under_the_chinese_after_a_swap() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        lines, note = await note_lines(app, pilot)
        assert lines and lines[0].index(note[:12]) < lines[0].index("│")
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        lines, note = await note_lines(app, pilot, "s")
        assert lines and lines[0].index(note[:12]) > lines[0].index("│")
        view = app.screen.query_one(ParallelView)
        layout = view._layout(view.cursor)
        assert layout.note_right and layout.height > len(layout.right)
