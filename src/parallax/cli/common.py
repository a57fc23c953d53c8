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
from parallax.core.text import printable

if TYPE_CHECKING:
    from parallax.core.align import Bead
    from parallax.core.resolve_alignment import Resolution


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


def document_from_args(args: argparse.Namespace, *, one_sided: bool = False) -> Document:
    """Load the document named by the arguments added by :func:`add_document_args`; with
    ``one_sided`` one of ``--zh``/``--en`` may be a blank file."""
    doc: Path | None = args.doc
    if doc is None and args.zh is None and args.en is None:
        if not getattr(args, "doc_optional", False):
            raise ParallaxError("no document given: name a bilingual file, or --zh FILE --en FILE")
        doc = bundled_document_path()
    units: Units = "lines" if args.units == "lines" else "paragraphs"  # sentences: split later
    return load_document(
        doc, zh=args.zh, en=args.en, units=units, encoding=args.encoding, one_sided=one_sided
    )


_NOTED: list[bool] = []


def note_dictionary_build(*, entries: bool = False) -> None:
    """Say on stderr, before a long silence, that CC-CEDICT is being compiled (first run only,
    once per process): the aligner's index (usually shipped with the package), and with
    ``entries`` the dictionary's entries too."""
    from parallax.core import cedict
    from parallax.core.align.lexicon import index_ready

    if not _NOTED and (not index_ready() or (entries and not cedict.is_cached())):
        _NOTED.append(True)
        print(
            "parallax: compiling the CC-CEDICT dictionary (first run only, about 10 s)…",
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


def tell(resolution: Resolution, problems: Iterable[str] | None = None) -> None:
    """Say on stderr where an alignment came from when the user should know: fixed by hand
    (``--fresh`` ignores it), or damaged hand-fixed files that were set aside (``problems``,
    default the resolution's own)."""
    for problem in [resolution.problem] if problems is None else problems:
        if problem:
            print(f"parallax: warning: {printable(problem)}", file=sys.stderr)
    if resolution.source == "hand":
        print(
            f"parallax: using the alignment you fixed by hand ({printable(str(resolution.path))}); "
            "--fresh ignores it",
            file=sys.stderr,
        )


def paragraph_beads(
    document: Document, *, fresh: bool = False, glossary: Iterable[tuple[str, str]] = ()
) -> list[Bead]:
    """The document's paragraph alignment: fixed by hand in the reader (unless ``fresh``), else
    the aligner's (with ``glossary`` pairs as anchors); where it came from said on stderr."""
    from parallax.core.resolve_alignment import resolve_alignment

    resolution = resolve_alignment(
        document.zh_texts,
        document.en_texts,
        units=document.units,
        fresh=fresh,
        glossary=glossary,
        cache=False,
        before_aligning=note_dictionary_build,
    )
    tell(resolution)
    return list(resolution.beads)
