"""Stage 4a: time expressions in both languages, normalized to TIMEX3."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from pipeline.components.times import find_times
from pipeline.times.values import parse_value
from tests.conftest import DATA


def _times(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s._.timex.value) for s in doc.spans["times"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Japan and the Soviet Union signed on April 13, 1941, a Neutrality Pact.",
            [("April 13, 1941", "1941-04-13")],
        ),
        (
            "The relations were governed by an agreement of 27 November 1934.",
            [("27 November 1934", "1934-11-27")],
        ),
        ("In January 1935, the first armed battle occurred.", [("January 1935", "1935-01")]),
        ("Mongolia declared war in 1945.", [("1945", "1945")]),
        ("Mongolian units fought in summer 1939 at the river.", [("summer 1939", "1939-SU")]),
        ("Border clashes grew through the 1930s.", [("the 1930s", "193X")]),
        ("The Soviet offensive began in early 1945.", [("early 1945", "1945")]),
        (
            "Border conflicts took place between 1932 and 1945.",
            [("between 1932 and 1945", "1932/1945")],
        ),
        (
            "Between December 1935 and March 1936, two incidents occurred.",
            [("Between December 1935 and March 1936", "1935-12/1936-03")],
        ),
        (
            "The Battle of Lake Khasan (July 29, 1938 – August 11, 1938) was an incursion.",
            [("July 29, 1938 – August 11, 1938", "1938-07-29/1938-08-11")],
        ),
        ("The battle lasted from May–September 1939.", [("May–September 1939", "1939-05/1939-09")]),
        (
            "He served from June 1937 to August 1939 in Mongolia.",
            [("from June 1937 to August 1939", "1937-06/1939-08")],
        ),
        ("The war (1932–45) ended with the invasion.", [("1932–45", "1932/1945")]),
    ],
)
def test_english_absolute(en: Language, text: str, expected: list) -> None:
    assert _times(en, text) == expected


def test_english_mod_and_duration(en: Language) -> None:
    doc = en("The offensive began in early 1945 after a four-month-long siege.")
    early, siege = doc.spans["times"]
    assert (early._.timex.value, early._.timex.mod.value) == ("1945", "START")
    assert (siege.text, siege._.timex.value, siege._.timex.type.value) == (
        "four-month-long",
        "P4M",
        "DURATION",
    )


def test_english_relative_against_the_narrative_date(en: Language) -> None:
    text = (
        "On April 5, 1945, the Soviet Union denounced the pact, noting that it would "
        "expire on April 13, 1946. Four months later, the Soviet Union declared war. "
        "The invasion was launched one hour after the declaration. "
        "Later in 1941 Japan considered it. The following year the army withdrew. "
        "On 24 August the delegation arrived."
    )
    doc = en(text)
    values = {s.text: (s._.timex.value, s._.anchor) for s in doc.spans["times"]}
    anchor = (text.index("April 5, 1945"), text.index("April 5, 1945") + len("April 5, 1945"))
    assert values["Four months later"] == ("1945-08", anchor)
    assert values["one hour after"][0] == "1945-08"
    assert values["The following year"][0] == "1942"
    assert values["24 August"][0] == "1942-08-24"


@pytest.mark.parametrize(
    "text",
    [
        "The Red Army fielded 80,000 men and 756 tanks.",
        "Soviet archival figures: 20,302 dead or missing; 147,259 in all.",
        "Coox, Alvin D.: Nomonhan. ISBN 0-8047-1160-7",
        "Offensive of Soviet BT-7 tanks.",
        "See pages 234–35 of the second volume.",
        "About 10% of the population served; the 17th Army moved east.",
        "They brought 1200 horses and 2000 men.",
    ],
)
def test_english_counts_and_identifiers_are_not_times(en: Language, text: str) -> None:
    assert _times(en, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1939年5月31日，最高苏维埃第三次会议召开。", [("1939年5月31日", "1939-05-31")]),
        ("1945年8月，蒙古参加了苏联入侵满洲。", [("1945年8月", "1945-08")]),
        ("直到1945年，蒙古才保持正式的中立态度。", [("1945年", "1945")]),
        ("一九三九年十二月，部队撤回。", [("一九三九年十二月", "1939-12")]),
        ("蒙古部队于1939年夏参加了诺门罕战役。", [("1939年夏", "1939-SU")]),
        (
            "蒙古直接参与了1939年5月持续至9月的诺门罕战役。",
            [("1939年5月持续至9月", "1939-05/1939-09")],
        ),
        (
            "战役自1939年5月11日—1939年8月27日。",
            [("1939年5月11日—1939年8月27日", "1939-05-11/1939-08-27")],
        ),
        ("民国二十八年，日军进攻。", [("民国二十八年", "1939")]),
        ("昭和14年に事件が起きた。", [("昭和14年", "1939")]),
        ("１９３９年５月，战事爆发。", [("１９３９年５月", "1939-05")]),
        ("战事集中在1939年8月下旬。", [("1939年8月下旬", "1939-08")]),
        ("1930年代的边境冲突不断。", [("1930年代", "193X")]),
    ],
)
def test_chinese_absolute(zh: Language, text: str, expected: list) -> None:
    assert _times(zh, text) == expected


def test_chinese_mods(zh: Language) -> None:
    doc = zh("1945年初，部队集结；1939年8月下旬，战斗结束。")
    mods = [(s.text, s._.timex.mod.value) for s in doc.spans["times"]]
    assert mods == [("1945年初", "START"), ("1939年8月下旬", "END")]


def test_chinese_relative_and_yearless(zh: Language) -> None:
    text = (
        "1937年8月13日，苏联决定部署部队。为了获得同意，制定了计划。8月24日，副部长抵达蒙古。"
        "1945年8月10日，第一支蒙古军队越过边界，二十四小时后议会发表了宣言。次年，部队撤回。"
        "同年夏季，部队整编。1941年4月13日，条约签订。翌日，代表团离开。"
    )
    values = dict(_times(zh, text))
    assert values["8月24日"] == "1937-08-24"
    assert values["二十四小时后"] == "1945-08-11"
    assert values["次年"] == "1946"
    assert values["夏季"] == "1946-SU"
    assert values["翌日"] == "1941-04-14"


@pytest.mark.parametrize(
    "text",
    [
        "蘇聯第17集團軍抵達。",
        "還向蘇聯提供了50萬匹馬匹。",
        "保持10％左右的武裝人口。",
        "還有300多名蒙古志願軍事人員。",
        "第5,6,7和8蒙古騎兵師",
        "夏威夷群岛",
    ],
)
def test_chinese_counts_are_not_times(zh: Language, text: str) -> None:
    assert _times(zh, text) == []


def test_citation_dates_are_kept_and_marked() -> None:
    text = "蒙古在1939年参战。\n\nMongolia in World War II. Retrieved 27 November 2016.\n"
    found = find_times(text, "zh")
    assert [(text[f.start : f.end]) for f in found] == ["1939年", "27 November 2016"]


def _peer_cases() -> list[tuple[str, date, date]]:
    """Duckling and JioNLP cases that name an absolute calendar date (with a year)."""
    cases = []
    for name in ("duckling_time_en.jsonl", "duckling_time_zh.jsonl"):
        for line in (DATA / "peers" / name).read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            if d["ctor"] != "datetime" or d.get("grain") not in ("Day", "Month", "Year"):
                continue
            if d["value"].startswith("-"):
                continue  # BC years
            if not re.search(
                r"(?<!\d)(1\d{3}|20\d\d)(?!\d)|[〇零一二三四五六七八九]{4}年", d["text"]
            ):
                continue
            first = date.fromisoformat(d["value"][:10])
            last = {"Day": first, "Month": None, "Year": date(first.year, 12, 31)}[d["grain"]]
            if last is None:
                last = parse_value(d["value"][:7])[1]
            cases.append((d["text"], first, last))
    for line in (DATA / "peers" / "jionlp_time_parser_cases.jsonl").read_text().splitlines():
        d = json.loads(line)
        if d["expected"]["type"] not in ("time_point", "time_span"):
            continue
        if not re.search(r"\d{4}年|[〇零一二三四五六七八九]{4}年", d["text"]):
            continue
        first, last = (date.fromisoformat(t[:10]) for t in d["expected"]["time"])
        cases.append((d["text"], first, last))
    return cases


def test_peer_calendar_cases_regression() -> None:
    """How many absolute peer cases we normalize exactly (one expression, same days).

    Relative cases ("next Tuesday") and clock times are out of scope for history
    articles; numeric formats like 10/31/1974 are not supported on purpose (wiki prose
    does not use them and they collide with page numbers and scores).
    """
    cases = _peer_cases()
    passed = []
    for text, first, last in cases:
        found = find_times(text, "zh" if re.search(r"[\u4e00-\u9fff]", text) else "en")
        if len(found) == 1 and found[0].point is not None and found[0].absolute:
            from pipeline.times.values import to_timex

            timex = to_timex(found[0].point, found[0].end_point)
            if (timex.start, timex.end) == (first, last):
                passed.append(text)
    print(f"peer calendar cases: {len(passed)}/{len(cases)}")
    print("not passed:", sorted(set(t for t, *_ in cases) - set(passed)))
    assert len(cases) == 100
    assert len(passed) >= 43


def test_dateparser_fails_on_history_chinese() -> None:
    """Why dateparser is not used: it mis-reads years and misses era and relative forms."""
    dateparser = pytest.importorskip("dateparser")
    from dateparser.search import search_dates

    found = search_dates("1939年5月持續至9月", languages=["zh"]) or []
    assert all(d.year != 1939 for _, d in found)  # the year comes out wrong
    assert dateparser.parse("民國二十八年", languages=["zh"]) is None
    assert dateparser.parse("二十四小時後", languages=["zh"]) is None


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                "0123456789年月日至到—-–, 初末夏次翌同后後前之个個小时天周"
                "一二三四五六七八九十民国昭和 MayJuneArilbtwnd"
            )
        )
    )
)
def test_normalizer_never_crashes_and_values_parse_back(text: str) -> None:
    for lang in ("en", "zh"):
        for f in find_times(text, lang):
            assert 0 <= f.start < f.end <= len(text)
            if f.absolute and f.point is not None:
                from pipeline.times.values import to_timex

                timex = to_timex(f.point, f.end_point, mod=f.mod)
                first, last = parse_value(timex.value)
                assert timex.start == first and timex.end == last
                assert first <= last or "/" in timex.value
