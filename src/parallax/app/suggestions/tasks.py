"""The suggestions screen's work, as plain functions run in worker threads (no Textual here):
ranking the candidate pairs of a document (the last list kept, so opening ``S`` again is
instant) and saving a rejection."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from parallax.app.model import one_line

if TYPE_CHECKING:
    from parallax.core.align import Bead
    from parallax.core.document import Document
    from parallax.core.suggest import Suggestion

Pair = tuple[str, str]

_last: dict[tuple[object, ...], list[Suggestion]] = {}
"""The last list computed (the document, its rows, the glossary and the rejections as key)."""


def forget() -> None:
    """Forget the last list computed (the next :func:`suggest` computes afresh)."""
    _last.clear()


def suggest(
    doc: Document,
    beads: Sequence[Bead],
    glossary: Sequence[Pair],
    progress: Callable[[float], None],
) -> tuple[list[Suggestion], str]:
    """The document's candidate term pairs, best first, without those rejected for it, and a
    warning ("" for none: a rejections file that cannot be read, or that was set aside).
    ``progress(fraction)`` hears how far the ranking is (it may raise to stop it)."""
    from parallax.core import notices
    from parallax.core.alignment_store import document_key
    from parallax.core.rejections import load_rejections
    from parallax.core.suggest import suggest_terms

    warning = ""
    try:
        rejected = load_rejections(doc)
    except ValueError as error:  # an unreadable file: say so, suggest all the same
        rejected, warning = set(), one_line(error)
    told = notices.take()  # a damaged file set aside
    warning = "; ".join([warning, *told] if warning else told)
    key = (
        document_key(doc.zh_texts, doc.en_texts),
        tuple((b.zh, b.en) for b in beads),
        tuple(glossary),
        frozenset(rejected),
    )
    found = _last.get(key)
    if found is None:
        found = suggest_terms(doc, beads, glossary=glossary, rejected=rejected, progress=progress)
        _last.clear()  # one document's list kept
        _last[key] = found
    return found, warning


def write_rejection(doc: Document, op: str, pair: Pair) -> None:
    """Save ``op`` ("reject" or "unreject") of ``pair`` in the document's rejections."""
    from parallax.core import rejections

    zh, en = pair
    (rejections.reject if op == "reject" else rejections.unreject)(doc, zh, en)
