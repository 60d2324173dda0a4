"""Stage 5, align: entities and bilingual event records over every stored mention.

    mentions ─► clusters (per language) ─► entity links (across languages) ─► Entity
                    │                                                   │
                    └─► event clusters + times + context ─► pairs ─► EventRecord

Every link and merge keeps its evidence (``蘇聯 ↔ Soviet Union (CC-CEDICT)``,
``same day 1941-04-13``, ``條約 ↔ pact (composition)``), so a user can see why
two mentions were merged (``eventalign show``).
"""

from __future__ import annotations

from functools import lru_cache

from models import Entity, EventRecord, Mention
from pipeline.align.clusters import build_clusters
from pipeline.align.compose import Translator, _greedy_segmenter
from pipeline.align.events import align_events, attach, build_record
from pipeline.align.linking import link_entities
from pipeline.lexicon import Lexicon, get_lexicon

ENTITY_LABELS = {"PERSON", "ORG", "PLACE"}
EVENT_LABELS = {"EVENT", "TREATY"}


@lru_cache(maxsize=1)
def _jieba_cut():
    from pipeline.nlp import load_chinese

    return load_chinese().tokenizer.jieba.lcut


def align(
    mentions: list[Mention],
    lexicon: Lexicon | None = None,
    pairs: frozenset[tuple[str, str]] = frozenset(),
) -> tuple[list[Entity], list[EventRecord]]:
    """Entities (persons, organisations, places) and event records, sorted by id.

    ``pairs`` are (English article id, Chinese article id) known to describe the same
    subject (langlinks): supporting evidence for events of those articles.
    """
    lexicon = lexicon or get_lexicon()
    translator = Translator(lexicon, (_greedy_segmenter(lexicon), _jieba_cut()))
    entity_clusters = build_clusters(mentions, ENTITY_LABELS, lexicon)
    groups = link_entities(entity_clusters, lexicon, translator)
    event_clusters = attach(build_clusters(mentions, EVENT_LABELS, lexicon), mentions, groups)
    records = [
        build_record(members, pair, lexicon)
        for members, pair in align_events(event_clusters, lexicon, translator, pairs)
    ]
    entities = sorted((g.to_entity() for g in groups), key=lambda e: e.id)
    return entities, sorted(records, key=lambda r: r.id)
