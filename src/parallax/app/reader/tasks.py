"""The reader's background steps as plain functions: each of the reader's workers calls one of
these (or one of :mod:`parallax.app.loaders`) and posts its result as one message."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from parallax.app import loaders
from parallax.app.fixes import beads_of
from parallax.app.messages import Aligned, DictionaryReady, GlossaryLoaded, StepFailed, WordsReady
from parallax.app.model import Row, one_line
from parallax.app.terms.pending import Here

if TYPE_CHECKING:
    from textual.message import Message

    from parallax.core.align.bead import Bead
    from parallax.core.document import Document
    from parallax.core.glossary import Term
    from parallax.core.suggest.propose import Proposal

Pairs = Sequence[tuple[str, str]]

STEPS = (
    ("glossary", "glossary"),
    ("align", "aligning"),
    ("words", "words"),
    ("dictionary", "dictionary"),
)
"""The steps of opening a document after the first paint, and what the status line says."""


def prepare(
    doc: Document,
    first: loaders.FirstRows,
    directory: Path | None,
    names: Sequence[str],
    fresh: bool,
    post: Callable[[Message], object],
) -> None:
    """Load the glossaries, align the document (the hand-fixed rows of ``first`` are not read
    again), load jieba, then CC-CEDICT, in this order; ``post`` each step's message, or
    :class:`StepFailed` (the reader goes on without that step)."""
    terms: Sequence[Term] = ()
    try:
        state = loaders.load_glossaries(loaders.open_store(directory), names)
        terms = state.terms
        post(GlossaryLoaded(state))
    except Exception as error:
        post(StepFailed("glossary", one_line(error)))
    try:
        if first.source == "hand":
            post(Aligned(first.rows, True))
        else:
            post(Aligned(*loaders.align_rows(doc, loaders.glossary_pairs(terms), fresh=fresh)))
    except Exception as error:
        post(StepFailed("align", one_line(error)))
    for step, load, ready in (
        ("words", loaders.load_words, WordsReady),
        ("dictionary", loaders.load_dictionary, DictionaryReady),
    ):
        try:
            load()
            post(ready())
        except Exception as error:
            post(StepFailed(step, one_line(error)))


def reload_glossaries(directory: Path | None, names: Sequence[str]) -> loaders.GlossaryState:
    """The glossaries in use, read again (the writable one included, where a term was saved)."""
    store = loaders.open_store(directory)
    if names and store.places.writable_name not in names:
        names = (store.places.writable_name, *names)
    return loaders.load_glossaries(store, names)


def read_aloud(text: str, kind: str | None) -> list[str | None] | None:
    """The ``kind`` ("pinyin", "jyutping") readings of ``text``, one per character (None where
    there is none), read in context; None for no ``kind``."""
    from parallax.core import readings

    if kind is None or not text:
        return None
    if kind == "pinyin":
        return readings.pinyin_syllables(text)
    return readings.jyutping_syllables(text)


def propose(here: Here, pairs: Pairs) -> tuple[Proposal, ...]:
    """Translations of the selection ``here`` found in its row's other language, best first
    (``pairs``: the glossary's translations of the same text)."""
    from parallax.core.suggest import propose as proposing

    sel = here.selection
    if sel.lang == "zh":
        found = proposing.propose_en(
            here.text,
            zh_text=here.zh_text,
            en_text=here.en_text,
            zh_start=sel.start,
            glossary=list(pairs),
        )
    else:
        found = proposing.propose_zh(
            here.text,
            en_text=here.en_text,
            zh_text=here.zh_text,
            en_start=sel.start,
            glossary=list(pairs),
        )
    return tuple(found)


def realign(doc: Document, pairs: Pairs) -> tuple[list[Row], bool]:
    """The aligner's rows for ``doc``, then its hand-fixed alignment deleted (kept if the
    aligner fails); whether there was one."""
    rows, _ = loaders.align_rows(doc, pairs, fresh=True)
    return rows, loaders.forget_alignment(doc)


def realign_rest(doc: Document, rows: Sequence[Row], pairs: Pairs) -> list[Bead]:
    """The beads of ``rows`` with the unconfirmed ones aligned afresh between the confirmed."""
    from parallax.core.align.anchored import realign_around

    return realign_around(beads_of(rows), doc.zh_texts, doc.en_texts, list(pairs))
