"""``parallax read``: open a document in the reader (the default command)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parallax.cli.common import add_document_args, add_fresh_arg, document_from_args
from parallax.core.errors import ParallaxError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``read`` sub-command."""
    parser = subparsers.add_parser(
        "read",
        help="read a document side by side (default: the bundled editorial)",
        description="Read Chinese and English side by side, aligned, with glossary terms lit.",
    )
    add_document_args(parser, optional=True)
    parser.add_argument(
        "--glossary",
        action="append",
        default=[],
        metavar="NAME",
        help="a glossary to use (repeatable; default: your writable glossary and the starter)",
    )
    parser.add_argument("--glossary-dir", type=Path, metavar="DIR", help="the glossary directory")
    add_fresh_arg(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load the document and check the glossary names (bad input fails here, before the TUI),
    then run the reader."""
    doc = document_from_args(args)
    if args.glossary:
        check_glossaries(args.glossary, args.glossary_dir)
    check_terminal()
    from parallax.app.app import make_app

    app = make_app(
        doc,
        glossaries=args.glossary,
        glossary_dir=args.glossary_dir,
        fresh=getattr(args, "fresh", False),
    )
    app.run()
    return app.return_code or 0


def check_terminal(
    what: str = "the reader", instead: str = "parallax show prints the document"
) -> None:
    """Raise a one-line error unless the keys can come from a terminal: with standard input
    redirected (``< /dev/null``, a pipe, ``-``) the TUI would wait for ever."""
    if not sys.stdin.isatty():
        raise ParallaxError(f"{what} needs a terminal, and standard input is not one ({instead})")


def check_glossaries(names: list[str], directory: Path | None) -> None:
    """Raise a one-line ValueError if one of ``names`` is not a glossary of the directory."""
    from parallax.core.glossary.store import open_store

    store = open_store(directory)
    known = store.places.names()
    for name in names:
        if name not in known and name != store.places.writable_name:
            where = store.places.directory
            raise ParallaxError(
                f"{where}: no glossary named {name!r} (known: {', '.join(known) or 'none'})"
            )
