"""Hand-fixed alignments, saved per document so the reader and ``parallax align`` reuse them.

A fixed alignment is stored as JSON under ``<data dir>/alignments/<key>.json``, where the key is
a hash of the document's Chinese and English units: the same text opened from another path (or
re-encoded) finds its fixes, and a changed text does not get stale ones.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from parallax.core.align.bead import Bead
from parallax.core.corrections import AlignmentError, check_beads
from parallax.core.damaged import aside_note, set_aside
from parallax.core.document import Units
from parallax.core.paths import cache_dir, data_dir, tell_cache_unusable
from parallax.core.reading import InputError, MissingInputError, read_input
from parallax.core.safefile import OutputError, atomic_write

FORMAT_VERSION = 2
"""2 added ``confirmed`` to each bead; version 1 files (no such key) are read as unconfirmed."""


def document_key(zh: Sequence[str], en: Sequence[str]) -> str:
    """A stable key for a document's units (hex digest)."""
    digest = hashlib.sha256()
    for side in (zh, en):
        digest.update(json.dumps(list(side), ensure_ascii=False).encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()[:32]


def alignment_path(zh: Sequence[str], en: Sequence[str], directory: Path | None = None) -> Path:
    """Where the fixed alignment of these units is (or would be) saved."""
    return (directory or data_dir() / "alignments") / f"{document_key(zh, en)}.json"


def load_alignment(
    zh: Sequence[str], en: Sequence[str], directory: Path | None = None, *, aside: bool = True
) -> list[Bead] | None:
    """The saved alignment of these units, or None if there is none.

    Raises :class:`AlignmentError` naming the file when it cannot be used. A damaged file
    (not JSON, nested too deeply, ``Infinity`` for an index or a score, beads that do not fit
    the text)
    is first set aside, renamed and kept (unless ``aside`` is false): the error says so, and
    is met once. A file saved by a newer parallax is left alone.
    """
    path = alignment_path(zh, en, directory)
    try:
        data = json.loads(read_input(path).decode("utf-8"))
    except MissingInputError:
        return None
    except InputError as error:
        problem = f"cannot read the saved alignment ({error.problem})"
        raise AlignmentError(problem, path=path) from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, ValueError) as error:
        _damaged(path, _fault(error), aside)
    version = data.get("version", 1) if isinstance(data, dict) else 1
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise AlignmentError(
            f"{path}: saved by a newer parallax (format {version}, this one reads up to "
            f"{FORMAT_VERSION}); update parallax to use it"
        )
    try:
        beads = [
            Bead(
                tuple(map(int, b["zh"])),
                tuple(map(int, b["en"])),
                _score(b["score"]),
                _flag(b.get("confirmed", False)),
            )
            for b in data["beads"]
        ]
        check_beads(beads, len(zh), len(en))
    except (AttributeError, KeyError, TypeError, ValueError, OverflowError) as error:
        _damaged(path, _fault(error), aside)
    return beads


def _fault(error: BaseException) -> str:
    if isinstance(error, RecursionError):
        return "nested too deeply"
    if isinstance(error, OverflowError):
        return "a number out of range"
    if isinstance(error, UnicodeDecodeError):
        return f"not UTF-8 (byte {error.start})"
    return " ".join(str(error).split()) or type(error).__name__


def _damaged(path: Path, fault: str, aside: bool) -> NoReturn:
    """Raise the AlignmentError for the damaged file ``path``, set aside first if ``aside``."""
    where = f"; {aside_note(set_aside(path))}" if aside else ""
    raise AlignmentError(f"the saved alignment is damaged ({fault}){where}", path=path)


def _score(value: object) -> float:
    """A bead's confidence: a number from 0 to 1 (``NaN``, ``Infinity`` or ``1e308`` would be
    shown as such and written into ``align``'s JSON, which cannot hold them)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"score is {value!r}, not a number")
    if not 0.0 <= value <= 1.0:  # NaN fails this too
        raise ValueError(f"score {value!r} is not between 0 and 1")
    return float(value)


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"confirmed is {value!r}, not true or false")
    return value


def save_alignment(
    zh: Sequence[str],
    en: Sequence[str],
    beads: Sequence[Bead],
    *,
    source: str = "",
    directory: Path | None = None,
    backups: int = 3,
) -> Path:
    """Save ``beads`` as the fixed alignment of these units (atomically); return the file."""
    check_beads(beads, len(zh), len(en))
    path = alignment_path(zh, en, directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "version": FORMAT_VERSION,
        "source": source,
        "zh_units": len(zh),
        "en_units": len(en),
        "beads": [
            {"zh": list(b.zh), "en": list(b.en), "score": b.score, "confirmed": b.confirmed}
            for b in beads
        ],
    }
    text = json.dumps(payload, ensure_ascii=False, indent=1)
    atomic_write(path, (text + "\n").encode("utf-8"), backups=backups)
    return path


def forget_alignment(zh: Sequence[str], en: Sequence[str], directory: Path | None = None) -> bool:
    """Delete the saved alignment of these units; True if there was one."""
    path = alignment_path(zh, en, directory)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


# The aligner's last result for a text, kept in the cache so that a document opens with its
# alignment at once; the reader then re-aligns in the background (the glossary may have grown).
CACHE_VERSION = "1"


def _cache_directory(units: Units) -> Path:
    """Where the aligner's results are kept: one folder per kind of unit, since the same
    texts are aligned differently as lines and as paragraphs."""
    kind = "" if units == "paragraphs" else f"{units}-"
    return cache_dir() / f"alignments-{kind}v{CACHE_VERSION}"


def cached_alignment(
    zh: Sequence[str], en: Sequence[str], units: Units = "paragraphs"
) -> list[Bead] | None:
    """The aligner's last result for these units, or None (a cache never raises)."""
    try:
        return load_alignment(zh, en, _cache_directory(units), aside=False)
    except (AlignmentError, OSError):
        return None


def cache_alignment(
    zh: Sequence[str], en: Sequence[str], beads: Sequence[Bead], units: Units = "paragraphs"
) -> None:
    """Remember the aligner's result for these units (best effort, never raises)."""
    try:
        directory = _cache_directory(units)
        save_alignment(zh, en, beads, directory=directory, backups=0)
    except OSError as error:
        tell_cache_unusable(error)
    except OutputError as error:
        if isinstance(error.__cause__, OSError):
            tell_cache_unusable(error.__cause__)
    except AlignmentError:
        pass
