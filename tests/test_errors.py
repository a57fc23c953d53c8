"""The error base: one line naming the file and the line, printable; bugs keep their traceback."""

from __future__ import annotations

import argparse

import pytest

from parallax.cli import main as cli_main
from parallax.core.document import DocumentError
from parallax.core.errors import ParallaxError
from parallax.core.glossary.formats import FormatError
from parallax.core.text import printable


def test_message_names_file_and_line() -> None:
    error = ParallaxError("unclosed quote", path="terms.csv", line=7)
    assert str(error) == "terms.csv:7: unclosed quote"
    assert (error.path is not None and error.path.name, error.line) == ("terms.csv", 7)
    assert error.problem == "unclosed quote"


def test_message_without_file() -> None:
    assert str(ParallaxError("no document given")) == "no document given"
    assert str(ParallaxError("bad\nrow", line=2)) == "line 2: bad row"


def test_escapes_in_a_file_name_are_shown_not_sent() -> None:
    message = str(ParallaxError("empty file", path="evil\x1b]0;X\x07.txt"))
    assert "\x1b" not in message and "\x07" not in message
    assert message == "evil\\x1b]0;X\\x07.txt: empty file"


def test_printable_blanks_and_controls() -> None:
    assert printable("a\tb\nc") == "a b c"
    assert printable("\x9b2J\u202e") == "\\x9b2J\\u202e"
    assert printable("雙遏制 [bold]") == "雙遏制 [bold]"


def test_the_expected_errors_share_the_base() -> None:
    assert issubclass(DocumentError, ParallaxError)
    assert issubclass(FormatError, ParallaxError)
    assert str(DocumentError("a.txt", "binary file")) == "a.txt: binary file"


def _fake_command(error: BaseException, monkeypatch: pytest.MonkeyPatch) -> None:
    """``parallax show`` raises ``error``."""
    from parallax.cli import show

    def run(_args: argparse.Namespace) -> int:
        raise error

    monkeypatch.setattr(show, "run", run)


def test_cli_turns_expected_errors_into_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _fake_command(ParallaxError("no terms found", path="t.csv", line=2), monkeypatch)
    assert cli_main.main(["show"]) == 2
    assert capsys.readouterr().err == "parallax: t.csv:2: no terms found\n"


def test_cli_keeps_a_bugs_traceback_with_a_hint(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _fake_command(ValueError("a bug"), monkeypatch)
    with pytest.raises(ValueError, match="a bug"):
        cli_main.main(["show"])
    assert "this is a bug in parallax" in capsys.readouterr().err
