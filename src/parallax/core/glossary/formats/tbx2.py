"""TBX v2 (``martif``), the TBX that OmegaT reads. Same content as ``tbx`` with v2 names."""

from __future__ import annotations

from collections.abc import Sequence

from parallax.core.glossary.formats import tbx
from parallax.core.glossary.formats._common import ImportResult
from parallax.core.glossary.term import Term


def export(terms: Sequence[Term], *, name: str = "") -> str:
    """The terms as a TBX v2 ``martif`` document."""
    return tbx.export(terms, name=name, names=tbx.V2)


def parse(text: str) -> ImportResult:
    """Terms from a TBX document of either version."""
    return tbx.parse(text)
