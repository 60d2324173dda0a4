"""Mentions: a time expression or a name found in one article."""

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field


class MentionKind(StrEnum):
    time = "time"
    entity = "entity"


class TimeType(StrEnum):
    """TIMEX3 types used here."""

    DATE = "DATE"
    DURATION = "DURATION"


class TimeMod(StrEnum):
    """TIMEX3 ``mod`` values used here."""

    START = "START"
    MID = "MID"
    END = "END"
    BEFORE = "BEFORE"
    AFTER = "AFTER"
    APPROX = "APPROX"


class TimeValue(BaseModel):
    """A normalized TIMEX3 value with the calendar days it covers."""

    value: str = Field(description="TIMEX3 value: 1939, 1939-05, 1939-05-31, 1939-SU, 193X, A/B")
    type: TimeType = TimeType.DATE
    mod: TimeMod | None = None
    start: date | None = Field(default=None, description="earliest day covered")
    end: date | None = Field(default=None, description="latest day covered")
    anchor: str | None = Field(
        default=None, description="id of the mention a relative value was resolved from"
    )


class Mention(BaseModel):
    """A span of one article with a label: a time or a name.

    ``start``/``end`` are code-point offsets into the raw file, so that
    ``raw[start:end] == text`` wherever markup does not split the surface.
    """

    id: str
    article_id: str
    kind: MentionKind
    label: str = Field(description="DATE, DURATION, PERSON, ORG, PLACE, EVENT or TREATY")
    text: str = Field(description="the surface as in the raw file")
    start: int
    end: int
    clean_start: int
    clean_end: int
    value: str | None = Field(default=None, description="TIMEX3 value for times")
    time: TimeValue | None = None
    text_hans: str | None = None
    text_hant: str | None = None
    source: str = Field(default="model", description="what produced it: model, rule, link, …")
    citation: bool = Field(default=False, description="inside a reference list or citation")
    sentence: int | None = Field(default=None, description="index of the sentence in the article")
    alias_of: str | None = Field(
        default=None, description="id of an earlier mention the article says is the same thing"
    )
