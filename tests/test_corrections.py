"""The keyboard alignment fixer's operations keep every unit exactly once, in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core.align.bead import Bead
from parallax.core.alignment_store import (
    alignment_path,
    forget_alignment,
    load_alignment,
    save_alignment,
)
from parallax.core.corrections import (
    BY_HAND,
    AlignmentError,
    check_beads,
    confirm,
    merge_with_next,
    pull_up,
    push_down,
    split,
)

SEED_BEADS = [Bead((0,), (), 0.6)] + [Bead((i,), (i - 1,), 0.8) for i in range(1, 6)]


def test_merge_with_next_joins_two_rows() -> None:
    beads = merge_with_next(SEED_BEADS, 0)
    assert beads[0] == Bead((0, 1), (0,), BY_HAND)
    assert len(beads) == 5
    assert merge_with_next(SEED_BEADS, 5) == SEED_BEADS  # nothing after the last row


def test_split_one_to_one_unpairs() -> None:
    beads = split(SEED_BEADS, 1)
    assert beads[1:3] == [Bead((1,), (), BY_HAND), Bead((), (0,), BY_HAND)]


def test_split_many_pairs_off_then_leaves_the_rest_alone() -> None:
    beads = split([Bead((0, 1), (0, 1, 2), 0.4)], 0)
    assert beads == [
        Bead((0,), (0,), BY_HAND),
        Bead((1,), (1,), BY_HAND),
        Bead((), (2,), BY_HAND),
    ]


def test_push_down_and_pull_up_move_one_paragraph() -> None:
    wrong = [Bead((0,), (0,), 0.5), Bead((1,), (), 0.3), Bead((2,), (1,), 0.9)]
    fixed = pull_up(wrong, 0, "en")  # nothing to pull from a zh-only bead
    assert fixed == wrong
    fixed = push_down(wrong, 0, "en")
    assert fixed == [Bead((0,), (), BY_HAND), Bead((1,), (0,), BY_HAND), Bead((2,), (1,), 0.9)]
    assert pull_up(fixed, 0, "en") == [
        Bead((0,), (0,), BY_HAND),
        Bead((1,), (), BY_HAND),
        Bead((2,), (1,), 0.9),
    ]


def test_push_down_from_the_last_row_makes_a_new_row() -> None:
    beads = push_down([Bead((0,), (0, 1), 0.5)], 0, "en")
    assert beads == [Bead((0,), (0,), BY_HAND), Bead((), (1,), BY_HAND)]


def test_confirm_sets_the_score_only() -> None:
    assert confirm(SEED_BEADS, 0)[0] == Bead((0,), (), BY_HAND)


@st.composite
def alignments(draw: st.DrawFn) -> tuple[list[Bead], int, int]:
    shapes = draw(
        st.lists(
            st.sampled_from([(0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1)]),
            min_size=1,
            max_size=12,
        )
    )
    beads, z, e = [], 0, 0
    for nz, ne in shapes:
        beads.append(Bead(tuple(range(z, z + nz)), tuple(range(e, e + ne)), 0.5))
        z, e = z + nz, e + ne
    return beads, z, e


OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["merge", "split", "push", "pull", "confirm"]),
        st.integers(-1, 14),
        st.sampled_from(["zh", "en"]),
    ),
    max_size=20,
)


@settings(max_examples=200, deadline=None)
@given(alignments(), OPERATIONS)
def test_any_sequence_of_fixes_keeps_every_unit_once_in_order(alignment, operations) -> None:  # type: ignore[no-untyped-def]
    beads, n_zh, n_en = alignment
    for name, index, side in operations:
        if name == "merge":
            beads = merge_with_next(beads, index)
        elif name == "split":
            beads = split(beads, index)
        elif name == "push":
            beads = push_down(beads, index, side)
        elif name == "pull":
            beads = pull_up(beads, index, side)
        else:
            beads = confirm(beads, index)
        check_beads(beads, n_zh, n_en)


def test_check_beads_rejects_gaps_and_repeats() -> None:
    with pytest.raises(AlignmentError, match="zh units"):
        check_beads([Bead((0,), (0,), 1), Bead((0,), (1,), 1)], 1, 2)
    with pytest.raises(AlignmentError, match="empty bead"):
        check_beads([Bead((0,), (0,), 1), Bead((), (), 1)], 1, 1)


def test_fixed_alignment_is_saved_and_found_again(tmp_path: Path) -> None:
    zh, en = ["甲", "乙"], ["A", "B"]
    assert load_alignment(zh, en, tmp_path) is None
    beads = [Bead((0,), (0,), BY_HAND), Bead((1,), (1,), 0.7)]
    path = save_alignment(zh, en, beads, source="test", directory=tmp_path)
    assert path == alignment_path(zh, en, tmp_path)
    assert load_alignment(list(zh), list(en), tmp_path) == beads
    assert load_alignment(zh, ["A", "B changed"], tmp_path) is None  # other text, other key
    assert forget_alignment(zh, en, tmp_path) is True
    assert load_alignment(zh, en, tmp_path) is None


def test_damaged_saved_alignment_names_the_file(tmp_path: Path) -> None:
    zh, en = ["甲"], ["A"]
    path = save_alignment(zh, en, [Bead((0,), (0,), 1.0)], directory=tmp_path)
    path.write_text('{"beads": [{"zh": [0], "en": [5], "score": 1}]}', encoding="utf-8")
    with pytest.raises(AlignmentError, match=str(path)):
        load_alignment(zh, en, tmp_path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(AlignmentError, match="cannot read"):
        load_alignment(zh, en, tmp_path)


def test_saving_a_broken_alignment_is_refused(tmp_path: Path) -> None:
    with pytest.raises(AlignmentError):
        save_alignment(["甲"], ["A"], [Bead((0,), (), 1.0)], directory=tmp_path)
    assert not list(tmp_path.glob("*.json"))


def test_the_aligners_result_is_cached_apart_from_hand_fixes() -> None:
    from parallax.core.alignment_store import cache_alignment, cached_alignment

    zh, en = ["甲", "乙"], ["A"]
    assert cached_alignment(zh, en) is None
    beads = [Bead((0,), (), 0.4), Bead((1,), (0,), 0.9)]
    cache_alignment(zh, en, beads)
    assert cached_alignment(zh, en) == beads
    assert load_alignment(zh, en) is None  # not mistaken for a hand fix
    cache_alignment(zh, en, [Bead((0,), (0,), 1.0)])  # invalid: unit 1 missing; ignored
    assert cached_alignment(zh, en) == beads
