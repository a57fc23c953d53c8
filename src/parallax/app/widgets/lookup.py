"""The look-up panel: the glossary entry of the selected term, or CC-CEDICT entries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from textual.content import Content
from textual.widgets import Static

if TYPE_CHECKING:
    from parallax.core.cedict import Entry
    from parallax.core.glossary import Term

LABEL = "bold $text-accent"
GLOSSARY = "italic $text-secondary"
ORIGINS = {
    "quote": "quoted in the aligned text",
    "glossary": "your glossary",
    "dictionary": "CC-CEDICT, found in the aligned text",
    "cooccurrence": "found in the aligned text",
}


def marked_reading(numbered: str) -> str:
    """A CC-CEDICT reading with tone marks: ``zhu3 yao4`` -> ``zhǔ yào`` (``Bei3 jing1`` ->
    ``Běi jīng``: proper nouns keep their capital)."""
    from parallax.core.readings import marked

    out = []
    for syllable in numbered.split():
        mark = marked(syllable) if syllable[-1:].isdigit() else syllable
        out.append(mark[:1].upper() + mark[1:] if syllable[:1].isupper() else mark)
    return " ".join(out)


def jyutping_of(zh: str) -> str:
    """Jyutping of a headword (ToJyutping, as everywhere in parallax)."""
    from parallax.core import readings

    return readings.jyutping(zh)


def term_readings(term: Term) -> tuple[str, str]:
    """A glossary term's pinyin and Jyutping: as saved, computed in context when missing."""
    from parallax.core import readings

    pinyin = term.pinyin or (readings.pinyin(term.zh) if term.zh else "")
    jyutping = term.jyutping or (readings.jyutping(term.zh) if term.zh else "")
    return pinyin, jyutping


def _line(label: str, value: str) -> Content:
    return Content.assemble((f"{label:<10}", LABEL), value)


class LookupPanel(Static):
    """Shows what the selection is: glossary terms (all senses) or dictionary entries."""

    DEFAULT_CSS = """
    LookupPanel {
        height: auto; max-height: 10; padding: 0 1;
        text-wrap: nowrap; text-overflow: ellipsis;
        border-top: solid $primary; background: $panel; display: none;
    }
    """

    def show_selection(
        self,
        text: str,
        lang: str,
        terms: Sequence[Term],
        *,
        dictionary: bool,
        origins: Sequence[str] = (),
    ) -> None:
        """Show the selected ``text``: its glossary ``terms`` (from the glossaries named in
        ``origins``, one per term), else its CC-CEDICT entries (Chinese, once the
        ``dictionary`` is loaded), else say it is unknown."""
        from parallax.core import chinese

        if terms:
            zh = terms[0].zh or text
            trad, simp = chinese.to_traditional(zh), chinese.to_simplified(zh)
            self.show_terms(terms, trad, simp, origins)
        elif lang == "en":
            self.show_text(f"{text}: not in the glossary (a: find its Chinese and add it)")
        elif not dictionary:
            self.show_text(f"{text}: the dictionary is still loading…")
        else:
            from parallax.core import cedict, readings

            reading = f"{readings.pinyin(text)}  {readings.jyutping(text)}".strip()
            self.show_entries(text, cedict.lookup(text), reading)

    def show_terms(
        self, terms: Sequence[Term], zh_trad: str, zh_simp: str, origins: Sequence[str] = ()
    ) -> None:
        """Show glossary ``terms`` (one Chinese term, or the terms of one English word), each
        block saying which glossary it comes from (``origins``, one per term)."""
        first = terms[0]
        pinyin, jyutping = term_readings(first)
        lines = [
            Content.assemble(
                (f"{zh_trad}", "bold"),
                "  ",
                (zh_simp, "bold"),
                "  ",
                pinyin,
                "  ",
                (jyutping, "italic"),
            ),
        ]
        for number, term in enumerate(terms):
            facts = "   ".join(
                x
                for x in (term.pos, f"status: {term.status}", " ".join(term.tags))
                if x and x != "status: "
            )
            origin = origins[number] if number < len(origins) else ""
            lines.append(
                Content.assemble(
                    (f"{'English':<10}", LABEL),
                    (term.en, "bold"),
                    "   ",
                    (f"[{origin}]", GLOSSARY) if origin else "",
                    "   " if origin else "",
                    facts,
                )
            )
            if term.note:
                lines.append(_line("note", term.note))
            if term.source_line:
                lines.append(_line("from", term.source_line))
            for context in (term.context_zh, term.context_en):
                if context:
                    lines.append(_line("context", context))
        self._show(lines)

    def show_entries(self, word: str, entries: Sequence[Entry], reading: str = "") -> None:
        """Show CC-CEDICT ``entries`` (``traditional``, ``simplified``, ``pinyin``, ``senses``)."""
        if not entries:
            self._show(
                [
                    Content.assemble((word, "bold"), "  ", reading),
                    Content("not in the glossary or CC-CEDICT"),
                ]
            )
            return
        lines = []
        for entry in entries[:4]:
            trad, simp = entry.traditional, entry.simplified
            head = trad if trad == simp else f"{trad}  {simp}"
            lines.append(
                Content.assemble(
                    (head, "bold"),
                    "  ",
                    marked_reading(entry.pinyin),
                    "  ",
                    (jyutping_of(trad), "italic"),
                    "  ",
                    ("CC-CEDICT", "dim"),
                )
            )
            lines.append(Content("  " + " / ".join(entry.senses[:6])))
        self._show(lines)

    def show_proposals(self, text: str, lang: str, proposals: Sequence[Any], index: int) -> None:
        """Show the translations proposed for ``text`` (``Proposal``: ``text``, ``origin``),
        ``index`` being the one enter saves."""
        keys = Content.styled("enter save · a next · A edit · esc cancel", "dim")
        if not proposals:
            other = "English" if lang == "zh" else "Chinese"
            self._show(
                [
                    Content.assemble((text, "bold"), f": no {other} found for it"),
                    Content.styled("enter or A: type the translation · esc cancel", "dim"),
                ]
            )
            return
        chosen = proposals[index]
        lines = [
            Content.assemble((text, "bold"), "  →  ", (chosen.text, "bold reverse"), "  ", keys)
        ]
        others = [
            Content.assemble(
                ("› " if i == index else "  "),
                (p.text, "bold" if i == index else ""),
                "  ",
                (ORIGINS.get(p.origin, p.origin), "dim"),
            )
            for i, p in enumerate(proposals[:6])
        ]
        self._show(lines + others)

    def show_text(self, text: str) -> None:
        """Show a one-line message."""
        self._show([Content(text)])

    def hide(self) -> None:
        """Hide the panel."""
        self.display = False

    def _show(self, lines: list[Content]) -> None:
        self.update(Content("\n").join(lines))
        self.display = True
