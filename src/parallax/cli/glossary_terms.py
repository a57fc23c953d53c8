"""The terms a ``parallax glossary`` command prints: the ``--status``/``--tag`` filters of
``show`` and ``export``, and a field flattened to one line."""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from parallax.core.errors import ParallaxError
from parallax.core.glossary import STATUSES, Term


def add_filters(parser: argparse.ArgumentParser) -> None:
    """``--status`` and ``--tag`` (each repeatable)."""
    parser.add_argument("--status", action="append", help="only terms with this status (repeat)")
    parser.add_argument("--tag", action="append", help="only terms with this tag (repeat)")


def selected(terms: Iterable[Term], args: argparse.Namespace) -> list[Term]:
    """The terms with one of the statuses and one of the tags asked for (all when none is)."""
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


def flat(text: str) -> str:
    """``text`` on one line: runs of blanks (TAB and newline too) as one space."""
    return " ".join(text.split())
