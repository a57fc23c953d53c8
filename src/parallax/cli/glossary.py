"""``parallax glossary``: list, show, add, remove, import, export and check glossaries."""

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
    glossary_dir,
    new_term,
    writable_glossary_name,
)
from parallax.core.glossary.dirs import WRITABLE_ENV
from parallax.core.glossary.formats import (
    EXPORT_FORMATS,
    IMPORT_FORMATS,
    export_terms,
    import_file,
    unexportable,
)
from parallax.core.safefile import write_output
from parallax.core.text import printable, strip_controls


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``parallax glossary`` and its sub-commands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--glossary-dir",
        type=Path,
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="glossary directory (default: $PARALLAX_GLOSSARY_DIR, ./glossaries, user data dir)",
    )
    common.add_argument(
        "--writable",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help=f"the glossary that add/remove/import may change (default: ${WRITABLE_ENV} or "
        f"{DEFAULT_WRITABLE}); every other glossary is a read-only reference",
    )
    parser = subparsers.add_parser(
        "glossary",
        parents=[common],
        help="manage glossaries: list, show, add, import, export, check",
        description="Manage term glossaries and check a document's terminology. One glossary "
        f"is writable (default {DEFAULT_WRITABLE}, created on first save); the others, the "
        "starter included, are read-only reference glossaries. To edit another one, make it "
        f"the writable one with --writable NAME or ${WRITABLE_ENV}.",
    )
    sub = parser.add_subparsers(dest="glossary_command", metavar="ACTION", required=True)

    sub.add_parser("list", parents=[common], help="list the glossaries (priority order)")
    show = sub.add_parser("show", parents=[common], help="print the terms of a glossary")
    show.add_argument("name", metavar="NAME")
    _filters(show)

    add = sub.add_parser("add", parents=[common], help="add a term (one sense) to a glossary")
    add.add_argument("name", metavar="NAME")
    add.add_argument("zh", metavar="ZH")
    add.add_argument("en", metavar="EN")
    add.add_argument("--note", default="")
    add.add_argument("--pos", default="", help="part of speech")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeat for several)")
    add.add_argument("--status", default="new", help="new, learning or known")
    add.add_argument("--context-zh", default="")
    add.add_argument("--context-en", default="")
    add.add_argument("--source", default="")

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
    writable = writable_glossary_name(getattr(args, "writable", None))
    store = GlossaryStore(glossary_dir(getattr(args, "glossary_dir", None)), writable_name=writable)
    action = {
        "list": _list,
        "show": _show,
        "add": _add,
        "remove": _remove,
        "import": _import,
        "export": _export,
        "check": run_check,
    }[args.glossary_command]
    return action(store, args)


def _list(store: GlossaryStore, args: argparse.Namespace) -> int:
    print(printable(f"glossary directory: {store.directory}"))
    for info in store.list():
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
    for path in store.ignored_files():
        print(
            f"parallax: warning: {printable(str(path))}: ignored, not a valid glossary name",
            file=sys.stderr,
        )
    return 0


def _editable(store: GlossaryStore, name: str) -> str:
    """``name`` if add/remove/import may change it, else a one-line error with the way out."""
    if name != store.writable_name:
        raise ParallaxError(
            f"{store.path(name)}: glossary {name!r} is read-only (a reference glossary; the "
            f"writable one is {store.writable_name!r}): use --writable {name} to edit it"
        )
    return name


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
        note = f" ({' '.join(t.note.split())})" if t.note else ""
        # A hand-edited file may hold terminal escapes: never print them raw.
        print(strip_controls(f"{t.id}\t{t.zh}{reading}\t{t.en}{note}\t{t.status}{tags}"))
    _warn_problems(glossary.path, glossary.problems)
    return 0


def _add(store: GlossaryStore, args: argparse.Namespace) -> int:
    if args.status not in STATUSES:
        raise ParallaxError(f"unknown status {args.status!r} (choose from {', '.join(STATUSES)})")
    term = new_term(
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
    added = store.add(_editable(store, args.name), term)
    if added.id != term.id:
        print(f"already in {args.name}: {added.id}\t{added.zh}\t{added.en}")
        return 0
    print(f"added {term.id}\t{term.zh}\t{term.en}\tto {args.name}")
    return 0


def _remove(store: GlossaryStore, args: argparse.Namespace) -> int:
    term = store.remove(_editable(store, args.name), args.term_id)
    print(f"removed {term.id}\t{term.zh}\t{term.en}\tfrom {args.name}")
    return 0


def _import(store: GlossaryStore, args: argparse.Namespace) -> int:
    name = _editable(store, args.into or store.writable_name)
    result = import_file(args.file, args.format, encoding=args.encoding)
    counts = store.import_terms(name, result.terms)
    print(
        f"imported {counts.new} new, {counts.updated} updated, {counts.unchanged} unchanged"
        f" from {printable(str(args.file))} into {name}"
    )
    _warn_problems(args.file, result.problems)
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
    data = export_terms(terms, args.format, name=glossary.name)
    skipped, why = unexportable(terms, args.format)
    written = len(terms) - len(skipped)
    left_out = f" ({len(skipped)} skipped: {why})" if skipped else ""
    if args.output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        if skipped:
            print(f"parallax: exported {written} terms{left_out}", file=sys.stderr)
    else:
        owner = store.glossary_at(args.output)
        if owner is not None:
            raise ParallaxError(
                f"is the file of glossary {owner!r}: export to another file", path=args.output
            )
        write_output(args.output, data)
        print(printable(f"exported {written} terms to {args.output}{left_out}"), file=sys.stderr)
    return 0
