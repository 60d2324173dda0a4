"""Corpus-wide records: entities and aligned bilingual events."""

from datetime import date

from pydantic import BaseModel, ConfigDict, Field


class Names(BaseModel):
    """Names of one thing per language and script, canonical first."""

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    en: list[str] = Field(default_factory=list)
    zh_hans: list[str] = Field(default_factory=list, alias="zh-Hans")
    zh_hant: list[str] = Field(default_factory=list, alias="zh-Hant")


class Entity(BaseModel):
    """One real thing (person, place, …) with all its mentions across articles."""

    id: str
    label: str
    names: Names
    mentions: list[str] = Field(default_factory=list, description="mention ids")
    evidence: list[str] = Field(default_factory=list)


class NamedRef(BaseModel):
    """A place or participant of an event: an entity with its names."""

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    entity_id: str
    en: str | None = None
    zh_hans: str | None = Field(default=None, alias="zh-Hans")
    zh_hant: str | None = Field(default=None, alias="zh-Hant")


class TimeSpan(BaseModel):
    value: str
    start: date | None = None
    end: date | None = None
    conflict: bool = Field(default=False, description="the languages disagree on the time")


class EventMember(BaseModel):
    mention_id: str
    article_id: str
    text: str
    start: int
    end: int


class EventRecord(BaseModel):
    """One real-world event, with its names and facts from every article."""

    id: str
    label: str = Field(default="EVENT", description="EVENT or TREATY")
    names: Names
    time: TimeSpan | None = None
    places: list[NamedRef] = Field(default_factory=list)
    participants: list[NamedRef] = Field(default_factory=list)
    members: list[EventMember]
    score: float
    evidence: list[str] = Field(default_factory=list)
