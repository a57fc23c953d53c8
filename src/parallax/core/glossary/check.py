"""The translator's terminology check on one aligned pair."""

from __future__ import annotations

from dataclasses import dataclass

from parallax.core.glossary.matcher import Matcher


@dataclass(frozen=True, slots=True)
class PairCheck:
    """Term ids ``confirmed`` (both sides found) and ``missing`` (Chinese found, no rendering)."""

    confirmed: tuple[str, ...]
    missing: tuple[str, ...]


def check_pair(matcher: Matcher, zh_text: str, en_text: str) -> PairCheck:
    """Check an aligned pair: for each Chinese term found in ``zh_text``, the senses whose English
    appears in ``en_text`` are confirmed; if none does, all its senses with an English rendering
    are missing. Terms without English (learner entries) are neither."""
    found_en = matcher.en_term_ids(en_text)
    confirmed: dict[str, None] = {}
    missing: dict[str, None] = {}
    for match in matcher.find_zh(zh_text):
        senses = matcher.zh_term_ids(match.key)
        with_en = [i for i in senses if matcher.has_english(i)]
        hits = [i for i in with_en if i in found_en]
        for term_id in hits or with_en:
            (confirmed if hits else missing)[term_id] = None
    return PairCheck(tuple(confirmed), tuple(k for k in missing if k not in confirmed))
