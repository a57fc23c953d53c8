"""The keyboard alignment fixer's operations keep every unit exactly once, in order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core.align.bead import Bead
from parallax.core.corrections import (
    BY_HAND,
    AlignmentError,
    check_beads,
    confirm,
    insert_empty,
    merge_with_next,
    move_up,
    push_down,
    split,
)

SEED_BEADS = [Bead((0,), (), 0.6)] + [Bead((i,), (i - 1,), 0.8) for i in range(1, 6)]


def hand(zh: tuple[int, ...], en: tuple[int, ...]) -> Bead:
    return Bead(zh, en, BY_HAND)


def test_bead_is_built_positionally_and_unconfirmed_by_default() -> None:
    assert Bead((0,), (1,), 0.5) == Bead(zh=(0,), en=(1,), score=0.5, confirmed=False)
    assert Bead((0,), (1,), 0.5) != Bead((0,), (1,), 0.5, True)


def test_merge_with_next_joins_two_rows() -> None:
    beads = merge_with_next(SEED_BEADS, 0)
    assert beads[0] == hand((0, 1), (0,))
    assert len(beads) == 5
    assert merge_with_next(SEED_BEADS, 5) == SEED_BEADS  # nothing after the last row


def test_merging_a_confirmed_row_unconfirms_it() -> None:
    beads = merge_with_next(confirm(SEED_BEADS, 1), 1)
    assert beads[1] == hand((1, 2), (0, 1))


def test_split_one_to_one_unpairs() -> None:
    beads = split(SEED_BEADS, 1)
    assert beads[1:3] == [hand((1,), ()), hand((), (0,))]


def test_split_many_pairs_off_then_leaves_the_rest_alone() -> None:
    beads = split([Bead((0, 1), (0, 1, 2), 0.4)], 0)
    assert beads == [hand((0,), (0,)), hand((1,), (1,)), hand((), (2,))]


def test_split_at_a_unit_shares_the_other_side_in_proportion() -> None:
    bead = [Bead((0, 1, 2, 3), (0, 1), 0.4)]
    assert split(bead, 0, "zh", 2) == [hand((0, 1), (0,)), hand((2, 3), (1,))]
    assert split(bead, 0, "zh", 1) == [hand((0,), (0,)), hand((1, 2, 3), (1,))]  # 0.5 rounds up
    assert split(bead, 0, "zh", 3) == [hand((0, 1, 2), (0, 1)), hand((3,), ())]
    assert split(bead, 0, "en", 1) == [hand((0, 1), (0,)), hand((2, 3), (1,))]


def test_split_at_a_single_counterpart_keeps_it_first() -> None:
    assert split([Bead((0, 1), (0,), 0.4)], 0, "zh", 1) == [hand((0,), (0,)), hand((1,), ())]
    assert split([Bead((0,), (0, 1), 0.4)], 0, "en", 1) == [hand((0,), (0,)), hand((), (1,))]


def test_split_at_the_first_unit_unpairs_and_elsewhere_does_nothing() -> None:
    bead = [Bead((0, 1), (0,), 0.4)]
    assert split(bead, 0, "zh", 0) == [hand((), (0,)), hand((0, 1), ())]
    assert split(bead, 0, "zh", 5) == bead  # not in the bead
    assert split([Bead((0,), (), 0.4)], 0, "zh", 0) == [Bead((0,), (), 0.4)]


def test_push_down_and_move_up_move_one_paragraph() -> None:
    wrong = [Bead((0,), (0,), 0.5), Bead((1,), (), 0.3), Bead((2,), (1,), 0.9)]
    assert move_up(wrong, 1, "en") == wrong  # no English in row 1 to move
    fixed = push_down(wrong, 0, "en")
    assert fixed == [hand((0,), ()), hand((1,), (0,)), Bead((2,), (1,), 0.9)]
    assert move_up(fixed, 1, "en") == [hand((0,), (0,)), hand((1,), ()), Bead((2,), (1,), 0.9)]


def test_move_up_from_the_first_row_makes_a_new_row() -> None:
    beads = move_up([Bead((0, 1), (0,), 0.5)], 0, "zh")
    assert beads == [hand((0,), ()), hand((1,), (0,))]


def test_moving_the_only_unit_up_removes_the_row() -> None:
    beads = move_up([Bead((0,), (0,), 0.5), Bead((), (1,), 0.5)], 1, "en")
    assert beads == [hand((0,), (0, 1))]


def test_push_down_from_the_last_row_makes_a_new_row() -> None:
    beads = push_down([Bead((0,), (0, 1), 0.5)], 0, "en")
    assert beads == [hand((0,), (0,)), hand((), (1,))]


ONE_TO_ONE = [Bead((i,), (i,), 0.8) for i in range(4)]


def test_insert_empty_shifts_the_column_down_to_the_end() -> None:
    assert insert_empty(ONE_TO_ONE, 1, "zh") == [
        ONE_TO_ONE[0],
        hand((), (1,)),
        hand((1,), (2,)),
        hand((2,), (3,)),
        hand((3,), ()),
    ]
    assert insert_empty(ONE_TO_ONE, 3, "en") == [*ONE_TO_ONE[:3], hand((3,), ()), hand((), (3,))]


def test_insert_empty_stops_at_an_empty_cell() -> None:
    beads = [Bead((0,), (0,), 0.8), Bead((1,), (1,), 0.8), Bead((), (2,), 0.8), Bead((2,), (3,), 1)]
    assert insert_empty(beads, 0, "zh") == [
        hand((), (0,)),
        hand((0,), (1,)),
        hand((1,), (2,)),
        beads[3],
    ]


def test_insert_empty_stops_before_a_confirmed_row() -> None:
    beads = confirm(ONE_TO_ONE, 2)
    assert insert_empty(beads, 0, "en") == [
        hand((0,), ()),
        hand((1,), (0,)),
        hand((), (1,)),
        beads[2],
        beads[3],
    ]


def test_insert_empty_needs_a_pair() -> None:
    assert insert_empty(SEED_BEADS, 0, "zh") == SEED_BEADS
    assert insert_empty(SEED_BEADS, 9, "zh") == SEED_BEADS


def test_confirm_toggles_and_keeps_the_units() -> None:
    confirmed = confirm(SEED_BEADS, 1)
    assert confirmed[1] == Bead((1,), (0,), BY_HAND, True)
    assert confirmed[0] is SEED_BEADS[0]
    assert confirm(confirmed, 1)[1] == Bead((1,), (0,), BY_HAND, False)


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
        bead = Bead(tuple(range(z, z + nz)), tuple(range(e, e + ne)), 0.5, draw(st.booleans()))
        beads.append(bead)
        z, e = z + nz, e + ne
    return beads, z, e


OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["merge", "split", "split-at", "push", "pull", "insert", "confirm"]),
        st.integers(-1, 14),
        st.sampled_from(["zh", "en"]),
        st.integers(-1, 30),
    ),
    max_size=20,
)


@settings(max_examples=200, deadline=None)
@given(alignments(), OPERATIONS)
def test_any_sequence_of_fixes_keeps_every_unit_once_in_order(alignment, operations) -> None:  # type: ignore[no-untyped-def]
    beads, n_zh, n_en = alignment
    for name, index, side, at in operations:
        before = beads
        if name == "merge":
            beads = merge_with_next(beads, index)
        elif name == "split":
            beads = split(beads, index)
        elif name == "split-at":
            beads = split(beads, index, side, at)
        elif name == "push":
            beads = push_down(beads, index, side)
        elif name == "pull":
            beads = move_up(beads, index, side)
        elif name == "insert":
            beads = insert_empty(beads, index, side)
        else:
            beads = confirm(beads, index)
        check_beads(beads, n_zh, n_en)
        if name != "confirm":  # changed beads are unconfirmed, the others kept as they were
            assert all(b in before for b in beads if b.confirmed)
        if not 0 <= index < len(before):
            assert beads == before


def test_check_beads_rejects_gaps_and_repeats() -> None:
    with pytest.raises(AlignmentError, match="zh units"):
        check_beads([Bead((0,), (0,), 1), Bead((0,), (1,), 1)], 1, 2)
    with pytest.raises(AlignmentError, match="empty bead"):
        check_beads([Bead((0,), (0,), 1), Bead((), (), 1)], 1, 1)


# ------------------------------------------------------------------ re-align around confirmed
ZH = ["美國總統訪問中國。", "雙方簽署協議。", "天氣很好。", "記者招待會。", "結束。"]
EN = [
    "The US president visited China.",
    "The two sides signed an agreement.",
    "The weather was fine.",
    "A press conference.",
    "The end.",
]


def test_realign_around_keeps_confirmed_beads_and_aligns_the_gaps() -> None:
    from parallax.core.align.anchored import realign_around

    odd = Bead((1,), (2,), BY_HAND, True)  # a (wrong) pair the user confirmed anyway
    beads = [hand((0,), (0, 1)), odd, hand((2, 3, 4), (3, 4))]
    result = realign_around(beads, ZH, EN)
    check_beads(result, len(ZH), len(EN))
    assert odd in result
    before = result[: result.index(odd)]
    assert [i for b in before for i in b.zh] == [0]
    assert [i for b in before for i in b.en] == [0, 1]
    assert not any(b.confirmed for b in result if b != odd)
    after = result[result.index(odd) + 1 :]
    assert [i for b in after for i in b.zh] == [2, 3, 4]
    assert [i for b in after for i in b.en] == [3, 4]


def test_realign_around_nothing_confirmed_is_the_aligner() -> None:
    from parallax.core.align import align_units
    from parallax.core.align.anchored import realign_around

    beads = [hand((0, 1, 2, 3, 4), (0, 1, 2, 3, 4))]
    assert realign_around(beads, ZH, EN) == align_units(ZH, EN)
    confirmed = confirm(beads, 0)
    assert realign_around(confirmed, ZH, EN) == confirmed


@settings(max_examples=50, deadline=None)
@given(alignments())
def test_realign_around_keeps_every_unit_and_every_confirmed_bead(alignment) -> None:  # type: ignore[no-untyped-def]
    from parallax.core.align.anchored import realign_around

    beads, n_zh, n_en = alignment
    zh = [f"第{i}段。" for i in range(n_zh)]
    en = [f"Paragraph {i}." for i in range(n_en)]
    result = realign_around(beads, zh, en)
    check_beads(result, n_zh, n_en)
    assert [b for b in result if b.confirmed] == [b for b in beads if b.confirmed]
