"""A card's faces as Textual ``Content``: plain text (never markup), spans lit or blanked."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual.content import Content

from parallax.app.model import counted
from parallax.core.review import Back, Passage, Rating

if TYPE_CHECKING:
    from parallax.app.review.session import ReviewSession

LIT = "bold $accent on $accent-muted"
BLANK = "bold $warning"
GRADE_NAMES = {Rating.AGAIN: "Again", Rating.HARD: "Hard", Rating.GOOD: "Good", Rating.EASY: "Easy"}


def passage(p: Passage, style: str = LIT) -> Content:
    """A context paragraph with its spans styled (lit, or blanks made visible)."""
    content = Content(p.text)
    for start, end in p.spans:
        content = content.stylize(style, start, end)
    return content


def answer(back: Back) -> Content:
    """The answer's head: the term in both scripts, its readings, every English rendering,
    the note."""
    scripts = back.traditional
    if back.simplified and back.simplified != back.traditional:
        scripts += f"  ·  {back.simplified}"
    lines: list[tuple[str, str]] = [(scripts, "bold $accent")]
    readings = "   ".join(
        f"{label} {text}"
        for label, text in (("pinyin", back.pinyin), ("jyutping", back.jyutping))
        if text
    )
    if readings:
        lines.append((readings, "italic"))
    lines.extend((f"• {english}", "bold") for english in back.renderings)
    if back.note.strip():
        lines.append((back.note.strip(), "$text-muted"))
    return _lines(lines)


def _lines(lines: list[tuple[str, str]]) -> Content:
    content = Content("\n".join(text for text, _ in lines))
    at = 0
    for text, style in lines:
        content = content.stylize(style, at, at + len(text))
        at += len(text) + 1
    return content


def source(text: str) -> Content:
    """The source line (the document the term was met in)."""
    return Content(f"from {text}" if text else "")


def interval(delta: dt.timedelta) -> str:
    """A short interval: ``1m``, ``10m``, ``3h``, ``6d``, ``2.5mo``, ``1.2y``."""
    minutes = delta.total_seconds() / 60
    if minutes < 60:
        return f"{max(1, round(minutes))}m"
    if minutes < 24 * 60:
        return f"{round(minutes / 60)}h"
    days = minutes / (24 * 60)
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo"
    return f"{days / 365:.1f}y"


def grades(intervals: dict[Rating, dt.timedelta]) -> Content:
    """The grade keys with when each would bring the card back."""
    parts = [
        f" {int(r)} {GRADE_NAMES[r]} {interval(intervals[r])} " for r in Rating if r in intervals
    ]
    content = Content("  ".join(parts))
    at = 0
    for part in parts:
        content = content.stylize("reverse", at, at + 3)
        at += len(part) + 2
    return content


def done_lines(session: ReviewSession) -> tuple[str, str]:
    """What the card says when no card is left: why, and when the next one comes."""
    if session.reviewed == 0 and not session.sources:
        return "nothing to review", ""
    after = session.next_due()
    when = ""
    if after is not None:
        when = f"; next card at {after.astimezone().strftime('%H:%M')}"
    left = session.new_left()
    waiting = "waits" if left == 1 else "wait"
    more = f"; {counted(left, 'new card')} {waiting} for the coming days" if left else ""
    if session.reviewed == 0:
        empty = all(not s.terms for s in session.sources.values())
        if empty:
            names = ", ".join(session.sources)
            return "nothing to review", f"{names} has no terms yet: save some while reading"
        return "nothing due now", f"all caught up{when}{more}"
    return "done for now", f"{session.reviewed} reviewed{when}{more}"
