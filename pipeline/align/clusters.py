"""Within-language clusters: mentions that name the same thing in one language.

Mentions join when they have the same normalized name (across articles), when
an article says one is another name of the other (``alias_of``), when
CC-CEDICT gives both English names to one Chinese entry (USSR, Soviet Union),
and, inside one article, when a name is the tail of a longer name of the same
kind (Neutrality Pact, Soviet–Japanese Neutrality Pact).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from models import Mention
from pipeline.lexicon import Lexicon

_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)


@dataclass
class Cluster:
    """Mentions of one thing in one language."""

    lang: str  # en | zh
    label: str
    mentions: list[Mention] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)

    @cached_property
    def key(self) -> str:
        """Stable identity of the cluster (its mentions do not change once built)."""
        return min(name_key(m, None) for m in self.mentions)

    def names(self) -> list[str]:
        """Names, canonical first: the most mentioned, then the longest, then alphabetical."""
        counts = Counter(display_name(m) for m in self.mentions)
        return sorted(counts, key=lambda n: (-counts[n], -len(n), n))

    def hans_names(self) -> list[str]:
        counts = Counter(m.text_hans or "" for m in self.mentions if m.text_hans)
        return sorted(counts, key=lambda n: (-counts[n], -len(n), n))

    def hant_names(self) -> list[str]:
        counts = Counter(m.text_hant or "" for m in self.mentions if m.text_hant)
        return sorted(counts, key=lambda n: (-counts[n], -len(n), n))


def unique(items: Iterable[str]) -> list[str]:
    """The items in their first order, each once."""
    return list(dict.fromkeys(items))


def english_name(text: str) -> str:
    """A surface as a name: spaces folded, a leading article dropped (the Tripartite Pact)."""
    return _LEADING.sub("", " ".join(text.split()))


def display_name(m: Mention) -> str:
    return m.text_hans if m.text_hans is not None else english_name(m.text)


def name_key(m: Mention, lexicon: Lexicon | None) -> str:
    """Normalized name: English casefolded; Chinese simplified, variant characters folded
    for matching only (滿州國 → 满洲国)."""
    if m.text_hans is not None:
        hans = "".join(m.text_hans.split())
        if lexicon is not None and hans not in lexicon.by_hans:
            entry = lexicon.variant(hans) if len(hans) >= 3 else None
            if entry is not None:
                return "zh:" + entry.hans
        return "zh:" + hans
    return "en:" + display_name(m).casefold()


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def build_clusters(
    mentions: list[Mention], labels: set[str], lexicon: Lexicon | None
) -> list[Cluster]:
    """Cluster the entity mentions with ``labels``, language by language."""
    chosen = sorted(
        (m for m in mentions if m.kind.value == "entity" and m.label in labels and not m.citation),
        key=lambda m: m.id,
    )
    by_id = {m.id: m for m in chosen}
    uf = _UnionFind()
    why: dict[str, list[str]] = defaultdict(list)
    first_by_key: dict[tuple[str, str], str] = {}
    for m in chosen:
        key = (m.label, name_key(m, lexicon))
        if key in first_by_key:
            uf.union(m.id, first_by_key[key])
        else:
            first_by_key[key] = m.id
            uf.find(m.id)
    for m in chosen:
        if m.alias_of in by_id and by_id[m.alias_of].label == m.label:
            uf.union(m.id, m.alias_of)
            why[m.id].append(
                f"{display_name(m)} = {display_name(by_id[m.alias_of])} (the article says so)"
            )
    if lexicon is not None:
        _synonyms(chosen, lexicon, uf, why, first_by_key)
    _tails(chosen, uf, why)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in chosen:
        groups[uf.find(m.id)].append(m)
    clusters = []
    for root in sorted(groups):
        members = groups[root]
        lang = "zh" if members[0].text_hans is not None else "en"
        evidence = sorted({line for m in members for line in why.get(m.id, [])})
        clusters.append(Cluster(lang, members[0].label, members, evidence))
    return clusters


def _synonyms(
    chosen: list[Mention],
    lexicon: Lexicon,
    uf: _UnionFind,
    why: dict[str, list[str]],
    first_by_key: dict[tuple[str, str], str],
) -> None:
    """English names that CC-CEDICT gives to one Chinese word name one thing (USSR)."""
    by_entry: dict[tuple[str, str], list[str]] = defaultdict(list)
    for (label, key), mid in first_by_key.items():
        if not key.startswith("en:"):
            continue
        name = key[3:]
        entries = [
            e for e in lexicon.english(name) if name in (n.casefold() for n in e.english[:2])
        ]
        if len(entries) == 1:
            by_entry[(label, entries[0].hans)].append(mid)
    for (_, hans), ids in sorted(by_entry.items()):
        for other in ids[1:]:
            uf.union(ids[0], other)
            why[other].append(f"same CC-CEDICT entry {hans}")


def _tails(chosen: list[Mention], uf: _UnionFind, why: dict[str, list[str]]) -> None:
    """Inside one article, "Neutrality Pact" after "Soviet–Japanese Neutrality Pact"."""
    by_article: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in chosen:
        if m.label in ("EVENT", "TREATY") and m.text_hans is None:
            by_article[(m.article_id, m.label)].append(m)
    for group in by_article.values():
        names = {display_name(m) for m in group}
        for m in group:
            short = display_name(m)
            longer = sorted(
                n
                for n in names
                if n != short and n.endswith(" " + short) and len(short.split()) >= 2
            )
            if len(longer) == 1:
                target = next(x for x in group if display_name(x) == longer[0])
                uf.union(m.id, target.id)
                why[m.id].append(f"{short} is short for {longer[0]} in {m.article_id}")
