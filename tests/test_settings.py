"""The user's settings file and the writable glossary chosen in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.cli.main import main
from parallax.core import notices
from parallax.core.glossary import GlossaryNameError, writable_glossary_name
from parallax.core.glossary.dirs import WRITABLE_ENV, set_writable_glossary
from parallax.core.settings import load_settings, save_setting, settings_path

DATA = Path(__file__).parent / "data" / "damaged"


def test_missing_is_empty(data_dir: Path) -> None:
    assert settings_path() == data_dir / "settings.json"
    assert load_settings() == {}


def test_save_merges_and_removes(data_dir: Path) -> None:
    save_setting("a", 1)
    path = save_setting("b", "術語")
    assert path == data_dir / "settings.json"
    assert json.loads(path.read_text(encoding="utf-8")) == {"a": 1, "b": "術語"}
    assert load_settings() == {"a": 1, "b": "術語"}
    save_setting("a", None)
    assert load_settings() == {"b": "術語"}
    assert not list(data_dir.glob(".settings.json.*.tmp"))


@pytest.mark.parametrize(
    "content",
    [b"{bad", b"[1, 2]", b"\xff\xfe{}", b'"text"', (DATA / "settings-deep.json").read_bytes()],
)
def test_damaged_file_is_set_aside_kept_and_told_once(data_dir: Path, content: bytes) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "settings.json"
    path.write_bytes(content)
    notices.take()
    assert load_settings() == {}  # no command stops on it
    (told,) = notices.take()
    (aside,) = data_dir.glob("settings.json.damaged*")
    assert aside.read_bytes() == content  # kept, never overwritten
    assert str(path) in told and aside.name in told and "\n" not in told
    assert load_settings() == {} and notices.take() == []  # told once
    save_setting("a", 1)
    assert load_settings() == {"a": 1} and aside.read_bytes() == content


def test_deeply_nested_settings_do_not_stop_a_command(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.json").write_bytes((DATA / "settings-deep.json").read_bytes())
    assert main(["glossary", "list"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "settings.json: damaged settings" in err and "set aside" in err
    assert main(["glossary", "list"]) == 0
    assert "settings" not in capsys.readouterr().err


def test_empty_file_is_empty_settings(data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.json").write_text("\n", encoding="utf-8")
    assert load_settings() == {}


def test_writable_glossary_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(WRITABLE_ENV, raising=False)
    assert writable_glossary_name() == "my-terms"
    set_writable_glossary("work")
    assert load_settings() == {"writable_glossary": "work"}
    assert writable_glossary_name() == "work"
    monkeypatch.setenv(WRITABLE_ENV, "from-env")
    assert writable_glossary_name() == "from-env"
    assert writable_glossary_name("from-cli") == "from-cli"
    with pytest.raises(GlossaryNameError):
        set_writable_glossary("bad name")
    assert load_settings() == {"writable_glossary": "work"}


def test_invalid_name_in_settings_names_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(WRITABLE_ENV, raising=False)
    save_setting("writable_glossary", "no good")
    with pytest.raises(GlossaryNameError, match="settings.json: writable_glossary"):
        writable_glossary_name()


TEXT = st.characters(blacklist_categories=("Cc", "Cf", "Cs"))  # controls are read as data


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(TEXT, min_size=1, max_size=8),
            st.one_of(st.none(), st.integers(), st.text(TEXT, max_size=8), st.booleans()),
        ),
        max_size=6,
    )
)
def test_saves_read_back(changes: list[tuple[str, object]]) -> None:
    path = settings_path()
    path.unlink(missing_ok=True)
    expected: dict[str, object] = {}
    for key, value in changes:
        save_setting(key, value)
        if value is None:
            expected.pop(key, None)
        else:
            expected[key] = value
    assert load_settings() == expected


def test_escapes_in_the_settings_are_not_read(data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(
        json.dumps({"theme\x1b[2J": ["dark\x1b]52;c;aGk=\x07", {"k": "\x9b2Jv"}]}), encoding="utf-8"
    )
    assert load_settings() == {"theme": ["dark", {"k": "v"}]}
