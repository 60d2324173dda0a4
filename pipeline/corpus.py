"""The corpus: a folder of article files, with or without a manifest.

``corpus/manifest.toml`` lists ``[[article]]`` tables (see models.ManifestEntry).
Without a manifest every text file of the folder is an article whose id is
its file name without extension. Problems of single entries (missing file,
duplicate id) are returned as errors, so that the rest of the corpus goes on.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from models import ManifestEntry
from pipeline.errors import InputError

MANIFEST = "manifest.toml"
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".wiki", ".wikitext", ".mediawiki", ".text"})


@dataclass
class Corpus:
    """The entries of a corpus folder and the errors of the ones that cannot be used."""

    root: Path
    entries: list[ManifestEntry] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    #: ids of manifest entries that cannot be used now: their stored results are kept
    problem_ids: set[str] = field(default_factory=set)

    def path_of(self, entry: ManifestEntry) -> Path:
        return self.root / entry.path


def load_corpus(root: Path) -> Corpus:
    """Read the manifest of ``root`` (or list its files); raise only if ``root`` is unusable."""
    if not root.is_dir():
        raise InputError(
            "corpus folder not found (give a folder of article files)", source=str(root)
        )
    manifest = root / MANIFEST
    corpus = Corpus(root=root)
    raw_entries = _read_manifest(manifest) if manifest.exists() else _list_files(root)
    seen: set[str] = set()
    for raw in raw_entries:
        where = f"{manifest}: article {raw.get('id', '?')!s}"
        try:
            entry = ManifestEntry.model_validate(raw)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(str(p) for p in first["loc"])
            corpus.errors.append(
                InputError(f"invalid manifest entry: {loc}: {first['msg']}", source=where)
            )
            continue
        if entry.id in seen:
            corpus.problem_ids.add(entry.id)
            corpus.errors.append(
                InputError(f"duplicate id {entry.id!r}; ids must be unique", source=where)
            )
            continue
        if not _inside(root, entry.path):
            corpus.problem_ids.add(entry.id)
            corpus.errors.append(
                InputError(
                    f"path {entry.path!r} is outside the corpus folder (paths are relative to it, "
                    "without '..', absolute parts or links leading out)",
                    source=where,
                )
            )
            continue
        if not (root / entry.path).is_file():
            corpus.problem_ids.add(entry.id)
            corpus.errors.append(InputError(f"file {entry.path!r} is missing", source=where))
            continue
        seen.add(entry.id)
        corpus.entries.append(entry)
    corpus.entries.sort(key=lambda e: e.id)
    return corpus


def _inside(root: Path, relative: str) -> bool:
    """The entry's file, links resolved, lies inside the corpus folder."""
    if Path(relative).is_absolute():
        return False
    try:
        (root / relative).resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def _read_manifest(manifest: Path) -> list[dict[str, object]]:
    try:
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"manifest is not valid TOML ({exc})", source=str(manifest)) from exc
    articles = data.get("article", [])
    if not isinstance(articles, list):
        raise InputError("manifest needs [[article]] tables", source=str(manifest))
    return [a for a in articles if isinstance(a, dict)]


def _list_files(root: Path) -> list[dict[str, object]]:
    files = sorted(
        p
        for p in root.iterdir()
        if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
    )
    return [{"id": p.stem, "path": p.name} for p in files]
