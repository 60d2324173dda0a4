"""Chinese time expressions (in simplified script): dates, ranges, seasons, 上旬/中旬/下旬,
初/末, era years (民国, 昭和 …), relative expressions (二十四小时后, 次年, 翌日) and durations.

Numbers in Chinese numerals go through cn2an; full-width digits are folded by NFKC.
"""

from __future__ import annotations

import re
import unicodedata

import cn2an

from models import TimeMod
from pipeline.times.found import Found
from pipeline.times.patterns import checked, compile_families, family, group
from pipeline.times.values import Point, duration

#: Era name → the Gregorian year before its first year (民国元年 = 1912).
ERAS: dict[str, int] = {
    "民国": 1911,
    "昭和": 1925,
    "大正": 1911,
    "明治": 1867,
    "平成": 1988,
    "令和": 2018,
    "光绪": 1874,
    "宣统": 1908,
    "同治": 1861,
    "咸丰": 1850,
    "道光": 1820,
}
_DIGIT = r"[0-9０-９]"
_CN = r"[〇零一二三四五六七八九十百两]"
_ERA = "|".join(ERAS)
_YEAR = (
    rf"(?:(?:公元|西元)?(?<![0-9０-９])(?:{_DIGIT}{{3,4}}|[〇零一二三四五六七八九]{{4}})"
    rf"|(?:{_ERA})(?:元|{_DIGIT}{{1,2}}|{_CN}{{1,4}}))年"
)
_MONTH = (
    r"(?<![0-9０-９])(?:1[0-2]|0?[1-9]|１[０-２]|０?[１-９]|十[一二]?|[正一二三四五六七八九])月"
)
_DAY = (
    r"(?<![0-9０-９])(?:3[01]|[12][0-9]|0?[1-9]|[１２][０-９]|３[０１]|０?[１-９]"
    r"|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])[日号號]"
)
_SEASON = r"[春夏秋冬](?:季|天)?"
_PART = r"上旬|中旬|下旬|初|末|底"
_DASH = r"(?:[—–－~～-]+|至|到|持续至|持续到|延续至|延续到|直至)"
_SMALL = rf"(?:{_DIGIT}{{1,2}}|{_CN}{{1,3}})"
_ATOM = (
    rf"(?:{_YEAR}(?:{_MONTH}(?:{_DAY})?)?(?:{_SEASON}|{_PART})?"
    rf"|{_MONTH}(?:{_DAY})?(?:{_PART})?|{_DAY})"
)
_NUM = rf"(?:{_DIGIT}+|{_CN}+|[几數数]|半)"
_UNIT = r"小时|个小时|天|日|周|星期|个月|月|年"
_PATTERNS: list[tuple[str, str]] = [
    (
        "range",
        rf"(?P<a>{_ATOM})\s*{_DASH}\s*(?P<b>{_ATOM})",
    ),
    (
        "numrange",  # 2018年1－9月份, 1939年4月12-19日: the first number takes the second's unit
        rf"(?P<y>{_YEAR})?(?P<m>{_MONTH})?(?P<a>{_SMALL})\s*{_DASH}\s*(?P<b>{_SMALL})"
        r"(?P<unit>月份?|[日号號])",
    ),
    ("decade", rf"(?P<dec>{_DIGIT}{{3}}0|[一二三四五六七八九]十)年代(?P<part>初|末|中期?)?"),
    ("shift", rf"(?P<n>{_NUM})(?:个)?(?P<unit>{_UNIT})(?P<dir>之?后|以后|之?前|以前)"),
    (
        "same",
        r"(?P<rel>次年|翌年|隔年|第二年|同年|当年|是年|前一年|上一年|翌日|次日|隔日|"
        r"第二天|当天|同日|当日|次月|翌月|同月)",
    ),
    ("season", r"(?P<s>[春夏秋冬](?:季|天))"),
    ("duration", rf"(?:历时|持续了|长达)(?P<n>{_NUM})(?:个)?(?P<unit>{_UNIT})"),
    ("atom", rf"(?P<a>{_ATOM})"),
]
_MASTER = compile_families(_PATTERNS)
_ATOM_PARTS = re.compile(
    rf"^(?P<y>{_YEAR})?(?P<m>{_MONTH})?(?P<d>{_DAY})?(?P<s>{_SEASON})?(?P<p>{_PART})?$"
)
SEASONS = {"春": "SP", "夏": "SU", "秋": "FA", "冬": "WI"}
PARTS = {
    "上旬": TimeMod.START,
    "初": TimeMod.START,
    "中旬": TimeMod.MID,
    "下旬": TimeMod.END,
    "末": TimeMod.END,
    "底": TimeMod.END,
}
UNITS = {
    "小时": "hour",
    "个小时": "hour",
    "天": "day",
    "日": "day",
    "周": "week",
    "星期": "week",
    "个月": "month",
    "月": "month",
    "年": "year",
}
SAME = {
    "次年": ("year", 1),
    "翌年": ("year", 1),
    "隔年": ("year", 1),
    "第二年": ("year", 1),
    "同年": ("year", 0),
    "当年": ("year", 0),
    "是年": ("year", 0),
    "前一年": ("year", -1),
    "上一年": ("year", -1),
    "翌日": ("day", 1),
    "次日": ("day", 1),
    "隔日": ("day", 1),
    "第二天": ("day", 1),
    "当天": ("day", 0),
    "同日": ("day", 0),
    "当日": ("day", 0),
    "次月": ("month", 1),
    "翌月": ("month", 1),
    "同月": ("month", 0),
}


