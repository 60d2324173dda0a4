"""Wikipedia dumps: stream a MediaWiki XML dump (pages-articles) into a corpus.

The dump is read page by page with mwxml (never whole in memory); redirects and
pages outside the article namespace are skipped; each article's latest
revision is written as a ``.wiki`` file of the corpus with a manifest entry
whose ``source`` gives the wiki, the page id and the revision id. The manifest
is streamed to a temporary copy and renamed at the end, so memory stays flat
whatever the dump size and a stopped ingest leaves the old manifest intact.
"""

from __future__ import annotations

import bz2
import collections
import gzip
import lzma
import os
import tempfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import mwxml
import tomli_w

from models import Format, Lang, ManifestEntry
from pipeline.corpus import MANIFEST
from pipeline.errors import InputError
from pipeline.sinks import atomic_write


@dataclass
class IngestReport:
    written: int = 0
    redirects: int = 0
    other_namespaces: int = 0
    empty: int = 0
    already_there: int = 0


def _open(path: Path) -> IO[bytes]:
    opener = {".bz2": bz2.open, ".gz": gzip.open, ".xz": lzma.open}.get(path.suffix, open)
    return opener(path, "rb")  # type: ignore[operator]


def ingest(dump: Path, corpus_dir: Path, lang: Lang, *, limit: int | None = None) -> IngestReport:
    """Write the dump's articles into ``corpus_dir`` and its manifest."""
    corpus_dir.mkdir(parents=True, exist_ok=True)
    manifest = corpus_dir / MANIFEST
    known = _known_ids(manifest)
    report = IngestReport()
    fd, tmp = tempfile.mkstemp(prefix=".manifest.", suffix=".tmp", dir=corpus_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            if manifest.exists():
                with open(manifest, encoding="utf-8") as old:
                    for line in old:
                        out.write(line)
                out.write("\n")
            for entry, text in _articles(dump, lang, report, known, limit):
                atomic_write(corpus_dir / entry.path, text.encode("utf-8"))
                out.write(
                    tomli_w.dumps({"article": [entry.model_dump(mode="json", exclude_none=True)]})
                    + "\n"
                )
                report.written += 1
        os.replace(tmp, manifest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return report


def _articles(
    dump: Path, lang: Lang, report: IngestReport, known: set[str], limit: int | None
) -> Iterator[tuple[ManifestEntry, str]]:
    try:
        with _open(dump) as f:
            parsed = mwxml.Dump.from_file(f)
            dbname = parsed.site_info.dbname or f"{lang.value}wiki"
            for page in parsed:
                if limit is not None and report.written >= limit:
                    return
                if page.namespace != 0:
                    report.other_namespaces += 1
                    continue
                if page.redirect:
                    report.redirects += 1
                    continue
                latest = collections.deque(page, maxlen=1)  # the last revision, streamed
                revision = latest.pop() if latest else None
                if revision is None or not (revision.text or "").strip():
                    report.empty += 1
                    continue
                article_id = f"{dbname}-{page.id}"
                if article_id in known:
                    report.already_there += 1
                    continue
                known.add(article_id)
                entry = ManifestEntry(
                    id=article_id,
                    path=f"{article_id}.wiki",
                    lang=lang,
                    format=Format.wikitext,
                    title=page.title,
                    source=f"{dbname} page {page.id} revision {revision.id}",
                )
                yield entry, revision.text
    except (OSError, EOFError, ValueError) as exc:
        raise InputError(f"cannot read the dump ({exc})", source=str(dump)) from exc


def _known_ids(manifest: Path) -> set[str]:
    if not manifest.exists():
        return set()
    data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    return {str(a.get("id")) for a in data.get("article", []) if isinstance(a, dict)}
