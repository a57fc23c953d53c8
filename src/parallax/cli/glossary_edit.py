"""``parallax glossary add``, ``edit`` and ``remove``: one term of a glossary changed.

The glossary named is the one written (created if new); the work is done by
:mod:`parallax.core.glossary.operations`.
"""

from __future__ import annotations

import argparse

from parallax.cli.glossary_terms import flat
from parallax.core.glossary import GlossaryStore, operations
from parallax.core.text import strip_controls


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add ``add``, ``edit`` and ``remove``."""
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
    add.set_defaults(glossary_action=add_term)

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
    edit.set_defaults(glossary_action=edit_term)

    remove = sub.add_parser("remove", parents=[common], help="remove a term by id (or id prefix)")
    remove.add_argument("name", metavar="NAME")
    remove.add_argument("term_id", metavar="ID")
    remove.set_defaults(glossary_action=remove_term)


def add_term(store: GlossaryStore, args: argparse.Namespace) -> int:
    """Save the term given; print what the save did and the row."""
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
    print(strip_controls(f"{report.message}\t{term.id}\t{flat(term.zh)}\t{flat(term.en)}"))
    return 0


def edit_term(store: GlossaryStore, args: argparse.Namespace) -> int:
    """Change the fields given of the term named; print what changed."""
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


def remove_term(store: GlossaryStore, args: argparse.Namespace) -> int:
    """Remove the term with the id (or id prefix) given; print it."""
    term = operations.writable(store, args.name).remove(args.name, args.term_id)
    print(strip_controls(f"removed {term.id}\t{flat(term.zh)}\t{flat(term.en)}\tfrom {args.name}"))
    return 0
