"""Stage 5, align: entity mentions → entities, event mentions → event records.

This first version groups mentions of one language by their normalized
name; cross-lingual linking plugs in here.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

from models import Entity, EventMember, EventRecord, Mention, MentionKind, Names

EVENT_LABELS = frozenset({"EVENT", "TREATY"})
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def name_key(m: Mention) -> str:
    """The key under which two mentions name the same thing within a language."""
    if m.text_hans is not None:
        return "zh:" + m.text_hans
    return "en:" + _ARTICLE.sub("", " ".join(m.text.split())).casefold()


def _names(group: list[Mention]) -> Names:
    names = Names()
    for m in sorted(group, key=lambda m: (m.article_id, m.start)):
        if m.text_hans is not None:
            names.zh_hans.append(m.text_hans)
            names.zh_hant.append(m.text_hant or m.text_hans)
        else:
            names.en.append(_ARTICLE.sub("", " ".join(m.text.split())))
    names.en = list(dict.fromkeys(names.en))
    names.zh_hans = list(dict.fromkeys(names.zh_hans))
    names.zh_hant = list(dict.fromkeys(names.zh_hant))
    return names


def _hash(prefix: str, parts: list[str]) -> str:
    return prefix + hashlib.sha1("\x1f".join(sorted(parts)).encode()).hexdigest()[:16]


def align(found: list[Mention]) -> tuple[list[Entity], list[EventRecord]]:
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in found:
        if m.kind is MentionKind.entity and not m.citation:
            groups[(m.label, name_key(m))].append(m)
    ents: list[Entity] = []
    evs: list[EventRecord] = []
    for (label, key), group in sorted(groups.items()):
        ids = sorted(m.id for m in group)
        if label in EVENT_LABELS:
            members = [
                EventMember(
                    mention_id=m.id, article_id=m.article_id, text=m.text, start=m.start, end=m.end
                )
                for m in group
            ]
            evs.append(
                EventRecord(
                    id=_hash("e_", ids),
                    label=label,
                    names=_names(group),
                    members=sorted(members, key=lambda x: x.mention_id),
                    score=1.0,
                    evidence=[f"same name {key}"],
                )
            )
        else:
            ents.append(
                Entity(id=_hash("n_", [label, key]), label=label, names=_names(group), mentions=ids)
            )
    return ents, evs
