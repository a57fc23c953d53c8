"""CC-CEDICT loading, caching and look-up."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from parallax.core import cedict
from parallax.core.cedict.cache import cache_file, read_cache
from parallax.core.cedict.dictionary import parse

SMALL = """# a tiny CC-CEDICT
朋友 朋友 [peng2 you5] /friend/CL:個|个[ge4],位[wei4]/
學校 学校 [xue2 xiao4] /school/CL:所[suo3]/
陳 陈 [Chen2] /surname Chen/
陳 陈 [chen2] /to lay out/to exhibit/old variant of 陣|阵[zhen4]/
"""


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "cedict.txt.gz"
    path.write_bytes(gzip.compress(SMALL.encode()))
    return path


def test_packaged_dictionary_lookup() -> None:
    entries = cedict.lookup("習近平")
    assert entries and entries[0].simplified == "习近平"
    assert cedict.lookup("学校") == cedict.lookup("學校")
    assert "friend" in cedict.lookup("朋友")[0].senses
    assert cedict.lookup("不是一個詞語啊") == []


def test_segment_greedy_longest(small: Path) -> None:
    dictionary, segmenter = cedict.load(small), cedict.segmenter(small)
    words = [(s, e, dictionary.headwords[h]) for s, e, h in segmenter.segment("我的朋友陳在學校")]
    assert words == [(2, 4, "朋友"), (4, 5, "陳"), (6, 8, "學校")]
    assert segmenter.headword_ids("学校") == [dictionary.index["学校"]]


def test_glosses_skip_cross_references(small: Path) -> None:
    dictionary = cedict.load(small)
    h = dictionary.index["陈"]
    words = {dictionary.words[w] for w in dictionary.glosses[h]}
    assert {"surname", "chen", "lay", "exhibit"} <= words
    assert "variant" not in words and "zhen" not in words


def test_cache_is_written_and_reused(
    small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path / "cache"))
    parsed = cedict.load(small)
    assert cedict.load(small) is parsed
    files = list((tmp_path / "cache").glob("cedict-*.pickle"))
    assert len(files) == 1
    cached = read_cache(files[0], cedict.Cedict)
    assert cached is not None and cached.lines == parsed.lines
    assert read_cache(tmp_path / "missing.pickle", cedict.Cedict) is None


def test_unwritable_cache_falls_back(
    small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(blocker / "cache"))
    assert cedict.load(small).lookup("朋友")
    assert cedict.segmenter(small).segment("朋友") == [(0, 2, cedict.load(small).index["朋友"])]


def test_user_file_from_environment(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARALLAX_CEDICT", str(small))
    assert cedict.source_path() == small


def test_bad_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing\n")
    with pytest.raises(cedict.CedictError, match="no CC-CEDICT entries"):
        parse(empty)
    with pytest.raises(cedict.CedictError, match="missing.txt"):
        cache_file("cedict", path=tmp_path / "missing.txt")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("朋友".encode("utf-16"))
    with pytest.raises(cedict.CedictError, match="not UTF-8"):
        parse(latin1)


def test_is_cached_tells_whether_a_first_run_will_compile(
    small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARALLAX_CACHE_DIR", str(tmp_path / "fresh-cache"))
    assert not cedict.is_cached(small)
    cedict.load(small)
    assert cedict.is_cached(small)


@pytest.mark.parametrize("cached", [False, True])
def test_cli_says_so_before_compiling_the_dictionary(
    cached: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from parallax.cli import common
    from parallax.cli.main import main
    from parallax.core.align import lexicon

    monkeypatch.setattr(common, "_NOTED", [])  # once per process: not already said by a test
    monkeypatch.setattr(lexicon, "index_ready", lambda: cached)
    assert main(["show"]) == 0
    err = capsys.readouterr().err
    assert ("first run only" in err) is not cached
