"""TBX: write TBX-Basic v3 (``urn:iso:std:iso:30042:ed-2``, DCA style); read v3 with either
namespace or none, and TBX v2 (``martif``).

One ``conceptEntry`` per term, id ``c-<term id>`` (on import only such ids are kept; other
ids are replaced, so a foreign ``e1`` never overwrites a term): ``langSec`` ``zh-HK`` and
``en``, each with one ``termSec`` (one more per further English rendering); ``partOfSpeech``
as a ``termNote``; the context sentence as ``descripGrp/descrip[@type=context]`` with
``admin[@type=source]``; tags as the concept's ``subjectField`` and the note as the concept's
``note``, both before the language sections. Characters XML 1.0 forbids are dropped. On import
the English terms of a concept are the renderings of one term.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from parallax.core.glossary.formats._common import (
    FormatError,
    ImportResult,
    RowProblem,
    TermError,
    make_term,
)
from parallax.core.glossary.merging import SEPARATOR, renderings
from parallax.core.glossary.term import Term
from parallax.core.text import strip_controls

NS_V3 = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
POS = ("noun", "verb", "adjective", "adverb", "other")
ZH_LANG = "zh-HK"
ID_PREFIX = "c-"
SOURCE_DATE = "source date: "  # a termSec note carrying Term.source_date
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Characters XML 1.0 cannot carry (C0 controls but TAB/LF/CR, surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Names:
    """Element names of one TBX version."""

    root: str
    header: str
    concept: str
    lang: str
    term: str


V3 = Names("tbx", "tbxHeader", "conceptEntry", "langSec", "termSec")
V2 = Names("martif", "martifHeader", "termEntry", "langSet", "tig")


def export(terms: Sequence[Term], *, name: str = "", names: Names = V3) -> str:
    """The terms as a TBX document (v3 by default, v2 with ``names=V2``)."""
    if names is V3:
        root = ET.Element("tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"})
        root.set("xmlns", NS_V3)
    else:
        root = ET.Element("martif", {"type": "TBX", XML_LANG: "en"})
    header = ET.SubElement(root, names.header)
    desc = ET.SubElement(ET.SubElement(header, "fileDesc"), "sourceDesc")
    ET.SubElement(desc, "p").text = xml_text(f"parallax glossary {name}".strip())
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for term in terms:
        concept = ET.SubElement(body, names.concept, {"id": xml_text(ID_PREFIX + term.id)})
        # Concept-level descrip and note come before the language sections (v2 and v3).
        if term.tags:
            _child(concept, "descrip", ", ".join(term.tags), type="subjectField")
        if term.note:
            _child(concept, "note", term.note)
        dated = False
        for lang, texts, context in (
            (ZH_LANG, [term.zh], term.context_zh),
            ("en", renderings(term.en) or [""], term.context_en),
        ):
            if not texts[0] and not context:
                continue
            lang_sec = ET.SubElement(concept, names.lang, {XML_LANG: lang})
            for extra in texts[1:]:  # further renderings: synonyms of the first
                _child(ET.SubElement(lang_sec, names.term), "term", extra)
            sec = ET.Element(names.term)
            lang_sec.insert(0, sec)
            _child(sec, "term", texts[0])
            if term.pos:
                _child(
                    sec, "termNote", term.pos if term.pos in POS else "other", type="partOfSpeech"
                )
            # The context goes in a descripGrp with its source; a source without context is
            # a plain admin of the termSec (never an empty <descrip type="context"/>).
            if context:
                group = ET.SubElement(sec, "descripGrp")
                _child(group, "descrip", context, type="context")
                if term.source:
                    _child(group, "admin", term.source, type="source")
            elif term.source:
                _child(sec, "admin", term.source, type="source")
            if term.source_date and not dated:
                _child(sec, "note", SOURCE_DATE + term.source_date)  # note: allowed anywhere
                dated = True
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (the file would not parse)."""
    return _NOT_XML.sub("", text)


def _child(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = xml_text(text)
    return element


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _find(element: ET.Element, *names: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) in names]


def parse(text: str) -> ImportResult:
    """Terms from TBX v3 (ed-2, ed:3.0 or no namespace) or v2 (martif), given as text (see
    :func:`parallax.core.glossary.formats.xmltext.decode_xml`); an encoding the XML
    declaration names is not applied again."""
    parser = ET.XMLParser(encoding="utf-8")  # the text is decoded already: override it
    try:
        parser.feed(text.removeprefix("\ufeff").encode("utf-8"))
        root = parser.close()
    except ET.ParseError as error:
        raise FormatError(f"invalid XML: {error}", line=error.position[0]) from None
    if _local(root.tag) not in ("tbx", "martif"):
        raise FormatError(f"not TBX: root element is <{_local(root.tag)}>")
    terms: list[Term] = []
    problems: list[RowProblem] = []
    for concept in root.iter():
        if _local(concept.tag) not in ("conceptEntry", "termEntry"):
            continue
        try:
            terms.extend(_concept_terms(concept))
        except TermError as error:
            concept_id = strip_controls(concept.get("id", "?"))
            problems.append(RowProblem(0, f"concept {concept_id}: {error.problem}"))
    return ImportResult(tuple(terms), tuple(problems))


def _concept_terms(concept: ET.Element) -> list[Term]:
    tags = " ".join(
        e.text or "" for e in _find(concept, "descrip") if e.get("type") == "subjectField"
    )
    note = "\n".join(e.text or "" for e in _find(concept, "note", "definition"))
    sides: dict[str, list[dict[str, str]]] = {"zh": [], "en": []}
    for lang_sec in _find(concept, "langSec", "langSet"):
        lang = (lang_sec.get(XML_LANG) or lang_sec.get("lang") or "").lower()
        side = "zh" if lang.startswith("zh") else "en" if lang.startswith("en") else ""
        for term_sec in _find(lang_sec, "termSec", "tig", "ntig"):
            if side:
                sides[side].append(_term_sec(term_sec))
    zhs = sides["zh"] or [{"term": ""}]
    ens = sides["en"] or [{"term": ""}]
    raw_id = concept.get("id") or ""
    # Only our own ``c-<term id>`` is kept as the term id (make_term checks its form).
    concept_id = raw_id.removeprefix(ID_PREFIX) if raw_id.startswith(ID_PREFIX) else ""
    single = len(zhs) == 1
    en = ens[0]
    english = SEPARATOR.join(t for t in dict.fromkeys(e["term"].strip() for e in ens) if t)
    out = []
    for zh in zhs:  # one term per Chinese synonym, with all the English renderings
        out.append(
            make_term(
                zh["term"],
                english,
                id=concept_id if single else "",
                note=note,
                pos=zh.get("pos") or en.get("pos", ""),
                tags=tags,
                context_zh=zh.get("context", ""),
                context_en=en.get("context", ""),
                source=zh.get("source") or en.get("source", ""),
                source_date=zh.get("source_date") or en.get("source_date", ""),
            )
        )
    return out


def _term_sec(element: ET.Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in element.iter():
        name, kind = _local(node.tag), node.get("type", "")
        if name == "term":
            found["term"] = "".join(node.itertext())
        elif name == "termNote" and kind == "partOfSpeech":
            found["pos"] = node.text or ""
        elif name == "descrip" and kind == "context":
            found["context"] = node.text or ""
        elif name == "admin" and kind == "source":
            found["source"] = node.text or ""
        elif name == "note" and (node.text or "").startswith(SOURCE_DATE):
            date = (node.text or "").removeprefix(SOURCE_DATE).strip()
            if _DATE.fullmatch(date):
                found["source_date"] = date
    found.setdefault("term", "")
    return found
