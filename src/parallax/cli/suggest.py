"""``parallax suggest``: candidate term pairs for a document, ranked (as in the reader's panel).

Rejected pairs (rejected in the reader) are left out unless ``--all``; ``known`` marks Chinese
already in one of the glossaries.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from parallax.cli.common import (
    add_document_args,
    add_fresh_arg,
    document_from_args,
    note_dictionary_build,
    paragraph_beads,
)
from parallax.core.suggest import Suggestion
from parallax.core.text import strip_controls

FORMATS = ("tsv", "json")
COLUMNS = ("zh", "en", "score", "reasons", "count", "known")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``parallax suggest``."""
    parser = subparsers.add_parser(
        "suggest",
        help="list candidate glossary terms of a document, best first",
        description="List candidate term pairs of a bilingual document, best first: short "
        "quotes matched across aligned paragraphs, CC-CEDICT words found on both sides, and "
        "frequent keywords with their likely English.",
    )
    add_document_args(parser, optional=True)
    add_fresh_arg(parser)
    parser.add_argument("--format", choices=FORMATS, default="tsv", help="output format")
    parser.add_argument(
        "--limit", type=_count, default=50, metavar="N", help="at most N pairs (default 50)"
    )
    parser.add_argument(
        "--all", action="store_true", help="include the pairs you rejected (marked rejected)"
    )
    parser.add_argument(
        "--glossary-dir",
        type=Path,
        metavar="DIR",
        help="glossary directory, for the known column (default: as for parallax glossary)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the suggestions for the document named by ``args``."""
    from parallax.core.glossary.merging import term_pairs
    from parallax.core.glossary.store import open_store
    from parallax.core.rejections import load_rejections
    from parallax.core.suggest import suggest_terms

    document = document_from_args(args)
    store = open_store(args.glossary_dir)
    glossary = [pair for g in store.load_all() for pair in term_pairs(g.terms)]
    rejected = load_rejections(document)
    note_dictionary_build(entries=True)
    beads = paragraph_beads(document, fresh=args.fresh, glossary=glossary)
    found = suggest_terms(
        document,
        beads,
        glossary=glossary,
        rejected=() if args.all else rejected,
        limit=args.limit,
    )
    refused = _refused(rejected) if args.all else None
    if args.format == "json":
        write_json(found, sys.stdout, refused)
    else:
        write_tsv(found, sys.stdout, refused)
    return 0


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _refused(rejected: set[tuple[str, str]]) -> set[tuple[str, str]]:
    from parallax.core.chinese import fold

    return {(fold(zh), " ".join(en.lower().split())) for zh, en in rejected}


def _is_refused(s: Suggestion, refused: set[tuple[str, str]]) -> bool:
    from parallax.core.chinese import fold

    return (fold(s.zh), " ".join(s.en.lower().split())) in refused


def _cell(text: str) -> str:
    return " ".join(strip_controls(text).split())


def write_tsv(
    found: list[Suggestion], out: TextIO, refused: set[tuple[str, str]] | None = None
) -> None:
    """Suggestions as tab-separated values with a header (``rejected`` column with ``--all``)."""
    extra = ("rejected",) if refused is not None else ()
    out.write("\t".join(COLUMNS + extra) + "\n")
    for s in found:
        cells = [
            _cell(s.zh),
            _cell(s.en),
            f"{s.score:.3f}",
            ",".join(s.reasons),
            str(s.count),
            "yes" if s.known else "no",
        ]
        if refused is not None:
            cells.append("yes" if _is_refused(s, refused) else "no")
        out.write("\t".join(cells) + "\n")


def write_json(
    found: list[Suggestion], out: TextIO, refused: set[tuple[str, str]] | None = None
) -> None:
    """Suggestions as a JSON list of objects (every field; ``rejected`` with ``--all``)."""
    rows = []
    for s in found:
        row: dict[str, object] = {
            "zh": s.zh,
            "en": s.en,
            "score": s.score,
            "reasons": list(s.reasons),
            "count": s.count,
            "known": s.known,
            "row": s.row,
            "context_zh": s.context_zh,
            "context_en": s.context_en,
        }
        if refused is not None:
            row["rejected"] = _is_refused(s, refused)
        rows.append(row)
    json.dump(rows, out, ensure_ascii=False, indent=1)
    out.write("\n")
