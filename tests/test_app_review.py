"""The review screen, driven with ``run_test`` and ``pilot``: cards, grades, undo, restarts,
a damaged review file, saves that never hold the next card back."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

from textual.app import App

from parallax.app.app import ReviewApp, make_review_app
from parallax.app.review.card_view import CardView
from parallax.app.review.screen import ReviewScreen
from parallax.core import review as core_review
from parallax.core.glossary import GlossaryStore, Term, new_term
from parallax.core.review import Deck, Graded, Rating, load, record, review
from parallax.core.review.context import BLANK
from tests.app_support import hold, settle, told

NOW = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
CONTEXT_ZH = "美國對中俄實施『雙遏制』，所謂雙遏制是指同時削弱兩國。"
CONTEXT_EN = "the 'dual containment' policy of the US; dual containment weakens both"


class Clock:
    def __init__(self) -> None:
        self.at = dt.datetime.now(dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.at


def three_terms(glossary_dir: Path, context: bool = False) -> list[Term]:
    extra = {"context_zh": CONTEXT_ZH, "context_en": CONTEXT_EN} if context else {}
    terms = [
        new_term("雙遏制", "dual containment", **extra),
        new_term("聯合聲明", "joint statement"),
        new_term("制裁", "sanctions"),
    ]
    GlossaryStore(glossary_dir).add_many("my-terms", terms)
    return terms


async def until(app: App[None], pilot: object, done: Callable[[], bool]) -> None:
    """Let the app and its workers run until ``done()``."""
    for _ in range(100):
        await settle(app, pilot)
        if done():
            return
    raise AssertionError("never came")


async def started(app: ReviewApp, pilot: object) -> None:
    """Wait until the review has read everything (its session started)."""
    await until(app, pilot, lambda: screen_of(app).session is not None)


def screen_of(app: ReviewApp) -> ReviewScreen:
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


def text_of(app: ReviewApp, selector: str) -> str:
    return str(screen_of(app).query_one(selector).content)  # type: ignore[attr-defined]


def review_file(glossary_dir: Path) -> Path:
    return glossary_dir / "my-terms.review.sqlite"


async def test_a_fresh_glossary_of_three_terms_gives_three_new_cards_per_direction(
    glossary_dir: Path,
) -> None:
    three_terms(glossary_dir)
    app = make_review_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        assert "new 6" in text_of(app, "#counts")
        assert text_of(app, "#cue") == "雙遏制"
        assert "Chinese → English" in text_of(app, "#prompt")
        assert not screen_of(app).query_one("#answer").display or not (
            screen_of(app).query_one(CardView).has_class("-revealed")
        )


async def test_good_moves_the_due_date_forward_and_it_persists_across_a_restart(
    glossary_dir: Path,
) -> None:
    terms = three_terms(glossary_dir)
    clock = Clock()
    app = make_review_app(clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        await pilot.press("space")
        await pilot.pause()
        assert "dual containment" in text_of(app, "#answer")
        await pilot.press("3")
        await settle(app, pilot)
        assert text_of(app, "#cue") == "聯合聲明"  # the next card
        await pilot.press("escape")
        await settle(app, pilot)
    assert app.return_code == 0
    key = f"{terms[0].id}/zh-en"
    memory = load(review_file(glossary_dir)).deck.memories[key]
    assert memory.due > clock.at
    (status,) = [t.status for t in GlossaryStore(glossary_dir).load("my-terms").terms[:1]]
    assert status == "learning"  # the reader's colours and the manager follow
    clock.at = memory.due + dt.timedelta(seconds=1)  # come back when it is due
    app = make_review_app(clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        session = screen_of(app).session
        assert session is not None and session.current is not None
        assert session.current.key == key  # scheduled: shown first when due
        assert "new 5   learning 1" in text_of(app, "#counts")


async def test_again_brings_the_card_back_in_the_same_session(glossary_dir: Path) -> None:
    three_terms(glossary_dir)
    app = make_review_app(clock=Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        await pilot.press("space", "1")
        seen = []
        for _ in range(5):
            seen.append(text_of(app, "#cue"))
            await pilot.press("space", "4")
        await settle(app, pilot)
        assert "雙遏制" not in seen
        assert text_of(app, "#cue") == "雙遏制"  # back after the five others


async def test_u_restores_the_previous_state_on_screen_and_on_disk(glossary_dir: Path) -> None:
    terms = three_terms(glossary_dir)
    app = make_review_app(clock=Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        before = text_of(app, "#counts")
        await pilot.press("space", "3")
        await settle(app, pilot)
        assert load(review_file(glossary_dir)).deck.log
        await pilot.press("u")
        await settle(app, pilot)
        assert text_of(app, "#cue") == "雙遏制" and text_of(app, "#counts") == before
        assert not screen_of(app).query_one(CardView).has_class("-revealed")
    deck = load(review_file(glossary_dir)).deck
    assert deck.log == () and deck.memories == {}
    assert GlossaryStore(glossary_dir).load("my-terms").terms[0].status == terms[0].status


async def test_a_cloze_card_shows_the_paragraph_with_the_term_blanked_beside_its_translation(
    glossary_dir: Path,
) -> None:
    three_terms(glossary_dir, context=True)
    app = make_review_app(clock=Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        for _ in range(3):  # the recognition cards come first
            await pilot.press("space", "4")
        await settle(app, pilot)
        zh = text_of(app, "#context-zh")
        assert "Which term" in text_of(app, "#prompt")
        assert zh == CONTEXT_ZH.replace("雙遏制", BLANK * 3)
        assert text_of(app, "#context-en") == CONTEXT_EN
        await pilot.press("space")
        await pilot.pause()
        assert text_of(app, "#context-zh") == CONTEXT_ZH  # the answer: the term lit in place


async def test_a_corrupt_review_file_is_told_in_one_line_and_set_aside(glossary_dir: Path) -> None:
    three_terms(glossary_dir)
    review_file(glossary_dir).write_bytes(b"SQLite format 3\x00 but not really")
    app = make_review_app(clock=Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        (note,) = [m for m in told(app) if "set aside" in m]
        assert "my-terms.review.sqlite" in note
        assert "new 6" in text_of(app, "#counts")
    kept = glossary_dir / "my-terms.review.sqlite.damaged"
    assert kept.read_bytes().endswith(b"not really")


async def test_grading_never_waits_on_the_disk(glossary_dir: Path, monkeypatch: object) -> None:
    three_terms(glossary_dir)
    release = hold(monkeypatch, core_review.changes.sidecar, "record")
    app = make_review_app(clock=Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        await pilot.press("space", "3", "space", "3")
        await pilot.pause()
        assert text_of(app, "#cue") == "制裁"  # two grades in, nothing written yet
        assert not review_file(glossary_dir).exists()
        release.set()
        await pilot.press("escape")  # leaves once both are written
        await settle(app, pilot)
    assert len(load(review_file(glossary_dir)).deck.log) == 2


async def test_an_empty_glossary_says_how_to_fill_it(glossary_dir: Path) -> None:
    app = make_review_app(clock=Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        assert "no terms yet" in text_of(app, "#cue")


async def test_a_newer_review_file_is_refused_with_its_name(glossary_dir: Path) -> None:
    three_terms(glossary_dir)
    path = review_file(glossary_dir)
    record(path, Graded("x/zh-en", None, *review("x/zh-en", None, Rating.GOOD, NOW)), Deck())
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    body = path.read_bytes()
    app = make_review_app(clock=Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        await until(app, pilot, lambda: "newer" in text_of(app, "#cue"))
        assert "newer parallax" in text_of(app, "#cue")
        assert "my-terms.review.sqlite" in text_of(app, "#cue")
    assert path.read_bytes() == body


async def test_the_first_card_shows_before_the_rest_is_read_and_can_be_graded(
    glossary_dir: Path, monkeypatch: object
) -> None:
    terms = three_terms(glossary_dir)
    release = hold(monkeypatch, core_review.setup, "open_review")  # the full read waits
    app = make_review_app(clock=Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert text_of(app, "#cue") == "雙遏制" and screen_of(app).session is None
        await pilot.press("space")
        await pilot.pause()
        assert "dual containment" in text_of(app, "#answer")
        await pilot.press("3")  # graded once the session starts
        release.set()
        await settle(app, pilot)
        assert text_of(app, "#cue") == "聯合聲明" and "reviewed 1" in text_of(app, "#counts")
        await pilot.press("escape")
        await settle(app, pilot)
    assert f"{terms[0].id}/zh-en" in load(review_file(glossary_dir)).deck.memories


async def test_a_term_saved_without_readings_gets_them_in_context(glossary_dir: Path) -> None:
    GlossaryStore(glossary_dir).add(
        "my-terms", Term(id="0123456789abcdef", zh="銀行行長", en="bank president")
    )
    app = make_review_app(clock=Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        await until(app, pilot, lambda: screen_of(app).readings_ready)
        await pilot.press("space")
        await pilot.pause()
        answer = text_of(app, "#answer")
        assert "yín háng háng zhǎng" in answer and "ngan4 hong4" in answer


async def test_the_answer_comes_into_view_on_a_small_terminal(glossary_dir: Path) -> None:
    long_zh, long_en = CONTEXT_ZH * 6, CONTEXT_EN * 6  # a paragraph as long as an editorial's
    GlossaryStore(glossary_dir).add(
        "my-terms",
        new_term("雙遏制", "dual containment", context_zh=long_zh, context_en=long_en),
    )
    app = make_review_app(clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await started(app, pilot)
        await pilot.press("space")
        await settle(app, pilot)
        card = screen_of(app).query_one(CardView)
        for part in ("#answer", "#source"):
            shown = screen_of(app).query_one(part).region
            assert card.region.contains_region(shown), (part, shown, card.region)
        await pilot.press("3")  # the next card starts at its top again
        await settle(app, pilot)
        assert card.scroll_y == 0 and "Which term" in text_of(app, "#prompt")


async def test_t_shows_the_cards_in_the_other_script_the_cloze_blank_included(
    glossary_dir: Path,
) -> None:
    three_terms(glossary_dir, context=True)
    simplified_context = "美国对中俄实施『双遏制』，所谓双遏制是指同时削弱两国。"
    app = make_review_app(clock=Clock())
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        assert text_of(app, "#cue") == "双遏制"
        assert text_of(app, "#context-zh") == simplified_context
        for _ in range(3):  # the recognition cards come first
            await pilot.press("space", "4")
        await settle(app, pilot)
        assert "Which term" in text_of(app, "#prompt")
        assert text_of(app, "#context-zh") == simplified_context.replace("双遏制", BLANK * 3)
        await pilot.press("space")
        await pilot.pause()
        assert text_of(app, "#context-zh") == simplified_context  # the term back, lit
        assert "雙遏制  ·  双遏制" in text_of(app, "#answer")  # both scripts, as saved
        await pilot.press("t")
        await pilot.pause()
        assert text_of(app, "#context-zh") == CONTEXT_ZH  # as saved again
