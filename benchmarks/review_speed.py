"""Review speed: from ``parallax review`` to the first card on a 10,000-term glossary, and what
a grade costs on screen and on disk.

Usage: python benchmarks/review_speed.py [--runs N] [--out benchmarks/results/review.md]

* first card: ``parallax review`` is started in a pseudo-terminal (120x40) and timed from the
  spawn until the first frame showing a card (its counts line) has been written; then ctrl+q.
  Glossaries: 10,000 terms, each with a context paragraph pair, and a review file holding the
  history of 6,000 reviewed cards (24,000 grades); and, as baselines in the same run, a
  3-term glossary and ``parallax --version`` (the interpreter and the command line alone).
* a grade, inside the process on the 10,000-term glossary: the key's work on screen (grade the
  card, show the next) against the save that runs in the background worker (the review file
  transaction under the lock, fsynced).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import PARALLAX, ROOT, machine, timed_run  # noqa: E402

sys.path.insert(0, str(ROOT / "src"))

TERMS = 10_000
REVIEWED = 6_000
GRADES_PER_CARD = 4


def make_glossaries(directory: Path) -> None:
    """``big`` (10,000 terms with contexts and a review history) and ``small`` (3 terms)."""
    from parallax.core.bundled import bundled_document_path
    from parallax.core.glossary import GlossaryStore, Term
    from parallax.core.readers import load_document
    from parallax.core.review import Deck, cards_of, review, stage_of
    from parallax.core.review.dbfile import create

    doc = load_document(bundled_document_path())
    pairs = [(z.text, e.text) for z, e in zip(doc.zh, doc.en, strict=False) if z.text and e.text]
    rng = random.Random(13)
    han = [chr(c) for c in range(0x4E00, 0x9FA5)]
    terms = []
    for i in range(TERMS):
        zh_context, en_context = pairs[i % len(pairs)]
        zh = "".join(rng.choice(han) for _ in range(rng.randint(2, 4)))
        terms.append(
            Term(
                id=f"{i:016x}",
                zh=zh,
                en=f"term {i}",
                pinyin="pin yin",
                jyutping="jyut ping",
                context_zh=zh_context[:40] + zh + zh_context[40:],
                context_en=f"{en_context} (term {i})",
                source="Ming Pao",
            )
        )
    cards = cards_of("big", terms)
    memories, log = {}, []
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=90)
    for card in rng.sample(cards, REVIEWED):
        memory, at = None, start + dt.timedelta(minutes=rng.randint(0, 60 * 24 * 30))
        for _ in range(GRADES_PER_CARD):
            memory, entry = review(card.key, memory, rng.choice([2, 3, 3, 3, 4]), at)  # type: ignore[arg-type]
            log.append(entry)
            at = memory.due
        assert memory is not None
        memories[card.key] = memory
    log.sort(key=lambda e: e.at)
    directory.mkdir(parents=True, exist_ok=True)
    create(directory / "big.review.sqlite", Deck(memories, tuple(log)))
    by_term: dict[str, list[str]] = {}
    for card in cards:
        by_term.setdefault(card.term.id, []).append(card.key)
    # statuses follow the memories, as they would after these reviews
    terms = [t.with_changes(status=stage_of(memories.get(k) for k in by_term[t.id])) for t in terms]
    store = GlossaryStore(directory, writable_name="big")
    store.add_many("big", terms)
    small = GlossaryStore(directory, writable_name="small")
    small.add_many("small", terms[:3])


CPU_TO_FIRST_CARD = """
import asyncio, time
from parallax.app.app import make_review_app
from parallax.app.review.screen import ReviewScreen

painted = []
full_read = ReviewScreen.open_review


def open_review(self):  # called right after the first card's frame (call_after_refresh)
    painted.append(time.process_time())
    assert self.glimpse is not None  # the frame held the first card
    return full_read(self)


ReviewScreen.open_review = open_review


async def main():
    app = make_review_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
    print(painted[0])

asyncio.run(main())
"""


def cpu_to_first_card(env: dict[str, str]) -> float:
    """CPU seconds from the process start until the first card's frame is rendered, headless:
    a figure the machine's load hardly inflates."""
    out = subprocess.run(
        [sys.executable, "-c", CPU_TO_FIRST_CARD], env=env, capture_output=True, text=True
    )
    return float(out.stdout.strip().splitlines()[-1])


