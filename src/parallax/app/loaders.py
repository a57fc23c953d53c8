"""The slow steps of opening a document, run in worker threads after the first paint.

Each function calls into the core and returns plain data; no Textual here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from parallax.app.model import Row, rows_from_beads
from parallax.core.document import Document

if TYPE_CHECKING:
    from parallax.core.align.bead import Bead
    from parallax.core.glossary import GlossaryStore, Matcher, Term

STARTER = "starter"


@dataclass(frozen=True)
class GlossaryState:
    """The glossaries in use: their terms (priority order), a matcher, where to save."""

    store: GlossaryStore
    names: tuple[str, ...]
    terms: tuple[Term, ...]
    matcher: Matcher
    problems: int
    writable: str = ""
    own_ids: frozenset[str] = frozenset()
    """The writable glossary's name and the ids of its terms in ``terms`` (editable)."""
    by_text: dict[tuple[str, str], tuple[tuple[str, str], ...]] = field(default_factory=dict)
    """``(lang, key)`` -> the ``(zh, en)`` pairs of the terms with that Chinese (folded) or
    English (lower case, single spaces): a selection's glossary translations without a scan."""
    origins: dict[str, str] = field(default_factory=dict)
    """Term id -> the name of the glossary it comes from (the first that has it)."""

    def origin(self, term: Term) -> str:
        """The name of the glossary ``term`` comes from ("" if unknown)."""
        return self.origins.get(term.id, "")

    def first_term(self, term_ids: Sequence[str]) -> Term | None:
        """The first of ``term_ids`` that is a term in use."""
        return next(iter(self.terms_of(term_ids)), None)

    def terms_of(self, term_ids: Sequence[str]) -> list[Term]:
        """The terms of ``term_ids`` in use, in that order."""
        by_id = {t.id: t for t in self.terms}
        return [by_id[i] for i in term_ids if i in by_id]

    def pairs_for(self, text: str, lang: str) -> list[tuple[str, str]]:
        """The glossary's ``(zh, en)`` pairs whose ``lang`` side is ``text``."""
        return list(self.by_text.get((lang, text_key(text, lang)), ()))


def text_key(text: str, lang: str) -> str:
    """How a term's text is compared: folded Chinese, or lower-case English with single spaces."""
    from parallax.core.chinese import fold

    return fold(text.strip()) if lang == "zh" else " ".join(text.lower().split())


def index_pairs(terms: Sequence[Term]) -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    """:attr:`GlossaryState.by_text` for ``terms``."""
    index: dict[tuple[str, str], list[tuple[str, str]]] = {}
    from parallax.core.glossary.merging import term_pairs

    for pair in term_pairs(terms):
        for lang, text in zip(("zh", "en"), pair, strict=True):
            index.setdefault((lang, text_key(text, lang)), []).append(pair)
    return {key: tuple(pairs) for key, pairs in index.items()}


def open_store(directory: Path | None) -> GlossaryStore:
    """The glossary store of ``directory`` (``--glossary-dir``) or the default directory; the
    writable glossary is ``$PARALLAX_WRITABLE_GLOSSARY`` or ``my-terms``."""
    from parallax.core.glossary.store import open_store as open_glossaries

    return open_glossaries(directory)


def load_glossaries(store: GlossaryStore, names: Sequence[str]) -> GlossaryState:
    """Load ``names`` (default: the writable glossary, then the starter) and build a matcher."""
    from parallax.core.glossary import Matcher

    chosen = tuple(names) or (store.places.writable_name, STARTER)
    terms: list[Term] = []
    own: frozenset[str] = frozenset()
    origins: dict[str, str] = {}
    problems = 0
    for glossary in store.load_readable(dict.fromkeys(chosen)):  # unreadable: told, skipped
        name = glossary.name
        terms.extend(glossary.terms)
        for term in glossary.terms:
            origins.setdefault(term.id, name)
        problems += len(glossary.problems)
        if name == store.places.writable_name:
            own = frozenset(t.id for t in glossary.terms)
    matcher = Matcher.build(terms, cache=True)
    return GlossaryState(
        store,
        chosen,
        tuple(terms),
        matcher,
        problems,
        store.places.writable_name,
        own,
        index_pairs(terms),
        origins,
    )


