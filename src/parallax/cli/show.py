"""``parallax show``: a document's metadata and its paragraphs side by side."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from parallax.cli.common import (
    add_document_args,
    add_fresh_arg,
    document_from_args,
    paragraph_beads,
)
from parallax.core.document import Document
from parallax.core.text import printable

if TYPE_CHECKING:
    from rich.console import Console


@dataclass(frozen=True, slots=True)
class Row:
    """One aligned row: Chinese and English paragraph indexes, and the aligner's confidence."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float
    low: bool
    confirmed: bool = False


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``parallax show``."""
    parser = subparsers.add_parser(
        "show",
        help="print a document's metadata and its paragraphs side by side",
        description="Print a document's metadata and its Chinese and English paragraphs side "
        "by side, paired by the aligner (plain text when the output is not a terminal).",
    )
    add_document_args(parser, optional=True)
    add_fresh_arg(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the document named by ``args``."""
    document = document_from_args(args)
    rows = aligned_rows(document, fresh=args.fresh)
    if sys.stdout.isatty():
        _print_table(document, rows)
    else:
        write_plain(document, rows, sys.stdout)
    return 0


def aligned_rows(document: Document, *, fresh: bool = False) -> list[Row]:
    """The document's rows: the alignment fixed by hand in the reader (unless ``fresh``), else
    the aligner's."""
    from parallax.core.align import LOW_CONFIDENCE

    beads = paragraph_beads(document, fresh=fresh)
    return [
        Row(bead.zh, bead.en, bead.score, bead.score < LOW_CONFIDENCE, bead.confirmed)
        for bead in beads
    ]


def metadata_lines(document: Document) -> list[tuple[str, str]]:
    """The document's metadata as (label, value) pairs, only those that are known; a file name
    holding escapes is shown, never sent to the terminal (:func:`printable`)."""
    meta = document.meta
    items = [
        ("Title", meta.title_zh or ""),
        ("English title", meta.title_en or ""),
        ("Date", meta.date.isoformat() if meta.date else ""),
        ("Source", meta.source),
        ("File", str(meta.path) if meta.path else ""),
        ("Encoding", meta.encoding),
        ("Paragraphs", f"{len(document.zh)} Chinese, {len(document.en)} English"),
    ]
    return [(label, printable(value)) for label, value in items if value]


def _label(lang: str, ids: Sequence[int]) -> str:
    if not ids:
        return f"{lang} —"
    first, last = ids[0] + 1, ids[-1] + 1
    return f"{lang} ¶{first}" if first == last else f"{lang} ¶{first}-{last}"


def _texts(document: Document, row: Row) -> tuple[str, str]:
    zh = "\n\n".join(document.zh[i].text for i in row.zh)
    en = "\n\n".join(document.en[i].text for i in row.en)
    return zh, en


def write_plain(document: Document, rows: Sequence[Row], out: TextIO) -> None:
    """Write the document as plain text: metadata, then each row's Chinese and English."""
    for label, value in metadata_lines(document):
        out.write(f"{label}: {value}\n")
    for number, row in enumerate(rows, 1):
        zh, en = _texts(document, row)
        score = f"  confidence {row.score:.2f}"
        flag = "  [low confidence]" if row.low else ("  [confirmed]" if row.confirmed else "")
        out.write(
            f"\n── {number} ── {_label('zh', row.zh)} · {_label('en', row.en)}{score}{flag}\n"
        )
        out.write((zh or "(no Chinese)") + "\n")
        out.write((en or "(no English)") + "\n")


def _print_table(document: Document, rows: Sequence[Row], console: Console | None = None) -> None:
    """The document as a table on the terminal, each cell broken into lines as the reader
    breaks them (no closing punctuation at a line start, no opening bracket at a line end)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = console or Console(highlight=False)
    for label, value in metadata_lines(document):
        console.print(Text.assemble((f"{label}: ", "bold"), value))
    number_width = len(f"{len(rows)}?")
    # the borders (4) and the cell padding (2 a column) around three columns
    text_width = max((console.width - number_width - 10) // 2, 4)
    table = Table(show_lines=True)
    table.add_column("#", justify="right", no_wrap=True, style="dim", width=number_width)
    table.add_column("中文", width=text_width, overflow="fold")
    table.add_column("English", width=text_width, overflow="fold")
    for number, row in enumerate(rows, 1):
        zh, en = _texts(document, row)
        if row.low:
            marker = Text(f"{number}?", style="bold red")
        else:
            mark, style = ("✓", "green") if row.confirmed else ("", "")
            marker = Text(f"{number}{mark}", style=style)
        table.add_row(
            marker,
            Text(broken(zh, text_width)) if zh else Text("—", style="dim"),
            Text(broken(en, text_width)) if en else Text("—", style="dim"),
        )
    console.print(table)


def broken(text: str, width: int) -> str:
    """``text`` broken into lines of ``width`` cells by the reader's rules."""
    from parallax.app.wrap import wrap

    return "\n".join(text[start:end] for start, end in wrap(text, width))
