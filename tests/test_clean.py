"""Stage 1: cleaning each format, with offsets back into the raw file."""

from __future__ import annotations

import json

import pytest

from models import Format
from pipeline.clean import CleanText, clean
from tests.conftest import DATA, EN_SEED, ZH_SEED


def _seed(path) -> tuple[str, CleanText, Format]:
    raw = path.read_text(encoding="utf-8")
    fmt = Format.fandom if path == EN_SEED else Format.markdown
    return raw, clean(raw, fmt), fmt


@pytest.mark.parametrize("path", [EN_SEED, ZH_SEED], ids=["en-fandom", "zh-markdown"])
def test_boilerplate_is_gone(path, gold_docs) -> None:
    _, cleaned, _ = _seed(path)
    for furniture in gold_docs[path.name]["boilerplate"]:
        assert furniture not in cleaned.text, furniture


@pytest.mark.parametrize("path", [EN_SEED, ZH_SEED], ids=["en-fandom", "zh-markdown"])
def test_prose_and_gold_surfaces_are_kept(path, gold_docs) -> None:
    _, cleaned, _ = _seed(path)
    doc = gold_docs[path.name]
    surfaces = [d["surface"] for d in doc["dates"]]
    surfaces += [name for names in doc["entities"].values() for name in names]
    for surface in surfaces:
        assert surface in cleaned.text, surface


@pytest.mark.parametrize("path", [EN_SEED, ZH_SEED], ids=["en-fandom", "zh-markdown"])
def test_every_clean_character_maps_back(path) -> None:
    raw, cleaned, _ = _seed(path)
    assert len(cleaned.starts) == len(cleaned.ends) == len(cleaned.text)
    previous = -1
    for i, ch in enumerate(cleaned.text):
        start, end = cleaned.starts[i], cleaned.ends[i]
        assert 0 <= start <= end <= len(raw)
        assert start >= previous  # monotonic
        previous = start
        if end - start == 1 and ch != "\n":
            assert raw[start] == ch


def test_link_anchors_point_into_raw() -> None:
    raw, cleaned, _ = _seed(ZH_SEED)
    targets = {link.target for link in cleaned.links}
    assert {"霍尔洛·乔巴山", "蘇日中立條約", "西伯利亞鐵路", "滿州國"} <= targets
    for link in cleaned.links:
        start, end = cleaned.raw_span(link.clean_start, link.clean_end)
        assert raw[start:end] == link.surface
        assert "wikilink" not in link.surface and "](" not in link.surface


def test_markdown_image_caption_kept_and_reference_section_marked() -> None:
    _, cleaned, _ = _seed(ZH_SEED)
    assert cleaned.text.lstrip().startswith("士兵在哈拉哈河战役中，1939年")
    assert [s.title for s in cleaned.sections] == ["參考"]
    ((start, end),) = cleaned.citations
    assert "Retrieved 27 November 2016" in cleaned.text[start:end]
    assert "Alan J. K. Sanders (2010)" in cleaned.text[start:end]
    assert not cleaned.in_citation(cleaned.text.index("1939年5月31日"))


def test_fandom_title_infobox_headings() -> None:
    _, cleaned, _ = _seed(EN_SEED)
    assert cleaned.title == "Soviet-Japanese Border Wars"
    titles = [s.title for s in cleaned.sections]
    assert titles[1:] == [
        "Small battles",
        "Battle of Lake Khasan",
        "Battle of Khalkhin Gol",
        "Soviet–Japanese Neutrality Pact",
        "See also",
    ]
    assert cleaned.infobox["Result"].startswith("Decisive Soviet and Mongolian victory")
    assert "Soviet Union Georgy Zhukov" in cleaned.infobox["Commanders and leaders"]
    assert "Halhamiao incident (哈爾哈廟事件) occurred" in cleaned.text
    ((start, end),) = cleaned.citations
    assert cleaned.text[start:end].startswith("Coox, Alvin D.")


WIKITEXT = """{{Infobox military conflict|conflict=Battle of Khalkhin Gol|date=1939}}
'''Battle of Khalkhin Gol''' ({{lang-mn|Халхын голын байлдаан}}) was fought in
[[1939]] between the [[Soviet Union|USSR]] and [[Empire of Japan|Japan]].<ref>{{cite book
|title=Nomonhan}}</ref>
[[File:Khalkhin Gol.jpg|thumb|Soviet tanks]]
== Background ==
The [[Mukden Incident]] of 1931 &ndash; a pretext.<!-- hidden -->
{| class="wikitable"
|-
! Side !! Men
|-
| Soviet || 57,000
|}
== References ==
* Coox, Alvin D. (1985). ''Nomonhan''. Stanford University Press.
[[Category:Battles]]
[[ja:ノモンハン事件]]
"""


def test_wikitext_through_mwparserfromhell() -> None:
    cleaned = clean(WIKITEXT, Format.wikitext)
    text = cleaned.text
    assert (
        "Battle of Khalkhin Gol (Халхын голын байлдаан) was fought in\n"
        "1939 between the USSR and Japan."
    ) in text
    assert "The Mukden Incident of 1931 – a pretext." in text
    for gone in (
        "Infobox",
        "cite book",
        "File:",
        "thumb",
        "Category",
        "ノモンハン",
        "hidden",
        "wikitable",
        "==",
        "'''",
    ):
        assert gone not in text, gone
    assert "Soviet" in text and "57,000" in text
    assert [(s.title, s.level) for s in cleaned.sections] == [("Background", 2), ("References", 2)]
    links = {(link.surface, link.target) for link in cleaned.links}
    assert ("USSR", "Soviet Union") in links and ("Mukden Incident", "Mukden Incident") in links
    for link in cleaned.links:
        start, end = cleaned.raw_span(link.clean_start, link.clean_end)
        assert WIKITEXT[start:end] == link.surface
    ((start, end),) = cleaned.citations
    assert "Stanford University Press" in text[start:end]


def test_wikitext_peer_cases_from_wikitextparser() -> None:
    """wikitextparser's plain_text cases: we agree except where we drop <ref> on purpose."""
    cases = [
        json.loads(line)
        for line in (DATA / "wikitext_plain_text_pairs.jsonl").read_text().splitlines()
    ]
    disagree = [
        c["input"] for c in cases if clean(c["input"], Format.wikitext).text != c["expected"]
    ]
    # <ref> content is citation text, which eventalign keeps out of the prose; the two
    # nested-quote cases are parsed by mwparserfromhell as unbalanced bold/italic.
    assert disagree == [
        "<ref>''w''</ref>",
        "''[[a|''b'']]",
        "'''[[a|'''b''']]",
        "'''{{text|a}}''', ''b''<ref>c</ref>",
    ]
    assert len(cases) == 31


def test_invisible_characters_and_line_ends() -> None:
    raw = "\ufeffBattle\u200b of\r\nKhalkhin\rGol\u202e\x07 began."
    cleaned = clean(raw, Format.text)
    assert cleaned.text == "Battle of\nKhalkhin\nGol began."
    start, end = cleaned.raw_span(0, len("Battle of"))
    assert raw[start:end] == "Battle\u200b of"
