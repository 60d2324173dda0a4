"""Cross-lingual entity linking: English and Chinese clusters of one real thing.

Evidence, strongest first: CC-CEDICT gives the English name for the Chinese
one (蘇聯 ↔ Soviet Union); the Chinese name composes into the English one
(哈拉哈 + 河 ↔ Halha + River, with transliteration); the Chinese name sounds
like the English one (莫洛托夫 ~ Molotov). Links join clusters of the same
label; a cluster may link several clusters of the other language when the
evidence is strong for each (Khalkhin Gol and Halha River ↔ 哈拉哈河).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

from models import Entity, Names
from pipeline.align.clusters import Cluster, _UnionFind, unique
from pipeline.align.compose import Translator, english_tokens
from pipeline.align.translit import similarity
from pipeline.lexicon import Lexicon

LINK_THRESHOLD = 0.8


@dataclass
class Group:
    """Clusters of one thing across languages: the future Entity."""

    clusters: list[Cluster]
    evidence: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.clusters[0].label

    def en(self) -> list[str]:
        """English names, the most mentioned first."""
        clusters = sorted(
            (c for c in self.clusters if c.lang == "en"), key=lambda c: (-len(c.mentions), c.key)
        )
        return unique(n for c in clusters for n in c.names())

    def hans(self) -> list[str]:
        return unique(n for c in self.clusters if c.lang == "zh" for n in c.hans_names())

    def hant(self) -> list[str]:
        return unique(n for c in self.clusters if c.lang == "zh" for n in c.hant_names())

    @cached_property
    def id(self) -> str:
        keys = sorted(c.key for c in self.clusters)
        return "n_" + hashlib.sha1(f"{self.label}|{'|'.join(keys)}".encode()).hexdigest()[:16]

    def to_entity(self) -> Entity:
        return Entity(
            id=self.id,
            label=self.label,
            names=Names(en=self.en(), zh_hans=self.hans(), zh_hant=self.hant()),
            mentions=sorted(m.id for c in self.clusters for m in c.mentions),
            evidence=sorted(set(self.evidence)),
        )


def link_score(
    zh: Cluster, en: Cluster, lexicon: Lexicon, translator: Translator
) -> tuple[float, str]:
    """Best evidence that a Chinese and an English cluster name the same thing."""
    en_names = en.names()
    en_folded = {n.casefold() for n in en_names}
    best = (0.0, "")
    for hans in zh.hans_names():
        entry = lexicon.lookup(hans)
        if entry is not None:
            hit = next((n for n in entry.english if n.casefold() in en_folded), None)
            if hit is not None:
                via = "CC-CEDICT" if entry.hans == hans else f"CC-CEDICT via {entry.hant}"
                return 1.0, f"{hans} ↔ {hit} ({via})"
        composed = translator.compose(hans, en_names)
        if composed.score > best[0] and not composed.contradicts and composed.pieces > 1:
            best = (composed.score, "; ".join(composed.evidence))
        if zh.label in ("PERSON", "PLACE"):
            for name in en_names:
                tokens = english_tokens(name)
                score = similarity(hans, "".join(tokens)) if tokens else 0.0
                if tokens and len(tokens) > 1:  # a surname alone is how Chinese names people
                    score = max(score, similarity(hans, tokens[-1]))
                if score > best[0]:
                    best = (score, f"{hans} ~ {name} (transliteration {score:.2f})")
    return best


def _phonetic_block(word: str) -> str:
    """A coarse sound key for blocking: the first two consonants of the folded word."""
    from pipeline.align.translit import phonetic_key

    consonants = [c for c in phonetic_key(word) if c not in "aeiou"]
    return "".join(consonants[:2])


def _candidates(
    z: Cluster, index: _LabelView, lexicon: Lexicon, translator: Translator
) -> list[Cluster]:
    """English clusters worth scoring against ``z`` (blocking: never all of them)."""
    from pipeline.align.translit import pinyin_of

    keys: set[str] = set()
    for hans in z.hans_names():
        entry = lexicon.lookup(hans)
        if entry is not None:
            keys |= {f"n:{n.casefold()}" for n in entry.english}
        keys |= {f"w:{w}" for w in translator.words_of(hans)}
        keys.add(f"p:{_phonetic_block(pinyin_of(hans))}")
    found: dict[str, Cluster] = {}
    for key in sorted(keys):
        for c in index.get(key, []):
            found[c.key] = c
    return [found[k] for k in sorted(found)]


def _index(clusters: list[Cluster]) -> dict[str, list[Cluster]]:
    index: dict[str, list[Cluster]] = {}
    for c in clusters:
        keys = set()
        for name in c.names():
            keys.add(f"n:{name.casefold()}")
            tokens = english_tokens(name)
            keys |= {f"w:{t}" for t in tokens}
            if tokens:
                keys.add(f"p:{_phonetic_block(''.join(tokens))}")
                keys.add(f"p:{_phonetic_block(tokens[-1])}")
        for key in keys:
            index.setdefault(f"{c.label}|{key}", []).append(c)
    return index


class _LabelView:
    """The index seen through one label."""

    def __init__(self, index: dict[str, list[Cluster]], label: str) -> None:
        self.index, self.label = index, label

    def get(self, key: str, default: list[Cluster]) -> list[Cluster]:
        return self.index.get(f"{self.label}|{key}", default)


def link_entities(clusters: list[Cluster], lexicon: Lexicon, translator: Translator) -> list[Group]:
    """Groups of clusters across languages, each with its evidence."""
    zh = [c for c in clusters if c.lang == "zh"]
    index = _index([c for c in clusters if c.lang == "en"])
    uf = _UnionFind()
    evidence: dict[str, list[str]] = {}
    for c in clusters:
        uf.find(c.key)
        evidence[c.key] = list(c.evidence)
    links = []
    for z in zh:
        for e in _candidates(z, _LabelView(index, z.label), lexicon, translator):
            score, why = link_score(z, e, lexicon, translator)
            if score >= LINK_THRESHOLD:
                links.append((score, z.key, e.key, why))
    for _score, zkey, ekey, why in sorted(links, key=lambda x: (-x[0], x[1], x[2])):
        uf.union(zkey, ekey)
        evidence[zkey].append(why)
    groups: dict[str, list[Cluster]] = {}
    for c in sorted(clusters, key=lambda c: c.key):
        groups.setdefault(uf.find(c.key), []).append(c)
    out = []
    for members in groups.values():
        lines = [line for c in members for line in evidence[c.key]]
        out.append(Group(members, lines))
    for g in out:  # let composition use what is now linked: 哈拉哈河 ↔ Halha River
        for hans in g.hans():
            translator.linked.setdefault(hans, set()).update(g.en())
    return sorted(out, key=lambda g: g.id)
