"""Aligned units written out: JSON (stable, documented), TSV, TMX 1.4b.

JSON::

    {"zh": [unit texts], "en": [unit texts],
     "beads": [{"zh": [ids], "en": [ids], "score": confidence, "confirmed": bool}, ...]}

ids are 0-based into the unit lists, in document order. TSV: one bead per row,
``Chinese⇥English⇥confidence``. TMX: 1.4b with ``zh-HK`` and ``en``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Literal

from parallax.core.unit_alignment import OutputUnits, UnitAlignment

OutputFormat = Literal["json", "tsv", "tmx"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("json", "tsv", "tmx")


def render_alignment(alignment: UnitAlignment, fmt: OutputFormat, units: OutputUnits) -> str:
    """The alignment in ``fmt`` (json, tsv or tmx)."""
    if fmt == "json":
        return render_json(alignment)
    if fmt == "tsv":
        return render_tsv(alignment)
    from parallax.core.tmx import TmxPair, render_tmx

    pairs = (TmxPair(zh, en, score) for zh, en, score in bead_texts(alignment))
    return render_tmx(pairs, segtype="paragraph" if units == "paragraphs" else "sentence")


def render_json(alignment: UnitAlignment) -> str:
    """The stable JSON form (see the module docstring)."""
    data = {
        "zh": alignment.zh,
        "en": alignment.en,
        "beads": [
            {"zh": list(b.zh), "en": list(b.en), "score": b.score, "confirmed": b.confirmed}
            for b in alignment.beads
        ],
    }
    return json.dumps(data, ensure_ascii=False) + "\n"


def render_tsv(alignment: UnitAlignment) -> str:
    """One bead per row: Chinese text, English text, confidence (tabs and newlines as spaces)."""
    rows = (f"{_cell(zh)}\t{_cell(en)}\t{score:.3f}\n" for zh, en, score in bead_texts(alignment))
    return "".join(rows)


def bead_texts(alignment: UnitAlignment) -> Iterable[tuple[str, str, float]]:
    """Each bead's Chinese (units joined without a space), English (joined by a space) and
    confidence."""
    for bead in alignment.beads:
        zh = "".join(alignment.zh[i] for i in bead.zh)
        en = " ".join(alignment.en[i] for i in bead.en)
        yield zh, en, bead.score


def _cell(text: str) -> str:
    return " ".join(text.split())
