"""Reading bilingual documents: the Ming Pao editorial in every encoding, mixed files, two files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import opencc
import pytest

from parallax.core.document import DocumentError
from parallax.core.readers import load_document, parse_text
from tests.conftest import SEED

TITLE = "中俄不會結盟 但會共同抵制美國"


def test_seed_is_shipped_unchanged(seed_path: Path) -> None:
    assert seed_path.read_bytes() == SEED.read_bytes()


def test_seed_parses_into_five_english_and_six_chinese_paragraphs(seed_path: Path) -> None:
    doc = load_document(seed_path)
    assert len(doc.en) == 5
    assert len(doc.zh) == 6
    assert doc.meta.date == dt.date(2025, 5, 12)
    assert doc.meta.title_zh == TITLE
    assert [e.term for e in doc.learner_entries] == ["face off", "stand-off", "subvert"]
    assert doc.learner_entries[1].definition == "a situation in which no agreement can be reached"


def test_seed_paragraphs_keep_exact_text_and_position(seed_path: Path, seed_text: str) -> None:
    doc = load_document(seed_path)
    assert doc.en[0].text.startswith("The primary purpose of Xi's visit")  # date marker removed
    assert not any("明報社評" in p.text for p in doc.zh)  # title line is metadata
    assert doc.zh[0].text.startswith("國家主席習近平結束對俄羅斯訪問")
    for paragraph in (*doc.zh, *doc.en):
        assert seed_text[paragraph.start : paragraph.end] == paragraph.text
        assert paragraph.text[:10] in seed_text.splitlines()[paragraph.line - 1]
    assert [p.index for p in doc.zh] == list(range(6))
    assert doc.zh[-1].text.endswith("看不出有結盟的意思與意圖。")  # glossary block excluded


def _texts(doc):  # type: ignore[no-untyped-def]
    return [p.text for p in doc.zh], [p.text for p in doc.en]


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("big5hkscs", lambda s: s.encode("big5hkscs")),
        ("utf-16", lambda s: s.encode("utf-16")),
        ("utf-8-bom", lambda s: s.encode("utf-8-sig")),
        ("crlf", lambda s: s.replace("\n", "\r\n").encode("utf-8")),
        ("big5-crlf", lambda s: s.replace("\n", "\r\n").encode("big5hkscs")),
    ],
)
def test_seed_reencoded_parses_to_the_same_paragraphs(
    tmp_path: Path, seed_path: Path, seed_text: str, name: str, encode
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / f"seed-{name}.txt"
    target.write_bytes(encode(seed_text))
    assert _texts(load_document(target)) == _texts(load_document(seed_path))


def test_seed_in_simplified_gb18030_parses_to_the_converted_paragraphs(
    tmp_path: Path, seed_path: Path, seed_text: str
) -> None:
    convert = opencc.OpenCC("hk2s").convert
    target = tmp_path / "seed-gb18030.txt"
    target.write_bytes(convert(seed_text).encode("gb18030"))
    doc = load_document(target)
    zh, en = _texts(load_document(seed_path))
    assert doc.meta.encoding == "gb18030"
    assert _texts(doc) == ([convert(p) for p in zh], en)
    assert doc.meta.title_zh == convert(TITLE)


def test_explicit_encoding_overrides_detection(tmp_path: Path, seed_text: str) -> None:
    target = tmp_path / "seed.txt"
    target.write_bytes(seed_text.encode("big5hkscs"))
    assert load_document(target, encoding="big5hkscs").meta.encoding == "big5hkscs"
    with pytest.raises(DocumentError, match="cannot be decoded as utf-8"):
        load_document(target, encoding="utf-8")


@pytest.mark.parametrize(
    "variant",
    [
        lambda s: s.replace("：中俄", ":中俄"),  # ASCII colon in the title line
        lambda s: s.replace("明報社評2025.05.12：", "  明報社評 2025.05.12 ： "),  # stray spaces
        lambda s: s.replace("\n", " \n"),  # trailing spaces
    ],
)
def test_title_line_variants(seed_text: str, variant) -> None:  # type: ignore[no-untyped-def]
    doc = parse_text(variant(seed_text))
    assert doc.meta.title_zh == TITLE
    assert doc.meta.date == dt.date(2025, 5, 12)
    assert (len(doc.zh), len(doc.en)) == (6, 5)


def test_missing_glossary_block_and_missing_date(seed_text: str) -> None:
    text = seed_text[: seed_text.index("■")].replace(" date 2025-05-12 ", "")
    text = text.replace("明報社評2025.05.12：", "明報社評：")
    doc = parse_text(text)
    assert doc.learner_entries == ()
    assert doc.meta.date is None
    assert doc.meta.title_zh == TITLE
    assert (len(doc.zh), len(doc.en)) == (6, 5)


def test_learner_entries_with_full_width_colon(seed_text: str) -> None:
    doc = parse_text(seed_text.replace("subvert : ", "subvert：", 1))
    assert doc.learner_entries[-1].term == "subvert"


def test_mixed_file_is_split_by_share_of_han(tmp_path: Path) -> None:
    target = tmp_path / "page.txt"
    target.write_text(
        "中國和俄羅斯發表聯合聲明。\n\nChina and Russia released a joint statement.\n\n"
        "They criticised the US for its hegemony.\n\n雙方批評美國霸權。\n",
        encoding="utf-8",
    )
    doc = load_document(target)
    assert [p.text for p in doc.zh] == ["中國和俄羅斯發表聯合聲明。", "雙方批評美國霸權。"]
    assert [p.text for p in doc.en][0] == "China and Russia released a joint statement."
    assert doc.zh[1].line == 7


def test_two_files_paragraphs_and_lines(tmp_path: Path) -> None:
    zh = tmp_path / "zh.txt"
    en = tmp_path / "en.txt"
    zh.write_text("第一段第一行\n第一段第二行\n\n第二段\n", encoding="utf-8")
    en.write_text("First paragraph,\nsecond line.\n\nSecond paragraph.\n", encoding="utf-8")
    doc = load_document(zh=zh, en=en)
    assert [p.text for p in doc.zh] == ["第一段第一行\n第一段第二行", "第二段"]
    assert len(doc.en) == 2
    lines = load_document(zh=zh, en=en, units="lines")
    assert [p.text for p in lines.zh] == ["第一段第一行", "第一段第二行", "第二段"]
    assert [p.line for p in lines.en] == [1, 2, 4]


def test_control_characters_and_escapes_are_removed(tmp_path: Path, seed_text: str) -> None:
    dirty = seed_text.replace("國家主席", "國家\x1b[31m主席\x1b[0m\x07", 1).replace(
        "The primary", "The\x1b]0;pwned\x07 primary", 1
    )
    doc = parse_text(dirty)
    assert doc.zh[0].text.startswith("國家主席習近平")
    assert doc.en[0].text.startswith("The primary")
    assert not any("\x1b" in p.text or "\x07" in p.text for p in (*doc.zh, *doc.en))


def test_markup_like_text_is_kept_literally(tmp_path: Path) -> None:
    doc = parse_text("[bold]x[/bold] is literal text.\n\n[注意]這不是標記。\n")
    assert doc.en[0].text == "[bold]x[/bold] is literal text."
    assert doc.zh[0].text == "[注意]這不是標記。"


def test_short_text_with_terminal_escapes_is_text_not_binary(tmp_path: Path) -> None:
    target = tmp_path / "escapes.txt"
    target.write_text(
        "\x1b[31m紅色\x1b[0m的字。\n\nSome \x1b[31mred\x1b[0m words.\n", encoding="utf-8"
    )
    doc = load_document(target)
    assert [p.text for p in doc.zh] == ["紅色的字。"]
    assert [p.text for p in doc.en] == ["Some red words."]


def test_unterminated_osc_escape_does_not_swallow_the_text() -> None:
    doc = parse_text("中文段落。\n\nA title \x1b]0;pwned then the rest.\n")
    assert doc.en[0].text == "A title 0;pwned then the rest."
