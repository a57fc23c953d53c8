"""Sentence splitting for Chinese and English."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parallax.core.sentences import split_en, split_zh


def test_split_zh_keeps_closing_quotes() -> None:
    text = "國家主席習近平結束訪問。他說：「我們走吧！」然後離開……真的嗎？是的；好"
    assert split_zh(text) == [
        "國家主席習近平結束訪問。",
        "他說：「我們走吧！」",
        "然後離開……",
        "真的嗎？",
        "是的；",
        "好",
    ]


def test_split_zh_book_title_and_brackets() -> None:
    assert split_zh("發表《聯合聲明》。（完）") == ["發表《聯合聲明》。", "（完）"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith went to the U.S. Senate. He left.",
            ["Mr. Smith went to the U.S. Senate.", "He left."],
        ),
        ("He met Dr. J. K. Rowling. She smiled.", ["He met Dr. J. K. Rowling.", "She smiled."]),
        (
            "It was No. 5 on the list. I said no. Then he went.",
            ["It was No. 5 on the list.", "I said no.", "Then he went."],
        ),
        (
            '"Really?" she asked. "Yes!" He nodded.',
            ['"Really?" she asked.', '"Yes!"', "He nodded."],
        ),
        (
            "Prices rose 3.5 per cent, e.g. rice. Others fell... Next year 2025 begins.",
            ["Prices rose 3.5 per cent, e.g. rice.", "Others fell...", "Next year 2025 begins."],
        ),
        ("On Jan. 5 the talks began.", ["On Jan. 5 the talks began."]),
    ],
)
def test_split_en(text: str, expected: list[str]) -> None:
    assert split_en(text) == expected


def test_line_breaks_end_sentences() -> None:
    assert split_zh("第一段沒有句號\n第二段。") == ["第一段沒有句號", "第二段。"]
    assert split_en("No full stop here\nSecond line.") == ["No full stop here", "Second line."]


def test_empty() -> None:
    assert split_zh("") == [] and split_en("  ") == []


@given(st.text(alphabet='中文。！？；…」a .!?"A1\n', max_size=60))
def test_splitting_keeps_every_character(text: str) -> None:
    for split in (split_zh, split_en):
        pieces = split(text)
        assert "".join(pieces).replace(" ", "") == text.replace(" ", "").replace("\n", "")
        assert all(p == p.strip() and p for p in pieces)
