"""One path to a document's alignment: fixed by hand > cached > the aligner's; a damaged fix is
set aside once, kept, and named."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.cli.main import main
from parallax.core.align.bead import Bead
from parallax.core.alignment_store import alignment_path, cache_alignment, save_alignment
from parallax.core.document import DocumentError
from parallax.core.readers import load_document
from parallax.core.resolve_alignment import known_alignment, resolve_alignment
from parallax.core.sentence_alignment import align_pair_sentences
from parallax.core.unit_alignment import align_for_output

ZH = ["第一段。", "第二段講中國。"]
EN = ["The second paragraph is about China."]


def test_nothing_known_then_cached_then_fixed_by_hand() -> None:
    assert known_alignment(ZH, EN).source == "none"
    assert known_alignment(ZH, EN).beads == ()
    cached = [Bead((0,), (), 0.4), Bead((1,), (0,), 0.9)]
    cache_alignment(ZH, EN, cached)
    assert known_alignment(ZH, EN).source == "cache"
    assert known_alignment(ZH, EN, use_cache=False).source == "none"
    fixed = [Bead((0, 1), (0,), 1.0, True)]
    save_alignment(ZH, EN, fixed)
    known = known_alignment(ZH, EN)
    assert (known.source, list(known.beads), known.path) == ("hand", fixed, alignment_path(ZH, EN))
    assert known_alignment(ZH, EN, fresh=True).source == "cache"


def test_resolve_prefers_the_hand_fix_unless_fresh() -> None:
    fixed = [Bead((0,), (), 1.0, True), Bead((1,), (0,), 1.0, True)]
    save_alignment(ZH, EN, fixed)
    assert list(resolve_alignment(ZH, EN).beads) == fixed
    fresh = resolve_alignment(ZH, EN, fresh=True)
    assert fresh.source == "aligner"
    assert not any(b.confirmed for b in fresh.beads)  # the aligner's own answer


def test_a_damaged_fix_is_set_aside_once_and_kept() -> None:
    path = alignment_path(ZH, EN)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"beads": [{"zh": [0], "en": [0], "score": Infinity}', encoding="utf-8")
    calls: list[str] = []
    first = resolve_alignment(ZH, EN, before_aligning=lambda: calls.append("aligning"))
    assert first.source == "aligner" and calls == ["aligning"]
    assert str(path) in first.problem and "set aside as" in first.problem
    kept = path.with_name(path.name + ".damaged")
    assert kept.read_text(encoding="utf-8").startswith('{"beads"')
    assert not path.exists()
    assert resolve_alignment(ZH, EN).problem == ""  # told once


def test_damaged_fix_in_show_is_one_warning_and_the_aligners_rows(
    seed_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = load_document(seed_path)
    path = alignment_path(doc.zh_texts, doc.en_texts)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[" * 100_000, encoding="utf-8")
    assert main(["show", str(seed_path)]) == 0
    err = capsys.readouterr().err
    assert err.count("warning") == 1 and "set aside" in err
    assert main(["show", str(seed_path)]) == 0
    assert "warning" not in capsys.readouterr().err


def test_a_one_sided_pair_reads_the_blank_side_as_empty(tmp_path: Path) -> None:
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("\ufeff\n  \n", encoding="utf-8")
    en.write_text("One.\n\nTwo.\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="zh.txt"):
        load_document(zh=zh, en=en)
    doc = load_document(zh=zh, en=en, one_sided=True)
    assert (doc.zh_texts, doc.en_texts, doc.meta.path) == ([], ["One.", "Two."], en)
    en.write_text("", encoding="utf-8")
    with pytest.raises(DocumentError, match="empty"):
        load_document(zh=zh, en=en, one_sided=True)


def test_sentences_of_a_pair_keep_their_hand_fix() -> None:
    zh_text, en_text = "他來了。她走了。", "He came. She left."
    found = align_pair_sentences(zh_text, en_text)
    assert (found.zh, found.en, found.resolution.source) == (
        ["他來了。", "她走了。"],
        ["He came.", "She left."],
        "aligner",
    )
    fixed = [Bead((0, 1), (0, 1), 1.0, True)]
    save_alignment(found.zh, found.en, fixed)
    again = align_pair_sentences(zh_text, en_text)
    assert (again.resolution.source, list(again.resolution.beads)) == ("hand", fixed)
    assert align_pair_sentences(zh_text, en_text, fresh=True).resolution.source == "aligner"


def test_sentence_ids_run_across_the_document(seed_path: Path) -> None:
    doc = load_document(seed_path)
    report = align_for_output(doc, "sentences")
    alignment = report.alignment
    assert report.resolution.source == "aligner" and not report.problems
    for side, units in (("zh", alignment.zh), ("en", alignment.en)):
        ids = [i for bead in alignment.beads for i in getattr(bead, side)]
        assert ids == list(range(len(units)))
    assert len(alignment.zh) > len(doc.zh) and len(alignment.en) > len(doc.en)


def test_a_text_read_as_lines_is_aligned_as_lines_by_every_command(tmp_path: Path) -> None:
    """``show``, ``read`` and ``glossary check`` align ``--units lines`` as ``align`` does (the
    line aligner), and its cached result is kept apart from the same texts read as paragraphs."""
    from parallax.app.loaders import align_rows, first_rows
    from parallax.cli.common import paragraph_beads

    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("颱風襲港。\n全港學校停課。\n醫院病床不足。\n", encoding="utf-8")
    en.write_text("A typhoon hit Hong Kong.\nAll schools and some offices closed.\n", "utf-8")
    doc = load_document(zh=zh, en=en, units="lines")
    assert doc.units == "lines"

    def shape(beads: object) -> list[tuple[object, object, object]]:
        return [(b.zh, b.en, round(b.score, 6)) for b in beads]  # type: ignore[attr-defined]

    written = shape(align_for_output(doc, "lines", fresh=True).alignment.beads)
    assert shape(paragraph_beads(doc, fresh=True)) == written
    rows, _hand = align_rows(doc, [], fresh=True)
    assert [(r.zh, r.en, round(r.score or 0, 6)) for r in rows] == written
    assert first_rows(doc).source == "cache"  # the reader's next opening
    as_paragraphs = known_alignment(doc.zh_texts, doc.en_texts, units="paragraphs")
    assert as_paragraphs.source == "none"
    as_lines = known_alignment(doc.zh_texts, doc.en_texts, units="lines").beads
    cache_alignment(doc.zh_texts, doc.en_texts, [Bead((0, 1, 2), (0, 1), 0.5)])  # paragraphs
    assert known_alignment(doc.zh_texts, doc.en_texts, units="lines").beads == as_lines
