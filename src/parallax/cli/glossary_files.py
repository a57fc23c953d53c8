"""``parallax glossary import`` and ``export``: terms read from, or written to, another format.

The work is done by :mod:`parallax.core.glossary.operations`; an export never overwrites a
glossary, and an Anki package is never written to a terminal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parallax.cli.glossary_terms import add_filters, selected
from parallax.core.errors import ParallaxError
from parallax.core.glossary import GlossaryStore, Matcher, operations
from parallax.core.glossary.formats import EXPORT_FORMATS, IMPORT_FORMATS
from parallax.core.glossary.formats.lute import DEFAULT_LANGUAGE
from parallax.core.text import printable


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add ``import`` and ``export``."""
    imp = sub.add_parser("import", parents=[common], help="import terms from a file")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--into", metavar="NAME", help="target glossary (default: the writable one)")
    imp.add_argument("--format", default="auto", help=f"one of: {', '.join(IMPORT_FORMATS)}")
    imp.add_argument(
        "--encoding",
        metavar="NAME",
        help="the file's encoding (default: detected; UTF-8, UTF-16, Big5-HKSCS, GB18030)",
    )
    imp.set_defaults(glossary_action=import_terms)

    exp = sub.add_parser("export", parents=[common], help="export a glossary to another format")
    exp.add_argument("name", metavar="NAME")
    exp.add_argument("--format", required=True, help=f"one of: {', '.join(EXPORT_FORMATS)}")
    exp.add_argument("-o", "--output", type=Path, metavar="FILE", help="default: standard output")
    exp.add_argument(
        "--lute-language",
        default=DEFAULT_LANGUAGE,
        metavar="NAME",
        help=f"the Lute language of the terms (default {DEFAULT_LANGUAGE!r}; the lute3-mandarin "
        "plugin's is 'Mandarin Chinese')",
    )
    exp.add_argument(
        "--in",
        dest="in_doc",
        type=Path,
        metavar="DOC",
        help="only the terms that occur in this document",
    )
    add_filters(exp)
    exp.set_defaults(glossary_action=export_terms)


def import_terms(store: GlossaryStore, args: argparse.Namespace) -> int:
    """Merge the file's terms into a glossary; print the counts, warn about what was skipped."""
    from parallax.core.align import paragraph_pairs

    report = operations.import_file(
        store,
        args.file,
        args.format,
        into=args.into,
        encoding=args.encoding,
        aligned=paragraph_pairs,
    )
    print(printable(report.message))
    for problem in report.problems:
        print(printable(f"parallax: warning: {args.file}:{problem}"), file=sys.stderr)
    for note in report.notes:
        print(printable(f"learner note (no Chinese found): {note}"), file=sys.stderr)
    return 0


def export_terms(store: GlossaryStore, args: argparse.Namespace) -> int:
    """Write the glossary's terms (filtered) in the format asked for, to a file or stdout."""
    if args.format not in EXPORT_FORMATS:
        raise ParallaxError(
            f"unknown export format {args.format!r} (choose from {', '.join(EXPORT_FORMATS)})"
        )
    glossary = store.load(args.name)
    terms = selected(glossary.terms, args)
    if args.in_doc is not None:
        from parallax.core.readers import load_document

        document = load_document(args.in_doc)
        matcher = Matcher.build(terms, cache=True)
        found = {i for text in document.zh_texts for m in matcher.find_zh(text) for i in m.term_ids}
        found |= {i for text in document.en_texts for i in matcher.en_term_ids(text)}
        terms = [t for t in terms if t.id in found]
    report = operations.export(
        store, glossary.name, args.format, terms=terms, lute_language=args.lute_language
    )
    if args.output is None:
        if args.format == "apkg" and sys.stdout.isatty():
            raise ParallaxError("an Anki package is a binary file: give it a name with -o FILE")
        sys.stdout.flush()
        sys.stdout.buffer.write(report.data)
        sys.stdout.buffer.flush()
        if report.skipped:
            print(f"parallax: {report.message}", file=sys.stderr)
    else:
        print(printable(operations.write_export(report, args.output, store=store)), file=sys.stderr)
    return 0
