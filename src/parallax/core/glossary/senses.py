"""Finding the row of a glossary file that holds a term, without parsing every row.

Two rows are the same term when their Chinese is the same after script folding
(``parallax.core.chinese.fold``, blanks removed); English-only learner entries when their
English is the same ignoring case and runs of blanks (:func:`en_key`). ``glossary add`` and the
reader's saves merge into that row (:mod:`.merging`).
"""

from __future__ import annotations

import re

from parallax.core import chinese
from parallax.core.glossary import fileformat
from parallax.core.glossary.term import Term


def en_key(en: str) -> str:
    """``en`` case- and space-normalised."""
    return " ".join(en.split()).casefold()


def zh_key(zh: str) -> str:
    """``zh`` script-folded, without blanks."""
    return chinese.fold("".join(zh.split()))


def same_sense_in(text: str, term: Term) -> Term | None:
    """The first term of glossary file ``text`` (other than ``term.id``) with ``term``'s sense.

    A file in the standard column order is searched with one regular expression for rows with
    the same English (then only those rows' Chinese is folded); any other file is parsed.
    """
    want_en, want_zh = en_key(term.en), zh_key(term.zh)
    first = text.removeprefix("\ufeff").split("\n", 1)[0]
    if first.rstrip("\r") != fileformat.HEADER_LINE:
        for other in fileformat.parse(text).terms:
            if other.id != term.id and en_key(other.en) == want_en and zh_key(other.zh) == want_zh:
                return other
        return None
    if want_en.isascii() and "\\" not in want_en:  # one regex search, not a loop per row
        blank = r"(?:[^\S\t\n]|\\[tnr])"  # a blank, or an escaped TAB/LF/CR
        words = f"{blank}+".join(re.escape(w) for w in want_en.split())
        pattern = re.compile(rf"^([^\t\n]*)\t([^\t\n]*)\t{blank}*{words}{blank}*\t", re.M | re.I)
        rows = (m.group(0).split("\t", 3) for m in pattern.finditer(text))
    else:
        rows = (line.split("\t", 3) for line in text.split("\n")[1:])
    for cells in rows:
        if len(cells) < 4 or cells[0] == term.id:
            continue
        if en_key(fileformat.unescape(cells[2])) != want_en:
            continue
        if zh_key(fileformat.unescape(cells[1])) == want_zh:
            for other in fileformat.parse(text).terms:  # rare: read the row as a term
                if other.id == cells[0]:
                    return other
    return None


def same_term_in(text: str, term: Term) -> Term | None:
    """The first term of glossary file ``text`` (other than ``term.id``) that is the same term
    as ``term``: same folded Chinese, or for an English-only entry the same English.

    The folded file is searched for the Chinese between TABs first (folding keeps offsets), so
    a file without it is never parsed.
    """
    want = zh_key(term.zh)
    if not want:
        found = same_sense_in(text, term)
        return found if found is not None and not zh_key(found.zh) else None
    if want not in chinese.fold(text):
        return None
    for other in fileformat.parse(text).terms:
        if other.id != term.id and zh_key(other.zh) == want:
            return other
    return None
