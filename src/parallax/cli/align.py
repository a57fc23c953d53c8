"""``parallax align``: align a document's Chinese and English units; write JSON, TSV or TMX.

JSON (stable)::

    {"zh": [unit texts], "en": [unit texts],
     "beads": [{"zh": [ids], "en": [ids], "score": confidence}, ...]}

ids are 0-based into the unit lists, in document order; with ``--units lines`` unit i is the i-th
non-blank line, with ``--units sentences`` the i-th sentence (paragraphs are aligned first, then
the sentences inside each aligned pair). TSV: one bead per row, ``Chinese⇥English⇥confidence``.
TMX: 1.4b with ``zh-HK`` and ``en``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from parallax.cli.common import (
    add_document_args,
    add_fresh_arg,
    document_from_args,
    hand_fixed_beads,
    note_dictionary_build,
)
from parallax.core.align import Bead, UnitKind, align_units
from parallax.core.document import PARAGRAPH_BREAK, Document, DocumentError, Metadata
from parallax.core.errors import ParallaxError
from parallax.core.readers import UNIT_CHOICES, Units
from parallax.core.sentences import split_en, split_zh

FORMATS = ("json", "tsv", "tmx")
UNITS = (*UNIT_CHOICES, "sentences")


@dataclass(frozen=True)
class Alignment:
    """Aligned units: the unit texts of both sides and the beads joining them."""

    zh: list[str]
    en: list[str]
    beads: list[Bead]


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``parallax align``."""
    parser = subparsers.add_parser(
        "align",
        help="align Chinese and English paragraphs, sentences or lines; write JSON, TSV or TMX",
        description="Align a bilingual document's Chinese and English units and write the "
        "beads (which units translate which) as JSON, TSV or TMX 1.4b.",
    )
    add_document_args(parser, units=UNITS)
    parser.add_argument("--format", choices=FORMATS, default="json", help="output format")
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
    document = _load(args)
    glossary = _glossary_pairs(args.glossary, args.glossary_dir) if args.glossary else []
    if not document.zh or not document.en:
        missing = "Chinese" if not document.zh else "English"
        print(
            f"parallax: warning: {document.meta.source}: no {missing} text; "
            "every unit is left unmatched",
            file=sys.stderr,
        )
    fixed = None if args.fresh else hand_fixed_beads(document.zh_texts, document.en_texts)
    if fixed is None or args.units == "sentences":
        note_dictionary_build()
    alignment = align(document, args.units, glossary, fixed, fresh=args.fresh)
    text = render(alignment, args.format, args.units)
    if args.output is None:
        sys.stdout.write(text)
    else:
        from parallax.core.safefile import write_output

        sys.stdout.flush()
        write_output(args.output, text.encode("utf-8"))
    return 0


def align(
    document: Document,
    units: str,
    glossary: list[tuple[str, str]],
    fixed: list[Bead] | None = None,
    *,
    fresh: bool = False,
) -> Alignment:
    """Align ``document`` by ``units``; sentences are aligned inside aligned paragraph pairs.

    ``fixed`` is an alignment of the document's units fixed by hand, used instead of the
    aligner's (for sentences, as the paragraph alignment). The sentences of a pair fixed by
    hand in the reader's sentence view keep that fix unless ``fresh``.
    """
    zh, en = document.zh_texts, document.en_texts
    if units != "sentences":
        kind: UnitKind = "lines" if units == "lines" else "paragraphs"
        return Alignment(zh, en, fixed or align_units(zh, en, units=kind, glossary=glossary))
    result = Alignment([], [], [])
    for bead in fixed or align_units(zh, en, units="paragraphs", glossary=glossary):
        zh_text = PARAGRAPH_BREAK.join(zh[i] for i in bead.zh)  # as the reader joins them
        en_text = PARAGRAPH_BREAK.join(en[i] for i in bead.en)
        zh_sentences, en_sentences = split_zh(zh_text), split_en(en_text)
        beads = None if fresh else _saved_sentences(zh_sentences, en_sentences)
        if beads is None:
            beads = align_units(zh_sentences, en_sentences, units="sentences", glossary=glossary)
        if not bead.zh or not bead.en:  # unmatched sentences keep their paragraph's confidence
            beads = [Bead(b.zh, b.en, bead.score) for b in beads]
        zh_base, en_base = len(result.zh), len(result.en)
        result.zh.extend(zh_sentences)
        result.en.extend(en_sentences)
        result.beads.extend(
            Bead(
                tuple(zh_base + i for i in b.zh),
                tuple(en_base + i for i in b.en),
                b.score,
                b.confirmed,
            )
            for b in beads
        )
    return result


