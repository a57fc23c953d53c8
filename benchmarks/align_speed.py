"""Alignment speed and memory, measured on whole processes.

Usage: python benchmarks/align_speed.py PATH/TO/mac-dev [--sizes 1000 10000 100000] [--skip-big]

1. all of MAC-Dev (six chapters, --units lines) with every signal, CC-CEDICT load included, in
   one fresh process (target <= 3 s);
2. ``parallax align`` on a synthetic 10,000 x 12,000 paragraph pair (target <= 10 s, <= 500 MB);
3. ``parallax align --units lines`` at 1k, 10k and 100k Chinese units, to show linear growth.

Synthetic documents are built from MAC-Dev's gold beads: 2-6 consecutive beads make a paragraph
pair (grouping drawn with a seeded RNG), one English paragraph in five is split in two at a bead
boundary (so English has about 1.2 units per Chinese unit), and the six chapters' paragraphs are
repeated in order until the size is reached, like a long book whose chapters have different
length ratios. Each measurement is one child
process; its wall time and peak RSS come from ``os.wait4``. The CC-CEDICT cache is warmed first.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from align_quality import Doc, load_mac  # noqa: E402

MAC_CHILD = """
import sys, time
sys.path.insert(0, {bench!r})
from align_quality import load_mac
from pathlib import Path
from parallax.core.align import align_units
for doc in load_mac(Path({root!r})):
    align_units(doc.zh, doc.en, units="lines")
"""


def run_child(argv: list[str]) -> tuple[float, float]:
    """Run ``argv`` as a child process; its wall time (s) and peak resident memory (MB)."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"child failed ({process.returncode}): {' '.join(argv)}")
    return elapsed, usage.ru_maxrss / 1024


def paragraph_pairs(docs: list[Doc], count: int, rng: random.Random) -> list[tuple[str, list[str]]]:
    """``count`` synthetic paragraph pairs: Chinese text and one or two English paragraphs.

    The same chapters come back every ~330 pairs; the aligner's band (a few dozen units wide)
    never sees two copies at once.
    """
    pool: list[tuple[str, list[str]]] = []
    for doc in docs:
        i = 0
        while i < len(doc.gold):
            group = doc.gold[i : i + rng.randint(2, 6)]
            i += len(group)
            zh = "".join(doc.zh[z] for bead in group for z in bead[0])
            en_parts = [" ".join(doc.en[e] for e in bead[1]) for bead in group]
            en_parts = [p for p in en_parts if p]
            if not zh or not en_parts:
                continue
            if len(en_parts) >= 2 and rng.random() < 0.2:
                cut = rng.randint(1, len(en_parts) - 1)
                pool.append((zh, [" ".join(en_parts[:cut]), " ".join(en_parts[cut:])]))
            else:
                pool.append((zh, [" ".join(en_parts)]))
    return [pool[k % len(pool)] for k in range(count)]


def write_pair(pairs: list[tuple[str, list[str]]], directory: Path, sep: str) -> tuple[Path, Path]:
    zh, en = directory / "zh.txt", directory / "en.txt"
    zh.write_text(sep.join(p[0] for p in pairs) + "\n", encoding="utf-8")
    en.write_text(sep.join(e for p in pairs for e in p[1]) + "\n", encoding="utf-8")
    return zh, en


def align_command(zh: Path, en: Path, units: str, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "parallax",
        "align",
        "--zh",
        str(zh),
        "--en",
        str(en),
        "--units",
        units,
        "-o",
        str(out),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mac_dev", type=Path)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10_000, 100_000])
    parser.add_argument("--skip-big", action="store_true", help="skip the 10,000 x 12,000 run")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    docs = load_mac(args.mac_dev)
    bench = str(Path(__file__).resolve().parent)
    mac = [sys.executable, "-c", MAC_CHILD.format(bench=bench, root=str(args.mac_dev.resolve()))]
    run_child(mac)  # warm the CC-CEDICT cache
    seconds, mb = run_child(mac)
    print("| run | units (zh x en) | wall time | peak RSS |\n|---|---|---|---|")
    n_zh, n_en = sum(len(d.zh) for d in docs), sum(len(d.en) for d in docs)
    print(
        f"| all MAC-Dev, --units lines, one process | {n_zh} x {n_en} | {seconds:.2f} s "
        f"| {mb:.0f} MB |",
        flush=True,
    )
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        if not args.skip_big:
            pairs = paragraph_pairs(docs, 10_000, rng)
            zh, en = write_pair(pairs, directory, "\n\n")
            n_en_big = sum(len(p[1]) for p in pairs)
            seconds, mb = run_child(align_command(zh, en, "paragraphs", directory / "out.json"))
            print(
                f"| parallax align, paragraphs | 10000 x {n_en_big} | {seconds:.2f} s "
                f"| {mb:.0f} MB |",
                flush=True,
            )
        for size in args.sizes:
            pairs = paragraph_pairs(docs, size, rng)
            lines = [(zh, en) for zh, en in pairs]
            zh, en = write_pair(lines, directory, "\n")
            n_en_size = sum(len(p[1]) for p in pairs)
            seconds, mb = run_child(align_command(zh, en, "lines", directory / "out.json"))
            print(
                f"| parallax align --units lines | {size} x {n_en_size} | {seconds:.2f} s "
                f"| {mb:.0f} MB |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
