"""The reader's keyboard alignment fixer on the seed: fixes are shown, saved, restored and undone.

The seed aligns as six rows: Chinese paragraph 0 alone, then Chinese i with English i - 1.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parallax.app.model import Row, Selection
from parallax.app.sentences.screen import SentenceScreen
from parallax.app.widgets.row_canvas import RowCanvas
from parallax.core.bundled import bundled_document_path
from parallax.core.readers import load_document
from tests.app_support import ready, seed_app, told

ALIGNED = [((0,), ())] + [((i,), (i - 1,)) for i in range(1, 6)]


def pairs(rows: list[Row]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(r.zh, r.en) for r in rows]


def saved_beads(data_dir: Path) -> list[dict[str, object]] | None:
    files = list((data_dir / "alignments").glob("*.json"))
    if not files:
        return None
    assert len(files) == 1
    return json.loads(files[0].read_text(encoding="utf-8"))["beads"]


def saved_pairs(data_dir: Path) -> list[tuple[tuple[int, ...], tuple[int, ...]]] | None:
    beads = saved_beads(data_dir)
    if beads is None:
        return None
    return [(tuple(b["zh"]), tuple(b["en"])) for b in beads]  # type: ignore[arg-type]


async def press(app: object, pilot: object, *keys: str) -> None:
    """Press ``keys`` and wait for the workers they start (the saves)."""
    await pilot.press(*keys)  # type: ignore[attr-defined]
    await app.workers.wait_for_complete()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def reopen() -> list[Row]:
    """The rows of a new reader on the seed (a restart)."""
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        return list((await ready(app, pilot)).rows)


async def test_merge_and_split_survive_a_restart(data_dir: Path) -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        assert pairs(view.rows) == ALIGNED
        await press(app, pilot, "j", "m")
        merged = [ALIGNED[0], ((1, 2), (0, 1)), *ALIGNED[3:]]
        assert pairs(view.rows) == merged and view.cursor == 1
    assert pairs(await reopen()) == merged == saved_pairs(data_dir)

    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        view.move_cursor(1)
        text = view.text(1, "zh")
        start = text.index("\n\n") + 3  # inside the row's second Chinese paragraph
        view.select(Selection(1, "zh", start, start + 1))
        await press(app, pilot, "x")  # the selected paragraph starts the second row
        assert pairs(view.rows) == ALIGNED
        await press(app, pilot, "m", "x")  # no selection: paired off one to one
        assert pairs(view.rows) == ALIGNED
        await press(app, pilot, "k", "x")  # a 1-0 row has nothing to split
        assert pairs(view.rows) == ALIGNED
        await press(app, pilot, "j", "j", "x")  # a 1-1 row is unpaired
        split = [*ALIGNED[:2], ((2,), ()), ((), (1,)), *ALIGNED[3:]]
        assert pairs(view.rows) == split
    assert pairs(await reopen()) == split == saved_pairs(data_dir)


async def test_split_of_a_selection_in_the_first_paragraph_pairs_off() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await press(app, pilot, "j", "m")
        view.select(Selection(1, "en", 0, 3))
        await press(app, pilot, "x")
        assert pairs(view.rows) == ALIGNED


async def test_insert_an_empty_cell_and_move_paragraphs_up_and_down(data_dir: Path) -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await press(app, pilot, "j", "K")  # row 1's Chinese paragraph up to row 0
        assert pairs(view.rows)[:2] == [((0, 1), ()), ((), (0,))]
        await press(app, pilot, "k", "J")  # and back down
        assert pairs(view.rows) == ALIGNED
        view.select(Selection(0, "zh", 0, 1))
        await press(app, pilot, "K")  # first row: a row of its own above
        assert pairs(view.rows) == ALIGNED
        await press(app, pilot, "j", "i")  # the Chinese column shifts down from row 1
        shifted = [
            ((0,), ()),
            ((), (0,)),
            *[((i,), (i,)) for i in range(1, 5)],
            ((5,), ()),
        ]
        assert pairs(view.rows) == shifted
        view.select(Selection(1, "en", 0, 3))
        await press(app, pilot, "K")  # English: row 1's paragraph up beside Chinese 0
        assert pairs(view.rows)[0] == ((0,), (0,))
    assert saved_pairs(data_dir) == [((0,), (0,)), *shifted[2:]]


def gutter_marks(view: RowCanvas) -> list[str]:
    return ["".join(s.text for s in view.render_line(y))[:2] for y in range(view.size.height)]


async def test_confirm_shows_a_tick_and_survives_a_restart(data_dir: Path) -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await press(app, pilot, "j", "j", "c", "k")
        assert [r.confirmed for r in view.rows] == [False, False, True, False, False, False]
        assert " ✓" in gutter_marks(view)
        assert "1 confirmed" in str(app.screen.query_one("#status").content)
    beads = saved_beads(data_dir)
    assert beads is not None and [b["confirmed"] for b in beads].count(True) == 1
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        assert [r.confirmed for r in view.rows] == [False, False, True, False, False, False]
        await press(app, pilot, "j", "j", "c")  # c again: unconfirmed
        assert not any(r.confirmed for r in view.rows)


async def test_realign_unconfirmed_keeps_the_confirmed_rows(data_dir: Path) -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await press(app, pilot, "m", "c")  # an odd row, confirmed: kept as it is
        await press(app, pilot, "j", "j", "m")  # a wrong merge, not confirmed
        assert pairs(view.rows)[2] == ((3, 4), (2, 3))
        await press(app, pilot, "r")
        assert pairs(view.rows) == [((0, 1), (0,)), *ALIGNED[2:]]
        assert view.rows[0].confirmed and not any(r.confirmed for r in view.rows[1:])
        assert view.rows[view.cursor].zh == (3,)  # the cursor stays on its paragraph
    assert saved_pairs(data_dir) == [((0, 1), (0,)), *ALIGNED[2:]]


async def test_undo_restores_the_rows_and_the_saved_file(data_dir: Path) -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)

        async def undo(what: str) -> None:
            await press(app, pilot, "u")
            assert told(app)[-1] == f"undone: {what}"  # the newest change first

        await press(app, pilot, "m")
        merged = pairs(view.rows)
        await press(app, pilot, "j", "c")
        assert saved_beads(data_dir) is not None
        await undo("confirm row")
        assert pairs(view.rows) == merged and not any(r.confirmed for r in view.rows)
        assert saved_pairs(data_dir) == merged
        beads = saved_beads(data_dir)
        assert beads is not None and not any(b["confirmed"] for b in beads)
        await undo("merge rows")
        assert pairs(view.rows) == ALIGNED and view.cursor == 0
        assert saved_beads(data_dir) is None  # back to the aligner's rows: nothing saved
    assert pairs(await reopen()) == ALIGNED


async def test_undo_after_forgetting_the_fixes_brings_them_back(data_dir: Path) -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(app, pilot)
        await press(app, pilot, "m")
        merged = pairs(view.rows)
        await press(app, pilot, "R")
        assert pairs(view.rows) == ALIGNED and saved_beads(data_dir) is None
        await press(app, pilot, "u")
        assert told(app)[-1] == "undone: re-align"
        assert pairs(view.rows) == merged == saved_pairs(data_dir)


async def test_a_saved_merge_changes_parallax_align(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from parallax.cli.main import main

    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await press(app, pilot, "m")
    assert main(["align", str(bundled_document_path()), "--format", "json"]) == 0
    beads = json.loads(capsys.readouterr().out)["beads"]
    assert (beads[0]["zh"], beads[0]["en"]) == ([0, 1], [0])
    doc = load_document(bundled_document_path())
    assert len(beads) == len(doc.zh) - 1


# ------------------------------------------------------------------ sentence level
async def open_sentences(app: object, pilot: object, row: int) -> SentenceScreen:
    view = await ready(app, pilot)  # type: ignore[arg-type]
    view.move_cursor(row)
    await press(app, pilot, "v")
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, SentenceScreen) and screen.beads
    return screen


def sentence_pairs(screen: SentenceScreen) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.zh, b.en) for b in screen.beads]


async def test_sentence_fixes_are_saved_and_found_again() -> None:
    from parallax.core.alignment_store import load_alignment

    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_sentences(app, pilot, 1)
        aligned = sentence_pairs(screen)
        assert len(aligned) >= 2
        await press(app, pilot, "m")  # the first two sentence pairs as one
        merged = sentence_pairs(screen)
        assert merged[0] == (aligned[0][0] + aligned[1][0], aligned[0][1] + aligned[1][1])
        saved = load_alignment(screen.zh_sentences, screen.en_sentences)
        assert saved is not None and [(b.zh, b.en) for b in saved] == merged
        await press(app, pilot, "c")
        assert screen.beads[0].confirmed and "✓" in gutter_marks(screen.view)[0]
        assert "confirmed" in str(screen.query_one("#sentence-status").content)
        await press(app, pilot, "u")
        assert sentence_pairs(screen) == merged and not screen.beads[0].confirmed
        await press(app, pilot, "u")
        assert sentence_pairs(screen) == aligned
        assert load_alignment(screen.zh_sentences, screen.en_sentences) is None
        await press(app, pilot, "m", "c", "escape")
        screen = await open_sentences(app, pilot, 1)  # opened again: the fix is there
        assert sentence_pairs(screen) == merged and screen.beads[0].confirmed
        await press(app, pilot, "j", "x")  # the second sentence starts a pair again
        assert sentence_pairs(screen)[1][0] == aligned[1][0]
        await press(app, pilot, "u")
        assert sentence_pairs(screen) == merged and screen.beads[0].confirmed


async def test_sentence_view_fixes_the_english_side_too() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_sentences(app, pilot, 1)
        aligned = sentence_pairs(screen)
        await press(app, pilot, "tab")
        assert (screen.view.side, screen.view.current) == ("en", 0)
        await press(app, pilot, "J")  # the first pair's last English sentence down
        moved = sentence_pairs(screen)
        last = aligned[0][1][-1]
        assert last not in moved[0][1] and last in [u for _, en in moved for u in en]
        await press(app, pilot, "r")  # nothing confirmed: the aligner's pairs again
        assert sentence_pairs(screen) == aligned


# ------------------------------------------------------------------ pure helpers
def test_unit_at_finds_the_paragraph_of_an_offset() -> None:
    from parallax.app.fixes import unit_at

    assert [unit_at([3, 4], (5, 6), offset) for offset in range(10)] == [5, 5, 5] + [6] * 7
    assert unit_at([], (), 0) is None


def test_unit_near_for_the_cursor_changing_column() -> None:
    from parallax.app.fixes import unit_near
    from parallax.core.align.bead import Bead

    beads = [Bead((0,), (0, 1), 1), Bead((1,), (), 1), Bead((), (2,), 1)]
    assert [unit_near(beads, i, "en") for i in range(3)] == [0, 1, 2]
    assert [unit_near(beads, i, "zh") for i in range(3)] == [0, 1, 1]
    assert unit_near([Bead((), (0,), 1), Bead((0,), (), 1)], 0, "zh") == 0


def test_latest_save_skips_a_save_overtaken_by_a_newer_one() -> None:
    from parallax.app.ordering import LatestSave

    saves, done = LatestSave(), []
    first, second = saves.ticket(), saves.ticket()
    saves.run(first, lambda: done.append("first"))
    saves.run(second, lambda: done.append("second"))
    assert done == ["second"]
