"""``parallax glossary``: list, show, add, edit, remove, import, export and check glossaries.

The work is done by :mod:`parallax.core.glossary.operations`; this module parses arguments and
prints the reports. A glossary named on the command line is the one written (created if new);
only the packaged starter and shared reference glossaries are read-only.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from parallax.cli.glossary_check import run_check
from parallax.core.errors import ParallaxError
from parallax.core.glossary import (
    DEFAULT_WRITABLE,
    STATUSES,
    GlossaryStore,
    Matcher,
    Term,
    glossary_infos,
    operations,
)
from parallax.core.glossary.dirs import WRITABLE_ENV
from parallax.core.glossary.formats import EXPORT_FORMATS, IMPORT_FORMATS
from parallax.core.glossary.formats.lute import DEFAULT_LANGUAGE
from parallax.core.glossary.store import open_store
from parallax.core.text import printable, strip_controls


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``parallax glossary`` and its sub-commands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--glossary-dir",
        type=Path,
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="your glossary directory (default: $PARALLAX_GLOSSARY_DIR, the glossary_dir "
        "setting, else the user data directory; a project's ./glossaries is read as reference)",
    )
    common.add_argument(
        "--writable",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help=f"the writable glossary, the default of import and of the reader (default: "
        f"${WRITABLE_ENV} or {DEFAULT_WRITABLE})",
    )
    parser = subparsers.add_parser(
        "glossary",
        parents=[common],
        help="manage glossaries: list, show, add, import, export, check",
        description="Manage term glossaries and check a document's terminology. The glossary "
        "named in add, edit, remove or import --into is the one written (created if new); the "
        f"writable one (default {DEFAULT_WRITABLE}) is where the reader saves. The packaged "
        "starter and a project's ./glossaries are read-only references.",
    )
    sub = parser.add_subparsers(dest="glossary_command", metavar="ACTION", required=True)

    sub.add_parser("list", parents=[common], help="list the glossaries (priority order)")
    show = sub.add_parser("show", parents=[common], help="print the terms of a glossary")
    show.add_argument("name", metavar="NAME")
    _filters(show)

    add = sub.add_parser(
        "add",
        parents=[common],
        help="add a term, or add to the term that is there (renderings, note, tags, status)",
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("zh", metavar="ZH")
    add.add_argument("en", metavar="EN", help="English; several renderings joined by '; '")
    add.add_argument("--note", default="")
    add.add_argument("--pos", default="", help="part of speech")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeat for several)")
    add.add_argument("--status", default=None, help="new, learning or known")
    add.add_argument("--context-zh", default="")
    add.add_argument("--context-en", default="")
    add.add_argument("--source", default="")

    edit = sub.add_parser(
        "edit",
        parents=[common],
        help="change a term: its English, note, tags or status",
        description="Change the term named TERM (its id, its Chinese in either script, or one "
        "of its English renderings) in glossary NAME; options not given are kept.",
    )
    edit.add_argument("name", metavar="NAME")
    edit.add_argument("term", metavar="TERM")
    edit.add_argument("--zh", default=None, help="the Chinese")
    edit.add_argument("--en", default=None, help="the English renderings, joined by '; '")
    edit.add_argument("--note", default=None)
    edit.add_argument(
        "--tag", action="append", default=None, help="a tag (repeat; replaces the tags)"
    )
    edit.add_argument("--status", default=None, help="new, learning or known")

    remove = sub.add_parser("remove", parents=[common], help="remove a term by id (or id prefix)")
    remove.add_argument("name", metavar="NAME")
    remove.add_argument("term_id", metavar="ID")

    imp = sub.add_parser("import", parents=[common], help="import terms from a file")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--into", metavar="NAME", help="target glossary (default: the writable one)")
    imp.add_argument("--format", default="auto", help=f"one of: {', '.join(IMPORT_FORMATS)}")
    imp.add_argument(
        "--encoding",
        metavar="NAME",
        help="the file's encoding (default: detected; UTF-8, UTF-16, Big5-HKSCS, GB18030)",
    )

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
    _filters(exp)

    check = sub.add_parser(
        "check",
        parents=[common],
        help="list the terms found per aligned pair, flag missing translations",
    )
    from parallax.cli.common import add_document_args, add_fresh_arg

    add_document_args(check)
    add_fresh_arg(check)
    check.add_argument(
        "--glossary",
        action="append",
        metavar="NAME",
        help="glossary to use (repeat; default: all, in priority order)",
    )
    parser.set_defaults(func=run)


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--status", action="append", help="only terms with this status (repeat)")
    parser.add_argument("--tag", action="append", help="only terms with this tag (repeat)")


def run(args: argparse.Namespace) -> int:
    """Run the ``parallax glossary`` action named in ``args``."""
    directory, writable = getattr(args, "glossary_dir", None), getattr(args, "writable", None)
    store = open_store(directory, writable=writable)
    action = {
        "list": _list,
        "show": _show,
        "add": _add,
        "edit": _edit,
        "remove": _remove,
        "import": _import,
        "export": _export,
        "check": run_check,
    }[args.glossary_command]
    return action(store, args)


def _list(store: GlossaryStore, args: argparse.Namespace) -> int:
    print(printable(f"glossary directory: {store.places.directory}"))
    for info in glossary_infos(store):
        if info.error:
            print(f"parallax: warning: {info.error}; skipped", file=sys.stderr)
            continue
        if info.writable:
            flags = "writable"
        elif info.default:
            flags = "writable but read-only file"
        else:
            flags = "reference"
        problems = f", {info.problems} bad rows" if info.problems else ""
        problems += "" if info.exists else ", created on first save"
        print(f"{info.name}\t{info.terms} terms\t{flags}{problems}\t{printable(str(info.path))}")
    for path in store.places.ignored_files():
        print(
            f"parallax: warning: {printable(str(path))}: ignored, not a valid glossary name",
            file=sys.stderr,
        )
    return 0


def _selected(terms: Iterable[Term], args: argparse.Namespace) -> list[Term]:
    statuses = set(args.status or ())
    unknown = statuses - set(STATUSES)
    if unknown:
        raise ParallaxError(
            f"unknown status {sorted(unknown)[0]!r} (choose from {', '.join(STATUSES)})"
        )
    tags = set(args.tag or ())
    return [
        t
        for t in terms
        if (not statuses or t.status in statuses) and (not tags or tags & set(t.tags))
    ]


def _warn_problems(path: Path, problems: Sequence[object]) -> None:
    for problem in problems:
        print(printable(f"parallax: warning: {path}:{problem}"), file=sys.stderr)


def _show(store: GlossaryStore, args: argparse.Namespace) -> int:
    glossary = store.load(args.name)
    for t in _selected(glossary.terms, args):
        reading = f" [{t.pinyin}]" if t.pinyin else ""
        tags = "".join(f" #{tag}" for tag in t.tags)
        note = f" ({_flat(t.note)})" if t.note else ""
        # A hand-edited file may hold terminal escapes: never print them raw. One line per
        # term, four tab-separated columns, whatever blanks the fields hold.
        line = f"{t.id}\t{_flat(t.zh)}{reading}\t{_flat(t.en)}{note}\t{t.status}{tags}"
        print(strip_controls(line))
    _warn_problems(glossary.path, glossary.problems)
    return 0


def _flat(text: str) -> str:
    """``text`` on one line: runs of blanks (TAB and newline too) as one space."""
    return " ".join(text.split())


def _add(store: GlossaryStore, args: argparse.Namespace) -> int:
    report = operations.add_new(
        store,
        args.name,
        args.zh,
        args.en,
        note=args.note,
        pos=args.pos,
        tags=args.tag,
        status=args.status,
        context_zh=args.context_zh,
        context_en=args.context_en,
        source=args.source,
    )
    term = report.term
    assert term is not None
    print(strip_controls(f"{report.message}\t{term.id}\t{_flat(term.zh)}\t{_flat(term.en)}"))
    return 0


def _edit(store: GlossaryStore, args: argparse.Namespace) -> int:
    report = operations.edit(
        store,
        args.name,
        args.term,
        zh=args.zh,
        en=args.en,
        note=args.note,
        tags=args.tag,
        status=args.status,
    )
    print(strip_controls(report.message))
    return 0


def _remove(store: GlossaryStore, args: argparse.Namespace) -> int:
    term = operations.writable(store, args.name).remove(args.name, args.term_id)
    print(
        strip_controls(f"removed {term.id}\t{_flat(term.zh)}\t{_flat(term.en)}\tfrom {args.name}")
    )
    return 0


def _import(store: GlossaryStore, args: argparse.Namespace) -> int:
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


def _export(store: GlossaryStore, args: argparse.Namespace) -> int:
    if args.format not in EXPORT_FORMATS:
        raise ParallaxError(
            f"unknown export format {args.format!r} (choose from {', '.join(EXPORT_FORMATS)})"
        )
    glossary = store.load(args.name)
    terms = _selected(glossary.terms, args)
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
