"""TMX 1.4b output."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from parallax.core.tmx import TmxPair, escape, render_tmx, tmx_date, write_tmx

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
WHEN = dt.datetime(2025, 5, 12, 8, 30, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def test_header_and_units(tmp_path: Path) -> None:
    path = tmp_path / "out.tmx"
    pairs = [
        TmxPair("中俄 <結盟> & 美國", 'China & "Russia" <ally>', 0.91),
        TmxPair("只有中文", ""),
    ]
    write_tmx(pairs, path, segtype="sentence", created=WHEN)
    root = ET.parse(path).getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert header is not None
    for attribute in ("creationtool", "creationtoolversion", "o-tmf", "datatype", "adminlang"):
        assert header.get(attribute)
    assert header.get("segtype") == "sentence"
    assert header.get("srclang") == "zh-HK"
    assert header.get("datatype") == "plaintext"
    assert header.get("creationdate") == "20250512T003000Z"
    units = root.findall("body/tu")
    assert len(units) == 1  # the pair without English is left out
    tuvs = units[0].findall("tuv")
    assert [t.get(XML_LANG) for t in tuvs] == ["zh-HK", "en"]
    assert [t.findtext("seg") for t in tuvs] == ["中俄 <結盟> & 美國", 'China & "Russia" <ally>']
    assert units[0].find("prop").get("type") == "x-confidence"  # type: ignore[union-attr]
    assert not list(tmp_path.glob(".*.tmp"))


def test_escape_and_dates() -> None:
    assert escape("a & b < c > d \x01") == "a &amp; b &lt; c &gt; d "
    assert tmx_date(dt.datetime(2025, 1, 2, 3, 4, 5)) == "20250102T030405Z"
    assert "<body>" in render_tmx([], created=WHEN)
