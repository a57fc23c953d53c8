"""The user's settings: a small JSON object in ``data_dir()/settings.json``.

Written atomically under the inter-process lock (read-merge-write, so two programs saving
different keys keep both). A missing file is an empty object; a damaged one is a
``SettingsError`` naming the file (it is never overwritten).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from parallax.core.errors import ParallaxError
from parallax.core.paths import data_dir
from parallax.core.safefile import atomic_write, locked, remove_stale_temps

FILE_NAME = "settings.json"


class SettingsError(ParallaxError):
    """The settings file cannot be read (one line naming the file and the fault)."""


def settings_path() -> Path:
    """Where the settings live: ``data_dir()/settings.json``."""
    return data_dir() / FILE_NAME


def load_settings() -> dict[str, Any]:
    """The saved settings (``{}`` when there is no file); SettingsError if it is damaged."""
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
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise SettingsError(f"{path}: cannot read ({error.strerror})") from None
    if not data.strip():
        return {}
    try:
        settings = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise SettingsError(f"{path}: not UTF-8 (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise SettingsError(
            f"{path}: damaged settings ({error.msg} at line {error.lineno}, column {error.colno})"
        ) from None
    if not isinstance(settings, dict):
        raise SettingsError(f"{path}: damaged settings (not a JSON object)")
    return settings


__all__ = ["SettingsError", "load_settings", "save_setting", "settings_path"]
