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
    (or holds sentences of both); beads are monotonic, so every row is a run of consecutive
    paragraphs on each side. Paragraphs with no paired sentence are rows of their own. Rows come
    in the order the beads first reach them.
    """
    parent = list(range(sentences.n_zh + sentences.n_en))  # zh paragraphs, then en ones

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def nodes(bead: Span) -> list[int]:
        zh_ids, en_ids = bead
        return [sentences.zh_paragraph[i] for i in zh_ids] + [
            sentences.n_zh + sentences.en_paragraph[i] for i in en_ids
        ]

    for bead in beads:
        if bead[0] and bead[1]:
            first, *others = nodes(bead)
            for node in others:
                parent[find(node)] = find(first)
    members: dict[int, tuple[list[int], list[int]]] = {}
    for node in range(len(parent)):
        zh_ids, en_ids = members.setdefault(find(node), ([], []))
        if node < sentences.n_zh:
            zh_ids.append(node)
        else:
            en_ids.append(node - sentences.n_zh)
    rows: list[Span] = []
    seen: set[int] = set()
    for bead in beads:
        for node in nodes(bead):
            root = find(node)
            if root not in seen:
                seen.add(root)
                zh_ids, en_ids = members[root]
                rows.append((tuple(zh_ids), tuple(en_ids)))
    return rows
