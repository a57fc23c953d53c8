"""Tests for ``parallax glossary`` through parallax.cli.main.main and one real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from parallax.cli.main import main
from parallax.core.bundled import bundled_document_path
from parallax.core.glossary import GlossaryStore, Term, fileformat

DATA = Path(__file__).parent / "data" / "glossary"


@pytest.fixture()
def gdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "glossaries"
    monkeypatch.setenv("PARALLAX_GLOSSARY_DIR", str(directory))
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path / "cache"))
    return directory


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["glossary", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_add_show_remove_list(gdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys,
        "add",
        "my-terms",
        "雙遏制",
        "dual containment",
        "--note",
        "US policy",
        "--tag",
        "politics",
    )
    assert status == 0 and out.startswith("added 雙遏制 / dual containment to my-terms\t")
    term_id = out.split("\t")[1]
    status, out, _ = run(capsys, "show", "my-terms")
    assert out == f"{term_id}\t雙遏制 [shuāng è zhì]\tdual containment (US policy)\tnew #politics\n"
    status, out, _ = run(capsys, "list")
    assert f"glossary directory: {gdir}" in out
    assert "my-terms\t1 term\twritable\t" in out and "starter\t29 terms\treference\t" in out
    status, out, _ = run(capsys, "remove", "my-terms", term_id[:6])
    assert status == 0 and out.startswith(f"removed {term_id}")
    assert GlossaryStore(gdir).load("my-terms").terms == ()


def test_glossary_dir_option_anywhere(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "elsewhere"
    argv = ["--glossary-dir", str(target), "--writable", "g", "add", "g", "霸權", "hegemony"]
    assert main(["glossary", *argv]) == 0
    assert main(["glossary", "list", "--glossary-dir", str(target)]) == 0
    assert "g\t1 term\t" in capsys.readouterr().out


def test_import_export_round_trip(
    gdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hand = str(DATA / "omegat-hand.txt")
    status, out, _ = run(capsys, "import", hand, "--into", "ot", "--writable", "ot")
    # 多極化 twice (two renderings): one new term, the second line joins it (counted once)
    assert status == 0 and out == (
        f"imported 4 new, 0 updated, 0 unchanged from {DATA / 'omegat-hand.txt'} into ot\n"
    )
    out = run(capsys, "--writable", "ot", "import", hand, "--into", "ot")[1]  # idempotent
    assert out.startswith("imported 0 new, 0 updated, 4 unchanged")
    terms = GlossaryStore(gdir).load("ot").terms
    assert len(terms) == 4 and terms[2].en == "multipolarity; multipolar"
    out_file = tmp_path / "ot.tbx"
    assert main(["glossary", "export", "ot", "--format", "tbx", "-o", str(out_file)]) == 0
    assert run(capsys, "--writable", "back", "import", str(out_file), "--into", "back")[0] == 0
    store = GlossaryStore(gdir)
    assert [(t.zh, t.en) for t in store.load("back").terms] == [
        (t.zh, t.en) for t in store.load("ot").terms
    ]
    status, out, _ = run(capsys, "export", "starter", "--format", "csv", "--tag", "learner")
    assert status == 0 and out.count("\n") == 3 and "subvert" in out


def test_export_in_document_and_status(
    gdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("The tariff war goes on.\n\n關稅戰持續。\n", encoding="utf-8")
    status, out, _ = run(capsys, "export", "starter", "--format", "omegat", "--in", str(doc))
    assert status == 0
    assert out.splitlines()[1:] == ["關稅戰\ttariff war\t"]
    status, out, _ = run(capsys, "export", "starter", "--format", "json", "--status", "known")
    assert '"terms": []' in out


def test_mingpao_import(gdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "import", str(bundled_document_path()))
    assert status == 0 and "imported 1 new, 0 updated, 0 unchanged" in out
    assert out.strip().endswith("2 learner entries kept as notes (no Chinese found for them)")
    assert [(t.zh, t.en) for t in GlossaryStore(gdir).load("my-terms").terms] == [
        ("顛覆", "subvert")
    ]


def test_check_document(gdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", str(bundled_document_path()))
    assert status == 0
    assert "  ok       雙遏制 = dual containment" in out
    assert "(not translated)" in out  # the first Chinese paragraph has no English
    assert out.splitlines()[-1].endswith("(glossaries: starter)")
    run(capsys, "add", "mine", "遏制", "curb", "--writable", "mine")
    status, out, _ = run(capsys, "check", str(bundled_document_path()), "--glossary", "mine")
    assert "  MISSING  遏制 = curb" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "nope"], "no glossary named 'nope'"),
        (["add", "../x", "a", "b"], "invalid glossary name '../x'"),
        (["add", "a/b", "a", "b"], "invalid glossary name 'a/b'"),
        (["export", "starter", "--format", "xlsx"], "unknown export format 'xlsx'"),
        (["import", "/nonexistent/file.csv"], "/nonexistent/file.csv: no such file"),
        (
            ["import", str(DATA / "omegat-hand.txt"), "--format", "docx"],
            "unknown import format 'docx'",
        ),
        (["add", "starter", "a", "b"], "glossary 'starter' is read-only"),
        (["edit", "my-terms", "nothing-here"], "no term named 'nothing-here'"),
        (["add", "g", " ", "b"], "no Chinese for 'b': a glossary term needs its Chinese"),
        (["add", "my-terms.tsv", "a", "b"], "give it without .tsv"),
        (["add", "x y", "a", "b"], "invalid glossary name 'x y'"),
        (["add", "CON", "a", "b"], "invalid glossary name 'CON'"),
        (["import", str(DATA / "omegat-hand.txt"), "--into", "starter"], "is read-only"),
        (["add", "g", "a", "b", "--status", "done"], "unknown status 'done'"),
    ],
)
def test_errors_are_one_line_exit_2(
    gdir: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and message in err and err.startswith("parallax: ")


def test_real_subprocess(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PARALLAX_GLOSSARY_DIR": str(tmp_path),
        "PARALLAX_CACHE_DIR": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-m", "parallax", "glossary", "export", "starter", "--format", "anki"],
        cwd=tmp_path,
        capture_output=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8").startswith("#separator:tab\n#html:true\n")
    bad = subprocess.run(
        [sys.executable, "-m", "parallax", "glossary", "show", ".."],
        cwd=tmp_path,
        capture_output=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert bad.returncode == 2 and bad.stderr.decode().count("\n") == 1


def test_add_strips_controls_and_show_prints_no_escape(
    gdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, _ = run(capsys, "add", "my-terms", "[bold]粗[/bold]", "\x1b[31mred\x1b[0m [注意]")
    assert status == 0
    (term,) = GlossaryStore(gdir).load("my-terms").terms
    assert (term.zh, term.en) == ("[bold]粗[/bold]", "red [注意]")
    gdir.joinpath("hand.tsv").write_text("id\tzh\ten\nx1\t粗\t\x1b[2Jwipe\n", encoding="utf-8")
    out = run(capsys, "show", "hand")[1]
    assert "\x1b" not in out and "wipe" in out
    for fmt in ("tbx", "tbx2"):
        target = tmp_path / f"out-{fmt}.xml"
        assert run(capsys, "export", "my-terms", "--format", fmt, "-o", str(target))[0] == 0
        argv = ["import", str(target), "--into", f"back-{fmt}", "--writable", f"back-{fmt}"]
        assert run(capsys, *argv)[0] == 0


@pytest.mark.parametrize("suffix", ["csv-excel", "lute"])
def test_import_csv_with_odd_suffix(
    gdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    fmt = "csv-excel" if suffix == "csv-excel" else "lute"
    target = tmp_path / f"ex.{suffix}"
    assert run(capsys, "export", "starter", "--format", fmt, "-o", str(target))[0] == 0
    status, out, _ = run(capsys, "import", str(target), "--into", "my-terms")
    assert status == 0 and out.startswith("imported 29 new, 0 updated, 0 unchanged")
    assert GlossaryStore(gdir).load("my-terms").terms[0].zh == "雙遏制"


def test_import_empty_file_fails(
    gdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    status, out, err = run(capsys, "import", str(empty))
    assert status == 2 and out == ""
    assert err == f"parallax: {empty}: empty file, no terms to import\n"


def test_omegat_export_counts_what_it_writes(
    gdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # an English-only learner entry, as older files hold them
    gdir.mkdir()
    old = [Term(id="e1" * 8, zh="", en="face off"), Term(id="e2" * 8, zh="僵局", en="stand-off")]
    (gdir / "my-terms.tsv").write_text(fileformat.dump(old), "utf-8")
    target = tmp_path / "learner.txt"
    status, out, err = run(capsys, "export", "my-terms", "--format", "omegat", "-o", str(target))
    assert status == 0 and out == ""
    why = "no Chinese term (OmegaT needs the source term)"
    assert err == f"exported 1 term of my-terms as omegat (1 left out: {why}) to {target}\n"
    assert target.read_text("utf-8").count("\n") == 2
    status, _, err = run(capsys, "export", "starter", "--format", "csv", "-o", str(target))
    assert err == f"exported 29 terms of starter as csv to {target}\n"


def test_writable_choice_and_reference_listing(
    gdir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    gdir.mkdir()
    gdir.joinpath("starter.tsv").write_bytes(
        GlossaryStore(gdir).places.path("starter").read_bytes()
    )
    out = run(capsys, "list")[1]
    assert "\nmy-terms\t0 terms\twritable, created on first save\t" in out
    assert "\nstarter\t29 terms\treference\t" in out
    # the user's own copy of the starter is theirs to write (only the packaged one is not)
    assert run(capsys, "add", "starter", "霸", "x")[0] == 0
    assert run(capsys, "--writable", "starter", "add", "starter", "霸", "x")[1].startswith(
        "already in 霸 / x in starter"
    )
    monkeypatch.setenv("PARALLAX_WRITABLE_GLOSSARY", "work")
    assert run(capsys, "add", "work", "霸權", "hegemony")[0] == 0
    out = run(capsys, "list")[1]
    assert "\nwork\t1 term\twritable\t" in out and "\nstarter\t30 terms\treference\t" in out
    assert not gdir.joinpath("my-terms.tsv").exists()
    with pytest.raises(SystemExit):
        main(["glossary", "--help"])
    assert "--writable NAME" in capsys.readouterr().out


def test_check_groups_terms_and_drops_repeats_across_glossaries(
    gdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "add", "my-terms", "雙遏制", "dual containment")
    run(capsys, "--writable", "other", "add", "other", "双遏制", "Dual  containment")
    run(capsys, "--writable", "other", "add", "other", "遏制", "curb")
    out = run(capsys, "check", str(bundled_document_path()))[1]
    assert out.count("雙遏制 = dual containment") == 1 and "双遏制" not in out
    assert "  ok       雙遏制 = dual containment (x2)\n" in out  # twice in that paragraph
    assert "\nzh 4 / en 3\n  ok       遏制 = containment\n" in out  # curb: not a repeat
    assert out.splitlines()[-1].endswith("(glossaries: my-terms, other, starter)")


def test_writable_glossary_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from parallax.core.glossary import writable_glossary_name

    monkeypatch.setenv("PARALLAX_WRITABLE_GLOSSARY", "law")
    assert writable_glossary_name() == "law"
    assert writable_glossary_name("news") == "news"
    directory = str(tmp_path / "g")
    assert main(["glossary", "--glossary-dir", directory, "add", "law", "合約", "contract"]) == 0
    # the glossary named on the command line is the one written, whatever is writable
    assert main(["glossary", "--glossary-dir", directory, "add", "my-terms", "法", "law"]) == 0
    assert (tmp_path / "g" / "my-terms.tsv").is_file() and (tmp_path / "g" / "law.tsv").is_file()


def test_reimport_keeps_the_users_edits(
    gdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "terms.txt"
    source.write_text("霸權\thegemony\t\n遏制\tcontainment\tpolicy\n", encoding="utf-8")
    assert run(capsys, "import", str(source))[0] == 0
    store = GlossaryStore(gdir)
    (mine,) = [t for t in store.load("my-terms").terms if t.zh == "霸權"]
    edited = mine.with_changes(status="known", tags=("mytag",), context_zh="我的上下文")
    store.update("my-terms", edited)
    source.write_text(
        "霸權\thegemony\tdominance\n遏制\tcontainment\tother note\n結盟\talliance\t\n",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "import", str(source))
    assert status == 0 and out.startswith("imported 1 new, 1 updated, 1 unchanged")
    terms = {t.zh: t for t in GlossaryStore(gdir).load("my-terms").terms}
    kept = terms["霸權"]
    assert (kept.id, kept.status, kept.tags, kept.context_zh) == (
        mine.id,
        "known",
        ("mytag",),
        "我的上下文",
    )
    assert kept.note == "dominance"  # was empty: filled
    assert terms["遏制"].note == "policy"  # the user's value wins
    before = (gdir / "my-terms.tsv").read_bytes()
    out = run(capsys, "import", str(source))[1]
    assert out.startswith("imported 0 new, 0 updated, 3 unchanged")
    assert (gdir / "my-terms.tsv").read_bytes() == before
    for fmt in ("tbx", "json", "csv", "anki", "omegat"):  # own export: nothing changes
        target = tmp_path / f"back.{fmt}"
        assert run(capsys, "export", "my-terms", "--format", fmt, "-o", str(target))[0] == 0
        out = run(capsys, "import", str(target))[1]
        assert out.startswith("imported 0 new, 0 updated, 3 unchanged"), (fmt, out)
        assert (gdir / "my-terms.tsv").read_bytes() == before, fmt


def test_import_big5_crlf_mingpao_and_gb18030_omegat(
    gdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = bundled_document_path().read_text("utf-8")
    big5 = tmp_path / "mingpao-big5.txt"
    big5.write_bytes(text.replace("\n", "\r\n").encode("big5hkscs"))
    status, out, err = run(capsys, "import", str(big5), "--format", "mingpao")
    assert status == 0 and out.startswith("imported 1 new"), out
    assert err.splitlines()[0].startswith("learner note (no Chinese found): face off: to argue")
    learner = GlossaryStore(gdir).load("my-terms").terms
    assert learner[0].en == "subvert" and "\r" not in learner[0].note
    gb = tmp_path / "omegat-gb.txt"
    gb.write_bytes("双遏制\tdual containment\t美国政策\n关税战\ttariff war\t\n".encode("gb18030"))
    status, out, _ = run(capsys, "import", str(gb))
    assert status == 0 and out.startswith("imported 2 new")
    terms = {t.zh: t for t in GlossaryStore(gdir).load("my-terms").terms}
    assert terms["双遏制"].note == "美国政策" and terms["关税战"].en == "tariff war"
    utf16 = tmp_path / "omegat-utf16.txt"
    utf16.write_bytes("結盟\talliance\t\n".encode("utf-16"))
    assert run(capsys, "import", str(utf16))[1].startswith("imported 1 new")
    forced = tmp_path / "forced.txt"
    forced.write_bytes("霸權\thegemony\t\n".encode("big5hkscs"))
    status, out, _ = run(capsys, "import", str(forced), "--encoding", "big5hkscs")
    assert status == 0 and out.startswith("imported 1 new")
    status, _, err = run(capsys, "import", str(forced), "--encoding", "no-such-codec")
    assert status == 2 and "unknown encoding 'no-such-codec'" in err


def test_add_an_existing_term_updates_it(gdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "add", "my-terms", "霸權", "hegemony")
    first = out.split("\t")[1]
    for zh, en in [("霸權", "hegemony"), ("霸权", "  Hegemony "), (" 霸 權", "HEGEMONY")]:
        status, out, _ = run(capsys, "add", "my-terms", zh, en)
        assert status == 0 and out.startswith("already in 霸權 / hegemony in my-terms\t"), out
        assert out.split("\t")[1] == first
    out = run(capsys, "add", "my-terms", "霸权", "hegemonism", "--note", "n", "--status", "known")[
        1
    ]
    assert out.startswith(f"updated 霸權 / hegemony; hegemonism in my-terms\t{first}")
    (term,) = GlossaryStore(gdir).load("my-terms").terms
    assert (term.en, term.note, term.status) == ("hegemony; hegemonism", "n", "known")


def test_the_issue_example_add_then_import_updates(
    gdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "add", "my-terms", "天文台", "Observatory")[0] == 0
    source = tmp_path / "obs.csv"
    source.write_text("zh,en,note\n天文台,Observatory,HK Observatory\n", encoding="utf-8")
    out = run(capsys, "import", str(source))[1]
    assert out.startswith("imported 0 new, 1 updated, 0 unchanged")
    (term,) = GlossaryStore(gdir).load("my-terms").terms
    assert (term.zh, term.en, term.note) == ("天文台", "Observatory", "HK Observatory")
    source.write_text("zh,en\n天文台,weather observatory\n", encoding="utf-8")
    assert run(capsys, "import", str(source))[1].startswith("imported 0 new, 1 updated")
    (term,) = GlossaryStore(gdir).load("my-terms").terms  # a second sense joins the row
    assert term.en == "Observatory; weather observatory"


def test_edit_a_term_by_its_chinese_or_english(
    gdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "add", "law", "法治", "rule of law")
    assert (gdir / "law.tsv").is_file()  # the glossary named is the one written
    status, out, _ = run(capsys, "edit", "law", "法治", "--en", "rule of law; the rule of law")
    assert status == 0 and out.startswith("saved 法治")
    run(capsys, "edit", "law", "the rule of law", "--note", "法制 is different", "--tag", "a")
    run(capsys, "edit", "law", "法治", "--tag", "b", "--tag", "c", "--status", "learning")
    (term,) = GlossaryStore(gdir).load("law").terms
    assert term.en == "rule of law; the rule of law" and term.note == "法制 is different"
    assert term.tags == ("b", "c") and term.status == "learning"
    assert run(capsys, "edit", "law", "法治")[1].startswith("no change to 法治")
    status, _, err = run(capsys, "edit", "law", "法治", "--status", "done")
    assert status == 2 and "unknown status 'done'" in err


def test_one_id_on_two_different_terms_loses_neither(
    gdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a JSON row copied to make a new term, its id left as it was
    source = tmp_path / "copied.json"
    source.write_text(
        '[{"id": "19fea199ee5f4157", "zh": "攜手", "en": "hand in hand"},'
        ' {"id": "19fea199ee5f4157", "zh": "法治", "en": "rule of law"}]',
        encoding="utf-8",
    )
    assert run(capsys, "import", str(source))[1].startswith("imported 2 new")
    terms = {t.zh: t for t in GlossaryStore(gdir).load("my-terms").terms}
    assert terms["攜手"].en == "hand in hand" and terms["法治"].en == "rule of law"
    assert terms["攜手"].id == "19fea199ee5f4157" and terms["法治"].id != terms["攜手"].id
    # a later file giving that id to yet another term: added, 攜手 untouched
    source.write_text('[{"id": "19fea199ee5f4157", "zh": "霸權", "en": "hegemony"}]', "utf-8")
    assert run(capsys, "import", str(source))[1].startswith("imported 1 new")
    terms = {t.zh: t for t in GlossaryStore(gdir).load("my-terms").terms}
    assert set(terms) == {"攜手", "法治", "霸權"} and terms["攜手"].en == "hand in hand"
    assert len({t.id for t in terms.values()}) == 3


def test_edit_never_makes_two_rows_of_one_term(
    gdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "add", "my-terms", "攜手", "join hands")
    run(capsys, "add", "my-terms", "聯手", "join forces")
    before = (gdir / "my-terms.tsv").read_bytes()
    status, out, err = run(capsys, "edit", "my-terms", "攜手", "--zh", "联手")
    assert status == 2 and out == "" and err.count("\n") == 1
    assert "聯手 is already in my-terms" in err
    assert (gdir / "my-terms.tsv").read_bytes() == before
    assert run(capsys, "edit", "my-terms", "攜手", "--zh", "携手")[0] == 0  # its own other script


def test_the_issue_example_as_written_a_csv_without_header(
    gdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # OmegaT writes its CSV glossaries without a header: source,target[,comment]
    assert run(capsys, "add", "my-terms", "天文台", "Observatory")[0] == 0
    source = tmp_path / "obs.csv"
    source.write_text("天文台,Observatory,HK Observatory\n", encoding="utf-8")
    status, out, err = run(capsys, "import", str(source))
    assert status == 0 and out.startswith("imported 0 new, 1 updated, 0 unchanged"), err
    (term,) = GlossaryStore(gdir).load("my-terms").terms
    assert (term.zh, term.en, term.note) == ("天文台", "Observatory", "HK Observatory")
    source.write_text('霸權,hegemony\n"結盟","alliance, bloc","a ""pact"""\n', encoding="utf-8")
    assert run(capsys, "import", str(source))[1].startswith("imported 2 new")
    terms = {t.zh: t for t in GlossaryStore(gdir).load("my-terms").terms}
    assert terms["霸權"].en == "hegemony" and terms["結盟"].note == 'a "pact"'
    assert terms["結盟"].en == "alliance, bloc"


