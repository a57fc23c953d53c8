"""Fixing an alignment by hand: the operations of the reader's keyboard alignment fixer.

Every operation takes the beads and the index of the focused bead and returns new beads in
which every unit still appears exactly once, in order. Beads an operation touches get the
score :data:`BY_HAND` (a person decided), so they are never flagged as doubtful.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from parallax.core.align.bead import Bead

Side = Literal["zh", "en"]
BY_HAND = 1.0


class AlignmentError(ValueError):
    """Beads that do not cover the units exactly once, in order."""


def check_beads(beads: Sequence[Bead], n_zh: int, n_en: int) -> None:
    """Raise :class:`AlignmentError` unless ``beads`` hold each side's units once, in order."""
    for side, count in (("zh", n_zh), ("en", n_en)):
        ids = [i for bead in beads for i in getattr(bead, side)]
        if ids != list(range(count)):
            raise AlignmentError(
                f"the {side} units of the alignment are not 0..{count - 1} in order"
            )
    if any(not bead.zh and not bead.en for bead in beads):
        raise AlignmentError("the alignment has an empty bead")


def _bead(zh: Sequence[int], en: Sequence[int]) -> Bead:
    return Bead(tuple(zh), tuple(en), BY_HAND)


def _units(bead: Bead, side: Side) -> tuple[int, ...]:
    return bead.zh if side == "zh" else bead.en


def _with(bead: Bead, side: Side, units: Sequence[int]) -> Bead:
    return _bead(units, bead.en) if side == "zh" else _bead(bead.zh, units)


def _tidy(beads: list[Bead]) -> list[Bead]:
    return [bead for bead in beads if bead.zh or bead.en]


def merge_with_next(beads: Sequence[Bead], index: int) -> list[Bead]:
    """Join bead ``index`` and the one after it into one bead."""
    if not 0 <= index < len(beads) - 1:
        return list(beads)
    first, second = beads[index], beads[index + 1]
    merged = _bead(first.zh + second.zh, first.en + second.en)
    return [*beads[:index], merged, *beads[index + 2 :]]


def split(beads: Sequence[Bead], index: int) -> list[Bead]:
    """Break bead ``index`` apart: its units paired one to one, leftovers alone.

    A 1-1 bead becomes a Chinese-only and an English-only bead (the pair was wrong).
    """
    if not 0 <= index < len(beads):
        return list(beads)
    bead = beads[index]
    if len(bead.zh) <= 1 and len(bead.en) <= 1:
        if not (bead.zh and bead.en):
            return list(beads)
        pieces = [_bead(bead.zh, ()), _bead((), bead.en)]
    else:
        common = min(len(bead.zh), len(bead.en))
        pieces = [_bead((bead.zh[k],), (bead.en[k],)) for k in range(common)]
        pieces += [_bead((z,), ()) for z in bead.zh[common:]]
        pieces += [_bead((), (e,)) for e in bead.en[common:]]
    return [*beads[:index], *pieces, *beads[index + 1 :]]


def push_down(beads: Sequence[Bead], index: int, side: Side) -> list[Bead]:
    """Move the last ``side`` unit of bead ``index`` to the start of the next bead."""
    if not 0 <= index < len(beads) or not _units(beads[index], side):
        return list(beads)
    bead = beads[index]
    unit = _units(bead, side)[-1]
    result = list(beads)
    result[index] = _with(bead, side, _units(bead, side)[:-1])
    if index + 1 < len(beads):
        after = beads[index + 1]
        result[index + 1] = _with(after, side, (unit, *_units(after, side)))
    else:
        result.append(_bead((unit,), ()) if side == "zh" else _bead((), (unit,)))
    return _tidy(result)


def pull_up(beads: Sequence[Bead], index: int, side: Side) -> list[Bead]:
    """Move the first ``side`` unit of the next bead to the end of bead ``index``."""
    if not 0 <= index < len(beads) - 1 or not _units(beads[index + 1], side):
        return list(beads)
    bead, after = beads[index], beads[index + 1]
    unit = _units(after, side)[0]
    result = list(beads)
    result[index] = _with(bead, side, (*_units(bead, side), unit))
    result[index + 1] = _with(after, side, _units(after, side)[1:])
    return _tidy(result)


def confirm(beads: Sequence[Bead], index: int) -> list[Bead]:
    """Mark bead ``index`` as right (score :data:`BY_HAND`) without changing it."""
    if not 0 <= index < len(beads):
        return list(beads)
    result = list(beads)
    result[index] = _bead(beads[index].zh, beads[index].en)
    return result
