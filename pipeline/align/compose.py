"""Composition: a Chinese name whose parts translate into an English name.

蘇日中立條約 = 蘇 (Soviet) + 日 (Japan) + 中立 (neutrality) + 條約 (pact) against
"Soviet–Japanese Neutrality Pact". Each part is looked up in CC-CEDICT (every
sense, and the English names behind one-character abbreviations), in the
table of kind words below (…戰役 → Battle of …), among the names of entities
already linked across languages (哈拉哈河 ↔ Halha River), or by transliteration
(諾門罕 ~ Nomonhan). Countries named on both sides must agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.align import translit
from pipeline.lexicon import Lexicon, is_country

#: Kind words and their English counterparts: a rule of how event, treaty and place
#: names are formed in the two languages.
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "战役": ("battle", "campaign", "incident"),
    "会战": ("battle",),
    "之战": ("battle",),
    "战争": ("war", "wars"),
    "事件": ("incident", "affair"),
    "事变": ("incident",),
    "条约": ("treaty", "pact"),
    "协定": ("agreement", "accord", "pact"),
    "协议": ("agreement", "pact", "accord"),
    "公约": ("convention",),
    "和约": ("treaty", "peace"),
    "入侵": ("invasion",),
    "侵略": ("invasion", "aggression"),
    "起义": ("uprising", "rebellion"),
    "革命": ("revolution",),
    "大屠杀": ("massacre",),
    "屠杀": ("massacre",),
    "行动": ("operation",),
    "镇压": ("repression", "purge"),
    "清洗": ("purge",),
    "河": ("river", "gol"),
    "江": ("river",),
    "湖": ("lake", "nuur"),
    "岛": ("island",),
    "山": ("mountain", "mount", "uul"),
    "铁路": ("railway",),
    "纪念碑": ("monument",),
    "共和国": ("republic",),
    "国": ("state", "empire", "kingdom"),
}
_STOP = frozenset("of the and in on at to a an for by de".split())
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")


#: Latin combining forms of country names in compounds: Sino-Japanese, Russo-Japanese.
COMBINING_FORMS = {
    "sino": "china",
    "russo": "russia",
    "anglo": "england",
    "franco": "france",
    "austro": "austria",
    "italo": "italy",
    "indo": "india",
    "hispano": "spain",
    "luso": "portugal",
    "greco": "greece",
    "turco": "turkey",
    "nippo": "japan",
    "germano": "germany",
    "polono": "poland",
    "serbo": "serbia",
}


def english_tokens(name: str) -> list[str]:
    """Content words of an English name, lowercased; combining forms read as countries."""
    words = [w.lower() for w in _WORD.findall(name)]
    return [COMBINING_FORMS.get(w, w) for w in words if w not in _STOP]


def _stem(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def words_match(a: str, b: str) -> bool:
    """Same word, plural, or demonym/derivation (japan ~ japanese, invade ~ invasion)."""
    a, b = _stem(a), _stem(b)
    if a == b:
        return True
    n = min(len(a), len(b))
    prefix = 0
    while prefix < n and a[prefix] == b[prefix]:
        prefix += 1
    return n >= 4 and prefix >= max(4, n - 2)


@dataclass
class Composition:
    """How well a Chinese name composes into English names, and why."""

    score: float
    pieces_matched: int
    pieces: int
    evidence: list[str] = field(default_factory=list)
    contradicts: bool = False  # both name countries, and not the same ones
    countries: tuple[str, ...] = ()  # countries the Chinese name names (苏德 → soviet, germany)
    unmatched: tuple[str, ...] = ()  # pieces nothing in the English names explains


#: Country words of English names, by name or people.
DEMONYMS = frozenset(
    "soviet japanese german chinese russian mongolian korean british french "
    "american italian polish finnish".split()
)


class Translator:
    """Part-by-part translation of Chinese names, with CC-CEDICT and linked entities."""

    def __init__(
        self, lexicon: Lexicon, segmenters: tuple[Callable[[str], list[str]], ...] = ()
    ) -> None:
        self.lexicon = lexicon
        self.segmenters = segmenters or (_greedy_segmenter(lexicon),)
        #: hans → English names of entities already linked across languages
        self.linked: dict[str, set[str]] = {}
        self._glosses: dict[str, frozenset[str]] = {}

    def glosses(self, piece: str) -> frozenset[str]:
        """English words a piece can stand for."""
        cached = self._glosses.get(piece)
        if cached is not None:
            return cached
        words: set[str] = set(KIND_WORDS.get(piece, ()))
        for gloss in self.lexicon.senses.get(piece, []):
            if gloss.startswith(("CL:", "old variant", "variant of", "see ")):
                continue
            words.update(english_tokens(re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", gloss)))
        entry = self.lexicon.by_hans.get(piece)
        if entry is not None:
            for name in entry.english:
                words.update(english_tokens(name))
        for country in self.countries(piece):
            words.add(country)
        for gloss in self.lexicon.proper_chars.get(piece, []):
            words.update(w.lower() for w in re.findall(r"\b[A-Z][a-z]+", gloss))
        for name in self.linked.get(piece, ()):
            words.update(english_tokens(name))
        self._glosses[piece] = frozenset(words)
        return self._glosses[piece]

    def countries(self, piece: str) -> set[str]:
        """Readings of a piece as a country (日 → japan; 苏 → soviet, jiangsu, …)."""
        names: set[str] = set()
        for gloss in self.lexicon.proper_chars.get(piece, []):  # 中: China, Chinese
            names.update(w.lower() for w in re.findall(r"\b[A-Z][a-z]+", gloss) if is_country(w))
        fulls = [piece, *self.lexicon.abbreviations.get(piece, [])]
        for full in fulls:
            entry = self.lexicon.by_hans.get(full)
            if entry is None or not entry.english:
                continue
            first = english_tokens(entry.english[0])
            if full != piece or is_country(entry.english[0]) or (first and first[0] in DEMONYMS):
                names.update(first[:1])
        return names

    def country_readings(self, hans: str) -> list[set[str]]:
        """The countries a Chinese name names, each with its possible readings: a leading
        run of abbreviations (苏德战争 → {soviet, …}, {germany}), or country words among
        its parts (苏联入侵满洲 → {soviet})."""
        run = []
        for i, ch in enumerate(hans):
            readings = self.countries(ch)
            word = hans[i : i + 2]
            if not readings or (
                len(word) == 2 and word in self.lexicon.senses and not self.countries(word[1])
            ):
                break  # 中 starts the word 中立 (neutrality) in 苏日中立条约
            run.append(readings)
        if len(run) >= 2:
            return run
        return [
            r
            for p in self.segmenters[0](hans)
            if 2 <= len(p) <= 4
            for r in [self.countries(p)]
            if r
        ]

    def countries_in(self, hans: str) -> list[str]:
        """Countries a Chinese name is made of: 苏德战争 → soviet, germany."""
        return [
            sorted(r, key=lambda c: (not (is_country(c) or c in DEMONYMS), c))[0]
            for r in self.country_readings(hans)
        ]

    def only_countries(self, pieces: tuple[str, ...]) -> bool:
        """Every piece is made of country abbreviations (苏德)."""
        return all(all(self.countries(ch) for ch in p) for p in pieces)

    def words_of(self, hans: str) -> set[str]:
        """Every English word the parts of a name can stand for (for blocking)."""
        words: set[str] = set()
        for segment in self.segmenters:
            for piece in self._expand(segment(hans)):
                words |= self.glosses(piece)
        return words

    def compose(self, hans: str, names: list[str]) -> Composition:
        """Score how much of ``hans`` the English ``names`` (one thing's names) explain."""
        best = Composition(0.0, 0, 0)
        for segment in self.segmenters:
            for pieces in _with_kind_word_split(hans, segment):
                result = self._compose(pieces, names)
                if result.score > best.score:
                    best = result
        return best

    def _compose(self, pieces: list[str], names: list[str]) -> Composition:
        tokens = sorted({t for n in names for t in english_tokens(n)})
        pieces = [p for p in self._expand(pieces) if p.strip() and not re.match(r"^\W+$", p)]
        if not tokens or not pieces:
            return Composition(0.0, 0, len(pieces))
        used: set[int] = set()
        evidence: list[str] = []
        hits = [self._match_piece(p, tokens, used) for p in pieces]
        # neighbouring pieces that matched nothing: one transliterated name (诺 + 门罕)
        merged: list[tuple[str, str | None]] = []
        for piece, hit in zip(pieces, hits, strict=True):
            if hit is None and merged and merged[-1][1] is None:
                merged[-1] = (merged[-1][0] + piece, None)
            else:
                merged.append((piece, hit))
        final = []
        for piece, hit in merged:
            if hit is None and len(piece) > 1:
                hit = self._transliterate(piece, tokens, used)
            final.append((piece, hit))
        matched = sum(1 for _, hit in final if hit)
        evidence = [hit for _, hit in final if hit]
        zh_countries = self.country_readings("".join(pieces))
        en_countries = {t for t in tokens if is_country(t) or t in DEMONYMS}
        contradicts = bool(zh_countries and en_countries) and not (
            all(any(words_match(c, t) for c in alts for t in en_countries) for alts in zh_countries)
            and all(
                any(words_match(t, c) for alts in zh_countries for c in alts)
                or any(words_match(t, g) for p, _ in final for g in self.glosses(p))
                for t in en_countries
            )
        )
        piece_cover = matched / len(final)
        # a name is covered by the words any matched piece can stand for (战役: battle, incident)
        explained = {
            t
            for t in tokens
            for p, hit in final
            if hit and (any(words_match(t, g) for g in self.glosses(p)) or t in hit.split())
        }
        token_cover = max(
            (
                sum(1 for t in english_tokens(n) if t in explained) / len(english_tokens(n))
                for n in names
                if english_tokens(n)
            ),
            default=0.0,
        )
        country_names = tuple(
            sorted(
                {
                    sorted(alts, key=lambda c: (not (is_country(c) or c in DEMONYMS), c))[0]
                    for alts in zh_countries
                }
            )
        )
        unmatched = tuple(p for p, hit in final if not hit)
        return Composition(
            round(0.5 * piece_cover + 0.5 * token_cover, 3),
            matched,
            len(final),
            evidence,
            contradicts,
            country_names,
            unmatched,
        )

    def _expand(self, pieces: list[str]) -> list[str]:
        """An unknown piece made of country abbreviations is read character by character
        (苏日 → 苏 + 日, 苏德 → 苏 + 德)."""
        out: list[str] = []
        for piece in pieces:
            if (
                2 <= len(piece) <= 3
                and piece not in self.lexicon.senses
                and all(self.countries(c) for c in piece)
            ):
                out.extend(piece)
            else:
                out.append(piece)
        return out

    def _match_piece(self, piece: str, tokens: list[str], used: set[int]) -> str | None:
        glosses = self.glosses(piece)
        for i, token in enumerate(tokens):
            if any(words_match(token, g) for g in glosses):
                used.add(i)
                source = (
                    "linked entity"
                    if piece in self.linked
                    else ("composition" if piece in KIND_WORDS else "CC-CEDICT")
                )
                return f"{piece} ↔ {token} ({source})"
        return None

    def _transliterate(self, piece: str, tokens: list[str], used: set[int]) -> str | None:
        if not re.match(r"^[\u4e00-\u9fff]+$", piece):
            return None
        score, i = max(
            ((translit.similarity(piece, t), i) for i, t in enumerate(tokens)), default=(0.0, -1)
        )
        if score < 0.75:
            return None
        used.add(i)
        return f"{piece} {translit.pinyin_of(piece)} ~ {tokens[i]} (transliteration {score:.2f})"


def _with_kind_word_split(hans: str, segment: Callable[[str], list[str]]) -> list[list[str]]:
    """Segmentations of a name, with a kind word at its end kept apart (哈拉哈 + 河)."""
    out = [segment(hans)]
    for kind in sorted(KIND_WORDS, key=len, reverse=True):
        if hans.endswith(kind) and len(hans) > len(kind):
            out.append([*segment(hans[: -len(kind)]), kind])
            break
    return out


def _greedy_segmenter(lexicon: Lexicon) -> Callable[[str], list[str]]:
    """Longest-first segmentation on CC-CEDICT words."""
    known = set(KIND_WORDS) | set(lexicon.senses)

    def segment(text: str) -> list[str]:
        out, i = [], 0
        while i < len(text):
            for n in range(min(8, len(text) - i), 0, -1):
                if n == 1 or text[i : i + n] in known:
                    out.append(text[i : i + n])
                    i += n
                    break
        return out

    return segment
