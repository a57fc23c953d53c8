"""Huge numbers and nested quotes: no overflow, no quadratic work (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.cli.main import main
from parallax.core.align.numbers import en_numbers, zh_numbers
from parallax.core.suggest import quotes

DATA = Path(__file__).parent / "data" / "hardening"


@pytest.mark.parametrize("name", ["digits17.txt", "digits309.txt"])
def test_huge_numbers_in_every_command(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(DATA / name)
    for argv in (
        ["show", path],
        ["align", path],
        ["suggest", path],
        ["glossary", "check", path],
    ):
        assert main(argv) == 0, argv
        assert "Traceback" not in capsys.readouterr().err


def test_huge_numbers_are_not_keys_small_ones_are() -> None:
    assert zh_numbers("增長92233720368547759元和" + "9" * 320 + "元和3.5萬億") == [350000000000000]
    assert en_numbers("92233720368547759 and " + "9" * 400 + " and 3.5 trillion") == [
        350000000000000
    ]


# --------------------------------------------------------------- quote index
def brute_innermost(found: tuple[quotes.Quote, ...], start: int, end: int) -> quotes.Quote | None:
    holding = [q for q in found if q.holds(start, end)]
    return max(holding, key=lambda q: (q.depth, q.start)) if holding else None


def brute_rank(found: tuple[quotes.Quote, ...], quote: quotes.Quote) -> int:
    same = [q for q in found if q.depth == quote.depth and not q.is_title]
    return same.index(quote) if quote in same else -1


ZH = st.lists(st.sampled_from(list("「」『』《》〈〉“”‘’甲乙\n")), max_size=60).map("".join)
EN = st.lists(st.sampled_from(list("\"'“”‘’ ab\n(")), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(ZH, EN), data=st.data())
def test_the_quote_index_agrees_with_a_full_scan(text: str, data: st.DataObject) -> None:
    found = quotes.zh_quotes(text) if any(c in text for c in "「『《〈") else quotes.en_quotes(text)
    for quote in found:
        assert quotes.rank(found, quote) == brute_rank(found, quote)
        if quote.parent >= 0:
            assert found[quote.parent].holds(quote.start, quote.end)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert quotes.innermost(found, start, end) == brute_innermost(found, start, end)


def test_deep_nesting_is_found_whole() -> None:
    depth = 20_000
    found = quotes.zh_quotes("「" * depth + "甲" + "」" * depth)
    assert len(found) == depth and found[-1].depth == depth - 1
    assert quotes.innermost(found, depth, depth + 1) == found[-1]


# ------------------------------------------------------------------ suggest
def test_a_quote_repeated_thousands_of_times_is_looked_up_a_few_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from parallax.core.align import align_document
    from parallax.core.readers import load_document
    from parallax.core.suggest import propose, quoted, suggest_terms

    zh_unit = "「美國『雙遏制「中國」政策』」與「俄羅斯」"
    en_unit = '"US \'dual containment "China" policy\' " and "Russia" '
    path = tmp_path / "quotes.txt"
    path.write_text(f"{zh_unit * 800}。\n\n{en_unit * 800}.\n", encoding="utf-8")
    doc = load_document(path)
    calls: list[str] = []
    for name in ("propose_en", "propose_zh"):
        real = getattr(propose, name)

        def counted(text: str, *args: object, _real: object = real, **kwargs: object) -> object:
            calls.append(text)
            return _real(text, *args, **kwargs)  # type: ignore[operator]

        monkeypatch.setattr(quoted, name, counted)
    found = suggest_terms(doc, align_document(doc))
    assert ("俄羅斯", "Russia") in [(s.zh, s.en) for s in found]
    assert len(calls) <= 3 * len(set(calls)) <= 3 * 10  # 4,000 quotes, a few distinct texts
    assert next(s for s in found if s.zh == "俄羅斯").count == 800
