"""Where glossaries live, and which names are allowed."""

from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path

from parallax.core.errors import ParallaxError

SUFFIX = ".tsv"
ENV_VAR = "PARALLAX_GLOSSARY_DIR"
STARTER = "starter"
MAX_NAME = 100
_NAME = re.compile(r"[\w-]+")
# Device names Windows reserves whatever the extension (a glossary must be portable).
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{d}{i}" for d in ("com", "lpt") for i in "123456789"]
)


class GlossaryNameError(ParallaxError):
    """A glossary name that cannot be a file name in the glossary directory."""


DIR_SETTING = "glossary_dir"
PROJECT_DIR = "glossaries"


def glossary_dir(cli_dir: str | os.PathLike[str] | None = None) -> Path:
    """The user's glossary directory, where the writable glossary lives.

    In order: ``cli_dir`` (``--glossary-dir``), ``$PARALLAX_GLOSSARY_DIR``, the
    ``glossary_dir`` setting, else ``glossaries`` in the user data directory
    (``$PARALLAX_DATA_DIR`` or the platform's). A project's ``./glossaries`` folder is never
    chosen by itself: it is read as reference glossaries (:func:`reference_dirs`). The
    directory is not created here; a path that exists but is not a folder (a file, a symlink
    loop) is refused in one line.
    """
    if cli_dir:
        return _folder(Path(cli_dir).expanduser(), "--glossary-dir")
    env = os.environ.get(ENV_VAR)
    if env:
        return _folder(Path(env).expanduser(), f"${ENV_VAR}")
    from parallax.core.paths import data_dir
    from parallax.core.settings import load_settings

    saved = load_settings().get(DIR_SETTING)
    if isinstance(saved, str) and saved.strip():
        return _folder(Path(saved).expanduser(), f"the {DIR_SETTING} setting")
    return _folder(data_dir() / PROJECT_DIR, "")


def _folder(path: Path, given_as: str) -> Path:
    """``path`` unless it exists and is not a folder (one line naming it)."""
    if os.path.lexists(path) and not path.is_dir():
        how = f" (given as {given_as})" if given_as else ""
        raise ParallaxError(f"is not a folder{how}: give the folder of the glossaries", path=path)
    return path


def reference_dirs(directory: Path, cwd: Path | None = None) -> list[Path]:
    """Folders of shared reference glossaries (read-only): the project's ``glossaries/`` in the
    working directory, unless it is the user's glossary ``directory`` itself."""
    local = (cwd or Path.cwd()) / PROJECT_DIR
    if not local.is_dir():
        return []
    try:
        if local.resolve() == directory.expanduser().resolve():
            return []
    except OSError:
        return []
    return [local]


WRITABLE_ENV = "PARALLAX_WRITABLE_GLOSSARY"
DEFAULT_WRITABLE = "my-terms"


WRITABLE_SETTING = "writable_glossary"


def writable_glossary_name(cli_name: str | None = None) -> str:
    """The writable glossary: ``cli_name`` (``--writable``), ``$PARALLAX_WRITABLE_GLOSSARY``, the
    ``writable_glossary`` setting (see :func:`set_writable_glossary`), or ``my-terms``.

    A damaged settings file or an invalid name in it is a ValueError naming the file.
    """
    name = cli_name or os.environ.get(WRITABLE_ENV)
    if name:
        return validate_name(name)
    from parallax.core.settings import load_settings, settings_path

    saved = load_settings().get(WRITABLE_SETTING)
    if saved is None:
        return DEFAULT_WRITABLE
    try:
        return validate_name(saved)
    except GlossaryNameError as error:
        raise GlossaryNameError(f"{settings_path()}: {WRITABLE_SETTING}: {error}") from None


def set_writable_glossary(name: str) -> Path:
    """Make glossary ``name`` the writable one from now on (saved in the settings); the
    settings file. ``--writable`` and ``$PARALLAX_WRITABLE_GLOSSARY`` still win over it."""
    from parallax.core.settings import save_setting

    return save_setting(WRITABLE_SETTING, validate_name(name))


def validate_name(name: str) -> str:
    """``name`` if it is a valid glossary name, else ``GlossaryNameError`` (one line).

    A name is letters (any script, so ``術語`` is fine), digits, ``-`` and ``_``; at most
    100 characters; not a Windows device name (``CON``, ``NUL``, ``COM1``…). The file is
    ``NAME.tsv``: a name ending in ``.tsv`` is refused (give the name without the suffix).
    """
    if isinstance(name, str) and name.lower().endswith(SUFFIX) and _NAME.fullmatch(name[:-4]):
        raise GlossaryNameError(
            f"invalid glossary name {name!r}: give it without {SUFFIX} ({name[:-4]!r})"
        )
    if (
        not isinstance(name, str)
        or not _NAME.fullmatch(name)
        or len(name) > MAX_NAME
        or name.lower() in _RESERVED
    ):
        raise GlossaryNameError(
            f"invalid glossary name {name!r}: use letters, digits, '-' or '_' "
            f"(at most {MAX_NAME}, not a device name such as CON)"
        )
    return name


def is_valid_name(name: str) -> bool:
    """True if ``validate_name`` accepts ``name``."""
    try:
        validate_name(name)
    except GlossaryNameError:
        return False
    return True


def starter_path() -> Path:
    """The packaged starter glossary (read-only reference)."""
    return Path(str(resources.files("parallax") / "data" / "glossaries" / f"{STARTER}{SUFFIX}"))
