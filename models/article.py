"""Source articles and the corpus manifest."""

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Lang(StrEnum):
    """Languages the pipeline reads."""

    en = "en"
    zh = "zh"


class Script(StrEnum):
    """Writing system of an article: Latin, simplified or traditional Chinese."""

    latin = "latin"
    hans = "hans"
    hant = "hant"


class Format(StrEnum):
    """Markup of a source file."""

    wikitext = "wikitext"  # raw MediaWiki markup
    markdown = "markdown"  # pandoc / GFM export of Wikipedia
    fandom = "fandom"  # plain-text export of a fandom wiki page
    text = "text"  # plain text without markup


class ManifestEntry(BaseModel):
    """One article as the manifest names it; missing fields are detected."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.\-]+$")
    path: str
    lang: Lang | None = None
    script: Script | None = None
    format: Format | None = None
    title: str | None = None
    source: str | None = None


class Section(BaseModel):
    """A section heading, with its offsets in the raw file."""

    title: str
    level: int
    start: int
    end: int


class Article(BaseModel):
    """A source article after reading: what it is and where it came from."""

    id: str
    path: str
    title: str
    lang: Lang
    script: Script
    format: Format
    source: str | None = None
    content_hash: str = Field(description="sha256 of the raw bytes")
