"""The documents that ship inside the package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

BUNDLED_EDITORIAL = "mingpao-2025-05-12-china-russia.txt"


def bundled_document_path() -> Path:
    """The path of the bundled Ming Pao editorial (opened when parallax gets no document)."""
    return Path(str(resources.files("parallax") / "data" / BUNDLED_EDITORIAL))
