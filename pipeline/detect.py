"""Detect the format, language and script of an article that the manifest leaves open."""

from __future__ import annotations

import re
from collections.abc import Callable

from models import Format, Lang, Script

_MD_LINK = re.compile(r"\]\([^)\s]+(?: \"[^\"]*\")?\)")
_WIKI_SIGNS = re.compile(r"\[\[[^\]\n]+\]\]|\{\{[^}\n]*|^=+[^=\n]+=+\s*$|'''|<ref[ >]", re.M)
_FANDOM_FOOTER = "This page uses Creative Commons Licensed content from Wikipedia"
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[A-Za-z]+")
#: Frequent function words of English and distinctive ones of the Latin-script
#: languages most often mistaken for it (short words such as "de", "la" are left out:
#: they fill personal and place names in English text too). A text is English unless
#: another language clearly outweighs it.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in is was were that for on with as by at from it an be "
        "this which or are his her their its had has have not but".split()
    ),
    "fr": frozenset("est dans pour qui sur avec sont été pas plus aux une des était".split()),
    "es": frozenset("los las por para con fue más pero como está sus".split()),
    "de": frozenset("der die das und ist nicht mit dem ein eine auf für sich auch wurde".split()),
    "it": frozenset("gli che della nel sono anche alla degli delle".split()),
    "pt": frozenset("não foi mais para com uma dos das pelo pela".split()),
}


#: File suffixes that say the markup outright, whatever the text looks like.
SUFFIX_FORMATS = {
    ".wiki": Format.wikitext,
    ".wikitext": Format.wikitext,
    ".mediawiki": Format.wikitext,
}


def detect_format(raw: str, suffix: str = "") -> Format:
    """The markup the file's suffix names, else the one with the most signs in the text."""
    if suffix.lower() in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[suffix.lower()]
    head = raw[:200_000]
    scores = {
        Format.markdown: len(_MD_LINK.findall(head)) + 3 * head.count('"wikilink")'),
        Format.wikitext: len(_WIKI_SIGNS.findall(head)),
        Format.fandom: 10 if _FANDOM_FOOTER in raw[-2000:] else 0,
    }
    first = raw.lstrip("\ufeff").split("\n", 1)[0].strip()
    if first.endswith(" Wiki") and len(first) < 60:
        scores[Format.fandom] += 5
    best = max(scores, key=lambda f: scores[f])
    return best if scores[best] >= 2 else Format.text


def detect_lang(text: str) -> Lang | None:
    """English or Chinese by the share of CJK ideographs; None when it is neither."""
    sample = text[:100_000]
    cjk = len(_CJK.findall(sample))
    latin = len(_LATIN.findall(sample))
    if cjk and cjk * 4 >= latin:  # one ideograph is about one word of ~4 letters
        return Lang.zh
    if not latin:
        return None  # Cyrillic, Arabic, …: neither English nor Chinese
    words = [w.lower() for w in _WORD.findall(sample)]
    counts = {lang: sum(w in vocab for w in words) for lang, vocab in FUNCTION_WORDS.items()}
    other = max(v for lang, v in counts.items() if lang != "en")
    return Lang.en if other <= max(2, 1.5 * counts["en"]) else None


def detect_script(text: str, t2s: Callable[[str], str], s2t: Callable[[str], str]) -> Script:
    """Traditional or simplified Chinese: which OpenCC direction changes more characters."""
    sample = "".join(_CJK.findall(text[:50_000]))
    to_hans = sum(a != b for a, b in zip(sample, t2s(sample), strict=False))
    to_hant = sum(a != b for a, b in zip(sample, s2t(sample), strict=False))
    return Script.hant if to_hans > to_hant else Script.hans
