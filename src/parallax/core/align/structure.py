"""Paragraphs as groups of sentences: aligning a document's sentences gives its paragraph rows.

Translators keep sentences far more faithfully than paragraphs: they merge two paragraphs, split
one, or leave one out, but a sentence still has its translation somewhere. So paragraphs are
aligned through their sentences: each paragraph is split into sentences, the sentences of the
whole document are aligned (the search knows which paragraph each sentence belongs to), and the
paragraph rows are the groups of paragraphs joined by aligned sentences. A paragraph none of whose
sentences is paired stands alone; merges and splits fall out of the links.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from parallax.core.sentences import split_en, split_zh

Span = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Sentences:
    """The sentences of a document's paragraphs, each with the index of its paragraph."""

    zh: list[str]
    en: list[str]
    zh_paragraph: list[int]
    en_paragraph: list[int]
    n_zh: int  # paragraphs
    n_en: int


def split_paragraphs(zh: Sequence[str], en: Sequence[str]) -> Sentences:
    """Split every paragraph into sentences (a paragraph without any stays one unit)."""
    zh_sentences: list[str] = []
    en_sentences: list[str] = []
    zh_of: list[int] = []
    en_of: list[int] = []
    for k, text in enumerate(zh):
        pieces = split_zh(text) or [text]
        zh_sentences.extend(pieces)
        zh_of.extend([k] * len(pieces))
    for k, text in enumerate(en):
        pieces = split_en(text) or [text]
        en_sentences.extend(pieces)
        en_of.extend([k] * len(pieces))
    return Sentences(zh_sentences, en_sentences, zh_of, en_of, len(zh), len(en))


def paragraph_rows(sentences: Sentences, beads: Sequence[Span]) -> list[Span]:
    """The paragraph rows that the sentence ``beads`` (in order, covering every sentence) imply.

    Two paragraphs share a row when a bead pairs a sentence of one with a sentence of the other
    (or holds sentences of both). A row is a run of consecutive paragraphs on each side: one
    whose sentences were all left unpaired but which lies between two paragraphs of a row
    (its sentences skipped between paired ones) belongs to that row. Other paragraphs with no
    paired sentence are rows of their own. Rows come in the order the beads first reach them.
    """
    zh_of, en_of = sentences.zh_paragraph, sentences.en_paragraph
    spans: list[list[int]] = []  # [zh first, zh last, en first, en last] of each paired row
    for zh_ids, en_ids in beads:
        if not zh_ids or not en_ids:
            continue
        zh_first, zh_last = zh_of[zh_ids[0]], zh_of[zh_ids[-1]]
        en_first, en_last = en_of[en_ids[0]], en_of[en_ids[-1]]
        if spans and (zh_first <= spans[-1][1] or en_first <= spans[-1][3]):
            spans[-1][1] = max(spans[-1][1], zh_last)  # shares a paragraph: the same row
            spans[-1][3] = max(spans[-1][3], en_last)
        else:
            spans.append([zh_first, zh_last, en_first, en_last])
    in_zh = {k for span in spans for k in range(span[0], span[1] + 1)}
    in_en = {k for span in spans for k in range(span[2], span[3] + 1)}
    alone: list[tuple[str, int]] = []  # paragraphs of no row, in the order beads reach them
    for zh_ids, en_ids in beads:
        alone += [("zh", k) for k in dict.fromkeys(zh_of[i] for i in zh_ids) if k not in in_zh]
        alone += [("en", k) for k in dict.fromkeys(en_of[i] for i in en_ids) if k not in in_en]
    rows: list[Span] = []
    pending = iter(dict.fromkeys(alone))
    waiting = next(pending, None)
    for zh_first, zh_last, en_first, en_last in [*spans, [sentences.n_zh, 0, sentences.n_en, 0]]:
        while waiting is not None and waiting[1] < (zh_first if waiting[0] == "zh" else en_first):
            rows.append(((waiting[1],), ()) if waiting[0] == "zh" else ((), (waiting[1],)))
            waiting = next(pending, None)
        if zh_first < sentences.n_zh or en_first < sentences.n_en:
            rows.append((tuple(range(zh_first, zh_last + 1)), tuple(range(en_first, en_last + 1))))
    return rows
