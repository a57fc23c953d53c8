"""A document's alignment, from the one place every command and the reader ask for it.

In order: the alignment the user fixed by hand (unless ``fresh``), else — where the caller only
wants what is known at once (:func:`known_alignment`) — the aligner's last result from the
cache, else the aligner's (:func:`resolve_alignment`).
A damaged hand-fixed file is treated the same way for every caller: it is set aside (renamed,
kept beside its old name) and named in :attr:`Resolution.problem`, and the aligner runs
instead. The caller prints or notifies ``problem`` and, for ``source == "hand"``, that a
hand-fixed alignment is in use (``--fresh`` ignores it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from parallax.core.align.bead import Bead
from parallax.core.damaged import set_aside  # one way to set a damaged file aside
from parallax.core.document import Units

__all__ = ["Resolution", "hand_fixed", "known_alignment", "resolve_alignment", "set_aside"]

Source = Literal["hand", "cache", "aligner", "none"]


@dataclass(frozen=True)
class Resolution:
    """An alignment and where it came from.

    ``path`` is the hand-fixed alignment file when ``source == "hand"``; ``problem`` is one line
    for the user when a damaged hand-fixed file was set aside ("" otherwise).
    """

    beads: tuple[Bead, ...]
    source: Source
    path: Path | None = None
    problem: str = ""


def known_alignment(
    zh: Sequence[str],
    en: Sequence[str],
    *,
    units: Units = "paragraphs",
    fresh: bool = False,
    use_cache: bool = True,
) -> Resolution:
    """The alignment known without aligning: fixed by hand (unless ``fresh``), else the cached
    result of the last alignment of this text (with ``use_cache``); else no beads and source
    ``"none"`` (the aligner must run), still carrying a damaged file's ``problem``."""
    from parallax.core.alignment_store import cached_alignment

    hand, problem = (None, "") if fresh else hand_fixed(zh, en)
    if hand is not None:
        return hand
    if use_cache:
        cached = cached_alignment(zh, en, units)
        if cached:
            return Resolution(tuple(cached), "cache", problem=problem)
    return Resolution((), "none", problem=problem)


def resolve_alignment(
    zh: Sequence[str],
    en: Sequence[str],
    *,
    units: Literal["paragraphs", "sentences", "lines"] = "paragraphs",
    fresh: bool = False,
    glossary: Iterable[tuple[str, str]] = (),
    cache: bool = True,
    before_aligning: Callable[[], None] | None = None,
) -> Resolution:
    """The alignment of these units: fixed by hand (unless ``fresh``), else the aligner's (with
    ``glossary`` pairs as anchors), which is cached with ``cache`` so that the next opening of
    this text shows it at once. ``before_aligning`` is called just before the aligner runs (the
    command line says there that a first run compiles the dictionary)."""
    from parallax.core.align import align_units
    from parallax.core.alignment_store import cache_alignment

    hand, problem = (None, "") if fresh else hand_fixed(zh, en)
    if hand is not None:
        return hand
    if before_aligning is not None:
        before_aligning()
    beads = align_units(zh, en, units=units, glossary=glossary)
    if cache and units != "sentences":
        cache_alignment(zh, en, beads, units)
    return Resolution(tuple(beads), "aligner", problem=problem)


def hand_fixed(zh: Sequence[str], en: Sequence[str]) -> tuple[Resolution | None, str]:
    """The alignment of these units fixed by hand, if any, and a problem ("" if none).

    A damaged file is set aside by :func:`~parallax.core.alignment_store.load_alignment` (see
    :func:`parallax.core.damaged.set_aside`) and the problem names it and where it went; the
    result is then None so that the caller aligns anew.
    """
    from parallax.core.alignment_store import alignment_path, load_alignment
    from parallax.core.corrections import AlignmentError

    try:
        beads = load_alignment(zh, en)
    except AlignmentError as error:
        return None, f"{error}; aligned anew"
    if beads is None:
        return None, ""
    return Resolution(tuple(beads), "hand", path=alignment_path(zh, en)), ""
