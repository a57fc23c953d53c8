"""Showing the Chinese in the other script (Traditional ↔ Simplified) with OpenCC."""

from __future__ import annotations

from collections.abc import Sequence

from parallax.core import chinese


def other_script(sample: str) -> str:
    """``"simplified"`` if ``sample`` is in Traditional characters, else ``"traditional"``."""
    return "simplified" if chinese.to_simplified(sample) != sample else "traditional"


def shown(texts: Sequence[str], target: str | None) -> list[str]:
    """``texts`` converted to ``target`` (``None``: as written). Highlights and search run on the
    converted text itself, so offsets stay right even where a conversion changes the length."""
    if target is None:
        return list(texts)
    convert = chinese.to_simplified if target == "simplified" else chinese.to_traditional
    return [convert(t) if t else "" for t in texts]
