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

from parallax import __version__
from parallax.core.errors import ParallaxError
from parallax.core.text import printable

# name -> module providing register(subparsers) and run(args)
COMMANDS: dict[str, str] = {
    "read": "parallax.cli.read",
    "show": "parallax.cli.show",
    "align": "parallax.cli.align",
    "glossary": "parallax.cli.glossary",
    "suggest": "parallax.cli.suggest",
    "readings": "parallax.cli.readings",
}
EXIT_BAD_INPUT = 2
BUG_HINT = (
    "parallax: this is a bug in parallax, not a problem with your files; please report it with "
    "the command you ran and the traceback below"
)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``command`` only that sub-command's module is imported."""
    parser = argparse.ArgumentParser(
        prog="parallax",
        description="Read Chinese and English side by side, aligned, "
        "with your glossary lit on both sides.",
    )
    parser.add_argument("--version", action="version", version=f"parallax {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        if command is not None and name != command:
            subparsers.add_parser(name)
            continue
        importlib.import_module(module_name).register(subparsers)
    return parser


def _command_of(argv: Sequence[str]) -> str | None:
    for arg in argv:
        if arg in COMMANDS:
            return arg
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
    args = parser.parse_args(args_list)
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


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _one_line(error: BaseException) -> str:
    if isinstance(error, OSError) and error.filename is not None:
        text = f"{error.filename}: {error.strerror or error}"
    else:
        text = str(error) or type(error).__name__
    return " ".join(printable(text).split())