def number(text: str) -> int | None:
    """Arabic, full-width or Chinese numerals (一九三九, 二十四) as an int."""
    text = unicodedata.normalize("NFKC", text)
    if text.isdigit():
        return int(text)
    if text == "半":
        return None
    if re.fullmatch(r"[〇零一二三四五六七八九]{2,}", text) and "十" not in text:
        return int("".join(str(cn2an.cn2an(c, "smart")) for c in text))
    try:
        return int(cn2an.cn2an(text.replace("两", "二"), "smart"))
    except (ValueError, KeyError):
        return None


def _year(text: str) -> int | None:
    body = text.removesuffix("年").removeprefix("公元").removeprefix("西元")
    for era, base in ERAS.items():
        if body.startswith(era):
            rest = body[len(era) :]
            n = 1 if rest == "元" else number(rest)
            return None if n is None else base + n
    return number(body)


def parse_atom(text: str) -> tuple[Point, TimeMod | None] | None:
    m = _ATOM_PARTS.match(text)
    if not m or not any(m.groups()):
        return None
    year = _year(m["y"]) if m["y"] else None
    month = number(m["m"][:-1].replace("正", "一")) if m["m"] else None
    day = number(m["d"][:-1]) if m["d"] else None
    season = SEASONS[m["s"][0]] if m["s"] and month is None else None
    point = Point(year=year, month=month, day=day, season=season)
    return point, PARTS.get(m["p"]) if m["p"] else None


def find_times(text: str) -> list[Found]:
    """Every time expression of simplified Chinese ``text``, in order, not overlapping."""
    out = []
    for m in _MASTER.finditer(text):
        kind = family(m)
        found = _build(kind, m)
        if found is not None:
            out.append(found)
    return out


def _build(kind: str, m: re.Match[str]) -> Found | None:
    start, end = m.span()
    if kind == "range":
        a, b = parse_atom(group(m, kind, "a") or ""), parse_atom(group(m, kind, "b") or "")
        if a is None or b is None:
            return None
        first = a[0]
        last = b[0].inherit(first)
        if last.month is None and last.day is None and last.season is None:
            return None
        return checked(Found(start, end, point=first, end_point=last))
    if kind == "numrange":
        head = parse_atom((group(m, kind, "y") or "") + (group(m, kind, "m") or ""))
        base = head[0] if head else Point()
        a, b = number(group(m, kind, "a") or ""), number(group(m, kind, "b") or "")
        if a is None or b is None or a >= b:
            return None
        if (group(m, kind, "unit") or "").startswith("月"):
            if group(m, kind, "m"):
                return None
            first, last = Point(year=base.year, month=a), Point(year=base.year, month=b)
        else:
            if base.month is None:
                return None
            first = Point(year=base.year, month=base.month, day=a)
            last = Point(year=base.year, month=base.month, day=b)
        return checked(Found(start, end, point=first, end_point=last))
    if kind == "decade":
        dec_text = group(m, kind, "dec") or ""
        n = number(dec_text)
        if n is None:
            return None
        decade = n if n >= 100 else 1900 + n  # 三十年代: the 1930s
        part = group(m, kind, "part")
        mod = {"初": TimeMod.START, "末": TimeMod.END}.get(
            part or "", TimeMod.MID if part else None
        )
        return Found(start, end, point=Point(decade=decade), mod=mod)
    if kind == "shift":
        amount = number(group(m, kind, "n") or "")
        if amount is None:
            return None
        sign = -1 if "前" in (group(m, kind, "dir") or "") else 1
        return Found(start, end, shift=(sign * amount, UNITS[group(m, kind, "unit") or ""]))
    if kind == "same":
        return Found(start, end, same=SAME[group(m, kind, "rel") or ""])
    if kind == "season":  # 夏季: the season of the reference year
        return Found(start, end, point=Point(season=SEASONS[(group(m, kind, "s") or "夏")[0]]))
    if kind == "duration":
        amount = number(group(m, kind, "n") or "")
        if amount is None:
            return None
        return Found(start, end, timex=duration(amount, UNITS[group(m, kind, "unit") or ""]))
    if kind == "atom":
        parsed = parse_atom(group(m, kind, "a") or "")
        if parsed is None:
            return None
        point, mod = parsed
        if point.year is None and point.month is None:
            return None  # a bare day (24日) is too ambiguous alone
        return checked(Found(start, end, point=point, mod=mod))
    return None
