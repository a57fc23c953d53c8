"""One term, one row: merging a term into the glossary row that holds the same term.

A term is its Chinese (either script) with one or more English renderings, written in one field
joined by ``; `` (``hand in hand; join hands``). Two rows are the same term when their Chinese
is the same after script folding (English-only learner entries: when their English is the same
ignoring case and blanks), whatever their ids (:func:`content_key`). Merging fills the empty
fields of the row that is there, adds the renderings and tags it lacks, and never replaces what
the user has.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from parallax.core.glossary.fileformat import Entry
from parallax.core.glossary.senses import en_key, zh_key
from parallax.core.glossary.term import Term, new_id

SEPARATOR = "; "
_SPLIT = regex.compile(r"\s*(?:;\s+|；)\s*")  # "a; b", "a；b"; not "a;b" nor "&amp;"
# Fields a merge never takes from the incoming term (renderings, tags, note: see merge_into).
_KEPT = ("id", "zh", "en", "status", "tags", "note", "created", "updated")


@dataclass(frozen=True, slots=True)
class ImportCounts:
    """What an import did: terms added, existing terms completed, existing terms untouched."""

    new: int
    updated: int
    unchanged: int


def renderings(en: str) -> list[str]:
    """The English renderings of a term's ``en`` field (``a; b`` -> ``["a", "b"]``); a semicolon
    not followed by a blank (``&amp;``) does not separate."""
    return [part for part in _SPLIT.split(en.strip()) if part]


def join_renderings(old: str, new: str) -> str:
    """``old``'s renderings followed by those of ``new`` it lacks (compared ignoring case and
    blanks), joined by ``; ``; ``old`` itself when nothing is added."""
    have = renderings(old)
    keys = {en_key(r) for r in have}
    extra = []
    for rendering in renderings(new):
        if en_key(rendering) not in keys:
            keys.add(en_key(rendering))
            extra.append(rendering)
    return SEPARATOR.join(have + extra) if extra else old


def term_pairs(terms: Sequence[Term]) -> list[tuple[str, str]]:
    """``(Chinese, English)`` for every rendering of every term that has both sides."""
    return [
        (term.zh.strip(), rendering)
        for term in terms
        if term.zh.strip()
        for rendering in renderings(term.en)
    ]


def content_key(term: Term) -> str:
    """What makes two rows the same term: the folded Chinese, else the English."""
    zh = zh_key(term.zh)
    return f"zh:{zh}" if zh else f"en:{en_key(term.en)}"


def merge_into(old: Term, new: Term, *, status: bool = False, note: str = "fill") -> Term:
    """``old`` completed with ``new``: empty fields filled, missing renderings and tags added
    (``old`` itself when nothing changes). ``status``: take ``new``'s status too; ``note``:
    ``"fill"`` an empty note only, or ``"add"`` ``new``'s note under a different one."""
    changes: dict[str, object] = {
        name: value
        for name, value in vars(new).items()
        if name not in _KEPT and value and not getattr(old, name)
    }
    en = join_renderings(old.en, new.en)
    if en != old.en:
        changes["en"] = en
    extra = tuple(t for t in new.tags if t not in old.tags)
    if extra:
        changes["tags"] = old.tags + extra
    if new.note.strip() and new.note.strip() not in old.note:
        if not old.note.strip():
            changes["note"] = new.note
        elif note == "add":
            changes["note"] = f"{old.note.rstrip()}\n{new.note.strip()}"
    if status and new.status != old.status:
        changes["status"] = new.status
    return old.with_changes(**changes) if changes else old


def merge_terms(entries: list[Entry], incoming: Sequence[Term]) -> ImportCounts:
    """Merge ``incoming`` into a glossary file's ``entries`` (in place): a term matching a row by
    content (:func:`content_key`) completes it (:func:`merge_into`); others are appended. An id
    counts only with the same content: a term under the id of a row with other Chinese is
    never merged into it (it is appended, with a fresh id). Counts are of terms: a term the
    same file brings twice counts once (a repeat of a new term is part of that new term)."""
    original = list(entries)
    where = {e.id: i for i, e in enumerate(entries) if isinstance(e, Term)}
    by_key: dict[str, int] = {}
    for i, entry in enumerate(entries):
        if isinstance(entry, Term):
            by_key.setdefault(content_key(entry), i)
    touched: set[int] = set()
    new = 0
    for term in incoming:
        key = content_key(term)
        at = where.get(term.id)
        if at is not None and content_key(_term(entries[at])) != key:
            at = None  # one id on two different terms (a copied row, an edited term): by content
        if at is None:
            at = by_key.get(key)
        if at is None:
            if term.id in where:  # its id is another term's: a fresh one
                term = replace(term, id=new_id())
            where[term.id] = by_key[key] = len(entries)
            entries.append(term)
            new += 1
            continue
        entries[at] = merge_into(_term(entries[at]), term)
        if at < len(original):
            touched.add(at)  # a repeat in the same file counts once
    updated = sum(1 for i in touched if entries[i] is not original[i])
    return ImportCounts(new, updated, len(touched) - updated)


def _term(entry: Entry) -> Term:
    assert isinstance(entry, Term)  # rows indexed by id or content are terms
    return entry
