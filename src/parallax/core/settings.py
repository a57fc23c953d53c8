"""The user's settings: a small JSON object in ``data_dir()/settings.json``.

Written atomically under the inter-process lock (read-merge-write, so two programs saving
different keys keep both). A missing file is an empty object. A damaged one (not JSON, not an
object, nested too deeply) is set aside, renamed and kept (:mod:`parallax.core.damaged`), told
once, and read as empty: it never stops a command and is never overwritten. A file that cannot
be read at all (permissions) is a ``SettingsError`` naming it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from parallax.core.damaged import set_aside_and_tell
from parallax.core.errors import ParallaxError
from parallax.core.paths import data_dir
from parallax.core.reading import InputError, MissingInputError, read_input
from parallax.core.safefile import atomic_write, locked, remove_stale_temps
from parallax.core.text import strip_controls

FILE_NAME = "settings.json"


class SettingsError(ParallaxError):
    """The settings file cannot be read (one line naming the file and the fault)."""


def settings_path() -> Path:
    """Where the settings live: ``data_dir()/settings.json``."""
    return data_dir() / FILE_NAME


def load_settings() -> dict[str, Any]:
    """The saved settings (``{}`` when there is none, or when the file was damaged and has
    been set aside); SettingsError if it cannot be read."""
    return _read(settings_path())


def save_setting(key: str, value: Any) -> Path:
    """Set ``key`` to ``value`` (JSON-serialisable; ``None`` removes it); the file written."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path):
        remove_stale_temps(path)
        settings = _read(path)
        if value is None:
            settings.pop(key, None)
        else:
            settings[key] = value
        text = json.dumps(settings, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        atomic_write(path, text.encode("utf-8"), backups=1)
    return path


def _read(path: Path) -> dict[str, Any]:
    try:
        data = read_input(path)
    except MissingInputError:
        return {}
    except InputError as error:
        if "larger than the read limit" not in error.problem:
            raise SettingsError(f"cannot read ({error.problem})", path=path) from None
        set_aside_and_tell(path, "damaged settings (far too large)")
        return {}
    if not data.strip():
        return {}
    fault = ""
    try:
        settings = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        fault = f"not UTF-8 (byte {error.start})"
    except json.JSONDecodeError as error:
        fault = f"{error.msg} at line {error.lineno}, column {error.colno}"
    except (RecursionError, ValueError):
        fault = "nested too deeply or numbers too long"
    else:
        if not isinstance(settings, dict):
            fault = "not a JSON object"
    if fault:
        set_aside_and_tell(path, f"damaged settings ({fault})")
        return {}
    return {strip_controls(key): _clean(value) for key, value in settings.items()}


def _clean(value: Any) -> Any:
    """``value`` with the control characters and escapes of every text in it removed."""
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, list):
        return [_clean(item) for item in value]
    if isinstance(value, dict):
        return {strip_controls(str(k)): _clean(v) for k, v in value.items()}
    return value


__all__ = ["SettingsError", "load_settings", "save_setting", "settings_path"]
