"""``parallax align``: align a document's Chinese and English units; write JSON, TSV or TMX.

The formats are described in :mod:`parallax.core.alignment_output`. With ``--units lines`` unit
i is the i-th non-blank line, with ``--units sentences`` the i-th sentence (paragraphs are
aligned first, then the sentences inside each aligned pair).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from parallax.cli.common import (
    add_document_args,
    add_fresh_arg,
    document_from_args,
    note_dictionary_build,
    tell,
)
from parallax.core.alignment_output import OUTPUT_FORMATS, render_alignment
from parallax.core.errors import ParallaxError
from parallax.core.readers import UNIT_CHOICES
from parallax.core.text import printable
from parallax.core.unit_alignment import align_for_output

UNITS = (*UNIT_CHOICES, "sentences")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``parallax align``."""
    parser = subparsers.add_parser(
        "align",
        help="align Chinese and English paragraphs, sentences or lines; write JSON, TSV or TMX",
        description="Align a bilingual document's Chinese and English units and write the "
        "beads (which units translate which) as JSON, TSV or TMX 1.4b.",
    )
    add_document_args(parser, units=UNITS)
    parser.add_argument("--format", choices=OUTPUT_FORMATS, default="json", help="output format")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write to FILE (atomically) instead of standard output",
    )
    parser.add_argument(
        "--glossary", metavar="NAME", help="use the terms of glossary NAME as anchors"
    )
    parser.add_argument("--glossary-dir", metavar="DIR", help="where glossaries live")
    add_fresh_arg(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Align the document named by ``args`` and write the result."""
    if args.output is not None:
        check_output(args.output, [args.doc, args.zh, args.en], args.glossary_dir)
    document = document_from_args(args, one_sided=True)
    glossary = _glossary_pairs(args.glossary, args.glossary_dir) if args.glossary else []
    if not document.zh or not document.en:
        missing = "Chinese" if not document.zh else "English"
        print(
            f"parallax: warning: {printable(document.meta.source)}: no {missing} text; "
            "every unit is left unmatched",
            file=sys.stderr,
        )
    if args.units == "sentences":
        note_dictionary_build()
    report = align_for_output(
        document,
        args.units,
        glossary=glossary,
        fresh=args.fresh,
        before_aligning=note_dictionary_build,
    )
    tell(report.resolution, report.problems)
    text = render_alignment(report.alignment, args.format, args.units)
    if args.output is None:
        sys.stdout.write(text)
    else:
        from parallax.core.safefile import write_output

        sys.stdout.flush()
        write_output(args.output, text.encode("utf-8"))
    return 0


def check_output(output: Path, inputs: list[Path | None], glossary_dir: str | None) -> None:
    """Refuse ``-o`` onto a file the command reads or onto a glossary (a slip of the keyboard
    would replace the document or the terms with the alignment); one line naming it."""
    for given in inputs:
        same = False
        with contextlib.suppress(OSError, ValueError):  # missing, or standard input
            same = given is not None and os.path.samefile(output, given)
        if same:
            raise ParallaxError("is the document being aligned: write to another file", path=output)
    from parallax.core.glossary.store import open_store

    owner = None
    with contextlib.suppress(ParallaxError, OSError):  # no glossaries to protect
        owner = open_store(glossary_dir).places.glossary_at(output)
    if owner is not None:
        raise ParallaxError(
            f"is the file of glossary {owner!r}: write to another file", path=output
        )


def _glossary_pairs(name: str, directory: str | None) -> list[tuple[str, str]]:
    """The (zh, en) pairs of glossary ``name`` (one per English rendering)."""
    from parallax.core.glossary.merging import term_pairs
    from parallax.core.glossary.store import open_store

    return term_pairs(open_store(directory).load(name).terms)
