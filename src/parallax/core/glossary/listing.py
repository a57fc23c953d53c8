"""What ``parallax glossary list`` and the glossary manager show: one line per glossary."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from parallax.core.glossary.editing import GlossaryError
from parallax.core.glossary.store import GlossaryStore


@dataclass(frozen=True, slots=True)
class GlossaryInfo:
    """One glossary as listed."""

    name: str
    path: Path
    terms: int
    writable: bool
    problems: int
    default: bool
    exists: bool = True
    error: str = ""  # why the file cannot be read as a glossary ("" when it can)


def glossary_infos(store: GlossaryStore) -> list[GlossaryInfo]:
    """Name, path, term count, writable flag and problem count of every glossary of ``store``,
    in priority order. The writable glossary is listed even before its file exists."""
    places = store.places
    infos = []
    names = places.names()
    if places.writable_name not in names:
        path = places.path(places.writable_name)
        infos.append(GlossaryInfo(places.writable_name, path, 0, True, 0, True, exists=False))
    for name in names:
        default = name == places.writable_name
        try:
            g = store.load(name)
        except GlossaryError as error:
            path = places.path(name)
            infos.append(GlossaryInfo(name, path, 0, False, 0, default, error=error.message))
            continue
        infos.append(GlossaryInfo(name, g.path, len(g.terms), g.writable, len(g.problems), default))
    return infos
