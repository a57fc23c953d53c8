"""The suggestions screen's context: where a pair was found, both sides lit."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textual.content import Content

if TYPE_CHECKING:
    from parallax.core.suggest import Suggestion


def window(text: str, start: int, end: int, around: int) -> tuple[str, int, int]:
    """``text`` cut to ``around`` characters each side of ``start:end`` (… where cut); the
    span's offsets in the cut text."""
    if start < 0:
        return (text[: 2 * around] + "…" if len(text) > 2 * around else text), -1, -1
    left, right = max(0, start - around), min(len(text), end + around)
    head = "…" if left else ""
    cut = head + text[left:right] + ("…" if right < len(text) else "")
    return cut, start - left + len(head), end - left + len(head)


def context(s: Suggestion) -> tuple[Content, Content]:
    """Where the pair was found: a window of each context (Chinese, English), the pair lit."""
    zh_at = s.context_zh.find(s.zh) if s.zh else -1
    found = re.search(re.escape(s.en), s.context_en, re.IGNORECASE) if s.en else None
    zh, zh_start, zh_end = window(s.context_zh, zh_at, zh_at + len(s.zh), 30)
    en_at = (found.start(), found.end()) if found else (-1, -1)
    en, en_start, en_end = window(s.context_en, *en_at, 80)
    zh_content, en_content = Content(zh), Content(en)
    if zh_start >= 0:
        zh_content = zh_content.stylize("bold reverse", zh_start, zh_end)
    if en_start >= 0:
        en_content = en_content.stylize("bold reverse", en_start, en_end)
    return zh_content, en_content
