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
from parallax.core.document import Document
from parallax.core.errors import ParallaxError
from parallax.core.paths import data_dir
from parallax.core.safefile import atomic_write, locked

FORMAT_VERSION = 1
Pair = tuple[str, str]


class RejectionsError(ParallaxError):
    """The file of rejected suggestions is damaged."""


def rejections_path(doc: Document) -> Path:
    """Where the rejected suggestions of ``doc`` are (or would be) saved."""
    return data_dir() / "suggestions" / f"{document_key(doc.zh_texts, doc.en_texts)}.json"


def load_rejections(doc: Document) -> set[Pair]:
    """The (zh, en) pairs rejected for ``doc`` (empty if none).

    Raises :class:`RejectionsError` (a ``ValueError``) naming the file when it is damaged.
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
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise RejectionsError(f"{path}: cannot read the rejected suggestions ({error})") from None
    try:
        rows = data["rejected"]
        pairs = [(row["zh"], row["en"]) for row in rows]
        if not all(isinstance(zh, str) and isinstance(en, str) for zh, en in pairs):
            raise TypeError("zh and en must be strings")
    except (KeyError, TypeError) as error:
        raise RejectionsError(f"{path}: the rejected suggestions are damaged ({error!r})") from None
    return pairs
