"""``suggest_terms`` on adversarial files of quotes: the work must grow linearly with the text.

    python benchmarks/suggest_adversarial.py [--sizes 48000,200000,1000000] [--kinds ...]

Each file holds one Chinese and one English paragraph built to hurt quote handling:

* ``deep``: one line per language, quotes nested thousands deep (「『「『…』」』」, "'"'…'"'"),
  with short words between the marks;
* ``lines``: lines of quotes nested twenty deep, one after another;
* ``dense``: short nested quotes side by side (「美國『雙遏制「中國」政策』」 ↔
  "US 'dual containment "China" policy'"), every one of them a candidate term.

For each kind and size, the file is written to a temporary folder, read with ``load_document``,
aligned, and ``suggest_terms`` is timed (CC-CEDICT and jieba loaded beforehand). The baseline is
the previous version of parallax run by the same script in the same session, e.g. with
``PYTHONPATH=/path/to/old/src`` (it is quadratic: give it smaller sizes). The goal (issue 12):
1 MB in at most 5 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from parallax.core import cedict, words
from parallax.core.align import align_document
from parallax.core.readers import load_document
from parallax.core.suggest import suggest_terms

WORDS_ZH = ["美國", "中國", "雙遏制", "政策", "俄羅斯", "聯合聲明", "關稅", "結盟", "霸權", "和平"]
WORDS_EN = [
    "US",
    "China",
    "dual",
    "containment",
    "policy",
    "Russia",
    "joint",
    "statement",
    "tariff",
    "alliance",
]


def deep(size: int) -> tuple[str, str]:
    """One line per language, nested as deep as the size allows."""
    depth = size // 24
    zh_open = "".join(f"{'「『'[i % 2]}{WORDS_ZH[i % len(WORDS_ZH)]}" for i in range(depth))
    zh_close = "".join("」』"[i % 2] for i in reversed(range(depth)))
    en_open = "".join(
        f" {chr(34) if i % 2 == 0 else chr(39)}{WORDS_EN[i % 10]}" for i in range(depth)
    )
    en_close = "".join(f"x{chr(34) if i % 2 == 0 else chr(39)} " for i in reversed(range(depth)))
    return zh_open + zh_close + "。", en_open + en_close + "."


def lines(size: int) -> tuple[str, str]:
    """Lines of quotes nested twenty deep."""
    zh_line, en_line = deep(800)
    count = max(1, size // (len(zh_line.encode()) + len(en_line.encode())))
    return "\n".join([zh_line] * count), "\n".join([en_line] * count)


def dense(size: int) -> tuple[str, str]:
    """Short nested quotes side by side, each a candidate term."""
    zh_unit = "「美國『雙遏制「中國」政策』」與「俄羅斯」"
    en_unit = '"US \'dual containment "China" policy\' " and "Russia" '
    count = max(1, size // (len(zh_unit.encode()) + len(en_unit.encode())))
    return zh_unit * count + "。", en_unit * count + "."


KINDS: dict[str, Callable[[int], tuple[str, str]]] = {"deep": deep, "lines": lines, "dense": dense}


def run(kind: str, size: int, folder: Path) -> tuple[int, float, int]:
    """Bytes of the file, seconds ``suggest_terms`` took, suggestions found."""
    zh, en = KINDS[kind](size)
    path = folder / f"{kind}-{size}.txt"
    path.write_text(f"{zh}\n\n{en}\n", encoding="utf-8")
    doc = load_document(path)
    beads = align_document(doc)
    start = time.perf_counter()
    found = suggest_terms(doc, beads)
    return path.stat().st_size, time.perf_counter() - start, len(found)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="48000,200000,1000000", help="file sizes in bytes")
    parser.add_argument("--kinds", default=",".join(KINDS), help="which files")
    args = parser.parse_args(argv)
    cedict.load()
    words.load()
    print(f"{'file':8} {'bytes':>9} {'seconds':>8} {'µs/KB':>8} suggestions")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.kinds.split(","):
            for size in (int(s) for s in args.sizes.split(",")):
                got, seconds, count = run(kind, size, Path(tmp))
                per_kb = seconds / (got / 1024) * 1e6
                print(f"{kind:8} {got:9d} {seconds:8.2f} {per_kb:8.0f} {count}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
