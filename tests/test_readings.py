"""Readings in context: pinyin on the Simplified form, Jyutping on the Traditional form."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.core import chinese, readings
from parallax.core.readings.marks import marked, numbered, toneless

WORDS = Path(__file__).parent / "data" / "readings" / "polyphone-words.tsv"


def polyphone_words() -> list[tuple[str, str]]:
    rows = []
    for line in WORDS.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, reading = line.split("\t")
            rows.append((word, reading))
    return rows


def test_the_word_list_is_long_enough() -> None:
    assert len(polyphone_words()) >= 50


@pytest.mark.parametrize(("word", "reading"), polyphone_words())
def test_common_polyphone_words_in_traditional(word: str, reading: str) -> None:
    assert readings.pinyin(word) == reading


@pytest.mark.parametrize(("word", "reading"), polyphone_words())
def test_the_same_reading_in_simplified(word: str, reading: str) -> None:
    assert readings.pinyin(chinese.to_simplified(word)) == reading


def test_the_issue_example() -> None:
    assert readings.pinyin("銀行行長應對以為") == "yín háng háng zhǎng yìng duì yǐ wéi"
    assert readings.pinyin("银行行长应对以为") == "yín háng háng zhǎng yìng duì yǐ wéi"


@pytest.mark.parametrize(
    ("sentence", "reading"),
    [
        ("他把錢還給我了", "tā bǎ qián huán gěi wǒ le"),
        ("我還沒吃飯", "wǒ hái méi chī fàn"),
        ("他長得很高", "tā zhǎng de hěn gāo"),
        ("這條路很長", "zhè tiáo lù hěn cháng"),
        ("這樣行不行", "zhè yàng xíng bù xíng"),
        ("他為了考試學習", "tā wèi le kǎo shì xué xí"),
        ("他們在銀行工作", "tā men zài yín háng gōng zuò"),
        ("一種樹", "yī zhǒng shù"),
    ],
)
def test_polyphones_read_from_the_sentence(sentence: str, reading: str) -> None:
    assert readings.pinyin(sentence) == reading
    assert readings.pinyin(chinese.to_simplified(sentence)) == reading


def test_neutral_tones_as_cc_cedict_gives_them() -> None:
    assert readings.pinyin("頭髮") == "tóu fa"
    assert readings.pinyin("便宜") == "pián yi"


def test_jyutping_on_the_traditional_form_either_script() -> None:
    assert readings.jyutping("銀行長大") == "ngan4 hong4 zoeng2 daai6"
    assert readings.jyutping("银行长大") == readings.jyutping("銀行長大")
    assert readings.jyutping("重新調整") == readings.jyutping("重新调整") == "cung4 san1 tiu4 zing2"
    assert readings.jyutping("G7峰會") == readings.jyutping("G7峰会") == "G7 fung1 wui2"


def test_words_cover_the_text_exactly() -> None:
    text = "G7峰會，他說了 hello 一點兒"
    words = readings.readings(text, jyutping=True)
    assert "".join(w.text for w in words) == text
    assert [w.text for w in words][:3] == ["G7", "峰會", "，"]
    assert words[1].pinyin == ("fēng", "huì")
    assert words[1].jyutping == ("fung1", "wui2")
    assert words[0].pinyin is None and words[2].jyutping is None
    assert readings.readings(text)[1].jyutping is None  # not asked for


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("銀行长長了的a1 ，\n中國人𠮷\u3000x")), max_size=30))
def test_readings_cover_any_text(text: str) -> None:
    words = readings.readings(text, jyutping=True)
    assert "".join(w.text for w in words) == text
    for word in words:
        for syllables in (word.pinyin, word.jyutping):
            assert syllables is None or len(syllables) == len(word.text)


def test_marks_and_numbers() -> None:
    assert marked("lu:4") == marked("lv4") == "lǜ"
    assert marked("le5") == "le"
    assert marked("xiong1") == "xiōng"
    assert numbered("lǜ") == "lu:4" and numbered("le") == "le5"
    assert toneless("lǜ") == "lv"


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "parallax", "readings", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_cli_plain_and_json() -> None:
    done = run_cli("銀行行長應對以為")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "yín háng háng zhǎng yìng duì yǐ wéi\n"
    done = run_cli("--jyutping", "銀行")
    assert done.stdout == "ngan4 hong4\n"
    done = run_cli("--format", "json", "銀行 OK")
    assert json.loads(done.stdout) == [
        {"text": "銀行", "pinyin": ["yín", "háng"], "jyutping": None},
        {"text": " ", "pinyin": None, "jyutping": None},
        {"text": "OK", "pinyin": None, "jyutping": None},
    ]


def test_cli_json_lines_from_standard_input() -> None:
    done = run_cli("-", "--format", "json", "--jyutping", stdin="銀行\n\n行長\x1b[31m\n")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) == 3
    assert lines[0][0]["jyutping"] == ["ngan4", "hong4"]
    assert lines[1] == []
    assert lines[2][0]["text"] == "行長" and lines[2][0]["pinyin"] == ["háng", "zhǎng"]
    assert "\x1b" not in done.stdout  # JSON escapes control characters


def test_cli_plain_strips_terminal_escapes() -> None:
    done = run_cli("-", stdin="行長\x1b[31mred\n")
    assert "\x1b" not in done.stdout
    assert done.stdout.startswith("háng zhǎng")


def test_cli_json_escapes_what_a_terminal_would_obey() -> None:
    text = "行長\x9b2J\u202e\u2028x"
    done = run_cli("-", "--format", "json", stdin=text + "\n")
    assert done.returncode == 0, done.stderr
    assert not any(char in done.stdout for char in "\x9b\u202e\u2028")
    (line,) = done.stdout.splitlines()
    assert "".join(w["text"] for w in json.loads(line)) == text  # the same JSON value


def test_cli_text_argument_that_is_not_utf8() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "parallax", "readings", "--format", "json", b"\xff\xe9\x8a\x80"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[1] == {"text": "銀", "pinyin": ["yín"], "jyutping": None}
    assert json.loads(done.stdout)[0]["text"] == "\ufffd"


def test_cli_a_line_longer_than_the_read_limit_is_one_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "parallax", "--max-input", "1", "readings", "-"],
        input=b"\xe9\x8a\x80" * 400_000,  # 1.2 MB without a line end (as from /dev/zero)
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == b""
    err = done.stderr.decode()
    assert err.count("\n") == 1
    assert err.startswith("parallax: standard input: line 1 is longer than the read limit")
