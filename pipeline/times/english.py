"""English time expressions: dates, ranges, decades, seasons, relative expressions, durations.

One regular expression per family, built from small parts (month, day, year,
an "atom" that is one date); each match is parsed into :class:`Found`.
Numbers written as words go through text2num.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from text_to_num import text2num

from models import TimeMod
from pipeline.times.found import Found
from pipeline.times.patterns import checked, compile_families, family, group
from pipeline.times.values import Point, duration

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(
    "january february march april may june july august september october november december".split(),
    start=1,
):
    MONTHS[_name] = _i
    MONTHS[_name[:3]] = _i
MONTHS["sept"] = 9
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
UNITS = {"hour": "hour", "day": "day", "week": "week", "month": "month", "year": "year"}

_M = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|(?![a-z]))"
)
_D = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
_Y = r"(?<![\d\-–/.,:#])(?:1\d{3}|20\d{2})(?!\d)"
_SEASON = r"(?i:spring|summer|autumn|fall|winter)"
_DECADE = r"(?:(?i:the)\s+)?(?:1\d|20)\d0s"
_ATOM = (
    rf"(?:{_M}\s+{_D},?\s+{_Y}|{_D}\s+{_M},?\s+{_Y}|{_M},?\s+(?:of\s+)?{_Y}"
    rf"|{_SEASON}\s+(?:of\s+)?{_Y}|{_DECADE}|{_Y}|{_M}\s+{_D}|{_D}\s+{_M}|{_M})"
)
_NUMW = (
    r"(?i:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?)"
)
_UNIT = r"(?i:hours?|days?|weeks?|months?|years?)"
_COUNT_NOUNS = (
    r"men|soldiers|troops|tanks|aircraft|planes|guns|people|dead|killed|wounded|casualties|"
    r"vehicles|km|kilometres|kilometers|miles|metres|meters|feet|m|kg|tons|tonnes|horses|"
    r"prisoners|ships|%|percent|per\s+cent|hours|rounds|pieces"
)

_ISO = r"(?<![\d\-])(?:1\d{3}|20\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d\-])"

_PATTERNS: list[tuple[str, str]] = [
    ("iso", rf"(?P<a>{_ISO})"),
    ("between", rf"(?i:between)\s+(?P<a>{_ATOM})\s+and\s+(?P<b>{_ATOM})"),
    ("fromto", rf"(?i:from)\s+(?P<a>{_ATOM})\s+(?:to|until|till|through)\s+(?P<b>{_ATOM})"),
    ("dayrange", rf"(?P<a>{_D})\s*[–—-]\s*(?P<b>{_D}\s+{_M},?\s+{_Y})"),
    ("mdrange", rf"(?P<a>{_M}\s+{_D})\s*[–—-]\s*(?P<b>{_D},?\s+{_Y})"),
    ("yy", rf"(?P<a>{_Y})\s*[–—]\s*(?P<b>\d{{2}})(?![\d,])"),
    ("dash", rf"(?P<a>{_ATOM})\s*[–—]\s*(?P<b>{_ATOM})|(?P<c>{_Y})-(?P<d>{_Y})"),
    (
        "mod",
        r"(?P<mod>(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
        rf"the\s+middle\s+of))[\s-]+(?P<a>{_ATOM})",
    ),
    ("approx", rf"(?P<mod>(?i:about|around|circa|c\.|ca\.))\s+(?P<a>{_ATOM})"),
    ("relation", rf"(?P<mod>(?i:before|after|since|prior\s+to))\s+(?P<a>{_ATOM})"),
    (
        "shift",
        rf"(?P<n>{_NUMW})\s+(?P<unit>{_UNIT})\s+(?P<dir>(?i:later|after|afterwards|"
        r"earlier|before|prior))\b",
    ),
    (
        "same",
        r"(?P<rel>(?i:the\s+following|the\s+next|the\s+previous|the\s+preceding|the\s+same|"
        r"later\s+that|earlier\s+that|that))\s+(?P<unit>year|month|day|week)\b",
    ),
    ("duration", rf"(?P<n>{_NUMW})[\s-](?P<unit>{_UNIT})[\s-]long\b"),
    ("atom", rf"(?P<a>{_ATOM})(?!\s+(?:{_COUNT_NOUNS})\b)(?![-–]\d)"),
]
_MASTER = compile_families(_PATTERNS)

_ATOM_FORMS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Point]]] = []


def _atom_form(rx: str) -> Callable[[Callable[[re.Match[str]], Point]], Callable]:
    def register(fn: Callable[[re.Match[str]], Point]) -> Callable[[re.Match[str]], Point]:
        _ATOM_FORMS.append((re.compile(rf"^{rx}$"), fn))
        return fn

    return register


def _month(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


_GM = rf"(?P<m>{_M})"
_GD = rf"(?P<d>{_D})"
_GY = r"(?P<y>\d{4})"


@_atom_form(rf"{_GM}\s+{_GD},?\s+{_GY}")
def _mdy(m: re.Match[str]) -> Point:
    return Point(year=int(m["y"]), month=_month(m["m"]), day=_day(m["d"]))


@_atom_form(rf"{_GD}\s+{_GM},?\s+{_GY}")
def _dmy(m: re.Match[str]) -> Point:
    return Point(year=int(m["y"]), month=_month(m["m"]), day=_day(m["d"]))


@_atom_form(rf"{_GM},?\s+(?:of\s+)?{_GY}")
def _my(m: re.Match[str]) -> Point:
    return Point(year=int(m["y"]), month=_month(m["m"]))


@_atom_form(rf"(?P<s>{_SEASON})\s+(?:of\s+)?{_GY}")
def _season(m: re.Match[str]) -> Point:
    return Point(year=int(m["y"]), season=SEASONS[m["s"].lower()])


@_atom_form(r"(?:(?i:the)\s+)?(?P<dec>\d{3}0)s")
def _decade(m: re.Match[str]) -> Point:
    return Point(decade=int(m["dec"]))


@_atom_form(_GY)
def _year(m: re.Match[str]) -> Point:
    return Point(year=int(m["y"]))


@_atom_form(rf"{_GM}\s+{_GD}")
def _md(m: re.Match[str]) -> Point:
    return Point(month=_month(m["m"]), day=_day(m["d"]))


@_atom_form(rf"{_GD}\s+{_GM}")
def _dm(m: re.Match[str]) -> Point:
    return Point(month=_month(m["m"]), day=_day(m["d"]))


@_atom_form(_GM)
def _bare_month(m: re.Match[str]) -> Point:
    return Point(month=_month(m["m"]))


@_atom_form(_GD)
def _bare_day(m: re.Match[str]) -> Point:
    return Point(day=_day(m["d"]))


def parse_atom(text: str) -> Point | None:
    """The point an atom names, or None."""
    text = " ".join(text.split())
    for rx, fn in _ATOM_FORMS:
        m = rx.match(text)
        if m:
            return fn(m)
    return None


def number(text: str) -> int | None:
    word = text.strip().lower()
    if word.isdigit():
        return int(word)
    if word in ("a", "an"):
        return 1
    try:
        return int(text2num(word.replace(" ", "-"), "en"))
    except ValueError:
        return None


def _unit(text: str) -> str:
    return UNITS[text.lower().rstrip("s")]


_MODS = {
    "early": TimeMod.START,
    "the beginning of": TimeMod.START,
    "the start of": TimeMod.START,
    "mid": TimeMod.MID,
    "the middle of": TimeMod.MID,
    "late": TimeMod.END,
    "the end of": TimeMod.END,
    "about": TimeMod.APPROX,
    "around": TimeMod.APPROX,
    "circa": TimeMod.APPROX,
    "c.": TimeMod.APPROX,
    "ca.": TimeMod.APPROX,
    "before": TimeMod.BEFORE,
    "prior to": TimeMod.BEFORE,
    "after": TimeMod.AFTER,
    "since": TimeMod.AFTER,
}
_SAME = {
    "the following": 1,
    "the next": 1,
    "the previous": -1,
    "the preceding": -1,
    "the same": 0,
    "later that": 0,
    "earlier that": 0,
    "that": 0,
}
_SKIP_BEFORE = re.compile(r"(?i:\b(?:isbn|issn|no\.|nos\.|p\.|pp\.|pages?|vol\.|#|\$|£|€))\s*$")


def find_times(text: str) -> list[Found]:
    """Every time expression of ``text``, in order, not overlapping."""
    out: list[Found] = []
    for m in _MASTER.finditer(text):
        kind = family(m)
        found = _build(kind, m)
        if found is None:
            continue
        if kind == "atom" and _SKIP_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        out.append(found)
    return out


def _build(kind: str, m: re.Match[str]) -> Found | None:
    start, end = m.span()
    if kind in ("between", "fromto", "dayrange", "mdrange", "dash"):
        a_text, b_text = group(m, kind, "a"), group(m, kind, "b")
        if a_text is None and kind == "dash":
            a_text, b_text = group(m, kind, "c"), group(m, kind, "d")
        a, b = parse_atom(a_text or ""), parse_atom(b_text or "")
        if a is None or b is None:
            return None
        a = a.inherit(b) if a.year is None and a.decade is None else a
        if a.day is not None and a.month is None:
            a = Point(year=b.year, month=b.month, day=a.day)
        return checked(Found(start, end, point=a, end_point=b))
    if kind == "iso":
        y, mo, d = (int(x) for x in (group(m, kind, "a") or "").split("-"))
        return checked(Found(start, end, point=Point(year=y, month=mo, day=d)))
    if kind == "yy":
        first = int(group(m, kind, "a") or 0)
        second = first // 100 * 100 + int(group(m, kind, "b") or 0)
        if second <= first:
            return None
        return Found(start, end, point=Point(year=first), end_point=Point(year=second))
    if kind in ("mod", "approx", "relation"):
        point = parse_atom(group(m, kind, "a") or "")
        mod = _MODS[" ".join((group(m, kind, "mod") or "").lower().split())]
        if point is None or (point.month is not None and point.year is None and point.day is None):
            return None
        return checked(Found(start, end, point=point, mod=mod))
    if kind == "shift":
        amount = number(group(m, kind, "n") or "")
        if amount is None:
            return None
        direction = (group(m, kind, "dir") or "").lower()
        sign = -1 if direction in ("earlier", "before", "prior") else 1
        return Found(start, end, shift=(sign * amount, _unit(group(m, kind, "unit") or "")))
    if kind == "same":
        rel = " ".join((group(m, kind, "rel") or "").lower().split())
        return Found(start, end, same=(_unit(group(m, kind, "unit") or ""), _SAME[rel]))
    if kind == "duration":
        amount = number(group(m, kind, "n") or "")
        if amount is None:
            return None
        return Found(start, end, timex=duration(amount, _unit(group(m, kind, "unit") or "")))
    if kind == "atom":
        point = parse_atom(group(m, kind, "a") or "")
        if point is None or (point.year is None and point.decade is None and point.day is None):
            return None  # a bare month name is too ambiguous alone
        return checked(Found(start, end, point=point))
    return None
