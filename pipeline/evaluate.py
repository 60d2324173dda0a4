"""Score the pipeline against a gold annotation (the format of tests/data/seeds.yaml).

- times: value-exact; a gold expression is found by a system time that overlaps one of
  its occurrences in the raw file and has the same TIMEX3 value (one-to-one). Citation
  dates are scored apart, against ``reference_dates``.
- entities: typed, per distinct (label, surface) of an article; ``ambiguous`` surfaces
  are neither rewarded nor punished.
- alignment: pairs of mentions that share an event record, against the pairs the gold
  ``aligned_events`` imply, counted over the mentions gold annotates (a pair with a mention
  gold says nothing about is neither right nor wrong, as in pairwise coreference
  scoring); each gold ``aligned_entities`` pair linked or not; and each
  ``unpaired_events_examples`` name kept apart from the other articles.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from models import Entity, EventRecord, Mention
from pipeline.align import align
from pipeline.align.clusters import english_name
from pipeline.corpus import load_corpus
from pipeline.errors import InputError
from pipeline.process import ArticleResult, process_article
from pipeline.settings import Settings


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


@dataclass
class Report:
    """Scores by stage, then by article (and by type for entities)."""

    scores: dict[str, Score] = field(default_factory=dict)
    checks: dict[str, object] = field(default_factory=dict)

    def score(self, key: str) -> Score:
        return self.scores.setdefault(key, Score())


def _occurrences(raw: str, surface: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(surface), raw)]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_times(raw: str, gold_items: list[dict], found: list[Mention]) -> Score:
    """Value-exact, overlap-matched, one-to-one."""
    spans = {item["surface"]: _occurrences(raw, item["surface"]) for item in gold_items}
    every = [span for found in spans.values() for span in found]
    gold: list[tuple[tuple[int, int], str, str]] = []
    for item in gold_items:
        values = item["value"] if isinstance(item["value"], list) else [item["value"]]
        for span in spans[item["surface"]]:
            if any(o != span and o[0] <= span[0] and span[1] <= o[1] for o in every):
                continue  # part of a longer gold expression ("1939年" in "1939年5月31日")
            gold.extend((span, str(v), item["surface"]) for v in values)
    score = Score()
    used: set[int] = set()
    for m in sorted(found, key=lambda m: m.start):
        hit = next(
            (
                i
                for i, (span, value, _) in enumerate(gold)
                if i not in used and value == m.value and _overlap(span, (m.start, m.end))
            ),
            None,
        )
        if hit is None:
            score.fp += 1
            score.errors.append(f"extra {m.text!r} = {m.value}")
        else:
            used.add(hit)
            score.tp += 1
    for i, (_, value, surface) in enumerate(gold):
        if i not in used:
            score.fn += 1
            score.errors.append(f"missed {surface!r} = {value}")
    return score


def score_entities(gold_doc: dict, found: list[Mention]) -> dict[str, Score]:
    """Per label: distinct (label, surface) of the system against the gold lists."""
    gold = {(label, name) for label, names in gold_doc["entities"].items() for name in names}
    ambiguous = set(gold_doc.get("ambiguous", []))
    system = {(m.label, english_name(m.text)) for m in found if m.kind.value == "entity"}
    scores: dict[str, Score] = defaultdict(Score)
    for label, name in sorted(system):
        if (label, name) in gold:
            scores[label].tp += 1
        elif name not in ambiguous:  # a wrong type counts as an error like a wrong name
            scores[label].fp += 1
            scores[label].errors.append(f"extra {label} {name!r}")
    for label, name in sorted(gold - system):
        scores[label].fn += 1
        scores[label].errors.append(f"missed {label} {name!r}")
    return dict(scores)


def boilerplate_hits(raw: str, gold_doc: dict, found: list[Mention]) -> list[str]:
    """Entities that lie inside page furniture of the raw file."""
    furniture = [span for b in gold_doc.get("boilerplate", []) for span in _occurrences(raw, b)]
    return sorted(
        {
            m.text
            for m in found
            if m.kind.value == "entity" and any(a <= m.start and m.end <= b for a, b in furniture)
        }
    )


def evaluate(gold_path: Path, corpus_dir: Path, settings: Settings | None = None) -> Report:
    """Run the per-article stages and the alignment on the gold articles and score them."""
    settings = settings or Settings()
    try:
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"cannot read the gold file ({exc})", source=str(gold_path)) from exc
    corpus = load_corpus(corpus_dir)
    by_path = {Path(e.path).name: e for e in corpus.entries}
    report = Report()
    results: dict[str, ArticleResult] = {}
    for doc in gold["documents"]:
        entry = by_path.get(doc["file"])
        if entry is None:
            raise InputError(
                f"gold file names {doc['file']!r}, which is not in the corpus",
                source=str(corpus_dir),
            )
        result = process_article(entry, corpus.root, settings)
        results[doc["file"]] = result
        raw = (corpus.root / entry.path).read_text(encoding="utf-8")
        times = [m for m in result.mentions if m.kind.value == "time"]
        history = [m for m in times if not m.citation and m.time and m.time.type.value == "DATE"]
        cited = [m for m in times if m.citation]
        t = score_times(raw, doc.get("dates", []), history)
        report.scores[f"times/{doc['file']}"] = t
        report.score("times").add(t)
        if "reference_dates" in doc:
            r = score_times(raw, doc["reference_dates"], cited)
            report.scores[f"reference dates/{doc['file']}"] = r
        not_dates = [
            s
            for s in doc.get("not_dates", [])
            for span in _occurrences(raw, s)
            if any(_overlap(span, (m.start, m.end)) for m in times)
        ]
        report.checks[f"not_dates tagged/{doc['file']}"] = not_dates
        lang_total = report.score(f"entities/{result.article.lang.value}")
        for label, s in sorted(score_entities(doc, result.mentions).items()):
            report.scores[f"entities/{doc['file']}/{label}"] = s
            lang_total.add(s)
            report.score("entities").add(s)
            report.score(f"entities/{result.article.lang.value}/{label}").add(s)
        report.checks[f"boilerplate entities/{doc['file']}"] = boilerplate_hits(
            raw, doc, result.mentions
        )
    all_mentions = [m for r in results.values() for m in r.mentions]
    entities, events = align(all_mentions)
    _score_alignment(report, gold, all_mentions, entities, events)
    return report


def _score_alignment(
    report: Report,
    gold: dict,
    mentions: list[Mention],
    entities: list[Entity],
    events: list[EventRecord],
) -> None:
    """Mention pairs in one record vs the pairs gold implies; entity pairs linked."""
    record_of: dict[str, str] = {m.mention_id: e.id for e in events for m in e.members}
    by_surface: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.kind.value == "entity":
            by_surface[english_name(m.text)].append(m)
    gold_groups: list[set[str]] = []
    for item in gold.get("aligned_events", []):
        names = [item["en"], *item.get("en_aliases", []), item["zh"], *item.get("zh_aliases", [])]
        ids = {
            m.id
            for n in names
            for m in by_surface.get(english_name(n), [])
            if m.label in ("EVENT", "TREATY") and m.id in record_of
        }
        gold_groups.append(ids)
    gold_pairs = {frozenset((a, b)) for g in gold_groups for a in g for b in g if a < b}
    members_by_record: dict[str, list[str]] = defaultdict(list)
    for mid, rid in record_of.items():
        members_by_record[rid].append(mid)
    in_gold = set().union(*gold_groups) if gold_groups else set()
    system_pairs = {
        frozenset((a, b))
        for ids in members_by_record.values()
        for a in ids
        for b in ids
        if a < b and a in in_gold and b in in_gold
    }
    s = report.score("alignment (event mention pairs)")
    s.tp = len(system_pairs & gold_pairs)
    s.fp = len(system_pairs - gold_pairs)
    s.fn = len(gold_pairs - system_pairs)
    entity_of = {mid: e.id for e in entities for mid in e.mentions}
    linked = []
    for en, zh in gold.get("aligned_entities", []):
        a = {entity_of.get(m.id) for m in by_surface.get(en, [])} - {None}
        b = {entity_of.get(m.id) for m in by_surface.get(zh, [])} - {None}
        linked.append((en, zh, bool(a & b)))
    e = report.score("alignment (entity pairs linked)")
    e.tp = sum(ok for *_, ok in linked)
    e.fn = len(linked) - e.tp
    report.checks["entity pairs not linked"] = [f"{a} / {b}" for a, b, ok in linked if not ok]
    article_of = {m.id: m.article_id for m in mentions}
    merged_across = []
    for names in gold.get("unpaired_events_examples", {}).values():
        for name in names:
            for m in by_surface.get(english_name(name), []):
                record = record_of.get(m.id)
                others = {article_of[x] for x in members_by_record.get(record or "", [])}
                if others - {m.article_id}:
                    merged_across.append(name)
    report.checks["unpaired events merged across articles"] = sorted(set(merged_across))


def format_report(report: Report) -> str:
    rows = [
        f"{'stage / article / type':58} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"
    ]
    for key in sorted(report.scores, key=lambda k: (k.split("/")[0], k.count("/"), k)):
        s = report.scores[key]
        rows.append(
            f"{key:58} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:4} {s.fp:4} {s.fn:4}"
        )
    for key, value in sorted(report.checks.items()):
        rows.append(f"{key}: {value if value else 'none'}")
    return "\n".join(rows)