def _saved_sentences(zh: list[str], en: list[str]) -> list[Bead] | None:
    """The sentence alignment of a pair fixed by hand in the reader, if any (a damaged file is
    named on stderr and ignored)."""
    from parallax.core.alignment_store import load_alignment

    try:
        return load_alignment(zh, en)
    except ValueError as error:
        print(f"parallax: warning: {error}; aligned afresh", file=sys.stderr)
        return None


def render(alignment: Alignment, fmt: str, units: str) -> str:
    """The alignment in ``fmt`` (json, tsv or tmx)."""
    if fmt == "json":
        return render_json(alignment)
    if fmt == "tsv":
        return render_tsv(alignment)
    from parallax.core.tmx import TmxPair, render_tmx

    pairs = (TmxPair(zh, en, score) for zh, en, score in _bead_texts(alignment))
    return render_tmx(pairs, segtype="paragraph" if units == "paragraphs" else "sentence")


def render_json(alignment: Alignment) -> str:
    """The stable JSON form (see the module docstring)."""
    data = {
        "zh": alignment.zh,
        "en": alignment.en,
        "beads": [
            {"zh": list(b.zh), "en": list(b.en), "score": b.score, "confirmed": b.confirmed}
            for b in alignment.beads
        ],
    }
    return json.dumps(data, ensure_ascii=False) + "\n"


def render_tsv(alignment: Alignment) -> str:
    """One bead per row: Chinese text, English text, confidence (tabs and newlines as spaces)."""
    rows = (f"{_cell(zh)}\t{_cell(en)}\t{score:.3f}\n" for zh, en, score in _bead_texts(alignment))
    return "".join(rows)


def _bead_texts(alignment: Alignment) -> Iterable[tuple[str, str, float]]:
    for bead in alignment.beads:
        zh = "".join(alignment.zh[i] for i in bead.zh)
        en = " ".join(alignment.en[i] for i in bead.en)
        yield zh, en, bead.score


def _cell(text: str) -> str:
    return " ".join(text.split())


def _load(args: argparse.Namespace) -> Document:
    """The document; with ``--zh``/``--en``, a blank file gives a side without units."""
    try:
        return document_from_args(args)
    except DocumentError:
        if args.doc is not None or args.zh is None or args.en is None:
            raise
        blank = [path for path in (args.zh, args.en) if _is_blank(path)]
        if len(blank) != 1:
            raise
        return _one_sided(args, zh_blank=blank[0] == args.zh)


def _is_blank(path: Path) -> bool:
    from parallax.core.reading import read_input

    try:
        return not read_input(path).strip(b" \t\r\n\xef\xbb\xbf")
    except (OSError, ParallaxError):
        return False


def _one_sided(args: argparse.Namespace, *, zh_blank: bool) -> Document:
    from parallax.core.encoding import read_text
    from parallax.core.readers import clean
    from parallax.core.readers.units import iter_units, paragraphs

    path: Path = args.en if zh_blank else args.zh
    text, encoding = read_text(path, args.encoding)
    units: Units = "lines" if args.units == "lines" else "paragraphs"
    found = paragraphs(list(iter_units(clean(text), units)), "en" if zh_blank else "zh")
    meta = Metadata(source=f"{args.zh.name} + {args.en.name}", path=path, encoding=encoding)
    return Document(meta, () if zh_blank else found, found if zh_blank else ())


def _glossary_pairs(name: str, directory: str | None) -> list[tuple[str, str]]:
    """The (zh, en) pairs of glossary ``name``; a clear error when glossaries are unavailable."""
    try:
        from parallax.core.glossary import GlossaryStore, glossary_dir
    except ImportError as error:
        raise ParallaxError("--glossary: glossaries are not available in this build") from error
    store = GlossaryStore(glossary_dir(directory))
    return [(term.zh, term.en) for term in store.load(name).terms if term.zh and term.en]
