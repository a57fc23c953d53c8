"""The reader's pure helpers: wrapping, row heights, search, highlight colours."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from parallax.app.highlight import PALETTE, colour_key, term_style
from parallax.app.layout import Columns, Heights, lay_out, offset_at
from parallax.app.search import Hit, hit_key, next_hit, search
from parallax.app.wrap import wrap
from parallax.core.glossary import new_term

TEXT = st.text(
    alphabet=st.sampled_from([*"ab cd\n雙遏制，「」1980 xyz-", "𠮷", "é"]),
    max_size=120,
)


@settings(max_examples=150, deadline=None)
@given(TEXT, st.integers(min_value=2, max_value=40))
def test_wrap_keeps_every_visible_character_in_order_within_the_width(
    text: str, width: int
) -> None:
    lines = wrap(text, width)
    assert lines
    pieces = [text[s:e] for s, e in lines]
    assert all(s <= e for s, e in lines)
    assert [s for s, _ in lines] == sorted(s for s, _ in lines)
    for piece in pieces:
        assert cell_len(piece) <= width or len(piece) == 1
    kept = "".join(pieces)
    assert "".join(text.split()) == "".join(kept.split())


def test_wrap_breaks_english_at_blanks_and_chinese_anywhere() -> None:
    english = "the dual containment policy"
    assert [english[s:e] for s, e in wrap(english, 12)] == ["the dual", "containment", "policy"]
    assert [english[s:e] for s, e in wrap(english, 10)][1:3] == ["containmen", "t policy"]
    chinese = "所謂雙遏制是指美國"
    assert [chinese[s:e] for s, e in wrap(chinese, 8)] == ["所謂雙遏", "制是指美", "國"]
    assert wrap("", 10) == [(0, 0)]
    assert len(wrap("a\n\nb", 10)) == 3


def test_offset_at_maps_cells_to_characters() -> None:
    text = "ab雙遏制"
    layout = lay_out(text, "", Columns.for_width(40))
    line = layout.left[0]
    assert [offset_at(text, line, x) for x in range(6)] == [0, 1, 2, 2, 3, 3]


def test_heights_place_rows_and_find_them() -> None:
    heights = Heights([3, 1, 2])
    assert [heights.top(r) for r in range(3)] == [0, 3, 4]
    assert heights.total == 6
    assert [heights.row_at(y) for y in (0, 2, 3, 4, 5, 6)] == [0, 0, 1, 2, 2, 3]
    heights.set(0, 1)
    assert heights.top(2) == 2 and heights.total == 4


def test_search_is_script_and_case_insensitive_and_knows_pinyin() -> None:
    zh = ["實施『雙遏制』", ""]
    en = ["", "the Dual Containment policy"]
    assert search(zh, en, "双遏制") == [Hit(0, "zh", 3, 6)]
    assert search(zh, en, "shuang e zhi") == [Hit(0, "zh", 3, 6)]
    assert search(zh, en, "dual containment") == [Hit(1, "en", 4, 20)]
    assert search(zh, en, "   ") == []


def test_next_hit_wraps_around_in_reading_order() -> None:
    hits = [Hit(0, "zh", 3, 6), Hit(0, "en", 1, 2), Hit(2, "zh", 0, 1)]
    assert next_hit(hits, hit_key(0, "zh", 3), 1) == hits[1]
    assert next_hit(hits, hit_key(2, "zh", 0), 1) == hits[0]
    assert next_hit(hits, hit_key(0, "zh", 3), -1) == hits[2]
    assert next_hit([], hit_key(0, "zh", 0), 1) is None


def test_a_terms_colour_is_stable_and_script_independent() -> None:
    traditional = new_term("雙遏制", "dual containment", pinyin="", jyutping="")
    simplified = new_term("双遏制", "double containment", pinyin="", jyutping="")
    assert term_style(colour_key(traditional)) == term_style(colour_key(simplified))
    # the same in every session: derived from a fixed hash, not Python's salted hash()
    assert term_style("双遏制") == f"bold {PALETTE[_expected_index('双遏制')]}"


def _expected_index(key: str) -> int:
    import hashlib

    digest = hashlib.blake2s(key.encode("utf-8"), digest_size=4).digest()
    return int.from_bytes(digest, "big") % len(PALETTE)


def test_chinese_lines_do_not_start_with_closing_punctuation() -> None:
    def lines(text: str, width: int) -> list[str]:
        return [text[s:e] for s, e in wrap(text, width)]

    assert lines("我們都很好。你呢", 10) == ["我們都很", "好。你呢"]
    assert lines("他說：「我們都好」，然後", 16) == ["他說：「我們都", "好」，然後"]
    assert lines("一二三四，五", 8) == ["一二三", "四，五"]
    assert lines("一。", 2) == ["一", "。"]  # too narrow to move anything
    assert lines("ab 。。", 4) == ["ab", "。。"]  # nothing Chinese before it on the line


@settings(max_examples=150, deadline=None)
@given(TEXT, st.integers(min_value=4, max_value=40))
def test_a_wrapped_line_starts_with_closing_punctuation_only_after_a_break(
    text: str, width: int
) -> None:
    from parallax.app.wrap import NO_LINE_START

    lines = wrap(text, width)
    for (s0, e0), (s1, _e1) in zip(lines, lines[1:], strict=False):
        if s1 < len(text) and text[s1] in NO_LINE_START and s1 == e0 and s1 - s0 >= 2:
            # a break inside Chinese: only when the previous line has no character to give
            before = text[s1 - 2 : s1]
            if all(cell_len(c) == 2 for c in before):
                assert before[-1] in NO_LINE_START