async def grade_costs(directory: Path, grades: int = 30) -> dict[str, float]:
    """Milliseconds: a grade on screen (median, worst) and its background save (median)."""
    from parallax.app.app import make_review_app
    from parallax.app.review.screen import ReviewScreen
    from parallax.core.review import record

    os.environ["PARALLAX_WRITABLE_GLOSSARY"] = "big"
    app = make_review_app(["big"], glossary_dir=directory)
    on_screen, saves, statuses = [], [], []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.session is not None
        session = screen.session
        for _ in range(grades):
            session.reveal()
            screen.show()
            t = time.perf_counter()
            change = session.grade(3)  # type: ignore[arg-type]
            screen.show()
            on_screen.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            record(change.review_path, change.graded, change.base)
            saves.append((time.perf_counter() - t) * 1000)
        store, term = screen.store, session.sources["big"].terms[-1]
        assert store is not None
        for status in ("known", term.status) * 3:  # a stage change: the glossary rewritten
            t = time.perf_counter()
            store.set_status("big", term.id, status)  # type: ignore[arg-type]
            statuses.append((time.perf_counter() - t) * 1000)
    return {
        "screen median": statistics.median(on_screen),
        "screen worst": max(on_screen),
        "save median": statistics.median(saves),
        "save worst": max(saves),
        "status median": statistics.median(statuses),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "review.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "glossaries"
        make_glossaries(directory)
        size = (directory / "big.review.sqlite").stat().st_size / 1e6
        tsv = (directory / "big.tsv").stat().st_size / 1e6
        env = dict(os.environ, TERM="xterm-256color", COLORTERM="truecolor")
        env["PARALLAX_CACHE_DIR"] = str(Path(tmp) / "cache")
        env["PARALLAX_DATA_DIR"] = str(Path(tmp) / "data")
        env["PARALLAX_GLOSSARY_DIR"] = str(directory)
        review = [*PARALLAX, "review"]
        big_env = dict(env, PARALLAX_WRITABLE_GLOSSARY="big")
        small_env = dict(env, PARALLAX_WRITABLE_GLOSSARY="small")
        timed_run(review, [b"reviewed"], big_env)  # warm the file system cache
        timed_run(PARALLAX, ["國家主席".encode(), b"CC-CEDICT"], small_env)  # warm caches
        big, small, reader, version, big_cpu, small_cpu = [], [], [], [], [], []
        for _ in range(args.runs):  # interleaved, so that load changes hit all alike
            big.append(timed_run(review, [b"reviewed"], big_env)[0])
            small.append(timed_run(review, [b"reviewed"], small_env)[0])
            reader.append(timed_run(PARALLAX, ["國家主席".encode()], small_env)[0])
            big_cpu.append(cpu_to_first_card(big_env))
            small_cpu.append(cpu_to_first_card(small_env))
            t = time.perf_counter()
            subprocess.run([*PARALLAX, "--version"], env=env, stdout=subprocess.DEVNULL)
            version.append(time.perf_counter() - t)
        costs = asyncio.run(grade_costs(directory))

    def med(values: list[float]) -> str:
        return f"{statistics.median(values):.2f} s (min {min(values):.2f})"

    ratio = statistics.median(big) / statistics.median(small)
    lines = [
        "# Review speed (benchmarks/review_speed.py)",
        "",
        f"Date: {dt.date.today().isoformat()}. Machine: {machine()}.",
        f"Load average when run: {os.getloadavg()[0]:.2f}.",
        f"Pseudo-terminal 120x40, {args.runs} runs each, interleaved, median (min).",
        "",
        "| measure | result | target |",
        "|---|---|---|",
        f"| `parallax review`, {TERMS:,} terms ({REVIEWED:,} cards reviewed, "
        f"{REVIEWED * GRADES_PER_CARD:,} grades; {size:.1f} MB review file, {tsv:.1f} MB "
        f"glossary): first card "
        f"| {med(big)} | ≤ 0.5 s |",
        f"| baseline: `parallax review`, 3 terms, no review file: first card | {med(small)} | — |",
        f"| baseline: the reader's first paint of the seed (`parallax`) | {med(reader)} "
        f"| ≤ 0.6 s (0.41 s in BENCHMARKS.md) |",
        f"| baseline: `parallax --version` (interpreter and command line) | {med(version)} | — |",
        f"| {TERMS:,} terms against 3 terms | ×{ratio:.2f} | — |",
        f"| CPU time to the first card's frame, headless, {TERMS:,} / 3 terms "
        f"| {med(big_cpu)} / {med(small_cpu)} | — |",
        f"| a grade on screen (grade, show the next card), median / worst "
        f"| {costs['screen median']:.1f} / {costs['screen worst']:.1f} ms | never waits on disk |",
        f"| its save in the background worker: the review file (lock, transaction, fsync), "
        f"median / worst | {costs['save median']:.0f} / {costs['save worst']:.0f} ms | — |",
        f"| and, when a term's stage changes (new → learning → known), its status in the "
        f"{TERMS:,}-term glossary (rewritten, fsynced), median | {costs['status median']:.0f} ms "
        f"| — |",
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
