"""The pydantic schema of eventalign: the contract with downstream databases.

Everything that leaves the pipeline is one of these models. The JSON Schema of
:class:`EventRecord` (``eventalign schema``) is generated from here.
"""

from models.article import Article, Format, Lang, ManifestEntry, Script, Section
from models.mention import Mention, MentionKind, TimeMod, TimeType, TimeValue
from models.records import Entity, EventMember, EventRecord, NamedRef, Names, TimeSpan

SCHEMA_VERSION = 1

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Entity",
    "EventMember",
    "EventRecord",
    "Format",
    "Lang",
    "ManifestEntry",
    "Mention",
    "MentionKind",
    "NamedRef",
    "Names",
    "Script",
    "Section",
    "TimeMod",
    "TimeSpan",
    "TimeType",
    "TimeValue",
]
