"""news-dev: paragraph alignment of news in the Ming Pao format (run by align_quality.py --news).

Each document is read as the reader reads it (``load_document``); its gold file names the
paragraphs and the beads. Scores follow bench/README.md (beads with an empty side left out,
micro-averaged); a document is exact when its non-empty beads are all right.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from align_quality import BeadIds, Counts

from parallax.core.align import LOW_CONFIDENCE, align_units
from parallax.core.align.engine import align
from parallax.core.align.params import PARAGRAPHS, SIGNALS, WHOLE_PARAGRAPHS, Params
from parallax.core.align.quick import quick_align
from parallax.core.readers import load_document

Aligner = Callable[[list[str], list[str]], list[tuple[BeadIds, float]]]

CHILD = """
import json, sys
from parallax.core.align import align_units
docs = json.load(sys.stdin)
out = [[[list(b.zh), list(b.en), b.score] for b in align_units(zh, en)] for zh, en in docs]
json.dump(out, sys.stdout)
"""


@dataclass(frozen=True)
class NewsDoc:
    name: str
    zh: list[str]
    en: list[str]
    gold: list[BeadIds]


def load_news(root: Path) -> list[NewsDoc]:
    """The news-dev documents under ``root`` with their gold beads."""
    docs = []
    for path in sorted(root.glob("*.txt")):
        doc = load_document(path)
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        if doc.zh_texts != gold["zh"] or doc.en_texts != gold["en"]:
            raise SystemExit(f"{path}: the reader's paragraphs differ from the gold file's")
        beads = [(tuple(b["zh"]), tuple(b["en"])) for b in gold["beads"]]
        docs.append(NewsDoc(path.stem, doc.zh_texts, doc.en_texts, beads))
    return docs


def with_params(params: Params) -> Aligner:
    def run(zh: list[str], en: list[str]) -> list[tuple[BeadIds, float]]:
        return [((b.zh, b.en), b.score) for b in align_units(zh, en, params=params)]

    return run


def whole_paragraphs(zh: list[str], en: list[str]) -> list[tuple[BeadIds, float]]:
    return [((b.zh, b.en), b.score) for b in align(zh, en, WHOLE_PARAGRAPHS)]


def quick(zh: list[str], en: list[str]) -> list[tuple[BeadIds, float]]:
    return [((b.zh, b.en), b.score) for b in quick_align(zh, en)]


def other_checkout(src: str, docs: Sequence[NewsDoc]) -> list[list[tuple[BeadIds, float]]]:
    """Another version's paragraph beads for ``docs``, from a child process."""
    env = dict(os.environ, PYTHONPATH=src)
    found = subprocess.run(
        [sys.executable, "-c", CHILD],
        input=json.dumps([[d.zh, d.en] for d in docs]),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return [
        [((tuple(z), tuple(e)), float(s)) for z, e, s in beads]
        for beads in json.loads(found.stdout)
    ]


@dataclass
class Result:
    counts: Counts
    exact: int
    rows: int = 0
    wrong: int = 0
    wrong_flagged: int = 0
    right_flagged: int = 0


def score(docs: Sequence[NewsDoc], predictions: Sequence[list[tuple[BeadIds, float]]]) -> Result:
    result = Result(Counts(), 0)
    for doc, predicted in zip(docs, predictions, strict=True):
        beads = [bead for bead, _ in predicted]
        result.counts.add(beads, doc.gold)
        gold = {b for b in doc.gold if b[0] and b[1]}
        result.exact += {b for b in beads if b[0] and b[1]} == gold
        every = set(doc.gold)
        for bead, confidence in predicted:
            right = bead in every
            flagged = confidence < LOW_CONFIDENCE
            result.rows += 1
            result.wrong += not right
            result.wrong_flagged += flagged and not right
            result.right_flagged += flagged and right
    return result


def _row(name: str, result: Result, total: int) -> str:
    s = result.counts.scores()
    keys = ("strict_p", "strict_r", "strict_f1", "lax_f1")
    return f"| {name} | " + " | ".join(f"{s[k]:.3f}" for k in keys) + f" | {result.exact}/{total} |"


def news_report(root: Path, baseline: str | None, ablation: bool = True) -> None:
    """Print the news-dev tables (scores, ablation, confidence)."""
    docs = load_news(root)
    runs: list[tuple[str, list[list[tuple[BeadIds, float]]]]] = []

    def run(name: str, aligner: Aligner) -> None:
        runs.append((name, [aligner(d.zh, d.en) for d in docs]))

    run("parallax: paragraphs through their sentences", with_params(PARAGRAPHS))
    if baseline:
        runs.append(("baseline (other checkout, same run)", other_checkout(baseline, docs)))
    if ablation:
        run("paragraphs searched as whole units (the aligner before)", whole_paragraphs)
        run("without the merge cost", with_params(replace(PARAGRAPHS, merge_cost=0.0)))
        run("without the redundancy discount", with_params(replace(PARAGRAPHS, redundancy=0.0)))
        run("skip cost of MAC sentences (8, not 2)", with_params(replace(PARAGRAPHS, skip_cost=8)))
        for signal in SIGNALS:
            run(f"without {signal}", with_params(PARAGRAPHS.without(signal)))
        length_only = PARAGRAPHS
        for signal in SIGNALS:
            if signal != "length":
                length_only = length_only.without(signal)
        run("sentences, length only", with_params(length_only))
        run("quick length-only alignment (the first paint)", quick)
    print(f"news-dev: {len(docs)} documents, paragraph beads\n")
    print("| run | strict P | strict R | strict F1 | lax F1 | documents exact |")
    print("|---|---|---|---|---|---|")
    results = [(name, score(docs, predicted)) for name, predicted in runs]
    for name, result in results:
        print(_row(name, result, len(docs)))
    print(
        f"\nConfidence (a row is flagged below {LOW_CONFIDENCE}): recall = wrong rows flagged, "
        "false flags = right rows flagged\n"
    )
    print(
        "| run | rows | wrong rows | wrong flagged | right rows flagged | flagged that are wrong |"
    )
    print("|---|---|---|---|---|---|")
    for name, r in results:
        recall = (
            f"{r.wrong_flagged}/{r.wrong} ({r.wrong_flagged / r.wrong:.0%})" if r.wrong else "—"
        )
        right = r.rows - r.wrong
        flagged = r.wrong_flagged + r.right_flagged
        precision = f"{r.wrong_flagged / flagged:.0%}" if flagged else "—"
        print(
            f"| {name} | {r.rows} | {r.wrong} | {recall} | "
            f"{r.right_flagged}/{right} ({r.right_flagged / max(right, 1):.0%}) | {precision} |"
        )
    print(flush=True)
