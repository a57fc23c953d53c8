"""Fixing an alignment by hand: the operations of the keyboard alignment fixer (as in InterText).

Every operation takes the beads and the index of the focused bead and returns new beads in
which every unit still appears exactly once, in order, and no bead is empty. An index out of
range, or an operation with nothing to do, returns the beads unchanged. Beads an operation
changes get the score :data:`BY_HAND` (a person decided, so they are never flagged as doubtful)
and are not confirmed (their content changed since they were checked); beads it does not touch
are kept as they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from parallax.core.align.bead import Bead
from parallax.core.errors import ParallaxError

Side = Literal["zh", "en"]
BY_HAND = 1.0


class AlignmentError(ParallaxError):
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


def _other(side: Side) -> Side:
    return "en" if side == "zh" else "zh"


def _with(bead: Bead, side: Side, units: Sequence[int]) -> Bead:
    return _bead(units, bead.en) if side == "zh" else _bead(bead.zh, units)


def _alone(side: Side, units: Sequence[int]) -> Bead:
    return _bead(units, ()) if side == "zh" else _bead((), units)


def _tidy(beads: list[Bead]) -> list[Bead]:
    return [bead for bead in beads if bead.zh or bead.en]


def merge_with_next(beads: Sequence[Bead], index: int) -> list[Bead]:
    """Join bead ``index`` and the one after it into one bead."""
    if not 0 <= index < len(beads) - 1:
        return list(beads)
    first, second = beads[index], beads[index + 1]
    merged = _bead(first.zh + second.zh, first.en + second.en)
    return [*beads[:index], merged, *beads[index + 2 :]]


def split(
    beads: Sequence[Bead], index: int, side: Side | None = None, at: int | None = None
) -> list[Bead]:
    """Break bead ``index`` in two, or apart.

    With ``side`` and ``at`` (a unit of that side in the bead): the ``side`` units before ``at``
    make the first bead, ``at`` and the units after it the second. The other side's units are
    shared in the same proportion (rounded half up, so a single unit stays in the first bead);
    when ``at`` is the bead's first unit, the other side's units all go first (the two sides
    are unpaired). ``at`` outside the bead changes nothing.

    Without ``at``: the bead's units paired one to one, leftovers alone; a 1-1 bead becomes a
    Chinese-only and an English-only bead (the pair was wrong).
    """
    if not 0 <= index < len(beads):
        return list(beads)
    bead = beads[index]
    if side is not None and at is not None:
        units, other = _units(bead, side), _units(bead, _other(side))
        if at not in units:
            return list(beads)
        cut = units.index(at)
        share = len(other) if cut == 0 else (2 * len(other) * cut + len(units)) // (2 * len(units))
        first = _with(_alone(_other(side), other[:share]), side, units[:cut])
        second = _with(_alone(_other(side), other[share:]), side, units[cut:])
        if not (first.zh or first.en):
            return list(beads)
        return [*beads[:index], first, second, *beads[index + 1 :]]
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
    """Move the last ``side`` unit of bead ``index`` to the start of the next bead (a new bead
    of its own after the last one)."""
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
        result.append(_alone(side, (unit,)))
    return _tidy(result)


def move_up(beads: Sequence[Bead], index: int, side: Side) -> list[Bead]:
    """Move the first ``side`` unit of bead ``index`` to the end of the previous bead (a new
    bead of its own before the first one)."""
    if not 0 <= index < len(beads) or not _units(beads[index], side):
        return list(beads)
    bead = beads[index]
    unit = _units(bead, side)[0]
    result = list(beads)
    result[index] = _with(bead, side, _units(bead, side)[1:])
    if index > 0:
        before = beads[index - 1]
        result[index - 1] = _with(before, side, (*_units(before, side), unit))
    else:
        result.insert(0, _alone(side, (unit,)))
    return _tidy(result)


def insert_empty(beads: Sequence[Bead], index: int, side: Side) -> list[Bead]:
    """Insert an empty ``side`` cell at bead ``index``: the ``side`` column shifts down a row.

    Bead ``index`` keeps its other side and loses its ``side`` units to the bead below, whose
    own ``side`` units go to the bead below it, and so on (the other column stays where it
    is). The shift stops at the first bead whose ``side`` cell was empty (it takes the units
    arriving from above), else before the next confirmed bead or at the end, where a new bead
    holds the last units shifted alone. Nothing happens when either side of bead ``index`` is
    empty (there is no pair to open up).
    """
    if not 0 <= index < len(beads):
        return list(beads)
    bead = beads[index]
    if not bead.zh or not bead.en:
        return list(beads)
    result = list(beads[:index])
    carry: tuple[int, ...] = ()
    row = index
    while row < len(beads) and (row == index or not beads[row].confirmed):
        own = _units(beads[row], side)
        result.append(_with(beads[row], side, carry))
        carry = own
        row += 1
        if not carry:
            break
    if carry:
        result.append(_alone(side, carry))
    return [*result, *beads[row:]]


def confirm(beads: Sequence[Bead], index: int) -> list[Bead]:
    """Mark bead ``index`` as checked (confirmed, score :data:`BY_HAND`), or unmark a
    confirmed one (its score stays)."""
    if not 0 <= index < len(beads):
        return list(beads)
    bead = beads[index]
    result = list(beads)
    if bead.confirmed:
        result[index] = Bead(bead.zh, bead.en, bead.score)
    else:
        result[index] = Bead(bead.zh, bead.en, BY_HAND, confirmed=True)
    return result
