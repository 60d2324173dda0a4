"""The command line: a thin skin over the library.

Each command parses its options, builds :class:`Settings`, calls one library
function and turns :class:`EventalignError` into a one-line message and an
exit code (1: some articles failed, 2: the command could not run).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from models import EventRecord
from pipeline.errors import EventalignError
from pipeline.settings import Settings

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


def _fail(exc: EventalignError, code: int = 2) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(code)


@app.command()
def run(
    corpus: Annotated[Path, typer.Argument(help="Folder of articles.")] = Path("corpus"),
    out: OutOption = Path("output"),
    db: DbOption = None,
    workers: Annotated[int, typer.Option(min=1, help="Processes for per-article work.")] = 1,
    max_bytes: Annotated[int, typer.Option(help="Largest source file accepted.")] = 20_000_000,
    progress: Annotated[bool, typer.Option(help="Show progress.")] = True,
) -> None:
    """Process a corpus into event records.

    Example: eventalign run corpus --out output --workers 2
    """
    from pipeline.runner import run_corpus

    settings = Settings(workers=workers, max_bytes=max_bytes)
    try:
        report = run_corpus(corpus, out, settings, db_url=db, progress=progress)
    except EventalignError as exc:
        _fail(exc)
        return
    for message in report.failed:
        typer.echo(f"error: {message}", err=True)
    typer.echo(
        f"{len(report.processed)} processed, {len(report.skipped)} unchanged, "
        f"{len(report.failed)} failed; {report.mentions} mentions, "
        f"{report.entities} entities, {report.events} events in {out}"
    )
    if not report.ok:
        raise typer.Exit(1)


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
    from pipeline.runner import default_db_url
    from pipeline.show import render_event
    from pipeline.store import Store

    try:
        store = Store(db or default_db_url(out))
        records = [e for e in store.load_events() if event_id in (None, e.id)]
        store.close()
    except EventalignError as exc:
        _fail(exc)
        return
    if event_id and not records:
        typer.echo(f"error: no event {event_id!r}", err=True)
        raise typer.Exit(2)
    for record in records:
        typer.echo(render_event(record, lang))


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
