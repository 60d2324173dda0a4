"""Per-article work: read → clean → script → segment → extract, as a pure function.

``prepare`` does the text-to-text stages, ``annotate`` runs spaCy, and
``to_mentions`` turns the Doc's spans into :class:`models.Mention` records
with offsets into the raw file. ``process_article`` chains them.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from models import Article, Format, Lang, ManifestEntry, Mention, MentionKind, Script, Section
from pipeline.aliases import find_aliases
from pipeline.clean import CleanText, clean
from pipeline.detect import detect_format, detect_lang, detect_script
from pipeline.errors import EventalignError, InputError
from pipeline.extensions import ENTITIES, TIMES
from pipeline.limits import time_limit
from pipeline.nlp import load_chinese, load_english
from pipeline.read import RawText, read_raw
from pipeline.script import ScriptConverter, get_converter
from pipeline.settings import Settings
from pipeline.timing import StageTimer, maybe


@dataclass
class Prepared:
    """An article after the text-to-text stages, ready for spaCy."""

    article: Article
    raw: str
    clean: CleanText
    text: str  # what spaCy reads: the clean text, in simplified script for Chinese
    links: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass
class ArticleResult:
    """What one article gives: its description, mentions and sections."""

    article: Article
    mentions: list[Mention]
    sections: list[Section]
    infobox: dict[str, str]


def mention_id(article_id: str, kind: str, label: str, start: int, end: int) -> str:
    """Content-derived, stable id of a mention."""
    key = f"{article_id}\x1f{kind}\x1f{label}\x1f{start}\x1f{end}"
    return "m_" + hashlib.sha1(key.encode()).hexdigest()[:16]


def prepare(
    entry: ManifestEntry, root: Path, settings: Settings, timer: StageTimer | None = None
) -> Prepared:
    """read → clean → script: the text-to-text stages of one article."""
    path = root / entry.path
    with maybe(timer, "read"):
        raw = read_raw(path, settings)
    with maybe(timer, "clean"):
        fmt = entry.format or detect_format(raw.text, path.suffix)
        cleaned = clean(raw.text, fmt)
    with maybe(timer, "script"):
        return _finish_prepare(entry, path, raw, fmt, cleaned, settings)


def _finish_prepare(
    entry: ManifestEntry,
    path: Path,
    raw: RawText,
    fmt: Format,
    cleaned: CleanText,
    settings: Settings,
) -> Prepared:
    lang = entry.lang or detect_lang(cleaned.text)
    if lang is None:
        raise InputError(
            "unknown language: neither English nor Chinese (set lang in the manifest or --lang)",
            source=str(path),
        )
    converter = get_converter(settings.opencc_t2s, settings.opencc_s2t)
    if lang is Lang.zh:
        script = entry.script or detect_script(cleaned.text, converter.to_hans, converter.to_hant)
        text = converter.to_hans(cleaned.text)
    else:
        script = entry.script or Script.latin
        text = cleaned.text
    article = Article(
        id=entry.id,
        path=entry.path,
        title=entry.title or cleaned.title or entry.id,
        lang=lang,
        script=script,
        format=Format(fmt),
        source=entry.source,
        content_hash=raw.content_hash,
    )
    links = _link_hints(cleaned, text, converter if lang is Lang.zh else None)
    return Prepared(article, raw.text, cleaned, text, links)


def _link_hints(
    cleaned: CleanText, text: str, converter: ScriptConverter | None
) -> list[tuple[int, int, str]]:
    """Where each link's target is named inside its anchor (or the whole anchor)."""
    hints = []
    for link in cleaned.links:
        target = link.target
        anchor = text[link.clean_start : link.clean_end]
        needle = converter.to_hans(target) if converter else target
        at = anchor.find(needle)
        if at >= 0:
            hints.append((link.clean_start + at, link.clean_start + at + len(needle), target))
        else:
            hints.append((link.clean_start, link.clean_end, target))
    return hints


def make_doc(prepared: Prepared, settings: Settings) -> Doc:
    """Segment: jieba for Chinese (keeping linked names whole), spaCy's tokenizer for English."""
    if prepared.article.lang is Lang.zh:
        tokenizer = load_chinese().tokenizer
        # link anchors first: where they overlap a time or a dotted name, the link wins
        links = [(a, b) for a, b, _ in prepared.links]
        protected = links + [
            s
            for s in tokenizer.protected_spans(prepared.text)
            if all(s[1] <= a or s[0] >= b for a, b in links)
        ]
        doc = tokenizer.segment(prepared.text, protected)
    else:
        doc = load_english(settings.en_model).make_doc(prepared.text)
    _attach(prepared, doc)
    return doc


def annotate(prepared: Prepared, settings: Settings) -> Doc:
    """Run the language's spaCy pipeline over the prepared text."""
    return _run_components([make_doc(prepared, settings)], prepared.article.lang, settings)[0]


