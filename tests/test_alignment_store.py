"""Hand-fixed alignments are saved per document text and found again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parallax.core.align.bead import Bead
from parallax.core.alignment_store import (
    FORMAT_VERSION,
    alignment_path,
    forget_alignment,
    load_alignment,
    save_alignment,
)
from parallax.core.corrections import BY_HAND, AlignmentError

DATA = Path(__file__).parent / "data" / "damaged"


def test_fixed_alignment_is_saved_and_found_again(tmp_path: Path) -> None:
    zh, en = ["甲", "乙"], ["A", "B"]
    assert load_alignment(zh, en, tmp_path) is None
    beads = [Bead((0,), (0,), BY_HAND), Bead((1,), (1,), 0.7)]
    path = save_alignment(zh, en, beads, source="test", directory=tmp_path)
    assert path == alignment_path(zh, en, tmp_path)
    assert load_alignment(list(zh), list(en), tmp_path) == beads
    assert load_alignment(zh, ["A", "B changed"], tmp_path) is None  # other text, other key
    assert forget_alignment(zh, en, tmp_path) is True
    assert load_alignment(zh, en, tmp_path) is None


@pytest.mark.parametrize(
    "content",
    [
        '{"beads": [{"zh": [0], "en": [5], "score": 1}]}',
        '{"beads": [{"zh": [0], "en": [0], "score": NaN}]}',  # align's JSON cannot hold it
        '{"beads": [{"zh": [0], "en": [0], "score": Infinity}]}',
        '{"beads": [{"zh": [0], "en": [0], "score": 1e308}]}',
        '{"beads": [{"zh": [0], "en": [0], "score": "0.5"}]}',
        "{not json",
        (DATA / "alignment-infinity.json").read_text(encoding="utf-8"),
        (DATA / "settings-deep.json").read_text(encoding="utf-8"),
    ],
)
def test_damaged_saved_alignment_is_named_set_aside_and_kept(tmp_path: Path, content: str) -> None:
    zh, en = ["甲"], ["A"]
    path = save_alignment(zh, en, [Bead((0,), (0,), 1.0)], directory=tmp_path)
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AlignmentError) as info:
        load_alignment(zh, en, tmp_path)
    message = str(info.value)
    assert message.startswith(f"{path}: the saved alignment is damaged") and "\n" not in message
    (aside,) = tmp_path.glob("*.damaged*")
    assert aside.read_text(encoding="utf-8") == content and aside.name in message
    assert load_alignment(zh, en, tmp_path) is None  # met once, then gone


def test_infinity_in_a_saved_alignment_is_one_warning_in_every_command(
    seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from parallax.cli.main import main
    from parallax.core.readers import load_document

    doc = load_document(seed_path)
    path = alignment_path(doc.zh_texts, doc.en_texts)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((DATA / "alignment-infinity.json").read_bytes())
    assert main(["show", str(seed_path)]) == 0
    err = capsys.readouterr().err
    assert "the saved alignment is damaged" in err and "set aside" in err
    assert main(["align", str(seed_path)]) == 0
    assert "damaged" not in capsys.readouterr().err


def test_saving_a_broken_alignment_is_refused(tmp_path: Path) -> None:
    with pytest.raises(AlignmentError):
        save_alignment(["甲"], ["A"], [Bead((0,), (), 1.0)], directory=tmp_path)
    assert not list(tmp_path.glob("*.json"))


def test_the_aligners_result_is_cached_apart_from_hand_fixes() -> None:
    from parallax.core.alignment_store import cache_alignment, cached_alignment

    zh, en = ["甲", "乙"], ["A"]
    assert cached_alignment(zh, en) is None
    beads = [Bead((0,), (), 0.4), Bead((1,), (0,), 0.9)]
    cache_alignment(zh, en, beads)
    assert cached_alignment(zh, en) == beads
    assert load_alignment(zh, en) is None  # not mistaken for a hand fix
    cache_alignment(zh, en, [Bead((0,), (0,), 1.0)])  # invalid: unit 1 missing; ignored
    assert cached_alignment(zh, en) == beads


def test_confirmed_beads_are_saved_and_version_1_files_still_read(tmp_path: Path) -> None:
    zh, en = ["甲", "乙"], ["A", "B"]
    beads = [Bead((0,), (0,), BY_HAND, True), Bead((1,), (1,), 0.7)]
    path = save_alignment(zh, en, beads, directory=tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == FORMAT_VERSION == 2
    assert [b["confirmed"] for b in data["beads"]] == [True, False]
    assert load_alignment(zh, en, tmp_path) == beads
    old = {
        "version": 1,
        "beads": [{"zh": [0], "en": [0], "score": 1.0}, {"zh": [1], "en": [1], "score": 0.7}],
    }
    path.write_text(json.dumps(old), encoding="utf-8")
    assert load_alignment(zh, en, tmp_path) == [Bead((0,), (0,), 1.0), Bead((1,), (1,), 0.7)]
    old["beads"][0]["confirmed"] = "yes"
    path.write_text(json.dumps(old), encoding="utf-8")
    with pytest.raises(AlignmentError, match="damaged"):
        load_alignment(zh, en, tmp_path)


def test_a_file_from_a_newer_parallax_is_refused_by_name(tmp_path: Path) -> None:
    from parallax.core.alignment_store import FORMAT_VERSION, load_alignment, save_alignment

    path = save_alignment(["甲"], ["a"], [Bead((0,), (0,), 1.0)], directory=tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = FORMAT_VERSION + 1
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AlignmentError, match="newer parallax") as error:
        load_alignment(["甲"], ["a"], directory=tmp_path)
    assert str(path) in str(error.value)
