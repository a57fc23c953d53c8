"""The core never imports the UI toolkits: checked in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import parallax.core


def _core_modules() -> list[str]:
    return [
        info.name for info in pkgutil.walk_packages(parallax.core.__path__, prefix="parallax.core.")
    ]


def test_core_does_not_load_textual_or_rich() -> None:
    modules = ["parallax.core", *_core_modules()]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
    assert len(modules) > 5


def test_what_the_reader_needs_before_its_first_paint_loads_no_heavy_library() -> None:
    """Reading a document and its saved alignment must not wait for NumPy, jieba or dictionaries."""
    code = (
        "import sys\n"
        "import parallax.core.readers, parallax.core.alignment_store, parallax.core.bundled\n"
        "import parallax.core.align.quick\n"
        "heavy = ('numpy', 'jieba', 'pypinyin', 'ToJyutping', 'opencc', 'ahocorasick')\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
