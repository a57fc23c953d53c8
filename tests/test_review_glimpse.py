"""The first card found quickly is the card the full plan starts with."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.app.review.session import ReviewSession
from parallax.core.glossary import GlossaryStore, new_term
from parallax.core.review import (
    Deck,
    Graded,
    Rating,
    cards_of,
    first_card,
    open_review,
    record,
    review,
    review_path,
)

NOW = dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC)
CONTEXT = "美國對中俄實施『雙遏制』。"


@settings(max_examples=25, deadline=None)
@given(
    reviewed=st.lists(
        st.tuples(st.integers(0, 8), st.integers(-3000, 3000), st.sampled_from(list(Rating))),
        max_size=6,
    ),
    removed=st.sets(st.integers(0, 3), max_size=2),
    new_per_day=st.integers(0, 3),
    two_glossaries=st.booleans(),
)
def test_the_quick_first_card_is_the_plans_first(
    reviewed: list[tuple[int, int, Rating]],
    removed: set[int],
    new_per_day: int,
    two_glossaries: bool,
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = GlossaryStore(Path(tmp), include_starter=False)
        terms = [
            new_term("雙遏制", "dual containment", context_zh=CONTEXT),
            new_term("聯合聲明", "joint statement"),
            new_term("制裁", "sanctions"),
            new_term("遏制", "contain", context_zh=CONTEXT),
        ]
        store.add_many("my-terms", terms)
        cards = cards_of("my-terms", terms)
        path = review_path(store.places.path("my-terms"))
        for index, minutes, rating in reviewed:
            card = cards[index]
            memory, entry = review(card.key, None, rating, NOW + dt.timedelta(minutes=minutes))
            record(path, Graded(card.key, None, memory, entry), Deck())
        for index in removed:
            store.remove("my-terms", terms[index].id)
        names = ["my-terms"]
        if two_glossaries:
            other = GlossaryStore(Path(tmp), include_starter=False, writable_name="other")
            other.add_many("other", [new_term("反導", "anti-missile")])
            names.append("other")
        glimpse = first_card(store, names, NOW, new_per_day)
        session = ReviewSession(open_review(store, names, NOW, new_per_day), lambda: NOW)
        if glimpse is not None:
            assert glimpse.card == session.current
            assert glimpse.memory == session.memory(glimpse.card)
        else:
            assert session.current is None or len(reviewed) > 0
