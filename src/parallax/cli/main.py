"""The ``parallax`` command: parses arguments and dispatches to the sub-command modules.

Sub-command modules are imported only when needed, so ``parallax align`` never loads the TUI.
Every expected failure (a :class:`~parallax.core.errors.ParallaxError`: bad document, unknown
glossary, …; or an ``OSError`` from the system) ends with one line on stderr and exit status 2,
never a traceback. Anything else is a bug: its traceback is kept, with a hint to report it.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from parallax import __version__
from parallax.core import notices
from parallax.core.errors import ParallaxError
from parallax.core.reading import DEFAULT_LIMIT_MB, LIMIT_ENV, set_read_limit
from parallax.core.text import printable

# name -> module providing register(subparsers) and run(args)
COMMANDS: dict[str, str] = {
    "read": "parallax.cli.read",
    "show": "parallax.cli.show",
    "align": "parallax.cli.align",
    "glossary": "parallax.cli.glossary",
    "suggest": "parallax.cli.suggest",
    "readings": "parallax.cli.readings",
    "review": "parallax.cli.review",
}
EXIT_BAD_INPUT = 2
BUG_HINT = (
    "parallax: this is a bug in parallax, not a problem with your files; please report it with "
    "the command you ran and the traceback below"
)


class UsageError(ParallaxError):
    """A mistyped command line (told in one line, without the usage block)."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (``UsageError``), not usage plus error."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see {self.prog} --help)")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``command`` only that sub-command's module is imported."""
    parser = Parser(
        prog="parallax",
        description="Read Chinese and English side by side, aligned, "
        "with your glossary lit on both sides.",
    )
    parser.add_argument("--version", action="version", version=f"parallax {__version__}")
    parser.add_argument(
        MAX_INPUT,
        metavar="MB",
        help=f"read at most MB megabytes from any file (default {DEFAULT_LIMIT_MB}, or "
        f"${LIMIT_ENV})",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        if command is not None and name != command:
            subparsers.add_parser(name)
            continue
        importlib.import_module(module_name).register(subparsers)
    return parser


MAX_INPUT = "--max-input"


def _command_of(argv: Sequence[str]) -> str | None:
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in COMMANDS:
            return arg
        if arg == MAX_INPUT:
            skip = True
            continue
        if not arg.startswith("-"):
            return None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run parallax with ``argv`` (default: the process arguments); return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = _command_of(args_list)
    if not args_list:
        args_list = ["read"]
        command = args_list[0]
    parser = build_parser(command)
    try:
        args = parser.parse_args(args_list)
        set_read_limit(args.max_input)
    except ParallaxError as error:
        print(f"parallax: {_one_line(error)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if getattr(args, "func", None) is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # e.g. `parallax show | head`: the reader left, nothing is wrong
        _silence_stdout()
        return 0
    except (ParallaxError, OSError) as error:
        print(f"parallax: {_one_line(error)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception:
        print(BUG_HINT, file=sys.stderr)
        raise
    finally:
        set_read_limit(None)
        tell_notices()


def tell_notices() -> None:
    """Print the core's pending notices (a damaged file set aside, a cache skipped) on stderr,
    one line each."""
    for message in notices.take():
        print(f"parallax: warning: {_one_line(ParallaxError(message))}", file=sys.stderr)


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _one_line(error: BaseException) -> str:
    if isinstance(error, OSError) and error.filename is not None:
        text = f"{error.filename}: {error.strerror or error}"
    else:
        text = str(error) or type(error).__name__
    return " ".join(printable(text).split())
