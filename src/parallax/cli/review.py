"""``parallax review``: spaced repetition of your terms in the terminal, or ``--stats``."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from parallax.core.errors import ParallaxError
from parallax.core.text import counted

if TYPE_CHECKING:
    from rich.console import RenderableType

    from parallax.core.review import Stats

BAR_WIDTH = 30
_EIGHTHS = " ▏▎▍▌▋▊▉"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``review`` sub-command."""
    parser = subparsers.add_parser(
        "review",
        help="review your terms with spaced repetition (FSRS), in the context you met them",
        description="Review the terms of your glossary (default: the writable one) as cards: "
        "Chinese → English, English → Chinese and, with a saved context, a cloze. "
        "space shows the answer, 1-4 grade it (Again, Hard, Good, Easy), u undoes. "
        "The review state is saved beside the glossary as NAME.review.sqlite.",
    )
    parser.add_argument(
        "glossaries",
        nargs="*",
        metavar="GLOSSARY",
        help="the glossaries to review (default: your writable glossary)",
    )
    parser.add_argument("--glossary-dir", type=Path, metavar="DIR", help="the glossary directory")
    parser.add_argument(
        "--new-per-day",
        type=_count,
        metavar="N",
        help="new cards a day, per glossary (default: the review_new_per_day setting, or 20)",
    )
    parser.add_argument(
        "--stats",
        action="store_true",
        help="print cards due today and in the next 7 days, reviews done and retention",
    )
    parser.set_defaults(func=run)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is below 0")
    return value


def run(args: argparse.Namespace) -> int:
    """Check the glossary names (bad input fails here, before the TUI), then review or print
    the statistics."""
    check_names(args.glossaries, args.glossary_dir)
    if args.stats:
        return print_stats(args.glossaries, args.glossary_dir, args.new_per_day)
    from parallax.app.app import make_review_app
    from parallax.cli.read import check_terminal

    check_terminal("the review", "parallax review --stats prints the figures")

    app = make_review_app(
        args.glossaries, glossary_dir=args.glossary_dir, new_per_day=args.new_per_day
    )
    app.run()
    return app.return_code or 0


def check_names(names: list[str], directory: Path | None) -> None:
    """ParallaxError (one line) if one of ``names`` is not a glossary of the directory."""
    from parallax.core.glossary import GlossaryStore, glossary_dir, writable_glossary_name

    store = GlossaryStore(glossary_dir(directory), writable_name=writable_glossary_name())
    known = store.places.names()
    for name in names:
        if name not in known and name != store.places.writable_name:
            raise ParallaxError(
                f"no glossary named {name!r} (known: {', '.join(known) or 'none'})",
                path=store.places.directory,
            )


def print_stats(names: list[str], directory: Path | None, new_per_day: int | None) -> int:
    """Print each glossary's review statistics as a small table with bars."""
    import sys

    from rich.console import Console

    from parallax.core.review import cards_of, new_per_day_setting, open_default, stats_of

    now = dt.datetime.now(dt.UTC)
    per_day = new_per_day if new_per_day is not None else new_per_day_setting()
    _store, opened = open_default(directory, names, now, per_day, full_log=True)
    for problem in opened.problems:
        print(f"parallax: warning: {problem}", file=sys.stderr)
    console = Console(highlight=False)
    for source in opened.sources:
        cards = cards_of(source.name, source.terms)
        console.print(stats_table(stats_of(source.name, cards, source.deck, now, per_day)))
    return 0


def stats_table(stats: Stats) -> RenderableType:
    """One glossary's statistics: a title line, due cards by day with bars, reviews and
    retention."""
    from rich.table import Table
    from rich.text import Text

    title = Text.assemble(
        (stats.glossary, "bold"),
        f": {counted(stats.cards, 'card')} — {stats.new} new, {stats.learning} learning,"
        f" {stats.known} known",
    )
    table = Table(title=title, title_justify="left", show_header=True, box=None, pad_edge=False)
    table.add_column("due", no_wrap=True)
    table.add_column("cards", justify="right")
    table.add_column("", no_wrap=True)
    peak = max([n for _, n in stats.due] + [stats.new_today, 1])
    for i, (day, count) in enumerate(stats.due):
        label = "today" if i == 0 else ("tomorrow" if i == 1 else day.strftime("%a %d %b"))
        table.add_row(label, str(count), Text(bar(count, peak), style="cyan"))
    table.add_row("new to learn", str(stats.new_today), Text(bar(stats.new_today, peak), "green"))
    table.add_section()
    table.add_row("reviews", str(stats.reviews), Text(f"{stats.reviews_today} today"))
    if stats.retention is None:
        table.add_row("retention", "—", Text("no reviews of learnt cards in 30 days", "dim"))
    else:
        share = f"{stats.retention:.0%}"
        meter = bar(round(stats.retention * 100), 100)
        table.add_row(
            "retention",
            share,
            Text.assemble((meter, "magenta"), f" of {stats.retention_reviews} (30 days)"),
        )
    return table


def bar(value: int, peak: int, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of ``value`` out of ``peak`` in ``width`` cells (eighths of a cell)."""
    if value <= 0 or peak <= 0:
        return ""
    eighths = max(1, round(value / peak * width * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[part] if part else "")
