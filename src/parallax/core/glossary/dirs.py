"""Where glossaries live, and which names are allowed."""

from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path

SUFFIX = ".tsv"
ENV_VAR = "PARALLAX_GLOSSARY_DIR"
STARTER = "starter"
_BAD_NAME = re.compile(r"[/\\\x00-\x1f:*?\"<>|]")


class GlossaryNameError(ValueError):
    """A glossary name that cannot be a file name in the glossary directory."""


def glossary_dir(cli_dir: str | os.PathLike[str] | None = None) -> Path:
    """The glossary directory.

    In order: ``cli_dir`` (``--glossary-dir``), ``$PARALLAX_GLOSSARY_DIR``, ``./glossaries`` when
    it exists in the working directory, else ``platformdirs.user_data_dir("parallax")/glossaries``.
    The directory is not created here.
    """
    if cli_dir:
        return Path(cli_dir).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    local = Path.cwd() / "glossaries"
    if local.is_dir():
        return local
    import platformdirs

    return Path(platformdirs.user_data_dir("parallax")) / "glossaries"


def validate_name(name: str) -> str:
    """``name`` if it is a valid glossary name, else ``GlossaryNameError`` (one line)."""
    if (
        not name
        or not name.strip()
        or name != name.strip()
        or name.startswith(".")
        or ".." in name
        or _BAD_NAME.search(name)
    ):
        raise GlossaryNameError(
            f"invalid glossary name {name!r}: use letters, digits, '-' or '_' "
            "(no '/', '\\\\', '..', leading dot or empty name)"
        )
    return name


def starter_path() -> Path:
    """The packaged starter glossary (read-only reference)."""
    return Path(str(resources.files("parallax") / "data" / "glossaries" / f"{STARTER}{SUFFIX}"))
