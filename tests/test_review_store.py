"""The review file: FSRS memories, strict reading, damaged files set aside, locked
read-merge-write so that two programs never lose a grade."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core.errors import ParallaxError
from parallax.core.glossary import GlossaryStore, new_term
from parallax.core.glossary.dirs import starter_path
from parallax.core.review import (
    Deck,
    Graded,
    Memory,
    NewerReviewFileError,
    Phase,
    Rating,
    UnavailableError,
    dbfile,
    load,
    record,
    replay,
    review,
    review_path,
    stage_of,
    unrecord,
)
from parallax.core.safefile import backup_paths

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def grade(deck: Deck, card: str, rating: Rating, at: dt.datetime) -> Graded:
    before = deck.memories.get(card)
    after, entry = review(card, before, rating, at)
    return Graded(card, before, after, entry)


def test_good_moves_the_due_date_forward_and_again_brings_it_back_within_minutes() -> None:
    good, entry = review("t/zh-en", None, Rating.GOOD, T0)
    assert good.due > T0 and good.last_review == T0 and entry.phase == Phase.NEW
    again, _ = review("t/zh-en", None, Rating.AGAIN, T0)
    assert T0 < again.due <= T0 + dt.timedelta(minutes=5)
    later, _ = review("t/zh-en", good, Rating.GOOD, good.due)
    assert later.phase == Phase.REVIEW and later.due - good.due >= dt.timedelta(days=1)


def test_stages_follow_memory_new_learning_known() -> None:
    memory, _ = review("t/zh-en", None, Rating.EASY, T0)
    assert stage_of([None, None]) == "new"
    assert stage_of([memory, None]) == "learning"
    at = T0
    for _ in range(6):
        at = memory.due
        memory, _ = review("t/zh-en", memory, Rating.GOOD, at)
    assert memory.stage == "known" and stage_of([memory, memory]) == "known"


def test_replay_of_a_log_gives_the_memory_of_its_grades() -> None:
    first, e1 = review("c", None, Rating.GOOD, T0)
    second, e2 = review("c", first, Rating.GOOD, first.due)
    assert unfuzzed(replay([e2, e1])) == unfuzzed(second)
    assert replay([]) is None


memories = st.builds(
    Memory,
    st.sampled_from([Phase.LEARNING, Phase.REVIEW, Phase.RELEARNING]),
    st.one_of(st.none(), st.integers(0, 5)),
    st.floats(0.001, 36500),
    st.floats(1, 10),
    st.datetimes(timezones=st.just(dt.UTC)),
    st.datetimes(timezones=st.just(dt.UTC)),
)


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.text(min_size=1), memories, max_size=5))
def test_the_review_file_reads_back_what_was_written(cards: dict[str, Memory]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "g.review.sqlite"
        dbfile.create(path, Deck(cards))
        assert load(path).deck.memories == cards


def test_record_and_unrecord_keep_the_file_and_log(tmp_path: Path) -> None:
    path = tmp_path / "g.review.sqlite"
    g = grade(Deck(), "a/zh-en", Rating.GOOD, T0)
    assert record(path, g, Deck()) == ""
    deck = load(path).deck
    assert deck.memories == {"a/zh-en": g.after} and deck.log == (g.entry,)
    record(path, g, Deck())  # the same grade twice is one grade
    assert load(path).deck == deck
    assert load(path, log_since=T0 + dt.timedelta(seconds=1)).deck.log == ()
    unrecord(path, g, Deck())
    deck = load(path).deck
    assert deck.memories == {} and deck.log == ()


def test_two_sessions_grading_from_the_same_start_keep_both_grades(tmp_path: Path) -> None:
    path = tmp_path / "g.review.sqlite"
    start = Deck()
    mine = grade(start, "a/zh-en", Rating.GOOD, T0)
    theirs = grade(start, "b/zh-en", Rating.AGAIN, T0 + dt.timedelta(seconds=1))
    same_card = grade(start, "a/zh-en", Rating.EASY, T0 + dt.timedelta(seconds=2))
    for g in (mine, theirs, same_card):
        record(path, g, start)
    deck = load(path).deck
    assert len(deck.log) == 3 and set(deck.memories) == {"a/zh-en", "b/zh-en"}
    # card a was graded by both: its memory is replayed from both grades, in time order
    assert deck.memories["a/zh-en"].last_review == same_card.entry.at
    unrecord(path, mine, start)  # undo of one session's grade keeps the other's
    deck = load(path).deck
    assert [e.rating for e in deck.log] == [Rating.AGAIN, Rating.EASY]
    assert unfuzzed(deck.memories["a/zh-en"]) == unfuzzed(replay([same_card.entry]))


def unfuzzed(memory: Memory | None) -> tuple[object, ...]:
    """A memory without its due time (FSRS fuzzes review intervals at random)."""
    assert memory is not None
    return (memory.phase, memory.step, memory.stability, memory.difficulty, memory.last_review)


GRADER = """
import datetime as dt, sys
from pathlib import Path
from parallax.core.review import Deck, Graded, Rating, record, review
path, tag, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()
for i in range(count):
    at = dt.datetime(2026, 3, 2, tzinfo=dt.UTC) + dt.timedelta(seconds=i)
    after, entry = review(f"{tag}{i}/zh-en", None, Rating.GOOD, at)
    record(path, Graded(f"{tag}{i}/zh-en", None, after, entry), Deck())