def test_a_csv_header_may_name_the_scripts_instead_of_zh(
    gdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "scripts.csv"
    source.write_text("traditional,simplified,en\n雙遏制,双遏制,dual containment\n", "utf-8")
    assert run(capsys, "import", str(source))[1].startswith("imported 1 new")
    source.write_text("Simplified,English,en\n关税战,x,tariff war\n", "utf-8")
    assert run(capsys, "import", str(source))[1].startswith("imported 1 new")
    terms = {t.zh: t.en for t in GlossaryStore(gdir).load("my-terms").terms}
    assert terms == {"雙遏制": "dual containment", "关税战": "tariff war"}


def test_a_header_in_chinese_is_not_taken_for_a_term(
    gdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "spreadsheet.csv"
    source.write_text("中文,英文,備註\n霸權,hegemony,\n", encoding="utf-8")
    status, _, err = run(capsys, "import", str(source))
    assert status == 2 and "unrecognised glossary format" in err
    assert not (gdir / "my-terms.tsv").exists()


def test_show_prints_one_line_of_four_columns_per_term(
    gdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "anki.txt"  # Anki's <br> becomes a newline, a tab stays a tab
    source.write_text("#separator:tab\n#html:true\n霸權\thegemony<br>dominance&#9;power\n", "utf-8")
    assert run(capsys, "import", str(source))[0] == 0
    out = run(capsys, "show", "my-terms")[1]
    (line,) = out.splitlines()
    assert line.split("\t")[1:] == ["霸權 [bà quán]", "hegemony dominance power", "new"]


def test_show_of_an_empty_glossary_or_filter_says_so_on_stderr(
    gdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "show", "my-terms")
    assert (status, out) == (0, "") and err.startswith("parallax: my-terms: no terms yet (")
    run(capsys, "add", "my-terms", "雙遏制", "dual containment")
    status, out, err = run(capsys, "show", "my-terms", "--status", "known")
    assert (status, out) == (0, "") and "my-terms: no terms match" in err
