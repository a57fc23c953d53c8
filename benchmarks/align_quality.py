"""Alignment quality on MAC-Dev: strict and lax P/R/F1, pseudo-paragraphs and signal ablation.

Usage: python benchmarks/align_quality.py PATH/TO/mac-dev [--no-ablation] [--seed N]

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
        return {"strict_p": sp, "strict_r": sr, "strict_f1": f1(sp, sr),
                "lax_p": lp, "lax_r": lr, "lax_f1": f1(lp, lr)}


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


def pseudo_paragraphs(doc: Doc, rng: random.Random) -> Doc:
    """Group 2-6 consecutive gold beads into paragraphs; merge ~15% of neighbours on one side."""
    groups: list[list[BeadIds]] = []
    i = 0
    while i < len(doc.gold):
        size = rng.randint(2, 6)
        groups.append(doc.gold[i : i + size])
        i += size
    zh_paras = [" ".join(doc.zh[z] for b in g for z in b[0]).replace(" ", "") for g in groups]
    en_paras = [" ".join(doc.en[e] for b in g for e in b[1]) for g in groups]
    zh_ids: list[list[int]] = [[k] for k in range(len(groups))]
    en_ids: list[list[int]] = [[k] for k in range(len(groups))]
    # Merge neighbouring paragraphs on one side (zh or en), about 15% of them.
    zh_out, en_out, zh_map, en_map = _merge(zh_paras, rng, "")
    en_out2, en_map2 = en_paras, list(range(len(en_paras)))
    if True:
        en_out2, _, en_map2, _ = _merge(en_paras, rng, " ", skip=set(_merged_at(zh_map)))
    del zh_ids, en_ids, en_out, en_map
    gold: dict[tuple[int, ...], set[int]] = {}
    for k in range(len(groups)):
        gold.setdefault((zh_map[k],), set()).add(en_map2[k])
    beads: list[BeadIds] = []
    merged: dict[int, set[int]] = {}
    for k in range(len(groups)):
        merged.setdefault(zh_map[k], set()).add(en_map2[k])
    # Build beads as connected components of the (zh para, en para) relation.
    seen_zh: set[int] = set()
    for z in sorted(merged):
        if z in seen_zh:
            continue
        zs, es = {z}, set(merged[z])
        changed = True
        while changed:
            changed = False
            for z2, e2 in merged.items():
                if z2 not in zs and e2 & es:
                    zs.add(z2)
                    es |= e2
                    changed = True
        seen_zh |= zs
        beads.append((tuple(sorted(zs)), tuple(sorted(es))))
    # Empty paragraphs (groups with only insertions/deletions on one side) are dropped.
    zh_keep = [k for k, p in enumerate(zh_out) if p.strip()]
    en_keep = [k for k, p in enumerate(en_out2) if p.strip()]
    zh_new = {k: i for i, k in enumerate(zh_keep)}
    en_new = {k: i for i, k in enumerate(en_keep)}
    final = [
        (tuple(zh_new[z] for z in zs if z in zh_new), tuple(en_new[e] for e in es if e in en_new))
        for zs, es in beads
    ]
    return Doc(doc.name, [zh_out[k] for k in zh_keep], [en_out2[k] for k in en_keep], final)


def _merged_at(mapping: list[int]) -> list[int]:
    return [k for k in range(1, len(mapping)) if mapping[k] == mapping[k - 1]]


def _merge(paras: list[str], rng: random.Random, sep: str, skip: set[int] | None = None
           ) -> tuple[list[str], None, list[int], None]:
    out: list[str] = []
    mapping: list[int] = []
    for k, text in enumerate(paras):
        blocked = skip is not None and (k in skip or k + 1 in skip)
        if out and k > 0 and not blocked and rng.random() < 0.075:
            out[-1] = out[-1] + sep + text
        else:
            out.append(text)
        mapping.append(len(out) - 1)
    return out, None, mapping, None


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
    args = parser.parse_args(argv)
    docs = load_mac(args.mac_dev)
    header = "| run | strict P | strict R | strict F1 | lax P | lax R | lax F1 |\n|---|---|---|---|---|---|---|"
    print(header)
    started = time.perf_counter()
    print(_row("MAC-Dev sentences (--units lines)", evaluate(docs, SENTENCES, "lines")), flush=True)
    rng = random.Random(args.seed)
    paragraphs = [pseudo_paragraphs(doc, rng) for doc in docs]
    print(_row("MAC-Dev pseudo-paragraphs", evaluate(paragraphs, PARAGRAPHS, "paragraphs")),
          flush=True)
    if not args.no_ablation:
        for signal in SIGNALS:
            print(_row(f"sentences without {signal}",
                       evaluate(docs, SENTENCES.without(signal), "lines")), flush=True)
        for signal in ("length", "dictionary"):
            print(_row(f"paragraphs without {signal}",
                       evaluate(paragraphs, PARAGRAPHS.without(signal), "paragraphs")), flush=True)
    print(f"\n({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
