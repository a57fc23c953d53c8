"""From reading to reviewing: save 雙遏制 with `a` `enter`, review it in its context, grade it,
quit, and find it scheduled when coming back; the reader's key, palette entry and colours, and
the manager's due counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parallax.app.app import make_review_app
from parallax.app.commands import ReaderCommands
from parallax.app.reader.screen import ReaderScreen
from parallax.app.review.screen import ReviewScreen
from parallax.cli.main import main
from parallax.core.glossary import GlossaryStore
from parallax.core.review import load
from tests.app_support import hold, own_app, ready, settle, told
from tests.test_app_review import until


def content(app: object, selector: str) -> str:
    return str(app.screen.query_one(selector).content)  # type: ignore[attr-defined]


async def test_review_asked_while_a_save_is_written_says_it_waits(
    glossary_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", *"雙遏制", "enter")
        await settle(app, pilot)
        release = hold(monkeypatch, GlossaryStore, "save_term")  # the save is slow
        await pilot.press("a", "enter", "ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert "The review opens once your changes are saved…" in told(app)
        release.set()
        await until(app, pilot, lambda: getattr(app.screen, "session", None) is not None)
        assert content(app, "#cue") == "雙遏制"


async def test_read_save_review_grade_quit_and_come_back(
    glossary_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", *"雙遏制", "enter")
        await settle(app, pilot)
        await pilot.press("a", "enter")  # save it with its proposed English
        await pilot.press("ctrl+r")  # review: opens once the save is written
        await until(app, pilot, lambda: getattr(app.screen, "session", None) is not None)
        assert isinstance(app.screen, ReviewScreen)
        assert content(app, "#cue") == "雙遏制"
        assert "雙遏制" in content(app, "#context-zh")  # met in this paragraph
        await pilot.press("space")
        await pilot.pause()
        answer = content(app, "#answer")
        assert "dual containment" in answer and "双遏制" in answer and "shuāng" in answer
        assert "dual containment" in content(app, "#context-en")
        assert "Ming Pao" in content(app, "#source")
        await pilot.press("3")
        await settle(app, pilot)
        assert "Which term" in content(app, "#prompt")  # the cloze card comes next
        await pilot.press("escape")
        await settle(app, pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.glossary is not None
        (term,) = [t for t in reader.glossary.terms if t.zh == "雙遏制"]
        assert term.status == "learning"  # reloaded: the reader's colours follow
    (term,) = GlossaryStore(glossary_dir).load("my-terms").terms
    memory = load(glossary_dir / "my-terms.review.sqlite").deck.memories[f"{term.id}/zh-en"]
    assert memory.due > dt.datetime.now(dt.UTC)  # scheduled
    later = memory.due + dt.timedelta(minutes=1)
    app = make_review_app(clock=lambda: later)  # coming back when it is due
    async with app.run_test(size=(120, 40)) as pilot:
        await until(app, pilot, lambda: getattr(app.screen, "session", None) is not None)
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.session is not None
        assert screen.session.current is not None
        assert screen.session.current.key == f"{term.id}/zh-en"
    assert main(["review", "--stats"]) == 0
    out = capsys.readouterr().out
    assert "1 learning" in out and "reviews" in out


async def test_review_is_in_the_reader_palette_and_the_review_palette_offers_its_keys(
    glossary_dir: Path,
) -> None:
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        names = [hit.text async for hit in ReaderCommands(app.screen).discover()]
        assert "Review terms" in names
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        names = [hit.text async for hit in ReaderCommands(review).discover()]
        assert {"Show answer", "Again", "Good", "Undo grade", "Done"} <= set(names)
        assert "Add term" not in names  # the reader's keys are not offered here


async def test_the_manager_shows_due_counts_per_glossary(glossary_dir: Path) -> None:
    from parallax.core.glossary import new_term

    GlossaryStore(glossary_dir).add_many(
        "my-terms", [new_term("雙遏制", "dual containment"), new_term("制裁", "sanctions")]
    )
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+g")
        await settle(app, pilot)
        options = app.screen.query_one("#glossaries")
        text = " ".join(
            str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
        )  # type: ignore[attr-defined]
        assert "review: 0 due · 4 new" in text


async def test_review_from_the_reader_shows_the_chinese_in_the_script_read(
    glossary_dir: Path,
) -> None:
    from parallax.core.glossary import new_term

    GlossaryStore(glossary_dir).add("my-terms", new_term("雙遏制", "dual containment"))
    app = own_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("t", "ctrl+r")  # reading in Simplified
        await until(app, pilot, lambda: getattr(app.screen, "session", None) is not None)
        assert content(app, "#cue") == "双遏制"
