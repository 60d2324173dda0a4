"""Names that an article itself says are the same thing.

"The Battle of Khalkhin Gol, sometimes spelled Halhin Gol or Khalkin Gol … and
known in Japan as the Nomonhan Incident", "… Border War (1939), or
Japanese–Soviet War", "又稱…": the later name is an alias of the nearest
earlier mention of the same kind in the same sentence.
"""

from __future__ import annotations

import re

from models import Mention

#: Text right before an alias, after its subject.
_ALIAS_CUE = re.compile(
    r"(?:(?:also|sometimes|otherwise|commonly|better|originally|formerly|often)\s+)?"
    r"(?:known|referred\s+to|called|spelled|spelt|named|romanized)"
    r"(?:\s+in\s+[\w\s]{1,30}?)?(?:\s+as)?\s+(?:the\s+)?$"
    r"|(?:\)\s*,?|,)\s+or\s+(?:the\s+)?$"
    r"|(?:又称|又稱|亦称|亦稱|也称|也稱|或称|或稱|简称|簡稱|俗称|俗稱)[为為]?\s*$",
    re.I,
)
_OR = re.compile(r"^\s+or\s+(?:the\s+)?$")
_GROUPS = {"EVENT": "event", "TREATY": "event", "PLACE": "place", "ORG": "org", "PERSON": "person"}


def find_aliases(mentions: list[Mention], text: str) -> dict[str, str]:
    """``alias mention id → id of the mention it is another name of`` for one article."""
    ents = sorted(
        (m for m in mentions if m.kind.value == "entity" and not m.citation),
        key=lambda m: (m.clean_start, -m.clean_end),
    )
    out: dict[str, str] = {}
    for j, b in enumerate(ents):
        group = _GROUPS.get(b.label)
        before = text[max(0, b.clean_start - 60) : b.clean_start]
        previous = [
            a
            for a in ents[:j]
            if a.sentence == b.sentence
            and _GROUPS.get(a.label) == group
            and a.clean_end <= b.clean_start
        ]
        if not previous:
            continue
        nearest = previous[-1]
        between = text[nearest.clean_end : b.clean_start]
        if nearest.id in out and _OR.match(between):  # "spelled Halhin Gol or Khalkin Gol"
            out[b.id] = out[nearest.id]
        elif _ALIAS_CUE.search(before):
            out[b.id] = out.get(nearest.id, nearest.id)
    return out
