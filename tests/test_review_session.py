"""Today's plan and the review session, without Textual: order, daily limit, Again, undo,
statuses and statistics."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from parallax.app.review.session import Counts, ReviewSession
from parallax.core.glossary import GlossaryStore, Term, new_term
from parallax.core.review import (
    Deck,
    Graded,
    Rating,
    cards_of,
    open_review,
    plan,
    record,
    review,
    save_change,
    stats_of,
)
from parallax.core.review.queue import introduced_on, new_count


class Clock:
    """A clock the test moves."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at


NOON = dt.datetime.combine(dt.date(2026, 3, 2), dt.time(12)).astimezone().astimezone(dt.UTC)


def three_terms(glossary_dir: Path) -> list[Term]:
    store = GlossaryStore(glossary_dir)
    terms = [
        new_term("雙遏制", "dual containment"),
        new_term("聯合聲明", "joint statement"),
        new_term("制裁", "sanctions"),
    ]
    store.add_many("my-terms", terms)
    return terms


def session_of(glossary_dir: Path, clock: Clock, new_per_day: int = 20) -> ReviewSession:
    opened = open_review(GlossaryStore(glossary_dir), [], clock(), new_per_day)
    return ReviewSession(opened, clock)


def test_three_new_terms_give_six_new_cards_recognition_first(glossary_dir: Path) -> None:
    three_terms(glossary_dir)
    session = session_of(glossary_dir, Clock(NOON))
    assert session.counts().new == 6
    shown = []
    while session.current is not None:
        shown.append((session.current.term.zh, session.current.kind))
        session.reveal()
        session.grade(Rating.EASY)  # graduates at once: no card comes back today
    assert [kind for _, kind in shown] == ["zh-en"] * 3 + ["en-zh"] * 3
    assert [zh for zh, _ in shown[:3]] == ["雙遏制", "聯合聲明", "制裁"]


def test_again_brings_the_card_back_in_the_same_session(glossary_dir: Path) -> None:
    three_terms(glossary_dir)
    clock = Clock(NOON)
    session = session_of(glossary_dir, clock)
    first = session.current
    session.reveal()
    session.grade(Rating.AGAIN)
    seen = []
    while session.current is not None and session.current != first:
        seen.append(session.current)
        session.reveal()
        session.grade(Rating.EASY)
    assert session.current == first and len(seen) == 5  # after the others, not lost


def test_a_card_is_graded_only_once_its_answer_is_shown(glossary_dir: Path) -> None:
    three_terms(glossary_dir)
    session = session_of(glossary_dir, Clock(NOON))
    try:
        session.grade(Rating.GOOD)
    except ValueError as error:
        assert "space" in str(error)
    else:  # pragma: no cover
        raise AssertionError("graded unrevealed")


def test_undo_restores_the_card_the_queue_and_the_status(glossary_dir: Path) -> None:
    three_terms(glossary_dir)
    session = session_of(glossary_dir, Clock(NOON))
    first, counts = session.current, session.counts()
    assert first is not None
    session.reveal()
    change = session.grade(Rating.GOOD)
    assert change.status == (first.term.id, "learning")
    assert session.memory(first) is not None and session.current != first
    undo = session.undo()
    assert undo is not None and undo.undo and undo.graded == change.graded
    assert undo.status == (first.term.id, "new")
    assert session.current == first and not session.revealed
    assert session.counts() == counts and session.memory(first) is None
    assert session.undo() is None


def test_due_cards_come_first_then_at_most_n_new_cards_a_day(glossary_dir: Path) -> None:
    terms = three_terms(glossary_dir)
    cards = cards_of("my-terms", terms)
    yesterday = NOON - dt.timedelta(days=1)
    memory, entry = review(cards[4].key, None, Rating.GOOD, yesterday)
    deck = Deck({cards[4].key: memory}, (entry,))
    today = plan({"my-terms": terms}, {"my-terms": deck}, NOON, new_per_day=2)
    assert today.due == (cards[4],)
    assert [c.key for c in today.new] == [cards[0].key, cards[1].key]
    assert new_count(terms, deck) == 5
    # two new cards introduced today already: none left for today
    logged = tuple(review(c.key, None, Rating.GOOD, NOON)[1] for c in cards[:2])
    assert introduced_on(Deck({}, logged), NOON) == 2
    assert plan({"my-terms": terms}, {"my-terms": Deck({}, logged)}, NOON, 2).new == ()
    # a removed term's memory is not a card
    assert plan({"my-terms": terms[:2]}, {"my-terms": deck}, NOON, 0) == plan(
        {"my-terms": terms[:2]}, {"my-terms": Deck()}, NOON, 0
    )


