"""Drive a corpus through the stages: the library function behind ``eventalign run``.

Per-article work runs in a process pool when ``settings.workers > 1``; each
finished article is stored at once (so a stopped run resumes where it was),
unchanged articles are skipped, and the alignment is recomputed over
everything stored. Outputs: the database and ``mentions.jsonl``,
``entities.jsonl``, ``events.jsonl`` in the output folder.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout

from models import ManifestEntry
from pipeline import __version__
from pipeline.align import align
from pipeline.corpus import load_corpus
from pipeline.errors import EventalignError, StorageError
from pipeline.process import ArticleResult, process_batch
from pipeline.progress import Progress
from pipeline.settings import Settings
from pipeline.sinks import write_jsonl
from pipeline.store import Store
from pipeline.timing import StageTimer

DB_FILE = "eventalign.sqlite"
OUTPUTS = ("mentions.jsonl", "entities.jsonl", "events.jsonl")
LOCK_FILE = ".eventalign.lock"


@dataclass
class RunReport:
    """What a run did."""

    processed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    entities: int = 0
    events: int = 0
    mentions: int = 0
    timer: StageTimer = field(default_factory=StageTimer)

    @property
    def ok(self) -> bool:
        return not self.failed


def default_db_url(out: Path) -> str:
    return f"sqlite:///{(out / DB_FILE).resolve()}"


def run_corpus(
    corpus_dir: Path,
    out: Path,
    settings: Settings | None = None,
    *,
    db_url: str | None = None,
    progress: bool = True,
) -> RunReport:
    """Process every new or changed article of ``corpus_dir``, re-align, write outputs."""
    settings = settings or Settings()
    out.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(out / LOCK_FILE))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise StorageError(
            "another eventalign run is writing to this output folder; wait for it to finish",
            source=str(out),
        ) from None
    try:
        return _run_locked(corpus_dir, out, settings, db_url or default_db_url(out), progress)
    finally:
        lock.release()


def _run_locked(
    corpus_dir: Path, out: Path, settings: Settings, db_url: str, progress: bool
) -> RunReport:
    report = RunReport()
    corpus = load_corpus(corpus_dir)
    report.failed.extend(str(e) for e in corpus.errors)
    store = Store(db_url)
    try:
        fingerprint = settings.fingerprint()
        stored = store.article_states()
        todo: list[ManifestEntry] = []
        for entry in corpus.entries:
            digest = _file_hash(corpus.path_of(entry), settings.max_bytes)
            if stored.get(entry.id) == (digest, fingerprint):
                report.skipped.append(entry.id)
            else:
                todo.append(entry)
        known = {e.id for e in corpus.entries}
        gone = set(stored) - known - corpus.problem_ids
        pairs = frozenset(store.article_pairs())
        pairs_digest = hashlib.sha256(repr(sorted(pairs)).encode()).hexdigest()[:16]
        unchanged = not todo and not gone and store.get_meta("aligned_pairs") == pairs_digest
        if unchanged and all((out / name).exists() for name in OUTPUTS):
            report.mentions, report.entities, report.events = store.counts()
            return report  # nothing changed: nothing is written
        run_id = store.start_run(fingerprint)
        bar = Progress(len(todo), enabled=progress)
        for entry, result in _process_all(todo, corpus.root, settings, report.timer):
            if isinstance(result, ArticleResult):
                with report.timer.stage("store"):
                    store.save_article(
                        result.article,
                        result.mentions,
                        result.sections,
                        result.infobox,
                        fingerprint,
                        __version__,
                    )
                report.processed.append(entry.id)
            else:
                report.failed.append(str(result))
            bar.advance(failed=not isinstance(result, ArticleResult))
        bar.close()
        store.remove_articles(gone)  # entries no longer in the corpus
        with report.timer.stage("align"):
            all_mentions = store.load_mentions()
            found_entities, found_events = align(all_mentions, pairs=pairs)
        with report.timer.stage("store"):
            store.save_alignment(found_entities, found_events)
            report.mentions = write_jsonl(out / "mentions.jsonl", all_mentions)
            report.entities = write_jsonl(out / "entities.jsonl", found_entities)
            report.events = write_jsonl(out / "events.jsonl", found_events)
        store.set_meta("aligned_pairs", pairs_digest)
        store.finish_run(run_id, len(report.processed), len(report.skipped), len(report.failed))
    finally:
        store.close()
    return report


def _file_hash(path: Path, limit: int) -> str:
    """sha256 of the file, read in blocks; "" for a file read_raw will refuse anyway."""
    try:
        if path.stat().st_size > limit:
            return ""
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return ""


def _work(
    chunk: list[ManifestEntry], root: Path, settings: Settings
) -> tuple[list[ArticleResult | EventalignError], dict[str, float]]:
    timer = StageTimer()
    results = process_batch(chunk, root, settings, timer)
    return results, dict(timer.seconds)


def _warm(settings: Settings) -> None:
    """Load the models once per worker process, before its first chunk."""
    from pipeline.lexicon import get_lexicon
    from pipeline.nlp import load_chinese, load_english

    load_english(settings.en_model)
    load_chinese()
    get_lexicon()


def _chunks(todo: list[ManifestEntry], settings: Settings) -> list[list[ManifestEntry]]:
    size = settings.batch_size
    if settings.workers > 1:  # small enough chunks to keep every worker busy to the end
        size = max(1, min(size, -(-len(todo) // (settings.workers * 4))))
    return [todo[i : i + size] for i in range(0, len(todo), size)]


def _process_all(
    todo: list[ManifestEntry], root: Path, settings: Settings, timer: StageTimer
) -> Iterator[tuple[ManifestEntry, ArticleResult | EventalignError]]:
    """Results in corpus order, from this process, a pool of workers or a Dask cluster."""
    chunks = _chunks(todo, settings)
    if settings.scheduler:
        from pipeline.distributed import process_on_dask

        yield from process_on_dask(chunks, root, settings, timer)
        return
    if settings.workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            results, seconds = _work(chunk, root, settings)
            timer.add(seconds)
            yield from zip(chunk, results, strict=True)
        return
    with ProcessPoolExecutor(
        max_workers=settings.workers, initializer=_warm, initargs=(settings,)
    ) as pool:
        futures = [pool.submit(_work, chunk, root, settings) for chunk in chunks]
        for chunk, future in zip(chunks, futures, strict=True):
            results, seconds = future.result()
            timer.add(seconds)
            yield from zip(chunk, results, strict=True)