print("done", flush=True)
"""


def test_two_processes_grading_at_once_lose_no_grade(tmp_path: Path) -> None:
    path = tmp_path / "shared.review.sqlite"
    env = {**os.environ, "PARALLAX_CACHE_DIR": str(tmp_path / "cache")}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", GRADER, str(path), tag, "60"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for tag in ("a", "b")
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        assert proc.wait(timeout=120) == 0
    deck = load(path).deck
    assert len(deck.log) == 120 and len(deck.memories) == 120


def a_review_file(path: Path) -> bytes:
    """A real review file with one graded card; its bytes."""
    record(path, grade(Deck(), "a/zh-en", Rating.GOOD, T0), Deck())
    return path.read_bytes()


def test_a_damaged_review_file_is_set_aside_and_told_never_reset_in_silence(
    tmp_path: Path,
) -> None:
    path = tmp_path / "g.review.sqlite"
    good = a_review_file(path)
    path.write_bytes(good[: len(good) // 2])  # cut short
    loaded = load(path)
    assert loaded.deck == Deck()
    assert "\n" not in loaded.problem and "g.review.sqlite" in loaded.problem
    assert "set aside as g.review.sqlite.damaged" in loaded.problem
    kept = tmp_path / "g.review.sqlite.damaged"
    assert kept.read_bytes() == good[: len(good) // 2] and not path.exists()


def another_database(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (id INTEGER)")
    db.commit()
    db.close()


def bad_value(path: Path) -> None:
    a_review_file(path)
    db = sqlite3.connect(path)
    db.execute("UPDATE cards SET stability = -1")
    db.commit()
    db.close()


@pytest.mark.parametrize(
    "spoil",
    [
        lambda p: p.write_bytes(b""),
        lambda p: p.write_bytes(b"\xff\xfe garbage"),
        lambda p: p.write_text('{"format": "parallax-review"}', encoding="utf-8"),
        another_database,
        bad_value,
    ],
    ids=["empty", "garbage", "json", "another-database", "bad-value"],
)
def test_anything_but_an_intact_review_file_is_damaged(tmp_path: Path, spoil: object) -> None:
    path = tmp_path / "g.review.sqlite"
    spoil(path)  # type: ignore[operator]
    body = path.read_bytes()
    assert load(path).problem and (tmp_path / "g.review.sqlite.damaged").read_bytes() == body


def test_a_newer_review_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "g.review.sqlite"
    a_review_file(path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 9")
    db.close()
    body = path.read_bytes()
    for attempt in (lambda: load(path), lambda: record(path, grade(Deck(), "b/x", 3, T0), Deck())):  # type: ignore[arg-type]
        with pytest.raises(NewerReviewFileError) as error:
            attempt()
        assert isinstance(error.value, ParallaxError) and "newer parallax" in str(error.value)
    assert path.read_bytes() == body


def test_a_damaged_file_met_while_saving_is_set_aside_and_the_session_deck_written(
    tmp_path: Path,
) -> None:
    path = tmp_path / "g.review.sqlite"
    first = grade(Deck(), "a/zh-en", Rating.GOOD, T0)
    record(path, first, Deck())
    session = load(path).deck
    path.write_text("garbage", encoding="utf-8")
    second = grade(session, "b/zh-en", Rating.GOOD, T0)
    base = session.with_entry("b/zh-en", second.after, second.entry)
    assert "set aside" in record(path, second, base)
    assert set(load(path).deck.memories) == {"a/zh-en", "b/zh-en"}


def test_a_session_keeps_a_copy_of_the_file_as_it_was_before_its_first_grade(
    tmp_path: Path,
) -> None:
    path = tmp_path / "g.review.sqlite"
    good = a_review_file(path)
    dbfile.BACKED_UP.discard(path)  # a new session
    record(path, grade(load(path).deck, "b/zh-en", Rating.GOOD, T0), Deck())
    record(path, grade(load(path).deck, "c/zh-en", Rating.GOOD, T0), Deck())
    backups = backup_paths(path)
    assert backups[0].read_bytes() == good and not backups[1].exists()


def test_the_review_file_lives_beside_its_glossary_and_the_starters_in_the_data_dir(
    data_dir: Path,
) -> None:
    assert review_path(Path("/g/my-terms.tsv")) == Path("/g/my-terms.review.sqlite")
    assert review_path(starter_path()) == data_dir / "review" / "starter.review.sqlite"


def test_a_status_change_touches_only_the_status(glossary_dir: Path) -> None:
    store = GlossaryStore(glossary_dir)
    term = store.add("my-terms", new_term("雙遏制", "dual containment", note="n"))
    assert store.set_status("my-terms", term.id, "learning")
    assert not store.set_status("my-terms", term.id, "learning")  # nothing to change
    assert not store.set_status("my-terms", "0000000000000000", "known")  # removed meanwhile
    (saved,) = store.load("my-terms").terms
    assert saved.status == "learning"
    assert (saved.zh, saved.en, saved.note, saved.created) == (
        "雙遏制",
        "dual containment",
        "n",
        term.created,
    )


def test_a_file_held_by_another_program_is_unavailable_never_set_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "g.review.sqlite"
    body = a_review_file(path)
    monkeypatch.setattr(dbfile, "WAIT", 0.05)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program in a long transaction
    try:
        for attempt in (
            lambda: load(path),
            lambda: record(path, grade(Deck(), "b/zh-en", Rating.GOOD, T0), Deck()),
        ):
            with pytest.raises(UnavailableError) as error:
                attempt()
            assert "g.review.sqlite" in str(error.value) and "\n" not in str(error.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert path.read_bytes() == body and not (tmp_path / "g.review.sqlite.damaged").exists()
