"""Command-line arguments shared by the commands that open a document."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from parallax.core.bundled import bundled_document_path
from parallax.core.document import Document
from parallax.core.errors import ParallaxError
from parallax.core.readers import UNIT_CHOICES, Units, load_document

if TYPE_CHECKING:
    from parallax.core.align import Bead


def add_document_args(
    parser: argparse.ArgumentParser,
    *,
    optional: bool = False,
    units: tuple[str, ...] = UNIT_CHOICES,
) -> None:
    """Add ``DOC | --zh ZH --en EN``, ``--units`` and ``--encoding`` to ``parser``.

    With ``optional`` the document may be left out, meaning the bundled editorial. ``units``
    lists the accepted ``--units`` (e.g. ``parallax align`` adds ``sentences``, which reads
    paragraphs and splits them afterwards).
    """
    parser.add_argument(
        "doc",
        nargs="?",
        type=Path,
        metavar="DOC",
        help="a bilingual file"
        + (" (default: the bundled Ming Pao editorial)" if optional else ""),
    )
    parser.add_argument("--zh", type=Path, metavar="FILE", help="the Chinese text, as its own file")
    parser.add_argument("--en", type=Path, metavar="FILE", help="the English text, as its own file")
    parser.add_argument(
        "--units",
        choices=units,
        default="paragraphs",
        help="paragraphs: blocks separated by blank lines; lines: each non-blank line is a unit"
        + ("; sentences: paragraphs split into sentences" if "sentences" in units else ""),
    )
    parser.add_argument(
        "--encoding", metavar="NAME", help="the files' encoding (default: detected)"
    )
    parser.set_defaults(doc_optional=optional)


def document_from_args(args: argparse.Namespace) -> Document:
    """Load the document named by the arguments added by :func:`add_document_args`."""
    doc: Path | None = args.doc
    if doc is None and args.zh is None and args.en is None:
        if not getattr(args, "doc_optional", False):
            raise ParallaxError("no document given: name a bilingual file, or --zh FILE --en FILE")
        doc = bundled_document_path()
    units: Units = "lines" if args.units == "lines" else "paragraphs"  # sentences: split later
    return load_document(doc, zh=args.zh, en=args.en, units=units, encoding=args.encoding)


def note_dictionary_build() -> None:
    """Say on stderr, before a long silence, that CC-CEDICT is being compiled (first run only)."""
    from parallax.core import cedict

    if not cedict.is_cached():
        print(
            "parallax: compiling the CC-CEDICT dictionary for alignment "
            "(first run only, about 10 s)…",
            file=sys.stderr,
            flush=True,
        )


def add_fresh_arg(parser: argparse.ArgumentParser) -> None:
    """Add ``--fresh``: ignore the alignment fixed by hand in the reader (the fix is kept)."""
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="ignore the alignment you fixed by hand in the reader and align anew (it is kept)",
    )


def hand_fixed_beads(zh: list[str], en: list[str]) -> list[Bead] | None:
    """The alignment of these units fixed by hand in the reader, if any (said on stderr)."""
    from parallax.core.alignment_store import alignment_path, load_alignment

    try:
        beads = load_alignment(zh, en)
    except ValueError as error:
        print(f"parallax: warning: {error}; aligning anew", file=sys.stderr)
        return None
    if beads is not None:
        print(
            f"parallax: using the alignment you fixed by hand ({alignment_path(zh, en)}); "
            "--fresh ignores it",
            file=sys.stderr,
        )
    return beads


def paragraph_beads(
    document: Document, *, fresh: bool = False, glossary: Iterable[tuple[str, str]] = ()
) -> list[Bead]:
    """The document's paragraph alignment: fixed by hand in the reader (unless ``fresh``), else
    the aligner's (with ``glossary`` pairs as anchors)."""
    beads = None if fresh else hand_fixed_beads(document.zh_texts, document.en_texts)
    if beads is None:
        from parallax.core.align import align_document

        note_dictionary_build()
        beads = align_document(document, glossary=glossary)
    return beads
