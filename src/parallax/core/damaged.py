"""Damaged files of parallax's own (settings, saved alignments, rejections): set aside, kept.

A file parallax wrote itself and can no longer read (cut short by a full disk, edited by hand,
nested ten thousand deep) must not stop every command, nor be overwritten: it is renamed
``NAME.damaged`` beside itself, so the user can look at it, and the work goes
on without it. As the file is gone afterwards, the fault is told once.
"""

from __future__ import annotations

import os
from pathlib import Path

from parallax.core import notices
from parallax.core.text import printable

SUFFIX = ".damaged"


def set_aside(path: Path) -> Path | None:
    """Rename the damaged file ``path`` to ``NAME.damaged`` (``NAME.damaged-2`` … when taken)
    so that it is kept for the user but no longer read; the new path, or None if it could not
    be renamed (it is then left where it is)."""
    for number in range(1, 100):
        target = path.with_name(path.name + (SUFFIX if number == 1 else f"{SUFFIX}-{number}"))
        if os.path.lexists(target):
            continue
        try:
            os.replace(path, target)
        except OSError:
            return None
        return target
    return None


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
