"""Data-driven alignment cases: tests/data/align/<case>.zh.txt, .en.txt and .expected.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parallax.core.align import align_document
from parallax.core.readers import load_document

DATA = Path(__file__).parent / "data" / "align"
CASES = sorted(path.name.removesuffix(".expected.json") for path in DATA.glob("*.expected.json"))


def test_cases_exist() -> None:
    assert len(CASES) >= 6


@pytest.mark.parametrize("case", CASES)
def test_case(case: str) -> None:
    document = load_document(zh=DATA / f"{case}.zh.txt", en=DATA / f"{case}.en.txt")
    expected = json.loads((DATA / f"{case}.expected.json").read_text(encoding="utf-8"))["beads"]
    beads = align_document(document)
    assert [{"zh": list(b.zh), "en": list(b.en)} for b in beads] == expected
    assert all(0.0 <= b.score <= 1.0 for b in beads)
