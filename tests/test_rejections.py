"""Rejected suggestions: saved per document, merged across instances, damage reported."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from parallax.core import notices
from parallax.core.document import Document
from parallax.core.readers import load_document
from parallax.core.rejections import (
    load_rejections,
    reject,
    rejections_path,
    unreject,
)

DATA = Path(__file__).parent / "data" / "damaged"


@pytest.fixture
def doc(seed_path: Path) -> Document:
    return load_document(seed_path)


def test_round_trip(doc: Document, data_dir: Path) -> None:
    assert load_rejections(doc) == set()
    path = reject(doc, "美國", "US")
    assert path == rejections_path(doc) and path.is_relative_to(data_dir)
    reject(doc, " 合作 ", "cooperation")
    reject(doc, "美国", "us")  # the same pair again, in the other script and case
    assert load_rejections(doc) == {("合作", "cooperation"), ("美国", "us")}
    unreject(doc, "美國", "US")
    assert load_rejections(doc) == {("合作", "cooperation")}


def test_same_text_elsewhere_finds_them(doc: Document, tmp_path: Path, seed_path: Path) -> None:
    reject(doc, "美國", "US")
    copy = tmp_path / "copy.txt"
    copy.write_bytes(seed_path.read_bytes())
    assert load_rejections(load_document(copy)) == {("美國", "US")}
    other = tmp_path / "other.txt"
    other.write_text("中文。\n\nEnglish.\n", encoding="utf-8")
    assert load_rejections(load_document(other)) == set()


def _reject_many(seed: str, data: str, worker: int) -> None:
    os.environ["PARALLAX_DATA_DIR"] = data
    doc = load_document(Path(seed))
    for n in range(15):
        reject(doc, f"詞{worker}", f"word {worker} {n}")


def test_two_instances_lose_nothing(doc: Document, data_dir: Path, seed_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_reject_many, args=(str(seed_path), str(data_dir), w))
        for w in range(2)
    ]
    for process in workers:
        process.start()
    for process in workers:
        process.join(60)
        assert process.exitcode == 0
    assert load_rejections(doc) == {
        (f"詞{w}", f"word {w} {n}") for w in range(2) for n in range(15)
    }


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '{"rejected": [{"zh": 1}]}',
        "[]",
        (DATA / "settings-deep.json").read_text(encoding="utf-8"),
    ],
)
def test_damaged_file_is_named_set_aside_and_kept(doc: Document, content: str) -> None:
    path = rejections_path(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    notices.take()
    assert load_rejections(doc) == set()
    (told,) = notices.take()
    assert str(path) in told and "damaged" in told and "\n" not in told
    (aside,) = path.parent.glob("*.damaged*")
    assert aside.read_text(encoding="utf-8") == content
    reject(doc, "美國", "US")
    assert load_rejections(doc) == {("美國", "US")} and notices.take() == []
