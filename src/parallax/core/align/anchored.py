"""Re-aligning around the beads a person confirmed (InterText's "re-align unconfirmed")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from parallax.core.align import UnitKind, align_units
from parallax.core.align.bead import Bead


def realign_around(
    beads: Sequence[Bead],
    zh_texts: Sequence[str],
    en_texts: Sequence[str],
    glossary: Iterable[tuple[str, str]] = (),
    *,
    units: UnitKind = "paragraphs",
) -> list[Bead]:
    """Align afresh the units of the unconfirmed beads; keep every confirmed bead exactly.

    ``beads`` cover ``zh_texts`` and ``en_texts`` (every unit once, in order). Each run of
    unconfirmed beads between confirmed ones (or the ends) is a gap: its units are aligned
    with :func:`align_units` on their own and the beads found are put back in its place, with
    unit indexes of the whole text.
    """
    pairs = list(glossary)
    result: list[Bead] = []
    gap: list[Bead] = []

    def flush() -> None:
        if not gap:
            return
        zh = [i for bead in gap for i in bead.zh]
        en = [i for bead in gap for i in bead.en]
        gap.clear()
        zh_base = zh[0] if zh else 0
        en_base = en[0] if en else 0
        found = align_units(
            [zh_texts[i] for i in zh], [en_texts[i] for i in en], units=units, glossary=pairs
        )
        result.extend(
            Bead(
                tuple(zh_base + i for i in bead.zh),
                tuple(en_base + i for i in bead.en),
                bead.score,
            )
            for bead in found
        )

    for bead in beads:
        if bead.confirmed:
            flush()
            result.append(bead)
        else:
            gap.append(bead)
    flush()
    return result
