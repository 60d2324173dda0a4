"""The command line: a thin skin over the library.

Each command parses its options, builds :class:`Settings`, calls one library
function and turns :class:`EventalignError` into a one-line message and an
exit code (1: some articles failed, 2: the command could not run).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from models import EventRecord, Lang
from pipeline.errors import EventalignError
from pipeline.export import ExportFormat
from pipeline.settings import Settings

if TYPE_CHECKING:
    from pipeline.runner import RunReport
    from pipeline.store import Store

app = typer.Typer(
    help="Aligned bilingual event records from English and Chinese wiki articles.",
    no_args_is_help=True,
    add_completion=False,
)

OutOption = Annotated[Path, typer.Option("--out", "-o", help="Output folder.")]
DbOption = Annotated[
    str | None,
    typer.Option("--db", help="SQLAlchemy URL (default: SQLite file in the output folder)."),
]


@contextmanager
def _store(db: str | None, out: Path) -> Iterator[Store]:
    """The database of ``--db`` or of the output folder; its errors end the command."""
    from pipeline.runner import default_db_url
    from pipeline.store import Store

    try:
        store = Store(db or default_db_url(out))
        try:
            yield store
        finally:
            store.close()
    except EventalignError as exc:
        _fail(exc)


def _fail(exc: EventalignError, code: int = 2) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(code)


@app.command()
def run(
    corpus: Annotated[Path, typer.Argument(help="Folder of articles.")] = Path("corpus"),
    out: OutOption = Path("output"),
    db: DbOption = None,
    workers: Annotated[int, typer.Option(min=1, help="Processes for per-article work.")] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler address (tcp://host:port) to run the per-article work on."
        ),
    ] = None,
    max_bytes: Annotated[int, typer.Option(help="Largest source file accepted.")] = 20_000_000,
    progress: Annotated[bool, typer.Option(help="Show progress.")] = True,
) -> None:
    """Process a corpus into event records.

    Example: eventalign run corpus --out output --workers 2
    """
    settings = Settings(workers=workers, max_bytes=max_bytes, scheduler=scheduler)
    _run_and_report(corpus, out, settings, db, progress)


def _run_and_report(
    corpus: Path,
    out: Path,
    settings: Settings,
    db: str | None,
    progress: bool,
    failed_before: int = 0,
) -> None:
    """Run the corpus, print the summary; exit 1 if anything failed (here or before)."""
    from pipeline.runner import run_corpus

    try:
        report = run_corpus(corpus, out, settings, db_url=db, progress=progress)
    except EventalignError as exc:
        _fail(exc)
        return
    _summary(report, out)
    if failed_before or not report.ok:
        raise typer.Exit(1)


def _summary(report: RunReport, out: Path) -> None:
    """What a run did, and one line per failure with the file and the reason."""
    for message in report.failed:
        typer.echo(f"error: {message}", err=True)
    typer.echo(
        f"{len(report.processed)} processed, {len(report.skipped)} unchanged, "
        f"{len(report.failed)} failed; {report.mentions} mentions, "
        f"{report.entities} entities, {report.events} events in {out}"
    )


@app.command()
def add(
    files: Annotated[list[Path], typer.Argument(help="Article files to add.")],
    corpus: Annotated[Path, typer.Option(help="Corpus folder.")] = Path("corpus"),
    out: OutOption = Path("output"),
    db: DbOption = None,
    lang: Annotated[
        Lang | None, typer.Option(help="Language, if detection should not decide.")
    ] = None,
    article_id: Annotated[str | None, typer.Option("--id", help="Id (one file only).")] = None,
    title: Annotated[str | None, typer.Option(help="Title (one file only).")] = None,
    progress: Annotated[bool, typer.Option(help="Show progress.")] = True,
) -> None:
    """Add articles to the corpus, process only them, and re-align.

    Example: eventalign add ~/Downloads/Nomonhan.wiki --lang en
    """
    from pipeline.add import add_article

    if len(files) > 1 and (article_id or title):
        typer.echo("error: --id and --title go with one file", err=True)
        raise typer.Exit(2)
    settings = Settings()
    failed = 0
    for path in files:
        try:
            added = add_article(
                path, corpus, settings, lang=lang, article_id=article_id, title=title
            )
            typer.echo(
                f"added {added.entry.id} ({added.entry.lang}, {added.entry.format}) as {added.path}"
            )
        except EventalignError as exc:
            typer.echo(f"error: {exc}", err=True)
            failed += 1
    _run_and_report(corpus, out, settings, db, progress, failed_before=failed)


@app.command()
def export(
    to: Annotated[Path, typer.Option("--to", help="File to write.")],
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help="jsonl, parquet or sqlite.")
    ] = ExportFormat.jsonl,
    out: OutOption = Path("output"),
    db: DbOption = None,
) -> None:
    """Write the event records to a file, sorted by id, atomically.

    Example: eventalign export --format parquet --to events.parquet
    """
    from pipeline.export import export as export_records

    with _store(db, out) as store:
        count = export_records(store, fmt, to)
    typer.echo(f"{count} event records written to {to}")


@app.command()
def bench(
    corpus: Annotated[Path | None, typer.Argument(help="Folder of English articles.")] = None,
    base: Annotated[int, typer.Option(min=1, help="English articles at 1×.")] = 10,
    zh_base: Annotated[int, typer.Option(min=0, help="Chinese articles at 1×.")] = 2,
    scales: Annotated[str, typer.Option(help="Corpus sizes, in multiples of the base.")] = "1,4,16",
    workers: Annotated[int, typer.Option(min=1, help="Workers to compare with one.")] = 2,
    repeat: Annotated[int, typer.Option(min=1, help="Runs per size (best kept).")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Measure throughput, memory and scaling against the bare-model floor.

    Example: eventalign bench ../shared/bench/en-wiki --base 20 --json
    """
    from pipeline.bench import bench as run_bench
    from pipeline.bench import format_result

    try:
        sizes = tuple(int(x) for x in scales.split(","))
    except ValueError:
        typer.echo(f"error: --scales takes numbers like 1,4,16, not {scales!r}", err=True)
        raise typer.Exit(2) from None
    try:
        result = run_bench(
            corpus, base=base, zh_base=zh_base, scales=sizes, workers=workers, repeat=repeat
        )
    except (RuntimeError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(json.dumps(result, indent=2) if as_json else format_result(result))


@app.command()
def ingest(
    dump: Annotated[Path, typer.Argument(help="pages-articles XML dump (.xml, .bz2, .gz).")],
    lang: Annotated[Lang, typer.Option(help="Language of the wiki.")],
    corpus: Annotated[Path, typer.Option(help="Corpus folder to write into.")] = Path("corpus"),
    limit: Annotated[int | None, typer.Option(help="Stop after this many articles.")] = None,
) -> None:
    """Stream a Wikipedia XML dump into the corpus (then: eventalign run).

    Example: eventalign ingest zhwiki-latest-pages-articles.xml.bz2 --lang zh --limit 1000
    """
    from pipeline.ingest import ingest as ingest_dump

    try:
        report = ingest_dump(dump, corpus, lang, limit=limit)
    except EventalignError as exc:
        _fail(exc)
        return
    typer.echo(
        f"{report.written} articles written to {corpus}; skipped {report.redirects} "
        f"redirects, {report.other_namespaces} pages of other namespaces, "
        f"{report.empty} empty, {report.already_there} already there"
    )


@app.command()
def pair(
    pairs: Annotated[Path, typer.Argument(help="TSV: English title, tab, Chinese title.")],
    out: OutOption = Path("output"),
    db: DbOption = None,
) -> None:
    """Record which English and Chinese articles describe the same subject.

    The pairs are evidence for alignment (next run) and shown by 'show'.
    Example: eventalign pair langlinks-en-zh.tsv
    """
    try:
        lines = pairs.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        typer.echo(f"error: {pairs}: cannot read ({exc})", err=True)
        raise typer.Exit(2) from None
    found = [
        tuple(x.strip() for x in line.split("\t")[:2])
        for line in lines
        if line.strip() and not line.startswith("#") and "\t" in line
    ]
    with _store(db, out) as store:
        store.save_pairs([(a, b) for a, b in found], source=pairs.name)
        matched = store.article_pairs()
    typer.echo(f"{len(found)} title pairs recorded; {len(matched)} pair stored articles")


@app.command()
def schema() -> None:
    """Print the JSON Schema of EventRecord.

    Example: eventalign schema > event-record.schema.json
    """
    typer.echo(
        json.dumps(EventRecord.model_json_schema(by_alias=True), indent=2, ensure_ascii=False)
    )


@app.command()
def show(
    event_id: Annotated[str | None, typer.Argument(help="Event id (default: all).")] = None,
    out: OutOption = Path("output"),
    db: DbOption = None,
    lang: Annotated[str, typer.Option(help="Names in: en, zh-Hans or zh-Hant.")] = "en",
) -> None:
    """Print event records with their evidence.

    Example: eventalign show --lang zh-Hant
    """
    from pipeline.show import render_event

    with _store(db, out) as store:
        records = [e for e in store.load_events() if event_id in (None, e.id)]
        counterparts = sorted(store.article_pairs())
    if event_id and not records:
        typer.echo(f"error: no event {event_id!r}", err=True)
        raise typer.Exit(2)
    for record in records:
        typer.echo(render_event(record, lang))
    for en_id, zh_id in counterparts:
        typer.echo(f"paired articles: {en_id} ↔ {zh_id}")


@app.command(name="eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold annotation (YAML).")] = Path(
        "tests/data/seeds.yaml"
    ),
    corpus: Annotated[Path, typer.Option(help="Corpus holding the gold articles.")] = Path(
        "corpus"
    ),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List every miss and extra.")] = False,
) -> None:
    """Score the pipeline against a gold file: P, R, F1 per stage, article and type.

    Example: eventalign eval tests/data/seeds.yaml --corpus corpus
    """
    from pipeline.evaluate import evaluate, format_report

    try:
        report = evaluate(gold, corpus)
    except EventalignError as exc:
        _fail(exc)
        return
    if as_json:
        payload = {
            "scores": {k: s.as_dict() for k, s in sorted(report.scores.items())},
            "checks": report.checks,
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    typer.echo(format_report(report))
    if errors:
        for key, s in sorted(report.scores.items()):
            for line in s.errors:
                typer.echo(f"{key}: {line}")


def main() -> None:  # pragma: no cover
    sys.exit(app())
