"""A term being drafted (in the new-term dialog, from a proposal or a suggestion) and the term
it becomes when saved."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parallax.core.document import Document
    from parallax.core.glossary import Term


@dataclass(frozen=True)
class TermDraft:
    """What the dialog edits; becomes a ``Term`` (with pinyin, Jyutping, id) when saved."""

    zh: str
    en: str
    note: str = ""
    tags: str = ""
    context_zh: str = ""
    context_en: str = ""
    source: str = ""
    source_date: str = ""
    status: str = "new"


def draft_from(doc: Document, zh: str, en: str, context_zh: str, context_en: str) -> TermDraft:
    """A draft of ``zh`` / ``en`` found in ``doc`` (its source and date) with the aligned
    paragraphs as context."""
    meta = doc.meta
    title = meta.title_zh or meta.title_en or ""
    return TermDraft(
        zh=zh,
        en=en,
        context_zh=context_zh,
        context_en=context_en,
        source=f"{meta.source}: {title}" if title else meta.source,
        source_date=meta.date.isoformat() if meta.date else "",
    )


def draft_of_selection(
    doc: Document, lang: str, text: str, zh_text: str, en_text: str, term: Term | None
) -> TermDraft:
    """A draft of a selection (``text`` in ``lang`` of a row with these texts): the selected
    text on its side, the glossary ``term`` it is (if any) filling the other."""
    zh, en = (text, "") if lang == "zh" else ("", text)
    if term is not None:
        zh, en = zh or term.zh, en or term.en
    return draft_from(doc, zh, en, zh_text, en_text)


def term_of(draft: TermDraft, term_id: str | None = None) -> Term:
    """A new term from ``draft`` (readings computed; a fresh id unless ``term_id``)."""
    from parallax.core.glossary import new_term
    from parallax.core.glossary.term import STATUSES

    return new_term(
        draft.zh,
        draft.en,
        note=draft.note,
        tags=draft.tags,
        context_zh=draft.context_zh,
        context_en=draft.context_en,
        source=draft.source,
        source_date=draft.source_date or None,
        status=draft.status if draft.status in STATUSES else "new",  # type: ignore[arg-type]
        id=term_id,
    )
