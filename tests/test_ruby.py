"""The interlinear layout: readings over characters, wrapped in step."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.app.ruby import lay_out, slot_width


def test_each_syllable_centred_over_its_character() -> None:
    text = "銀行，OK 行長"
    syllables = ["yín", "háng", None, None, None, None, "háng", "zhǎng"]
    (line,) = lay_out(text, syllables, 80)
    assert line.slots == (4, 5, 2, 1, 1, 1, 5, 6)
    assert line.readings == "yín háng " + " " * 5 + "háng zhǎng "
    assert line.pads(text)[0] == (1, 1) and line.pads(text)[7] == (2, 2)
    assert line.offset_at(0) == 0 and line.offset_at(4) == 1 and line.offset_at(100) == 7


def test_wrapping_breaks_between_characters_never_inside_a_word() -> None:
    text = "中國 hello 美國"
    syllables = ["zhōng", "guó", None, None, None, None, None, None, None, "měi", "guó"]
    lines = lay_out(text, syllables, 12)
    assert [text[line.start : line.end] for line in lines] == ["中國", "hello 美", "國"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(list("中國銀行，。 ab1\n")), st.sampled_from([None, "a", "zhuāng"])
        ),
        max_size=40,
    ),
    st.integers(min_value=4, max_value=30),
)
def test_lines_cover_the_text_and_fit(pairs: list[tuple[str, str | None]], width: int) -> None:
    text = "".join(c for c, _ in pairs)
    syllables = [s if c.strip() else None for c, s in pairs]
    lines = lay_out(text, syllables, width)
    shown = "".join(text[line.start : line.end] for line in lines)
    assert [c for c in shown if not c.isspace()] == [c for c in text if not c.isspace()]
    for line in lines:
        assert len(line.readings) == line.width == sum(line.slots)
        slots = [slot_width(text[i], syllables[i]) for i in range(line.start, line.end)]
        assert list(line.slots) == slots
        assert line.width <= width or line.end - line.start == 1