def test_statistics_count_due_days_reviews_and_retention(glossary_dir: Path) -> None:
    terms = three_terms(glossary_dir)
    cards = cards_of("my-terms", terms)
    memories, log = {}, []
    for i, card in enumerate(cards[:3]):
        memory, entry = review(card.key, None, Rating.EASY, NOON - dt.timedelta(days=20))
        memory, second = review(card.key, memory, Rating(1 + 2 * (i > 0)), NOON)
        memories[card.key] = memory
        log += [entry, second]
    stats = stats_of("my-terms", cards, Deck(memories, tuple(log)), NOON, 20)
    assert stats.cards == 6 and (stats.new, stats.learning, stats.known) == (3, 1, 2)
    assert stats.reviews == 6 and stats.reviews_today == 3
    assert stats.retention_reviews == 3 and stats.retention == 2 / 3
    assert stats.due[0][1] == 1  # the card graded Again is due again today
    assert sum(n for _, n in stats.due) <= 3 and stats.new_today == 3


def test_removed_terms_drop_out_and_edited_terms_keep_their_history(glossary_dir: Path) -> None:
    terms = three_terms(glossary_dir)
    store = GlossaryStore(glossary_dir)
    clock = Clock(NOON)
    session = session_of(glossary_dir, clock)
    for _ in range(6):
        session.reveal()
        save_change(session.grade(Rating.EASY), store)
    store.remove("my-terms", terms[2].id)
    edited = store.load("my-terms").terms[0].with_changes(en="double containment")
    store.update("my-terms", edited)
    clock.at = NOON + dt.timedelta(days=60)
    later = session_of(glossary_dir, clock)
    keys = {c.term.id for c in (*later.due, later.current)}
    assert terms[2].id not in keys and terms[0].id in keys  # due again, history kept
    assert later.counts().new == 0


def test_counts_split_learning_from_review_cards_through_grades_and_undo(
    glossary_dir: Path,
) -> None:
    terms = three_terms(glossary_dir)
    cards = cards_of("my-terms", terms)
    path = glossary_dir / "my-terms.review.sqlite"
    long_ago = NOON - dt.timedelta(days=60)
    for card, rating in ((cards[0], Rating.AGAIN), (cards[1], Rating.EASY)):
        memory, entry = review(card.key, None, rating, long_ago)
        record(path, Graded(card.key, None, memory, entry), Deck())
    session = session_of(glossary_dir, Clock(NOON))
    assert session.counts() == Counts(new=4, learning=1, due=1)
    session.reveal()
    session.grade(Rating.EASY)  # the learning card graduates
    assert session.counts() == Counts(new=4, learning=0, due=1)
    session.undo()
    assert session.counts() == Counts(new=4, learning=1, due=1)


def test_a_grade_gives_the_interval_its_key_showed(glossary_dir: Path) -> None:
    terms = three_terms(glossary_dir)
    cards = cards_of("my-terms", terms)
    path = glossary_dir / "my-terms.review.sqlite"
    memory, entry = review(cards[0].key, None, Rating.EASY, NOON - dt.timedelta(days=60))
    record(path, Graded(cards[0].key, None, memory, entry), Deck())
    for rating in Rating:
        session = session_of(glossary_dir, Clock(NOON))
        session.reveal()
        shown = session.intervals()[rating]  # long intervals are fuzzed at random
        change = session.grade(rating)
        assert change.graded.after.due - change.graded.entry.at == shown


def test_the_first_card_revealed_and_graded_before_the_session_carries_on(
    glossary_dir: Path,
) -> None:
    """The card shown from the quick look-up, revealed and graded while the session was read:
    the session starts on it revealed and grades it so; not revealed, a grade key does
    nothing."""
    from parallax.app.review.first_card import FirstCard, look_up

    three_terms(glossary_dir)
    clock = Clock(NOON)
    first = FirstCard(look_up(glossary_dir, [], clock(), 20))
    assert first.card is not None and not first.grade(Rating.GOOD)  # the answer not shown
    first.reveal()
    assert first.grade(Rating.EASY)
    session = session_of(glossary_dir, clock)
    card = first.card
    change = first.hand_over(session)
    assert change is not None and not change.undo and session.reviewed == 1
    assert session.current != card and first.card is None and first.rating is None
    assert FirstCard(None).hand_over(session) is None


def test_the_first_card_only_revealed_is_revealed_in_the_session(glossary_dir: Path) -> None:
    from parallax.app.review.first_card import FirstCard, look_up

    three_terms(glossary_dir)
    clock = Clock(NOON)
    first = FirstCard(look_up(glossary_dir, [], clock(), 20))
    first.reveal()
    session = session_of(glossary_dir, clock)
    assert first.hand_over(session) is None and session.revealed
