"""Render records for the terminal."""

from __future__ import annotations

from models import EventRecord, Names
from models.records import NamedRef

_LANGS = ("en", "zh-Hans", "zh-Hant")


def _pick(names: Names, lang: str) -> list[str]:
    by_lang = {"en": names.en, "zh-Hans": names.zh_hans, "zh-Hant": names.zh_hant}
    return by_lang.get(lang) or names.en or names.zh_hant or names.zh_hans


def _ref(ref: NamedRef, lang: str) -> str:
    by_lang = {"en": ref.en, "zh-Hans": ref.zh_hans, "zh-Hant": ref.zh_hant}
    return by_lang.get(lang) or ref.en or ref.zh_hant or ref.zh_hans or ref.entity_id


def render_event(record: EventRecord, lang: str = "en") -> str:
    names = _pick(record.names, lang)
    lines = [f"{record.id}  {record.label}  {names[0] if names else '?'}"]
    by_lang = {
        "en": record.names.en,
        "zh-Hans": record.names.zh_hans,
        "zh-Hant": record.names.zh_hant,
    }
    for code in _LANGS:
        got = by_lang[code]
        if got:
            lines.append(f"  {code:8} {' | '.join(got)}")
    if record.time:
        flag = "  (languages disagree)" if record.time.conflict else ""
        lines.append(
            f"  time     {record.time.value}  [{record.time.start} .. {record.time.end}]{flag}"
        )
    if record.places:
        lines.append("  places   " + ", ".join(_ref(p, lang) for p in record.places))
    if record.participants:
        lines.append("  with     " + ", ".join(_ref(p, lang) for p in record.participants))
    lines.append(f"  score    {record.score:.2f}")
    for member in record.members:
        lines.append(f"  member   {member.article_id}[{member.start}:{member.end}] {member.text}")
    for line in record.evidence:
        lines.append(f"  because  {line}")
    return "\n".join(lines)
