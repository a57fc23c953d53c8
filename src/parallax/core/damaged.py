"""Damaged files of parallax's own (settings, saved alignments, rejections): set aside, kept.

A file parallax wrote itself and can no longer read (cut short by a full disk, edited by hand,
nested ten thousand deep) must not stop every command, nor be overwritten: it is renamed
``NAME.damaged-YYYYMMDDTHHMMSS`` beside itself, so the user can look at it, and the work goes
on without it. As the file is gone afterwards, the fault is told once.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from parallax.core import notices
from parallax.core.text import printable

SUFFIX = ".damaged-"


def set_aside(path: Path) -> Path | None:
    """Rename the damaged file ``path`` out of the way; the new path (None if it could not
    be renamed: it is then left where it is, and read as absent)."""
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}{SUFFIX}{stamp}")
    number = 1
    while os.path.lexists(target):
        number += 1
        target = path.with_name(f"{path.name}{SUFFIX}{stamp}-{number}")
    try:
        os.replace(path, target)
    except OSError:
        return None
    return target


def set_aside_and_tell(path: Path, problem: str) -> Path | None:
    """:func:`set_aside`, and tell the user once (:mod:`parallax.core.notices`) what was wrong
    and where the file went."""
    moved = set_aside(path)
    notices.tell(f"{printable(str(path))}: {problem}; {aside_note(moved)}")
    return moved


def aside_note(moved: Path | None) -> str:
    """How to say where a damaged file went."""
    if moved is None:
        return "ignored (it could not be renamed)"
    return f"set aside as {printable(moved.name)}, going on without it"