def _run_components(
    docs: list[Doc], lang: Lang, settings: Settings, timer: StageTimer | None = None
) -> list[Doc]:
    """Every component over the whole batch, as ``nlp.pipe`` does (the NER batches)."""
    nlp = load_chinese() if lang is Lang.zh else load_english(settings.en_model)
    with maybe(timer, "extract"):
        for _, component in nlp.pipeline:
            if hasattr(component, "pipe"):
                docs = list(component.pipe(docs, batch_size=settings.batch_size))
            else:
                docs = [component(doc) for doc in docs]
    return docs


def _attach(prepared: Prepared, doc: Doc) -> None:
    doc._.article_id = prepared.article.id
    doc._.links = prepared.links
    doc._.citations = [(a, b) for a, b in prepared.clean.citations]
    doc._.infobox = prepared.clean.infobox
    doc._.infobox_range = prepared.clean.infobox_range


def to_mentions(prepared: Prepared, doc: Doc, settings: Settings) -> list[Mention]:
    article = prepared.article
    converter = get_converter(settings.opencc_t2s, settings.opencc_s2t)
    sent_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else []
    mentions: dict[str, Mention] = {}
    time_ids: dict[tuple[int, int], str] = {}
    for key, kind in ((TIMES, MentionKind.time), (ENTITIES, MentionKind.entity)):
        for span in doc.spans.get(key, []):
            cs, ce = span._.chars or (span.start_char, span.end_char)
            rs, re_ = prepared.clean.raw_span(cs, ce)
            surface = prepared.clean.text[cs:ce]
            timex = span._.timex
            mid = mention_id(article.id, kind.value, span.label_, rs, re_)
            if timex is not None:
                time_ids[(cs, ce)] = mid
                if span._.anchor is not None:
                    timex = timex.model_copy(update={"anchor": time_ids.get(span._.anchor)})
            mentions[mid] = Mention(
                id=mid,
                article_id=article.id,
                kind=kind,
                label=span.label_,
                text=prepared.raw[rs:re_],
                start=rs,
                end=re_,
                clean_start=cs,
                clean_end=ce,
                value=timex.value if timex else None,
                time=timex,
                text_hans=converter.to_hans(surface) if article.lang is Lang.zh else None,
                text_hant=converter.to_hant(surface) if article.lang is Lang.zh else None,
                source=span._.source or "model",
                citation=prepared.clean.in_citation(cs),
                sentence=_index(sent_starts, cs),
            )
    aliases = find_aliases(list(mentions.values()), prepared.clean.text)
    for alias, of in aliases.items():
        mentions[alias] = mentions[alias].model_copy(update={"alias_of": of})
    return sorted(mentions.values(), key=lambda m: m.id)


def _index(starts: list[int], at: int) -> int | None:
    if not starts:
        return None
    return bisect_right(starts, at) - 1


def process_article(entry: ManifestEntry, root: Path, settings: Settings) -> ArticleResult:
    """All per-article stages for one manifest entry."""
    result = process_batch([entry], root, settings)[0]
    if isinstance(result, EventalignError):
        raise result
    return result


def process_batch(
    entries: list[ManifestEntry], root: Path, settings: Settings, timer: StageTimer | None = None
) -> list[ArticleResult | EventalignError]:
    """The per-article stages for a batch of articles, errors kept per article."""
    results: list[ArticleResult | EventalignError | None] = [None] * len(entries)
    prepared: dict[int, Prepared] = {}
    for i, entry in enumerate(entries):
        try:
            with time_limit(settings.article_timeout, str(root / entry.path), "clean"):
                prepared[i] = prepare(entry, root, settings, timer)
        except EventalignError as exc:
            results[i] = exc
        except Exception as exc:  # a library failing on one article must not stop the batch
            results[i] = _unexpected(exc, root / entry.path)
    for lang in (Lang.en, Lang.zh):
        batch = [i for i, p in sorted(prepared.items()) if p.article.lang is lang]
        if not batch:
            continue
        try:
            with maybe(timer, "segment"):
                docs = [make_doc(prepared[i], settings) for i in batch]
            docs = _run_components(docs, lang, settings, timer)
            for i, doc in zip(batch, docs, strict=True):
                results[i] = _result(prepared[i], doc, settings)
        except Exception:  # find the article that failed: one by one
            for i in batch:
                try:
                    doc = _run_components([make_doc(prepared[i], settings)], lang, settings)[0]
                    results[i] = _result(prepared[i], doc, settings)
                except EventalignError as exc:
                    results[i] = exc
                except Exception as exc:
                    results[i] = _unexpected(exc, root / entries[i].path)
    return [r for r in results if r is not None]


def _result(prepared: Prepared, doc: Doc, settings: Settings) -> ArticleResult:
    return ArticleResult(
        prepared.article,
        to_mentions(prepared, doc, settings),
        prepared.clean.sections,
        prepared.clean.infobox,
    )


def _unexpected(exc: Exception, path: Path) -> EventalignError:
    return InputError(f"failed in processing ({exc.__class__.__name__}: {exc})", source=str(path))
