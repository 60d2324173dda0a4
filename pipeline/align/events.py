"""Event alignment: one record per real-world event across languages.

Every English event cluster is scored against every Chinese one it shares a
block key with (a year, a translated word, a linked participant):

- name: CC-CEDICT (第二次世界大戰 ↔ World War II) or composition of the parts;
- time: the same day is strong evidence, overlap some; disjoint times rule the
  pair out (unless the name evidence is of dictionary strength: then the
  record says the languages disagree);
- context: entities of the mentions' sentences linked across languages, and the
  countries a Chinese war name is made of (蘇德 → Soviet Union, Germany).

Pairs are taken best first, one to one; a second cluster of one article joins a
record only with strong name evidence and compatible times (哈拉哈河战役 and
諾門罕戰役 both compose into Battle of Khalkhin Gol / Nomonhan Incident).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from models import EventMember, EventRecord, Mention, Names, TimeSpan, TimeValue
from models.records import NamedRef
from pipeline.align.clusters import Cluster, unique
from pipeline.align.compose import DEMONYMS, Translator, english_tokens, words_match
from pipeline.align.linking import Group
from pipeline.lexicon import Lexicon, is_country

PAIR_THRESHOLD = 0.55
JOIN_NAME_THRESHOLD = 0.8
TIME_WINDOW = {"en": 60, "zh": 20}  # characters between an event name and its date


@dataclass
class EventCluster:
    cluster: Cluster
    times: list[TimeValue] = field(default_factory=list)
    context: list[Group] = field(default_factory=list)  # entities of the same sentences

    @property
    def lang(self) -> str:
        return self.cluster.lang


@dataclass
class Pair:
    score: float
    name: float
    en: EventCluster
    zh: EventCluster
    evidence: list[str]
    conflict: bool = False


def attach(
    clusters: list[Cluster], mentions: list[Mention], groups: list[Group]
) -> list[EventCluster]:
    """Give each event cluster the dates next to its mentions and the entities around it."""
    by_sentence: dict[tuple[str, int | None], list[Mention]] = defaultdict(list)
    for m in mentions:
        if not m.citation:
            by_sentence[(m.article_id, m.sentence)].append(m)
    group_of = {m.id: g for g in groups for c in g.clusters for m in c.mentions}
    events = {m.id for c in clusters for m in c.mentions}
    date_of = _nearest_dates(by_sentence, events)
    out = []
    for cluster in clusters:
        ec = EventCluster(cluster)
        seen: set[str] = set()
        for m in cluster.mentions:
            ec.times.extend(date_of.get(m.id, []))
            for other in by_sentence[(m.article_id, m.sentence)]:
                group = group_of.get(other.id)
                if group is not None and group.id not in seen:
                    seen.add(group.id)
                    ec.context.append(group)
        out.append(ec)
    return out


def _nearest_dates(
    by_sentence: dict[tuple[str, int | None], list[Mention]], events: set[str]
) -> dict[str, list[TimeValue]]:
    """Each date of a sentence goes to the nearest event name, if that is close enough."""
    out: dict[str, list[TimeValue]] = defaultdict(list)
    for sentence in by_sentence.values():
        names = [m for m in sentence if m.id in events]
        for t in sentence:
            if t.kind.value != "time" or t.time is None or t.time.type.value != "DATE":
                continue
            best: tuple[int, str] | None = None
            for m in names:
                gap = max(t.clean_start - m.clean_end, m.clean_start - t.clean_end)
                window = TIME_WINDOW["zh" if m.text_hans is not None else "en"]
                if gap <= window and (best is None or (gap, m.id) < best):
                    best = (gap, m.id)
            if best is not None:
                out[best[1]].append(t.time)
    return out


def _relation(a: list[TimeValue], b: list[TimeValue]) -> tuple[str, str]:
    """same-day, overlap, disjoint or unknown, with the evidence line."""
    if not a or not b:
        return "unknown", ""
    for x in a:
        for y in b:
            if x.start == x.end == y.start == y.end and x.start is not None:
                return "same-day", f"same day {x.start.isoformat()}"
    for x in a:
        for y in b:
            if _overlap(x, y):
                return "overlap", f"times overlap: {x.value} ~ {y.value}"
    return "disjoint", f"times disagree: {a[0].value} vs {b[0].value}"


def _overlap(x: TimeValue, y: TimeValue) -> bool:
    if None in (x.start, x.end, y.start, y.end):
        return False
    return x.start <= y.end and y.start <= x.end  # type: ignore[operator]


def _english_words(groups: list[Group]) -> set[str]:
    return {t for g in groups for n in g.en() for t in english_tokens(n)}


def score_pair(
    en: EventCluster,
    zh: EventCluster,
    lexicon: Lexicon,
    translator: Translator,
    paired_articles: frozenset[tuple[str, str]] = frozenset(),
) -> Pair | None:
    """The evidence that two clusters name one event, or None when it is ruled out."""
    if en.cluster.label != zh.cluster.label:
        return None
    en_names = en.cluster.names()
    name, evidence, composed_countries, rest_explained = 0.0, [], (), False
    for hans in zh.cluster.hans_names():
        entry = lexicon.lookup(hans)
        if entry is not None:
            hit = next(
                (n for n in entry.english if n.casefold() in {x.casefold() for x in en_names}), None
            )
            if hit is not None:
                name, evidence = 1.0, [f"{hans} ↔ {hit} (CC-CEDICT)"]
                break
        composed = translator.compose(hans, en_names)
        if composed.contradicts:
            return None
        if composed.score > name:
            name, evidence = composed.score, list(composed.evidence)
            composed_countries = tuple(translator.countries_in(hans))
            # all that the English names leave unexplained are the countries (苏德 in 苏德战争)
            rest_explained = composed.pieces_matched > 0 and translator.only_countries(
                composed.unmatched
            )
    relation, why = _relation(en.times, zh.times)
    conflict = False
    if relation == "disjoint":
        if name < 0.9:
            return None
        conflict = True
    score = 0.6 * name
    if relation == "same-day":
        score += 0.3
    elif relation == "overlap":
        score += 0.15
    if why:
        evidence.append(why)
    paired = sorted(
        {(a.article_id, b.article_id) for a in en.cluster.mentions for b in zh.cluster.mentions}
        & paired_articles
    )
    if paired:
        score += 0.1
        evidence.append(
            "articles paired (langlinks): " + ", ".join(f"{a} ↔ {b}" for a, b in paired)
        )
    zh_context = {g.id for g in zh.context}
    shared = sorted(
        {g.id: g for g in en.context if g.id in zh_context}.values(), key=lambda g: g.id
    )
    if shared:
        score += min(0.3, 0.1 * len(shared))
        evidence.append("shared: " + ", ".join(_pair_name(g) for g in shared[:5]))
    if composed_countries and rest_explained:
        words = _english_words(en.context) | {t for n in en_names for t in english_tokens(n)}
        if all(any(words_match(c, w) for w in words) for c in composed_countries):
            score += 0.3
            evidence.append(
                "the Chinese name is made of the participants " + ", ".join(composed_countries)
            )
    return Pair(round(min(score, 1.0), 3), name, en, zh, evidence, conflict)


def _pair_name(g: Group) -> str:
    en, zh = g.en(), g.hant()
    return " / ".join(x[0] for x in (en, zh) if x)


def _blocks(ec: EventCluster, translator: Translator) -> set[str]:
    """Keys under which candidate pairs are looked for (keeps alignment sub-quadratic)."""
    keys = {f"y:{t.start.year}" for t in ec.times if t.start} | {
        f"y:{t.end.year}" for t in ec.times if t.end
    }
    keys |= {f"g:{g.id}" for g in ec.context}
    if ec.lang == "en":
        keys |= {f"w:{w}" for n in ec.cluster.names() for w in english_tokens(n)}
    else:
        for hans in ec.cluster.hans_names():
            for piece in [hans, *hans]:
                keys |= {f"w:{w}" for w in translator.glosses(piece)}
            keys |= {f"w:{w}" for w in translator.words_of(hans)}
    return keys


def align_events(
    events: list[EventCluster],
    lexicon: Lexicon,
    translator: Translator,
    paired_articles: frozenset[tuple[str, str]] = frozenset(),
) -> list[tuple[list[EventCluster], Pair | None]]:
    """Records as lists of clusters (with the pair that joined them, if any)."""
    en = [e for e in events if e.lang == "en"]
    zh = [e for e in events if e.lang == "zh"]
    index: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(en):
        for key in _blocks(e, translator):
            index[key].append(i)
    pairs: list[Pair] = []
    for z in zh:
        candidates = sorted({i for key in _blocks(z, translator) for i in index.get(key, [])})
        for i in candidates:
            pair = score_pair(en[i], z, lexicon, translator, paired_articles)
            if pair is not None and pair.score >= PAIR_THRESHOLD:
                pairs.append(pair)
    pairs.sort(key=lambda p: (-p.score, p.en.cluster.key, p.zh.cluster.key))
    record_of: dict[int, int] = {}
    records: list[tuple[list[EventCluster], Pair | None]] = []
    for pair in pairs:
        a, b = id(pair.en), id(pair.zh)
        if a not in record_of and b not in record_of:
            record_of[a] = record_of[b] = len(records)
            records.append(([pair.en, pair.zh], pair))
        elif (a in record_of) != (b in record_of) and pair.name >= JOIN_NAME_THRESHOLD:
            index_ = record_of.get(a, record_of.get(b))
            assert index_ is not None
            members, first = records[index_]
            joining = pair.zh if a in record_of else pair.en
            if all(_compatible(joining, m) for m in members):
                members.append(joining)
                record_of[id(joining)] = index_
                if first is not None:
                    first.evidence.extend(pair.evidence)
    for e in events:
        if id(e) not in record_of:
            records.append(([e], None))
    return records


def _compatible(a: EventCluster, b: EventCluster) -> bool:
    return _relation(a.times, b.times)[0] != "disjoint"


def _choose_time(times: list[TimeValue]) -> TimeValue | None:
    """An explicit interval first, then the finest value, then the earliest."""
    if not times:
        return None

    def rank(t: TimeValue) -> tuple[int, int, str]:
        span = (t.end - t.start).days if t.start and t.end else 10**6
        return (0 if "/" in t.value else 1, span, t.value)

    return sorted(times, key=rank)[0]


def build_record(members: list[EventCluster], pair: Pair | None, lexicon: Lexicon) -> EventRecord:
    clusters = [m.cluster for m in members]
    en_times = [t for m in members if m.lang == "en" for t in m.times]
    zh_times = [t for m in members if m.lang == "zh" for t in m.times]
    chosen = _choose_time(en_times + zh_times)
    time = None
    if chosen is not None:
        a, b = _choose_time(en_times), _choose_time(zh_times)
        conflict = bool(a and b and not _overlap(a, b))
        time = TimeSpan(value=chosen.value, start=chosen.start, end=chosen.end, conflict=conflict)
    names = Names(
        en=unique(n for c in clusters if c.lang == "en" for n in c.names()),
        zh_hans=unique(n for c in clusters if c.lang == "zh" for n in c.hans_names()),
        zh_hant=unique(n for c in clusters if c.lang == "zh" for n in c.hant_names()),
    )
    places, participants = _roles(members, lexicon)
    mentions = sorted((m for c in clusters for m in c.mentions), key=lambda m: m.id)
    keys = sorted(c.key for c in clusters)
    evidence = [line for c in clusters for line in c.evidence]
    if pair is not None:
        evidence = [*pair.evidence, *evidence]
    return EventRecord(
        id="e_" + hashlib.sha1("|".join(keys).encode()).hexdigest()[:16],
        label=clusters[0].label,
        names=names,
        time=time,
        places=places,
        participants=participants,
        members=[
            EventMember(
                mention_id=m.id, article_id=m.article_id, text=m.text, start=m.start, end=m.end
            )
            for m in mentions
        ],
        score=pair.score if pair is not None else 1.0,
        evidence=unique(evidence),
    )


def _roles(members: list[EventCluster], lexicon: Lexicon) -> tuple[list[NamedRef], list[NamedRef]]:
    """Places and participants: the linked entities of the members' sentences."""
    places: dict[str, NamedRef] = {}
    participants: dict[str, NamedRef] = {}
    for m in members:
        for g in m.context:
            ref = NamedRef(
                entity_id=g.id,
                en=next(iter(g.en()), None),
                zh_hans=next(iter(g.hans()), None),
                zh_hant=next(iter(g.hant()), None),
            )
            if g.label == "PLACE" and not _is_state(g, lexicon):
                places[g.id] = ref
            else:
                participants[g.id] = ref
    return ([places[k] for k in sorted(places)], [participants[k] for k in sorted(participants)])


def _is_state(g: Group, lexicon: Lexicon) -> bool:
    if any(is_country(n) or n.split()[0].casefold() in DEMONYMS for n in g.en()):
        return True
    for hans in g.hans():
        entry = lexicon.lookup(hans)
        if entry is not None and any(is_country(n) for n in entry.english):
            return True
    return False
