"""Alignment quality on MAC-Dev and news-dev: strict and lax P/R/F1, documents exact, ablation.

Usage: python benchmarks/align_quality.py PATH/TO/mac-dev [--news PATH/TO/news-dev]
       [--baseline OTHER/src] [--no-ablation] [--seed N]

news-dev (paragraphs of news in the Ming Pao format, gold paragraph beads): strict/lax scores,
documents whose non-empty beads are all right, an ablation of what the paragraph aligner is made
of, and how well the row confidences point at the wrong rows (rows scoring below
``LOW_CONFIDENCE`` are flagged). ``--baseline`` runs another checkout's aligner (its ``src``
folder, e.g. a ``git worktree`` of main) on the same documents in a child process.

Scoring follows bench/README.md: beads with an empty side are left out of both the predicted
and the gold sets; strict counts exact matches, lax counts beads overlapping on both sides;
counts are summed over all documents (micro-average).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from parallax.core.align import align_units
from parallax.core.align.params import PARAGRAPHS, SENTENCES, SIGNALS, Params

BeadIds = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Doc:
    name: str
    zh: list[str]
    en: list[str]
    gold: list[BeadIds]


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    strict: int = 0
    lax_predicted: int = 0
    lax_gold: int = 0

    def add(self, predicted: Sequence[BeadIds], gold: Sequence[BeadIds]) -> None:
        pred = [b for b in predicted if b[0] and b[1]]
        ref = [b for b in gold if b[0] and b[1]]
        self.predicted += len(pred)
        self.gold += len(ref)
        ref_set = set(ref)
        self.strict += sum(1 for b in pred if b in ref_set)
        self.lax_predicted += sum(1 for b in pred if any(_overlap(b, g) for g in _near(b, ref)))
        self.lax_gold += sum(1 for g in ref if any(_overlap(b, g) for b in _near(g, pred)))

    def scores(self) -> dict[str, float]:
        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        sp, sr = self.strict / max(self.predicted, 1), self.strict / max(self.gold, 1)
        lp, lr = self.lax_predicted / max(self.predicted, 1), self.lax_gold / max(self.gold, 1)
        return {
            "strict_p": sp,
            "strict_r": sr,
            "strict_f1": f1(sp, sr),
            "lax_p": lp,
            "lax_r": lr,
            "lax_f1": f1(lp, lr),
        }


def _overlap(a: BeadIds, b: BeadIds) -> bool:
    return bool(set(a[0]) & set(b[0])) and bool(set(a[1]) & set(b[1]))


def _near(bead: BeadIds, beads: Sequence[BeadIds]) -> Sequence[BeadIds]:
    return beads  # documents are small; a linear scan is fine


def load_mac(root: Path) -> list[Doc]:
    """The MAC-Dev documents under ``root`` (zh/, en/, gold/)."""
    docs = []
    for gold_path in sorted((root / "gold").glob("*.align")):
        name = gold_path.stem
        zh = (root / "zh" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        en = (root / "en" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        gold = []
        for line in gold_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                left, right = line.split(":")
                gold.append((tuple(json.loads(left)), tuple(json.loads(right))))
        docs.append(Doc(name, [z.strip() for z in zh], [e.strip() for e in en], gold))
    return docs


def pseudo_paragraphs(doc: Doc, rng: random.Random, merge_share: float = 0.15) -> Doc:
    """Paragraph-level test data from a sentence-aligned document.

    Consecutive gold beads are grouped 2-6 at a time into paragraph pairs; then about
    ``merge_share`` of the boundaries between neighbouring paragraphs are removed on one side
    (Chinese or English, at random), giving 2-1 and 1-2 paragraph beads. Merges never touch, so
    every gold bead is one paragraph pair or a merged pair with its neighbour.
    """
    groups: list[list[BeadIds]] = []
    i = 0
    while i < len(doc.gold):
        size = rng.randint(2, 6)
        groups.append(doc.gold[i : i + size])
        i += size
    zh: list[str] = []
    en: list[str] = []
    beads: list[tuple[list[int], list[int]]] = []
    previous_merged = True
    for group in groups:
        zh_text = "".join(doc.zh[z] for bead in group for z in bead[0])
        en_text = " ".join(doc.en[e] for bead in group for e in bead[1])
        merge = None if previous_merged or rng.random() >= merge_share else rng.choice("ze")
        previous_merged = merge is not None
        zh_ids: list[int] = []
        en_ids: list[int] = []
        for side, text, units, ids in (("z", zh_text, zh, zh_ids), ("e", en_text, en, en_ids)):
            if not text:
                continue
            if merge == side and units and beads and beads[-1][0 if side == "z" else 1]:
                units[-1] += ("" if side == "z" else " ") + text
            else:
                units.append(text)
                ids.append(len(units) - 1)
        if merge is not None and beads:
            last_zh, last_en = beads[-1]
            beads[-1] = (sorted(set(last_zh + zh_ids)), sorted(set(last_en + en_ids)))
        else:
            beads.append((zh_ids, en_ids))
    return Doc(doc.name, zh, en, [(tuple(z), tuple(e)) for z, e in beads])


def evaluate(docs: Sequence[Doc], params: Params, units: str) -> dict[str, float]:
    counts = Counts()
    for doc in docs:
        beads = align_units(doc.zh, doc.en, units=units, params=params)  # type: ignore[arg-type]
        counts.add([(b.zh, b.en) for b in beads], doc.gold)
    return counts.scores()


def _row(name: str, scores: dict[str, float]) -> str:
    keys = ("strict_p", "strict_r", "strict_f1", "lax_p", "lax_r", "lax_f1")
    return f"| {name} | " + " | ".join(f"{scores[k]:.3f}" for k in keys) + " |"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mac_dev", type=Path)
    parser.add_argument("--no-ablation", action="store_true")
    parser.add_argument("--seed", type=int, default=20251123)
    parser.add_argument("--news", type=Path, help="the news-dev folder")
    parser.add_argument("--baseline", help="src folder of the version to compare with")
    args = parser.parse_args(argv)
    if args.news:
        from news_quality import news_report  # it imports this module

        news_report(args.news, args.baseline, ablation=not args.no_ablation)
    docs = load_mac(args.mac_dev)
    print("| run | strict P | strict R | strict F1 | lax P | lax R | lax F1 |")
    print("|---|---|---|---|---|---|---|")
    started = time.perf_counter()
    print(_row("MAC-Dev sentences (--units lines)", evaluate(docs, SENTENCES, "lines")), flush=True)
    rng = random.Random(args.seed)
    paragraphs = [pseudo_paragraphs(doc, rng) for doc in docs]
    print(
        _row("MAC-Dev pseudo-paragraphs", evaluate(paragraphs, PARAGRAPHS, "paragraphs")),
        flush=True,
    )
    if not args.no_ablation:
        lexical = [signal for signal in SIGNALS if signal != "length"]
        for name, units, docs_, params in (
            ("sentences", "lines", docs, SENTENCES),
            ("paragraphs", "paragraphs", paragraphs, PARAGRAPHS),
        ):
            for signal in SIGNALS:
                print(
                    _row(
                        f"{name} without {signal}", evaluate(docs_, params.without(signal), units)
                    ),
                    flush=True,
                )
            length_only = params
            for signal in lexical:
                length_only = length_only.without(signal)
            print(_row(f"{name}, length only", evaluate(docs_, length_only, units)), flush=True)
    print(f"\n({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