def glossary_pairs(terms: Sequence[Term]) -> list[tuple[str, str]]:
    """``(zh, en)`` pairs for the aligner's glossary anchors (one per English rendering)."""
    from parallax.core.glossary.merging import term_pairs

    return term_pairs(terms)


@dataclass(frozen=True)
class FirstRows:
    """The rows shown at once, where they come from, and a problem to tell the user ("")."""

    rows: list[Row]
    source: Literal["hand", "cache", "quick"]
    problem: str = ""


def first_rows(doc: Document, *, fresh: bool = False) -> FirstRows:
    """The rows to paint first, read synchronously (small JSON files): the hand-fixed alignment
    (not when ``fresh``), else the aligner's cached result for this text, else the paragraphs
    paired by their lengths (:func:`quick_rows`). A damaged hand-fixed alignment is set aside
    and reported in ``problem`` (one line, the file)."""
    from parallax.core.align.bead import LOW_CONFIDENCE
    from parallax.core.resolve_alignment import known_alignment

    known = known_alignment(doc.zh_texts, doc.en_texts, units=doc.units, fresh=fresh)
    if known.source == "hand" or known.source == "cache":
        rows = rows_from_beads(doc, list(known.beads), LOW_CONFIDENCE)
        return FirstRows(rows, known.source, known.problem)
    return FirstRows(quick_rows(doc), "quick", known.problem)


def quick_rows(doc: Document) -> list[Row]:
    """Rows from the paragraphs' lengths alone (pure Python, no NumPy or dictionary), shown
    until the aligner's arrive; unscored, as they are a first guess."""
    from parallax.core.align.quick import quick_align

    beads = quick_align(doc.zh_texts, doc.en_texts)
    return [replace(row, score=None) for row in rows_from_beads(doc, beads)]


def align_rows(
    doc: Document, pairs: Sequence[tuple[str, str]], *, fresh: bool = False
) -> tuple[list[Row], bool]:
    """The document's rows and whether they were fixed by hand: the saved alignment of this
    text if there is a readable one (not when ``fresh``), else the aligner's, which is cached so
    that the next session opens with it."""
    from parallax.core.align import LOW_CONFIDENCE
    from parallax.core.resolve_alignment import resolve_alignment

    resolution = resolve_alignment(
        doc.zh_texts, doc.en_texts, units=doc.units, fresh=fresh, glossary=pairs
    )
    rows = rows_from_beads(doc, list(resolution.beads), LOW_CONFIDENCE)
    return rows, resolution.source == "hand"


def write_fixes(doc: Document, beads: Sequence[Bead] | None) -> None:
    """Save ``beads`` as this document's hand-fixed alignment (atomically); None deletes it."""
    from parallax.core.alignment_store import forget_alignment as forget
    from parallax.core.alignment_store import save_alignment as save

    if beads is None:
        forget(doc.zh_texts, doc.en_texts)
        return
    source = str(doc.meta.path) if doc.meta.path else doc.meta.source
    save(doc.zh_texts, doc.en_texts, beads, source=source)


def forget_alignment(doc: Document) -> bool:
    """Delete this document's hand-fixed alignment; True if there was one."""
    from parallax.core.alignment_store import forget_alignment as forget

    return forget(doc.zh_texts, doc.en_texts)


def load_words() -> None:
    """Load jieba, the word cursor's segmenter (glossary terms are word stops of their own:
    ``navigation.word_stops``)."""
    from parallax.core import words

    words.load()


def load_dictionary() -> None:
    """Load CC-CEDICT (cached after the first run) and the readings' tables and model."""
    from parallax.core import cedict, readings

    cedict.lookup("中")
    cedict.segmenter()
    readings.load()
    readings.jyutping("中")


def word_end(text: str, start: int) -> int:
    """The end of the longest CC-CEDICT headword starting at ``start`` (``start + 1`` if none)."""
    from parallax.core import cedict

    found = cedict.segmenter().segment(text[start : start + 24])
    if found and found[0][0] == 0:
        return start + found[0][1]
    return start + 1
