"""Where parallax keeps its own files: caches and per-user data."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "PARALLAX_CACHE_DIR"
DATA_ENV = "PARALLAX_DATA_DIR"


def cache_dir() -> Path:
    """Caches that can be rebuilt: ``$PARALLAX_CACHE_DIR`` or the platform's user cache."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("parallax"))


def data_dir() -> Path:
    """The user's own data (hand-fixed alignments): ``$PARALLAX_DATA_DIR`` or the platform's."""
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("parallax"))


def tell_cache_unusable(error: OSError) -> None:
    """Tell once (:mod:`parallax.core.notices`) that the cache folder cannot be used: caches
    are an optimisation, the work goes on without them, only slower."""
    from parallax.core import notices
    from parallax.core.reading import describe_os_error
    from parallax.core.text import printable

    directory = cache_dir()
    fault = describe_os_error(error)
    if directory.exists() and not directory.is_dir():
        fault = "it is a file, not a folder"
    notices.tell(
        f"{printable(str(directory))}: the cache folder cannot be used ({fault}); "
        "going on without it (slower)"
    )
