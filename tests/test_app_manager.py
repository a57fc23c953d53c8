"""The glossary manager screen, driven with run_test and pilot on real glossary files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.app import App
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Input, OptionList, Select

from parallax.app.dialogs.glossary import ExportScreen, ImportScreen, NameScreen
from parallax.app.dialogs.term import TermEditScreen
from parallax.app.manager.screen import GlossaryManagerScreen
from parallax.core.glossary import GlossaryStore, Term, new_term, writable_glossary_name
from parallax.core.glossary.dirs import WRITABLE_ENV
from parallax.core.glossary.formats import EXPORT_FORMATS, import_file
from tests.app_support import told


class Host(App[None]):
    """A minimal app that opens the manager and keeps what it returns."""

    def __init__(self, directory: Path) -> None:
        super().__init__()
        self.directory = directory
        self.result: bool | None = None

    def on_mount(self) -> None:
        self.push_screen(GlossaryManagerScreen(self.directory), self.done)

    def done(self, result: bool | None) -> None:
        self.result = result


@pytest.fixture(autouse=True)
def _no_env_writable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(WRITABLE_ENV, raising=False)


@pytest.fixture(scope="module")
def sample() -> list[Term]:
    return [
        new_term(
            "雙遏制",
            "dual containment",
            tags="politics china",
            note="a [b]quoted[/b] term",
            context_zh="『雙遏制』",
            context_en="“dual containment”",
            source="Ming Pao",
            source_date="2025-05-12",
        ),
        new_term("綠色", "green", status="known", tags="colour"),
        new_term("遏制", "containment", status="learning", tags="politics"),
    ]


@pytest.fixture
def gdir(tmp_path: Path, sample: list[Term]) -> Path:
    directory = tmp_path / "glossaries"
    GlossaryStore(directory).add_many("my-terms", sample)
    GlossaryStore(directory, writable_name="ref").add_many("ref", [new_term("條約", "treaty")])
    return directory


async def settle(app: App[None], pilot: object) -> None:
    """Until no worker runs (a worker may start the next one)."""
    for _ in range(10):
        await pilot.pause()  # type: ignore[attr-defined]
        await app.workers.wait_for_complete()
        if all(w.is_finished for w in app.workers):
            await pilot.pause()  # type: ignore[attr-defined]
            return


def notes(app: App[None]) -> list[str]:
    """The notifications shown so far (one line each)."""
    return told(app)


def manager(app: App[None]) -> GlossaryManagerScreen:
    screen = app.screen
    assert isinstance(screen, GlossaryManagerScreen)
    return screen


def shown(app: App[None]) -> list[str]:
    """The English column of the table (what the user sees)."""
    table = manager(app).query_one("#terms", DataTable)
    return [str(table.get_cell_at(Coordinate(i, 1))) for i in range(table.row_count)]


async def filter_by(app: App[None], pilot: object, text: str) -> list[str]:
    manager(app).query_one("#filter", Input).value = text
    await settle(app, pilot)
    return shown(app)


async def select_glossary(app: App[None], pilot: object, name: str) -> None:
    options = manager(app).query_one("#glossaries", OptionList)
    options.highlighted = options.get_option_index(name)
    await settle(app, pilot)
    glossary = manager(app).state.glossary
    assert glossary is not None and glossary.name == name


async def cursor_to(app: App[None], pilot: object, en: str) -> None:
    table = manager(app).query_one("#terms", DataTable)
    table.move_cursor(row=shown(app).index(en))
    table.focus()
    await pilot.pause()  # type: ignore[attr-defined]


def file_terms(directory: Path, name: str) -> list[Term]:
    return list(GlossaryStore(directory, writable_name=name).load(name).terms)


async def test_list_filter_sort(gdir: Path) -> None:
    app = Host(gdir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        options = manager(app).query_one("#glossaries", OptionList)
        names = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert names == ["my-terms", "ref", "starter"]
        assert "writable" in str(options.get_option_at_index(0).prompt)
        assert "read-only" in str(options.get_option_at_index(1).prompt)
        assert shown(app) == ["dual containment", "green", "containment"]
        assert shown(app)[0] == "dual containment"  # markup in a note is data, not markup
        assert await filter_by(app, pilot, "双遏") == ["dual containment"]
        assert await filter_by(app, pilot, "CONTAIN") == ["dual containment", "containment"]
        assert await filter_by(app, pilot, "tag:politics") == ["dual containment", "containment"]
        assert await filter_by(app, pilot, "status:known") == ["green"]
        assert await filter_by(app, pilot, "shuangezhi") == ["dual containment"]
        assert await filter_by(app, pilot, "py:e zhi tag:china") == ["dual containment"]
        assert await filter_by(app, pilot, "") == ["dual containment", "green", "containment"]
        manager(app).query_one("#terms", DataTable).focus()
        await pilot.press("o", "o", "o")  # Chinese, pinyin, English
        await settle(app, pilot)
        assert shown(app) == ["containment", "dual containment", "green"]
        await pilot.press("O")
        await settle(app, pilot)
        assert shown(app) == ["green", "dual containment", "containment"]
        await select_glossary(app, pilot, "ref")
        assert shown(app) == ["treaty"]
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is False  # nothing changed


async def test_edit_saves_and_undo(gdir: Path) -> None:
    app = Host(gdir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await cursor_to(app, pilot, "green")
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, TermEditScreen)
        dialog.query_one("#en", Input).value = "verdant [x]"
        dialog.query_one("#tags", Input).value = "colour nature"
        dialog.query_one("#status", Select).value = "learning"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        saved = {t.zh: t for t in file_terms(gdir, "my-terms")}["綠色"]
        assert (saved.en, saved.tags, saved.status) == (
            "verdant [x]",
            ("colour", "nature"),
            "learning",
        )
        assert "verdant [x]" in shown(app)
        await pilot.press("u")
        await settle(app, pilot)
        back = {t.zh: t for t in file_terms(gdir, "my-terms")}["綠色"]
        assert (back.en, back.tags, back.status) == ("green", ("colour",), "known")
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is True


async def test_delete_undo_and_read_only(gdir: Path) -> None:
    app = Host(gdir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await cursor_to(app, pilot, "containment")
        await pilot.press("d")
        await settle(app, pilot)
        assert [t.en for t in file_terms(gdir, "my-terms")] == ["dual containment", "green"]
        assert shown(app) == ["dual containment", "green"]
        await pilot.press("u")
        await settle(app, pilot)
        assert sorted(t.en for t in file_terms(gdir, "my-terms")) == [
            "containment",
            "dual containment",
            "green",
        ]
        await select_glossary(app, pilot, "ref")
        await cursor_to(app, pilot, "treaty")
        await pilot.press("d", "e")
        await settle(app, pilot)
        assert isinstance(app.screen, GlossaryManagerScreen)  # no dialog on a read-only glossary
        assert notes(app)[-1].startswith("ref is read-only: press w")
        assert [t.en for t in file_terms(gdir, "ref")] == ["treaty"]


async def test_switch_writable_persists(gdir: Path, data_dir: Path) -> None:
    app = Host(gdir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await select_glossary(app, pilot, "ref")
        await pilot.press("w")
        await settle(app, pilot)
        settings = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
        assert settings["writable_glossary"] == "ref"
        assert writable_glossary_name() == "ref"
        screen = manager(app)
        assert screen.state.store is not None and screen.state.store.places.writable_name == "ref"
        options = screen.query_one("#glossaries", OptionList)
        assert options.get_option_at_index(0).id == "ref"
        assert "writable" in str(options.get_option_at_index(0).prompt)
        await cursor_to(app, pilot, "treaty")
        await pilot.press("d")
        await settle(app, pilot)
        assert file_terms(gdir, "ref") == []
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is True


async def test_create_glossary(gdir: Path) -> None:
    app = Host(gdir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        assert isinstance(app.screen, NameScreen)
        app.screen.query_one("#name", Input).value = "bad name"
        await pilot.press("enter")
        await settle(app, pilot)  # refused with a one-line notice, nothing created
        assert not (gdir / "bad name.tsv").exists()
        assert "invalid glossary name 'bad name'" in notes(app)[-1]
        await pilot.press("n")
        app.screen.query_one("#name", Input).value = "新詞"
        await pilot.press("enter")
        await settle(app, pilot)
        assert (gdir / "新詞.tsv").is_file()
        assert file_terms(gdir, "新詞") == []
        options = manager(app).query_one("#glossaries", OptionList)
        assert "新詞" in [options.get_option_at_index(i).id for i in range(options.option_count)]


@pytest.mark.parametrize(
    ("suffix", "content"),
    [
        (".csv", "zh,en,note\n條約,treaty,signed\n遏制,containment,\n"),
        (".txt", "條約\ttreaty\tsigned\n遏制\tcontainment\n"),
    ],
)
async def test_import_file(gdir: Path, tmp_path: Path, suffix: str, content: str) -> None:
    source = tmp_path / f"incoming{suffix}"
    source.write_text(content, encoding="utf-8")
    app = Host(gdir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("i")
        assert isinstance(app.screen, ImportScreen)
        app.screen.query_one("#path", Input).value = str(source)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, GlossaryManagerScreen)
        ens = [t.en for t in file_terms(gdir, "my-terms")]
        assert ens[:3] == ["dual containment", "green", "containment"]
        # 遏制 is there (another id, the same term): merged, not a second row
        assert "treaty" in ens and len(ens) == 4
        assert "treaty" in shown(app)
        assert notes(app)[-1] == (
            f"imported 1 new, 0 updated, 1 unchanged from {source} into my-terms"
        )


# What each export format carries (as in tests/test_glossary_formats.py).
ALL = tuple(f for f in Term.__dataclass_fields__)
CARRIED = {
    "csv": ALL,
    "csv-excel": ALL,
    "json": ALL,
    "anki": tuple(f for f in ALL if f not in ("status", "created", "updated")),
    "apkg": ("zh", "en", "note", "tags", "pinyin", "jyutping", "context_zh", "context_en"),
    "tbx": (
        "id",
        "zh",
        "en",
        "note",
        "pos",
        "tags",
        "context_zh",
        "context_en",
        "source",
        "source_date",
    ),
    "omegat": ("zh", "en", "note"),
    "lute": ("zh", "en", "tags", "status", "pinyin"),
}
CARRIED["tbx2"] = CARRIED["tbx"]


def carried(terms: list[Term], fmt: str) -> list[tuple[object, ...]]:
    return [tuple(getattr(t, f) for f in CARRIED[fmt]) for t in terms]


async def test_export_every_format_reads_back(
    gdir: Path, tmp_path: Path, sample: list[Term]
) -> None:
    """The issue's test: the manager's export writes a file the import reads back identically."""
    assert set(CARRIED) == set(EXPORT_FORMATS)
    out = tmp_path / "out"
    out.mkdir()
    app = Host(gdir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for fmt in EXPORT_FORMATS:
            await pilot.press("x")
            dialog = app.screen
            assert isinstance(dialog, ExportScreen)
            dialog.query_one("#format", Select).value = fmt
            await pilot.pause()
            suggested = Path(dialog.query_one("#path", Input).value)
            assert suggested.name.startswith("my-terms")
            path = out / f"{fmt}-{suggested.name}"
            dialog.query_one("#path", Input).value = str(path)
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert isinstance(app.screen, GlossaryManagerScreen)
            assert notes(app)[-1].endswith(f"as {fmt} to {path}"), notes(app)[-1]
            back = list(import_file(path).terms)  # format detected from the content
            assert carried(back, fmt) == carried(sample, fmt), fmt
        # A JSON export imported by the manager into a new writable glossary: the same terms.
        await pilot.press("n")
        app.screen.query_one("#name", Input).value = "copy"
        await pilot.press("enter")
        await settle(app, pilot)
        await select_glossary(app, pilot, "copy")
        await pilot.press("w")
        await settle(app, pilot)
        await pilot.press("i")
        app.screen.query_one("#path", Input).value = str(out / "json-my-terms.json")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    assert file_terms(gdir, "copy") == sample


async def test_export_asks_before_replacing(gdir: Path, tmp_path: Path) -> None:
    target = tmp_path / "existing.csv"
    target.write_text("keep", encoding="utf-8")
    app = Host(gdir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("x")
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ExportScreen)
        assert target.read_text(encoding="utf-8") == "keep"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, GlossaryManagerScreen)
        assert "dual containment" in target.read_text(encoding="utf-8")
        await pilot.press("x")
        app.screen.query_one("#path", Input).value = str(tmp_path / "no-dir" / "x.csv")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, GlossaryManagerScreen)  # a one-line error, no traceback
        assert not (tmp_path / "no-dir").exists()
        assert "no such folder" in notes(app)[-1]


async def test_typed_filter_escape_and_chinese_edit(gdir: Path) -> None:
    app = Host(gdir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"tag:colour")
        await settle(app, pilot)
        assert shown(app) == ["green"]
        await pilot.press("escape")  # leaves the filter, does not close
        await pilot.pause()
        assert isinstance(app.screen, GlossaryManagerScreen)
        assert app.screen.focused is app.screen.query_one("#terms", DataTable)
        await pilot.press("enter")  # enter on a row edits it
        assert isinstance(app.screen, TermEditScreen)
        app.screen.query_one("#zh", Input).value = "綠"
        await pilot.press("enter")
        await settle(app, pilot)
        saved = [t for t in file_terms(gdir, "my-terms") if t.en == "green"][0]
        assert (saved.zh, saved.pinyin, saved.jyutping) == ("綠", "lǜ", "luk6")
        await pilot.press("e", "ctrl+s")  # nothing changed
        await settle(app, pilot)
        assert notes(app)[-1] == "no change to 綠 / green"
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is True


async def test_damaged_settings_is_one_line(gdir: Path, data_dir: Path) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.json").write_text("{oops", encoding="utf-8")
    app = Host(gdir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, GlossaryManagerScreen)
        assert "settings.json: damaged settings" in notes(app)[-1]
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is False


def test_export_paths_differ_per_format(tmp_path: Path) -> None:
    from parallax.app.dialogs.glossary import export_path

    paths = {export_path("my-terms", fmt, tmp_path) for fmt in EXPORT_FORMATS}
    assert len(paths) == len(EXPORT_FORMATS)
    assert export_path("my-terms", "csv", tmp_path) == tmp_path / "my-terms.csv"


async def test_many_terms_are_capped_and_delete_keeps_the_row(tmp_path: Path) -> None:
    from parallax.app.manager.state import MAX_ROWS

    many = [Term(id=f"{i:016x}", zh=f"詞{i}", en=f"word {i}") for i in range(MAX_ROWS + 5)]
    directory = tmp_path / "g"
    GlossaryStore(directory).add_many("my-terms", many)
    app = Host(directory)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert len(shown(app)) == MAX_ROWS
        summary = str(manager(app).query_one("#summary").render())
        assert f"{MAX_ROWS + 5} of {MAX_ROWS + 5} terms (the first {MAX_ROWS} shown" in summary
        got = await filter_by(app, pilot, "word 100")
        assert got == ["word 100"] + [f"word 100{i}" for i in range(5)]
        await cursor_to(app, pilot, "word 1002")
        await pilot.press("d")
        await settle(app, pilot)
        assert shown(app) == ["word 100", "word 1000", "word 1001", "word 1003", "word 1004"]
        current = manager(app).table.current()
        assert current is not None and current.en == "word 1003"
