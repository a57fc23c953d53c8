"""``parallax readings``: Chinese text annotated word by word with pinyin (and Jyutping).

    parallax readings 銀行行長應對以為          -> yín háng háng zhǎng yìng duì yǐ wéi
    parallax readings --jyutping 銀行           -> ngan4 hong4
    parallax readings --format json 銀行        -> [{"text": "銀行", "pinyin": [...], ...}]
    some-command | parallax readings - --format json   (one JSON list per input line)

The readings are the ones the reader, the glossary and every export use
(:mod:`parallax.core.readings`).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from parallax.core.reading import LIMIT_ENV, InputError, read_limit
from parallax.core.text import strip_controls

if TYPE_CHECKING:
    from parallax.core.readings import Reading

BATCH = 1000  # lines read from standard input before their readings are written
# Characters JSON leaves raw that a terminal may obey (DEL, the C1 controls such as the 8-bit
# CSI U+009B) or that disguise text (bidi overrides): written as \u escapes, same JSON value.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``readings`` sub-command."""
    parser = subparsers.add_parser(
        "readings",
        help="annotate Chinese text with pinyin (or Jyutping), word by word",
        description="Print the readings of Chinese text as parallax computes them: pinyin in "
        "context (the same for Traditional and Simplified script), or Jyutping. With '-' (or "
        "no TEXT) each line of standard input is annotated on its own.",
    )
    parser.add_argument("text", nargs="?", default="-", metavar="TEXT", help="the text, or -")
    parser.add_argument(
        "--jyutping",
        action="store_true",
        help="Cantonese Jyutping: instead of pinyin in plain output, beside it in JSON",
    )
    parser.add_argument(
        "--format",
        choices=("plain", "json"),
        default="plain",
        help="plain: the syllables separated by spaces (default); json: a list of "
        '{"text", "pinyin", "jyutping"} covering the text, one list per line with -',
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Annotate the text (or each line of standard input) and print the result."""
    from parallax.core import readings

    readings.load()
    chunks = _stdin_batches() if args.text == "-" else iter([[_argument(args.text)]])
    for lines in chunks:
        found = readings.readings_many(lines, jyutping=args.jyutping)
        out = []
        for words in found:
            if args.format == "json":
                out.append(_json_line([w.as_json() for w in words]))
            else:
                out.append(strip_controls(_plain(words, args.jyutping)))
        sys.stdout.write("\n".join(out) + "\n")
    sys.stdout.flush()
    return 0


def _plain(words: list[Reading], jyutping: bool) -> str:
    """The syllables of ``words`` separated by spaces; other text kept as it is."""
    parts = []
    for word in words:
        syllables = word.jyutping if jyutping else word.pinyin
        text = " ".join(syllables) if syllables is not None else word.text.strip()
        if text:
            parts.append(text)
    return " ".join(parts)


def _argument(text: str) -> str:
    """The TEXT argument as UTF-8 (bytes that are not UTF-8 shown as U+FFFD)."""
    return os.fsencode(text).decode("utf-8", errors="replace")


def _json_line(value: object) -> str:
    """``value`` as one line of JSON, safe to show on a terminal."""
    text = json.dumps(value, ensure_ascii=False)
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _stdin_batches() -> Iterator[list[str]]:
    """Lines of standard input (UTF-8, a BOM skipped, undecodable bytes shown as U+FFFD,
    without their line ends), ``BATCH`` at a time; InputError for a line longer than the read
    limit (``< /dev/zero`` would otherwise fill the memory)."""
    limit = read_limit()
    batch: list[str] = []
    for number, raw in enumerate(iter(lambda: sys.stdin.buffer.readline(limit + 1), b"")):
        if len(raw) > limit:
            raise InputError(
                f"line {number + 1} is longer than the read limit of {limit / 2**20:g} MB "
                f"(raise it with parallax --max-input MB or ${LIMIT_ENV})",
                path="standard input",
            )
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        batch.append(line.removeprefix("\ufeff") if number == 0 else line)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
