"""``parallax glossary``: list, show, add, edit, remove, import, export and check glossaries.

This module adds the command and the options every action takes (``--glossary-dir``,
``--writable``) and opens the store; the actions are grouped as a user meets them, each group
with its own arguments: ``glossary_list`` (list, show), ``glossary_edit`` (add, edit, remove),
``glossary_files`` (import, export) and ``glossary_check`` (check). A glossary named on the
command line is the one written (created if new); only the packaged starter and shared
reference glossaries are read-only.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from parallax.cli import glossary_check, glossary_edit, glossary_files, glossary_list
from parallax.core.glossary import DEFAULT_WRITABLE, GlossaryStore
from parallax.core.glossary.dirs import WRITABLE_ENV
from parallax.core.glossary.store import open_store


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
    for group in (glossary_list, glossary_edit, glossary_files, glossary_check):
        group.register(sub, common)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the ``parallax glossary`` action named in ``args``."""
    directory, writable = getattr(args, "glossary_dir", None), getattr(args, "writable", None)
    store = open_store(directory, writable=writable)
    action: Callable[[GlossaryStore, argparse.Namespace], int] = args.glossary_action
    return action(store, args)
