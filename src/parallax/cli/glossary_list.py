"""``parallax glossary list`` and ``show``: the glossaries, and the terms of one."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from parallax.cli.glossary_terms import add_filters, flat, selected
from parallax.core.glossary import GlossaryStore, glossary_infos
from parallax.core.text import counted, printable, strip_controls


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add ``list`` and ``show``."""
    listing = sub.add_parser("list", parents=[common], help="list the glossaries (priority order)")
    listing.set_defaults(glossary_action=list_glossaries)
    show = sub.add_parser("show", parents=[common], help="print the terms of a glossary")
    show.add_argument("name", metavar="NAME")
    add_filters(show)
    show.set_defaults(glossary_action=show_terms)


def list_glossaries(store: GlossaryStore, args: argparse.Namespace) -> int:
    """One line per glossary; files that are not glossaries are warned about."""
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
        problems = f", {counted(info.problems, 'bad row')}" if info.problems else ""
        problems += "" if info.exists else ", created on first save"
        terms = counted(info.terms, "term")
        print(f"{info.name}\t{terms}\t{flags}{problems}\t{printable(str(info.path))}")
    for path in store.places.ignored_files():
        print(
            f"parallax: warning: {printable(str(path))}: ignored, not a valid glossary name",
            file=sys.stderr,
        )
    return 0


def show_terms(store: GlossaryStore, args: argparse.Namespace) -> int:
    """One line per term of glossary ``args.name``; its unreadable rows are warned about."""
    glossary = store.load(args.name)
    shown = selected(glossary.terms, args)
    if not shown:  # said on stderr: standard output stays one line per term
        which = "no terms match" if glossary.terms else "no terms yet"
        print(printable(f"parallax: {glossary.name}: {which} ({glossary.path})"), file=sys.stderr)
    for t in shown:
        reading = f" [{t.pinyin}]" if t.pinyin else ""
        tags = "".join(f" #{tag}" for tag in t.tags)
        note = f" ({flat(t.note)})" if t.note else ""
        # A hand-edited file may hold terminal escapes: never print them raw. One line per
        # term, four tab-separated columns, whatever blanks the fields hold.
        line = f"{t.id}\t{flat(t.zh)}{reading}\t{flat(t.en)}{note}\t{t.status}{tags}"
        print(strip_controls(line))
    _warn_problems(glossary.path, glossary.problems)
    return 0


def _warn_problems(path: Path, problems: Sequence[object]) -> None:
    for problem in problems:
        print(printable(f"parallax: warning: {path}:{problem}"), file=sys.stderr)
