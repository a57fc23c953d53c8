"""Review cards: which a term gives, the cloze blank, the spans lit, what each face shows."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from parallax.core.glossary import Term, new_term
from parallax.core.review import back_of, cards_of, front_of, kinds_of, renderings_of
from parallax.core.review.context import BLANK, blanked, en_spans, zh_spans

TRAD = "美國對中俄實施『雙遏制』，所謂雙遏制是指同時削弱兩國。"
SIMP = "美国对中俄实施『双遏制』，所谓双遏制是指同时削弱两国。"
EN = "the 'dual containment' policy; by dual containment, it refers to weakening both"


def term(zh: str = "雙遏制", context_zh: str = TRAD, **kw: str):  # type: ignore[no-untyped-def]
    return new_term(zh, "dual containment", context_zh=context_zh, context_en=EN, **kw)


def test_a_term_gives_two_directions_and_a_cloze_when_its_context_holds_it() -> None:
    assert kinds_of(term()) == ("zh-en", "cloze", "en-zh")
    assert kinds_of(term(context_zh="")) == ("zh-en", "en-zh")
    assert kinds_of(term(context_zh="完全無關的段落")) == ("zh-en", "en-zh")
    learner_note = Term(id="0123456789abcdef", zh="", en="face off")  # rows of older files
    assert kinds_of(learner_note) == ()
    assert [c.key.split("/")[1] for c in cards_of("g", [term()])] == ["zh-en", "cloze", "en-zh"]


def test_cloze_blanks_exactly_the_term_in_either_script() -> None:
    for zh, context in (("雙遏制", TRAD), ("双遏制", TRAD), ("雙遏制", SIMP), ("双遏制", SIMP)):
        card = cards_of("g", [term(zh, context)])[1]
        front = front_of(card)
        assert card.kind == "cloze" and front.cue == ""
        text = front.zh.text
        assert len(text) == len(context)
        assert "遏制" not in text and text.count(BLANK * 3) == 2
        for start, end in front.zh.spans:
            assert context[start:end] in ("雙遏制", "双遏制")
            assert text[start:end] == BLANK * 3
        outside = [i for i in range(len(text)) if not any(s <= i < e for s, e in front.zh.spans)]
        assert all(text[i] == context[i] for i in outside)


def test_a_context_in_both_scripts_is_blanked_everywhere() -> None:
    context = "雙遏制與双遏制"
    assert zh_spans("双遏制", context) == [(0, 3), (4, 7)]
    assert blanked(context, zh_spans("雙遏制", context)) == f"{BLANK * 3}與{BLANK * 3}"


@given(st.text(alphabet="雙双遏制與，a ", max_size=30))
def test_blanking_keeps_the_length_and_removes_every_occurrence(context: str) -> None:
    spans = zh_spans("雙遏制", context)
    out = blanked(context, spans)
    assert len(out) == len(context)
    assert "雙遏制" not in out and "双遏制" not in out


def test_english_is_found_at_whole_words_with_inflections() -> None:
    text = "Stand-offs and a standoff; outstanding is not one. Dual Containment too."
    found = [text[s:e] for s, e in en_spans(["stand-off", "dual containment"], text)]
    assert found == ["Stand-offs", "standoff", "Dual Containment"]
    assert en_spans(["art"], "a party started") == []


def test_the_answer_shows_both_scripts_readings_every_rendering_note_context_and_source() -> None:
    t = term(note="US policy", source="Ming Pao: 社評", source_date="2025-05-12")
    other = new_term("双遏制", "double containment")
    back = back_of(cards_of("g", [t])[0], renderings_of(t, [t, other, new_term("遏制", "x")]))
    assert (back.traditional, back.simplified) == ("雙遏制", "双遏制")
    assert back.pinyin == "shuāng è zhì" and back.jyutping.startswith("soeng1")
    assert back.renderings == ("dual containment", "double containment")
    assert back.note == "US policy"
    assert [TRAD[s:e] for s, e in back.zh.spans] == ["雙遏制", "雙遏制"]
    assert [EN[s:e] for s, e in back.en.spans] == ["dual containment"] * 2
    assert back.source == "Ming Pao: 社評 · 2025-05-12"


def test_the_question_never_shows_the_answer() -> None:
    zh_en, cloze, en_zh = (front_of(c) for c in cards_of("g", [term()]))
    assert zh_en.cue == "雙遏制" and zh_en.en.text == ""  # no English context on the front
    assert en_zh.cue == "dual containment" and en_zh.zh.text == ""
    assert cloze.en.text == EN and "雙遏制" not in cloze.zh.text


def test_every_rendering_of_a_term_is_shown_and_lit() -> None:
    t = new_term(
        "攜手",
        "hand in hand; join hands",
        context_zh="中俄攜手合作",
        context_en="China and Russia join hands; they go hand in hand",
    )
    back = back_of(cards_of("g", [t])[0], renderings_of(t, [t]))
    assert back.renderings == ("hand in hand", "join hands")
    assert [t.context_en[s:e] for s, e in back.en.spans] == ["join hands", "hand in hand"]
