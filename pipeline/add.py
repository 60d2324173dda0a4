"""Add source articles to a corpus: validate, detect, copy, register in the manifest.

The library function behind ``eventalign add``. A file is read and detected
like any article before anything is written; its copy never overwrites
another article's file; an id that is already taken is refused. The manifest
is rewritten atomically with the new entries appended.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from models import Lang, ManifestEntry
from pipeline.clean import clean
from pipeline.corpus import MANIFEST, load_corpus
from pipeline.detect import detect_format, detect_lang, detect_script
from pipeline.errors import InputError
from pipeline.read import read_raw
from pipeline.script import get_converter
from pipeline.settings import Settings
from pipeline.sinks import atomic_write

_ID_CHARS = re.compile(r"[^A-Za-z0-9_.\-]+")


@dataclass(frozen=True)
class Added:
    entry: ManifestEntry
    path: Path


def article_id_for(path: Path) -> str:
    """An id from a file name: its stem with anything but [A-Za-z0-9_.-] made '_'."""
    return _ID_CHARS.sub("_", path.stem).strip("._") or "article"


def add_article(
    source: Path,
    corpus_dir: Path,
    settings: Settings,
    *,
    lang: Lang | None = None,
    article_id: str | None = None,
    title: str | None = None,
) -> Added:
    """Copy ``source`` into ``corpus_dir`` and append it to the manifest."""
    raw = read_raw(source, settings)  # refuses what cannot be read, naming the file
    fmt = detect_format(raw.text, source.suffix)
    cleaned = clean(raw.text, fmt)
    lang = lang or detect_lang(cleaned.text)
    if lang is None:
        raise InputError(
            "unknown language: neither English nor Chinese (give --lang)", source=str(source)
        )
    converter = get_converter(settings.opencc_t2s, settings.opencc_s2t)
    script = (
        detect_script(cleaned.text, converter.to_hans, converter.to_hant)
        if lang is Lang.zh
        else None
    )
    article_id = article_id or article_id_for(source)
    corpus = load_corpus(corpus_dir)
    taken = {e.id for e in corpus.entries} | _manifest_ids(corpus_dir / MANIFEST)
    if article_id in taken:
        raise InputError(
            f"id {article_id!r} is already in the corpus; give another with --id",
            source=str(source),
        )
    name = f"{article_id}{source.suffix or '.txt'}"
    entry = ManifestEntry(
        id=article_id,
        path=name,
        lang=lang,
        script=script,
        format=fmt,
        title=title or cleaned.title,
        source=f"added from {source.name}",
    )
    target = corpus_dir / name
    if target.exists() or target.is_symlink():
        raise InputError(f"{target} already exists; give another --id", source=str(source))
    manifest = corpus_dir / MANIFEST
    entries = (
        _manifest_tables(manifest)
        if manifest.exists()
        else [{"id": e.id, "path": e.path} for e in corpus.entries]
    )
    entries.append(entry.model_dump(mode="json", exclude_none=True))
    atomic_write(target, source.read_bytes())
    atomic_write(manifest, _render(entries, manifest).encode("utf-8"))
    return Added(entry, target)


def _manifest_tables(manifest: Path) -> list[dict[str, object]]:
    data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    return [a for a in data.get("article", []) if isinstance(a, dict)]


def _manifest_ids(manifest: Path) -> set[str]:
    if not manifest.exists():
        return set()
    return {str(a.get("id")) for a in _manifest_tables(manifest)}


def _render(entries: list[dict[str, object]], manifest: Path) -> str:
    """The manifest with its leading comment kept and the entries as [[article]] tables."""
    header = ""
    if manifest.exists():
        lines = manifest.read_text(encoding="utf-8").splitlines()
        comments = []
        for line in lines:
            if line.startswith("#") or not line.strip():
                comments.append(line)
            else:
                break
        header = "\n".join(comments).rstrip() + "\n\n" if comments else ""
    return header + tomli_w.dumps({"article": entries})
