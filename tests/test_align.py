"""The aligner: the seed editorial, invariants (hypothesis) and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parallax.core.align import LOW_CONFIDENCE, Bead, align_document, align_sentences, align_units
from parallax.core.align.params import SENTENCES
from parallax.core.readers import load_document

ZH_WORDS = ["中國", "美國", "政府", "經濟", "學校", "颱風", "三十", "醫院", "今天", "市民", "。"]
EN_WORDS = [
    "China",
    "the",
    "US",
    "government",
    "economy",
    "school",
    "typhoon",
    "30",
    "hospital",
    "today",
    "residents",
    ".",
]


def _check_partition(beads: list[Bead], n: int, m: int) -> None:
    zh = [i for b in beads for i in b.zh]
    en = [j for b in beads for j in b.en]
    assert zh == list(range(n))
    assert en == list(range(m))
    assert all(b.zh or b.en for b in beads)
    assert all(0.0 <= b.score <= 1.0 for b in beads)
    for bead in beads:
        assert (
            list(bead.zh) == list(range(bead.zh[0], bead.zh[0] + len(bead.zh))) if bead.zh else True
        )


def test_seed_editorial_aligns_exactly(seed_path: Path) -> None:
    beads = align_document(load_document(seed_path))
    assert [(b.zh, b.en) for b in beads] == [((0,), ())] + [((k,), (k - 1,)) for k in range(1, 6)]
    assert all(b.score >= LOW_CONFIDENCE for b in beads[1:])


@pytest.mark.parametrize(("n_zh", "n_en"), [(2, 1), (3, 2), (4, 3), (5, 4)])
def test_short_parts_of_the_seed_keep_the_unmatched_first_paragraph(
    seed_path: Path, n_zh: int, n_en: int
) -> None:
    """A short text with a dropped paragraph: the length ratio must not be skewed by it."""
    doc = load_document(seed_path)
    beads = align_units(doc.zh_texts[:n_zh], doc.en_texts[:n_en])
    expected = [((0,), ())] + [((k,), (k - 1,)) for k in range(1, n_zh)]
    assert [(b.zh, b.en) for b in beads] == expected


units_zh = st.lists(st.lists(st.sampled_from(ZH_WORDS), max_size=12).map("".join), max_size=25)
units_en = st.lists(st.lists(st.sampled_from(EN_WORDS), max_size=12).map(" ".join), max_size=25)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(zh=units_zh, en=units_en, sentences=st.booleans())
def test_every_unit_once_in_order(zh: list[str], en: list[str], sentences: bool) -> None:
    beads = align_units(zh, en, units="sentences" if sentences else "paragraphs")
    _check_partition(beads, len(zh), len(en))


@settings(max_examples=30, deadline=None)
@given(zh=units_zh, en=units_en)
def test_narrow_band_still_partitions(zh: list[str], en: list[str]) -> None:
    from dataclasses import replace

    beads = align_units(zh, en, params=replace(SENTENCES, band=1))
    _check_partition(beads, len(zh), len(en))


def test_bead_shapes_are_limited() -> None:
    zh = ["中國政府今天宣布。"] * 3
    en = ["China's government announced today."] * 12
    beads = align_units(zh, en)
    assert all(len(b.zh) <= 3 and len(b.en) <= 3 for b in beads)
    _check_partition(beads, 3, 12)


def test_one_side_empty() -> None:
    assert align_units(["一", "二"], []) == [Bead((0,), (), 0.0), Bead((1,), (), 0.0)]
    assert align_units([], ["one"]) == [Bead((), (0,), 0.0)]
    assert align_units([], []) == []


def test_hundred_units_against_one() -> None:
    zh = [f"第{i}段：學校今天停課。" for i in range(100)]
    beads = align_units(zh, ["Schools are closed today."])
    _check_partition(beads, 100, 1)
    assert sum(1 for b in beads if b.en) == 1


def test_single_huge_unit() -> None:
    zh = ["颱風襲港，全港學校停課。" * 16_000]  # 192,000 characters
    en = ["Typhoon hits Hong Kong: all schools closed. " * 16_000]
    beads = align_units(zh, en)
    assert [(b.zh, b.en) for b in beads] == [((0,), (0,))]


def test_glossary_anchor_decides() -> None:
    """Which of three paragraphs has no English is a guess without evidence (doubtful rows);
    the user's terms decide it, and the rows become confident."""
    zh = ["甲乙丙丁。", "戊己庚辛。", "壬癸子丑。"]
    en = ["Zorblat.", "Quuxify."]
    plain = align_units(zh, en)
    anchored = align_units(zh, en, glossary=[("甲乙", "Zorblat"), ("壬癸", "Quuxify")])
    _check_partition(plain, 3, 2)
    assert [(b.zh, b.en) for b in anchored] == [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    assert all(b.score < LOW_CONFIDENCE for b in plain)
    assert all(b.score > LOW_CONFIDENCE for b in anchored)


def test_align_sentences_splits_and_aligns() -> None:
    zh, en, beads = align_sentences(
        "天文台昨日發出八號風球。全港學校停課。",
        "The Observatory issued the No. 8 signal yesterday. All schools were closed.",
    )
    assert len(zh) == 2 and len(en) == 2
    assert [(b.zh, b.en) for b in beads] == [((0,), (0,)), ((1,), (1,))]


def test_unknown_units() -> None:
    with pytest.raises(ValueError, match="unknown units 'words'"):
        align_units(["一"], ["one"], units="words")  # type: ignore[arg-type]


def test_path_centre_follows_the_path() -> None:
    from parallax.core.align.dp import Path as DpPath
    from parallax.core.align.engine import path_centre

    path = DpPath([((0, 1), (0, 2)), ((1, 1), (2, 3)), ((1, 3), (3, 4))], False, 0.0)
    assert path_centre(path, 3).tolist() == [0.0, 3.0, 3.5, 4.0]


def test_long_repetitive_numbered_document_aligns(seed_path: Path) -> None:
    """Paragraphs repeated in cycles of different lengths on the two sides, numbered: a row may
    end off the best path's cells, and its confidence must still be computed (was an
    IndexError in the margins' backward band)."""
    doc = load_document(seed_path)
    zh = [f"{i}. {doc.zh_texts[i % len(doc.zh_texts)]}" for i in range(500)]
    en = [f"{i}. {doc.en_texts[i % len(doc.en_texts)]}" for i in range(500)]
    beads = align_units(zh, en)
    _check_partition(beads, 500, 500)


def test_numbers_beyond_64_bits_are_still_keys() -> None:
    """A 30-digit number on both sides (its key does not fit 64 bits) anchors, not crashes."""
    number = "123456789012345678901234567890"
    zh = [f"他說數字是{number}。", "第二段。"]
    en = [f"He said the number is {number}.", "Second."]
    for units in ("paragraphs", "lines"):
        beads = align_units(zh, en, units=units)  # type: ignore[arg-type]
        assert [(b.zh, b.en) for b in beads] == [((0,), (0,)), ((1,), (1,))]
