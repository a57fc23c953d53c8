"""Suggested term pairs the user rejected, remembered per document.

Stored as JSON under ``<data dir>/suggestions/<key>.json``, the key being the hash of the
document's units (:func:`parallax.core.alignment_store.document_key`), so the same text opened
from anywhere finds its rejections. Every change re-reads the file under an inter-process lock,
merges and replaces it atomically: two instances never lose each other's rejections.
"""

from __future__ import annotations

import json
from pathlib import Path

from parallax.core.alignment_store import document_key
from parallax.core.chinese import fold
from parallax.core.damaged import set_aside_and_tell
from parallax.core.document import Document
from parallax.core.errors import ParallaxError
from parallax.core.paths import data_dir
from parallax.core.reading import InputError, MissingInputError, read_input
from parallax.core.safefile import atomic_write, locked
from parallax.core.text import strip_controls

FORMAT_VERSION = 1
Pair = tuple[str, str]


class RejectionsError(ParallaxError):
    """The file of rejected suggestions is damaged."""


def rejections_path(doc: Document) -> Path:
    """Where the rejected suggestions of ``doc`` are (or would be) saved."""
    return data_dir() / "suggestions" / f"{document_key(doc.zh_texts, doc.en_texts)}.json"


def load_rejections(doc: Document) -> set[Pair]:
    """The (zh, en) pairs rejected for ``doc`` (empty if none).

    A damaged file is set aside and told once (see :mod:`parallax.core.damaged`); one that
    cannot be read at all is a :class:`RejectionsError` naming it.
    """
    return set(_read(rejections_path(doc)))


def reject(doc: Document, zh: str, en: str) -> Path:
    """Remember that (``zh``, ``en``) was rejected for ``doc``; return the file written."""
    return _change(doc, (zh.strip(), en.strip()), add=True)


def unreject(doc: Document, zh: str, en: str) -> Path:
    """Forget the rejection of (``zh``, ``en``) for ``doc`` (script- and case-insensitively)."""
    return _change(doc, (zh.strip(), en.strip()), add=False)


def _key(pair: Pair) -> Pair:
    return fold(pair[0]), " ".join(pair[1].lower().split())


def _change(doc: Document, pair: Pair, *, add: bool) -> Path:
    path = rejections_path(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path):
        pairs = [p for p in _read(path) if _key(p) != _key(pair)]
        if add:
            pairs.append(pair)
        data = {
            "version": FORMAT_VERSION,
            "rejected": [{"zh": zh, "en": en} for zh, en in pairs],
        }
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        atomic_write(path, text.encode("utf-8"), backups=1)
    return path


def _read(path: Path) -> list[Pair]:
    """The pairs in ``path``; a damaged file is set aside (renamed, kept), told once, and read
    as empty: the rejections are lost for that text, never the command."""
    try:
        data = json.loads(read_input(path).decode("utf-8"))
        rows = data["rejected"]
        pairs = [(row["zh"], row["en"]) for row in rows]
        if not all(isinstance(zh, str) and isinstance(en, str) for zh, en in pairs):
            raise TypeError("zh and en must be strings")
        pairs = [(strip_controls(zh), strip_controls(en)) for zh, en in pairs]  # data
    except MissingInputError:
        return []
    except InputError as error:
        problem = f"cannot read the rejected suggestions ({error.problem})"
        raise RejectionsError(problem, path=path) from None
    except (ValueError, RecursionError, KeyError, TypeError, IndexError) as error:
        fault = "nested too deeply" if isinstance(error, RecursionError) else repr(error)
        set_aside_and_tell(path, f"the rejected suggestions are damaged ({fault})")
        return []
    return pairs
