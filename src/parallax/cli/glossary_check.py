"""``parallax glossary check``: a document's terms per aligned pair, with missing translations.

A translator's terminology check: a term is confirmed in a pair when its Chinese and one of its
English renderings both appear; it is missing when the Chinese appears and none of them does.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable, Sequence

from parallax.cli.common import (
    add_document_args,
    add_fresh_arg,
    document_from_args,
    paragraph_beads,
)
from parallax.core.document import Document
from parallax.core.glossary import GlossaryStore, Matcher, Term, check_pair
from parallax.core.text import strip_controls


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add ``check``."""
    check = sub.add_parser(
        "check",
        parents=[common],
        help="list the terms found per aligned pair, flag missing translations",
    )
    add_document_args(check)
    add_fresh_arg(check)
    check.add_argument(
        "--glossary",
        action="append",
        metavar="NAME",
        help="glossary to use (repeat; default: all, in priority order)",
    )
    check.set_defaults(glossary_action=run_check)


def run_check(store: GlossaryStore, args: argparse.Namespace) -> int:
    """``parallax glossary check``: the terms of each aligned pair, missing translations flagged."""

    glossaries = store.load_readable(args.glossary or store.places.names())
    names = [g.name for g in glossaries]
    terms = _distinct_terms(term for g in glossaries for term in g.terms)
    document = document_from_args(args)
    matcher = Matcher.build(terms.values(), cache=True)
    confirmed = missing = untranslated = 0
    for zh_ids, en_ids in _pairs(document, terms.values(), fresh=args.fresh):
        zh = "\n".join(document.zh[i].text for i in zh_ids)
        en = "\n".join(document.en[i].text for i in en_ids)
        result = check_pair(matcher, zh, en)
        english_only = {i for m in matcher.find_en(en) for i in m.term_ids if not terms[i].zh}
        if not (result.confirmed or result.missing or english_only):
            continue
        print(f"zh {_span(zh_ids)} / en {_span(en_ids)}" + ("" if en_ids else " (not translated)"))
        counts = Counter(m.key for m in matcher.find_zh(zh))
        key_of = {i: m.key for m in matcher.find_zh(zh) for i in matcher.zh_term_ids(m.key)}
        label = "MISSING " if en_ids else "no-en   "
        for status, ids in (("ok      ", result.confirmed), (label, result.missing)):
            for key, group in _by_key(ids, key_of).items():
                times = f" (x{counts[key]})" if counts[key] > 1 else ""
                senses = "; ".join(dict.fromkeys(terms[i].en for i in group))
                print(strip_controls(f"  {status} {terms[group[0]].zh} = {senses}{times}"))
        for en_text in sorted({terms[i].en for i in english_only}):
            print(strip_controls(f"  en-only  {en_text}"))
        confirmed += len(_by_key(result.confirmed, key_of))
        found_missing = len(_by_key(result.missing, key_of))
        missing += found_missing if en_ids else 0
        untranslated += 0 if en_ids else found_missing
    print(
        f"{confirmed} confirmed, {missing} missing, {untranslated} in untranslated paragraphs"
        f" (glossaries: {', '.join(names)})"
    )
    return 0


def _distinct_terms(terms: Iterable[Term]) -> dict[str, Term]:
    """Terms by id, in priority order, without repeats of the same sense (same Chinese in any
    script and same English) coming from several glossaries: the first one wins."""
    from parallax.core.chinese import fold

    seen: set[tuple[str, str]] = set()
    kept: dict[str, Term] = {}
    for term in terms:
        sense = (fold(" ".join(term.zh.split())), " ".join(term.en.lower().split()))
        if term.id in kept or sense in seen:
            continue
        seen.add(sense)
        kept[term.id] = term
    return kept


def _by_key(ids: Iterable[str], key_of: dict[str, str]) -> dict[str, list[str]]:
    """``ids`` grouped by the Chinese term (match key) they were found as, in order."""
    groups: dict[str, list[str]] = {}
    for term_id in ids:
        groups.setdefault(key_of.get(term_id, term_id), []).append(term_id)
    return groups


def _pairs(
    document: Document, terms: Iterable[Term], *, fresh: bool
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Aligned (zh indexes, en indexes) pairs: fixed by hand in the reader, else the aligner's."""
    hints = [(t.zh, t.en) for t in terms if t.zh and t.en]
    return [(b.zh, b.en) for b in paragraph_beads(document, fresh=fresh, glossary=hints)]


def _span(indexes: Sequence[int]) -> str:
    if not indexes:
        return "-"
    first, last = indexes[0] + 1, indexes[-1] + 1
    return str(first) if first == last else f"{first}-{last}"
