"""Alignment speed and memory, measured on whole processes.

Usage: python benchmarks/align_speed.py PATH/TO/mac-dev [--sizes 1000 10000 100000] [--skip-big]
       [--baseline OTHER/src ...] [--runs 5] [--only-concatenated | --only-book]

0. all of MAC-Dev concatenated into one 1,463 x 1,951 pair (``cat zh/*.txt``, ``cat en/*.txt``),
   ``parallax align --units lines``, whole process, CC-CEDICT cache warm: median of ``--runs``
   (target <= 0.9 s). With ``--baseline`` (the ``src`` folder of another checkout, e.g. a
   ``git worktree`` of main), the baseline runs interleaved with ours in the same run;
1. all of MAC-Dev (six chapters, --units lines) with every signal, CC-CEDICT load included, in
   one fresh process (target <= 3 s);
2. ``parallax align`` on a synthetic 10,000 x 12,000 paragraph pair (target <= 10 s, <= 500 MB);
   with ``--only-book``, median of ``--runs`` interleaved with each ``--baseline``;
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
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Child processes write and reuse bytecode as an installed parallax does (pip compiles it at
# install time): a shell with PYTHONDONTWRITEBYTECODE set would otherwise time Python compiling
# every module on every start (parallax --version: 0.12 s with bytecode, 0.26 s without).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

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


def run_child(argv: list[str], src: str | None = None) -> tuple[float, float]:
    """Run ``argv`` as a child process (with ``src`` first on its path, when given); its wall
    time (s) and peak resident memory (MB)."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, env=env)
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


def _versions(baselines: list[str]) -> list[tuple[str, str]]:
    """Ours, then each ``--baseline`` (named by the checkout holding that ``src``)."""
    ours = str(Path(__file__).resolve().parent.parent / "src")
    named = [(f"baseline {Path(src).resolve().parent.name}", src) for src in baselines]
    return [("parallax", ours), *named]


def interleaved(command: list[str], versions: list[tuple[str, str]], runs: int, title: str) -> None:
    """Run ``command`` with each version ``runs`` times, interleaved (after one warm-up run
    each), and print the median wall time, the spread and the median peak RSS."""
    results: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in versions}
    for _name, src in versions:
        run_child(command, src)  # warm its caches
    for _ in range(runs):
        for name, src in versions:
            results[name].append(run_child(command, src))
            print(
                f"  {name}: {results[name][-1][0]:.2f} s (load {os.getloadavg()[0]:.1f})",
                file=sys.stderr,
                flush=True,
            )
    print(f"{title}, whole process, median of {runs} (load average {os.getloadavg()[0]:.1f})")
    print("| version | median wall | min | max | peak RSS (median) |\n|---|---|---|---|---|")
    medians = {}
    for name, found in results.items():
        times = sorted(t for t, _ in found)
        medians[name] = statistics.median(times)
        rss = statistics.median(mb for _, mb in found)
        print(
            f"| {name} | {medians[name]:.2f} s | {times[0]:.2f} s | {times[-1]:.2f} s "
            f"| {rss:.0f} MB |"
        )
    for name in list(medians)[1:]:
        print(f"\n{name} / parallax: x{medians[name] / medians['parallax']:.2f}")
    print()


def concatenated(docs: list[Doc], baselines: list[str], runs: int) -> None:
    """Goal 0: all of MAC-Dev as one pair, whole process, median of ``runs`` (interleaved)."""
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        zh, en = directory / "zh.txt", directory / "en.txt"
        zh.write_text("\n".join(z for d in docs for z in d.zh) + "\n", encoding="utf-8")
        en.write_text("\n".join(e for d in docs for e in d.en) + "\n", encoding="utf-8")
        command = align_command(zh, en, "lines", directory / "out.json")
        n_zh, n_en = sum(len(d.zh) for d in docs), sum(len(d.en) for d in docs)
        title = f"all MAC-Dev as one pair ({n_zh} x {n_en}), --units lines"
        interleaved(command, _versions(baselines), runs, title)


def book(docs: list[Doc], baselines: list[str], runs: int, seed: int) -> None:
    """Goal 2 with baselines: the synthetic 10,000-paragraph book, median of ``runs``."""
    pairs = paragraph_pairs(docs, 10_000, random.Random(seed))
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        zh, en = write_pair(pairs, directory, "\n\n")
        command = align_command(zh, en, "paragraphs", directory / "out.json")
        title = f"parallax align, 10000 x {sum(len(p[1]) for p in pairs)} paragraphs"
        interleaved(command, _versions(baselines), runs, title)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mac_dev", type=Path)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10_000, 100_000])
    parser.add_argument("--skip-big", action="store_true", help="skip the 10,000 x 12,000 run")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--baseline",
        action="append",
        default=[],
        help="src folder of a version to compare with (may be given more than once)",
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only-concatenated", action="store_true", help="measure 0. only")
    parser.add_argument(
        "--only-book",
        action="store_true",
        help="measure 2. only, median of --runs, interleaved with each --baseline",
    )
    args = parser.parse_args(argv)
    docs = load_mac(args.mac_dev)
    if args.only_book:
        book(docs, args.baseline, args.runs, args.seed)
        return 0
    concatenated(docs, args.baseline, args.runs)
    if args.only_concatenated:
        return 0
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
