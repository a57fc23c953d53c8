"""Suggested term pairs for the seed editorial."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parallax.core.align import Bead, align_document
from parallax.core.chinese import fold
from parallax.core.document import Document
from parallax.core.readers import load_document
from parallax.core.suggest import Suggestion, suggest_terms


@pytest.fixture(scope="module")
def seed() -> tuple[Document, list[Bead]]:
    from parallax.core.bundled import bundled_document_path

    doc = load_document(bundled_document_path())
    return doc, align_document(doc)


@pytest.fixture(scope="module")
def suggestions(seed: tuple[Document, list[Bead]]) -> list[Suggestion]:
    return suggest_terms(*seed, limit=200)


def test_dual_containment_comes_first(suggestions: list[Suggestion]) -> None:
    first = suggestions[0]
    assert (first.zh, first.en) == ("雙遏制", "dual containment")
    assert "quote" in first.reasons
    assert first.count == 2


def test_every_suggestion_occurs_on_both_sides(
    seed: tuple[Document, list[Bead]], suggestions: list[Suggestion]
) -> None:
    doc, beads = seed
    zh_all = fold("\n".join(doc.zh_texts))
    en_all = "\n".join(doc.en_texts).lower()
    assert len(suggestions) >= 30
    for s in suggestions:
        assert fold(s.zh) in zh_all, s
        assert s.en.lower() in en_all, s
        assert fold(s.zh) in fold(s.context_zh) and s.en in s.context_en
        bead = beads[s.row]
        assert s.context_zh == "\n".join(doc.zh[i].text for i in bead.zh)
        assert 0.0 <= s.score <= 1.0 and s.count >= 1 and s.reasons


def test_sorted_and_unique(suggestions: list[Suggestion]) -> None:
    scores = [s.score for s in suggestions]
    assert scores == sorted(scores, reverse=True)
    keys = [fold(s.zh) for s in suggestions]
    assert len(keys) == len(set(keys))


def test_limit_and_progress(seed: tuple[Document, list[Bead]]) -> None:
    seen: list[float] = []
    found = suggest_terms(*seed, limit=5, progress=seen.append)
    assert len(found) == 5
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen) and all(0.0 <= x <= 1.0 for x in seen)
    assert suggest_terms(*seed, limit=0) == []


def test_rejected_pairs_disappear(
    seed: tuple[Document, list[Bead]], suggestions: list[Suggestion]
) -> None:
    top = suggestions[:3]
    rejected = [(top[0].zh, top[0].en), (fold(top[1].zh), top[1].en.upper())]
    found = suggest_terms(*seed, rejected=rejected, limit=200)
    pairs = {(fold(s.zh), s.en.lower()) for s in found}
    assert (fold(top[0].zh), top[0].en.lower()) not in pairs
    assert (fold(top[1].zh), top[1].en.lower()) not in pairs
    assert found[0].zh == top[2].zh or found[0].score >= top[2].score


def test_known_marks(seed: tuple[Document, list[Bead]]) -> None:
    glossary = [("双遏制", "dual containment"), ("聯合聲明", "joint declaration")]
    found = {s.zh: s for s in suggest_terms(*seed, glossary=glossary, limit=200)}
    assert found["雙遏制"].known and found["聯合聲明"].known
    assert not found["經濟制裁"].known


def test_no_aligned_pairs_no_suggestions(seed: tuple[Document, list[Bead]]) -> None:
    doc, _ = seed
    beads = [Bead((i,), (), 0.0) for i in range(len(doc.zh))]
    beads += [Bead((), (j,), 0.0) for j in range(len(doc.en))]
    assert suggest_terms(doc, beads) == []


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(cut=st.lists(st.floats(0, 1), min_size=2, max_size=2), shift=st.integers(0, 4))
def test_any_pairing_of_seed_fragments(
    seed: tuple[Document, list[Bead]], cut: list[float], shift: int
) -> None:
    """Whatever paragraphs are paired (even wrongly), suggestions occur in their pair."""
    doc, _ = seed
    n = min(len(doc.zh), len(doc.en))
    beads = [Bead((i,), ((i + shift) % len(doc.en),), 0.5) for i in range(n)]
    beads = beads[int(cut[0] * n) :] or beads
    for s in suggest_terms(doc, beads, limit=int(cut[1] * 30)):
        bead = beads[s.row]
        assert fold(s.zh) in fold("\n".join(doc.zh[i].text for i in bead.zh))
        assert s.en in "\n".join(doc.en[i].text for i in bead.en)
