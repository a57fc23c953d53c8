"""The glossary term: one Chinese term (either script) with one or more English renderings."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, replace
from typing import Literal, get_args

from parallax.core.errors import ParallaxError

Status = Literal["new", "learning", "known"]
STATUSES: tuple[str, ...] = get_args(Status)
_TAG_SPACE = re.compile(r"[\s,]+")
_BLANK = re.compile(r"\s")
_OWN_ID = re.compile(r"[0-9a-f]{16}")


class TermError(ParallaxError):
    """A term value is invalid (one line naming the field and the fault)."""


@dataclass(frozen=True)
class Term:
    """A glossary term: one row of a glossary.

    ``zh`` is the Chinese as typed (Traditional or Simplified; new terms always have it, rows of
    older files may be English-only learner entries); ``en`` holds its English renderings joined
    by ``; `` (``hand in hand; join hands``, see :mod:`.merging`).
    ``tags`` hold no blanks or commas. ``source_date`` is ``YYYY-MM-DD`` or empty; ``created``
    and ``updated`` are UTC ISO 8601 times (``2025-05-12T08:00:00Z``). ``id`` never changes.
    """

    id: str
    zh: str
    en: str
    note: str = ""
    pos: str = ""
    tags: tuple[str, ...] = ()
    status: Status = "new"
    pinyin: str = ""
    jyutping: str = ""
    context_zh: str = ""
    context_en: str = ""
    source: str = ""
    source_date: str = ""
    created: str = ""
    updated: str = ""

    def __post_init__(self) -> None:
        validate(self.id, self.zh, self.en, self.status, self.tags)

    @classmethod
    def trusted(cls, values: dict[str, object]) -> Term:
        """A term from ``values`` (every field, already checked with ``validate``).

        Bypasses the frozen dataclass ``__init__`` (about ten times faster): loading a
        120,000-term glossary must not take seconds.
        """
        term = object.__new__(cls)
        term.__dict__.update(values)
        return term

    def with_changes(self, **changes: object) -> Term:
        """A copy with ``changes`` applied and ``updated`` set to now."""
        return replace(self, **changes, updated=now_iso())  # type: ignore[arg-type]

    @property
    def source_line(self) -> str:
        """Where the term was met, as every view shows it: ``Ming Pao editorial: title ·
        2025-05-12`` (the date left out when the source already holds it)."""
        date = self.source_date if self.source_date not in self.source else ""
        return " · ".join(part for part in (self.source, date) if part)


def validate(id: str, zh: str, en: str, status: str, tags: tuple[str, ...]) -> None:
    """Raise TermError if these term fields are invalid."""
    if not id or _BLANK.search(id):
        raise TermError(f"term id {id!r} is empty or contains blanks")
    if not zh.strip() and not en.strip():
        raise TermError(f"term {id}: both zh and en are empty")
    if status not in STATUSES:
        raise TermError(f"term {id}: status {status!r} is not one of {STATUSES}")
    for tag in tags:
        if not tag or _TAG_SPACE.search(tag):
            raise TermError(f"term {id}: tag {tag!r} is empty or has blanks/commas")


def now_iso() -> str:
    """The current UTC time as ``YYYY-MM-DDTHH:MM:SSZ``."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_id() -> str:
    """A fresh random term id (16 hex digits)."""
    return uuid.uuid4().hex[:16]


def is_own_id(value: str) -> bool:
    """True if ``value`` has the form of a parallax term id (16 lower-case hex digits).

    Importers keep only such ids: another tool's ids (``e1``, ``t1``) would merge unrelated
    terms with ours.
    """
    return _OWN_ID.fullmatch(value) is not None


def clean_text(value: str) -> str:
    """``value`` with line ends normalised and terminal escapes and control characters removed
    (TAB and LF are kept). Markup-like text such as ``[bold]`` is left as it is."""
    from parallax.core.text import normalise_newlines, strip_controls

    return strip_controls(normalise_newlines(value))


def normalise_tags(tags: object) -> tuple[str, ...]:
    """Tags from a string (blank/comma separated) or an iterable, without duplicates."""
    items = _TAG_SPACE.split(tags) if isinstance(tags, str) else list(tags)  # type: ignore[call-overload]
    seen: dict[str, None] = {}
    for item in items:
        for tag in _TAG_SPACE.split(clean_text(str(item))):
            if tag:
                seen.setdefault(tag, None)
    return tuple(seen)


def new_term(
    zh: str,
    en: str,
    *,
    note: str = "",
    pos: str = "",
    tags: object = (),
    status: Status = "new",
    pinyin: str | None = None,
    jyutping: str | None = None,
    context_zh: str = "",
    context_en: str = "",
    source: str = "",
    source_date: dt.date | str | None = None,
    id: str | None = None,
) -> Term:
    """A new term with a fresh id and timestamps; pinyin and Jyutping computed in context
    (:mod:`parallax.core.readings`) when not given (and left empty when ``zh`` has no Han
    character). Every text field is passed through ``clean_text`` (no terminal escapes or
    control characters). TermError when ``zh`` is empty: a glossary term always has its
    Chinese (an English word alone is a learner note, not a term)."""
    from parallax.core import chinese, readings

    zh, en = clean_text(zh).strip(), clean_text(en).strip()
    if not zh:
        what = f" for {en!r}" if en else ""
        raise TermError(f"no Chinese{what}: a glossary term needs its Chinese")
    han = chinese.has_han(zh)
    if pinyin is None:
        pinyin = readings.pinyin(zh) if han else ""
    if jyutping is None:
        jyutping = readings.jyutping(zh) if han else ""
    date = source_date.isoformat() if isinstance(source_date, dt.date) else (source_date or "")
    stamp = now_iso()
    return Term(
        id=id or new_id(),
        zh=zh,
        en=en,
        note=clean_text(note),
        pos=clean_text(pos),
        tags=normalise_tags(tags),
        status=status,
        pinyin=clean_text(pinyin),
        jyutping=clean_text(jyutping),
        context_zh=clean_text(context_zh),
        context_en=clean_text(context_en),
        source=clean_text(source),
        source_date=clean_text(date),
        created=stamp,
        updated=stamp,
    )


def edited(term: Term, *, zh: str, en: str, note: str, tags: str, status: str) -> Term:
    """``term`` with the dialog's values (readings recomputed when the Chinese changed);
    ``term`` itself when nothing changed. TermError for invalid values."""
    from parallax.core import chinese, readings

    values: dict[str, object] = {
        "zh": clean_text(zh).strip(),
        "en": clean_text(en).strip(),
        "note": clean_text(note),
        "tags": normalise_tags(tags),
        "status": status,
    }
    if values["zh"] != term.zh:
        han = chinese.has_han(str(values["zh"]))
        values["pinyin"] = readings.pinyin(str(values["zh"])) if han else ""
        values["jyutping"] = readings.jyutping(str(values["zh"])) if han else ""
    changes = {k: v for k, v in values.items() if getattr(term, k) != v}
    return term.with_changes(**changes) if changes else term
