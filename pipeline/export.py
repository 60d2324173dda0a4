"""Export the stored records: JSON lines, Parquet or an SQLite file, written atomically."""

from __future__ import annotations

import os
import tempfile
from enum import StrEnum
from pathlib import Path

import sqlalchemy as sa

from pipeline.errors import StorageError
from pipeline.sinks import write_jsonl
from pipeline.store import Store, metadata


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"
    sqlite = "sqlite"


def export(store: Store, fmt: ExportFormat, to: Path) -> int:
    """Write the event records to ``to``; return how many."""
    events = store.load_events()
    if fmt is ExportFormat.jsonl:
        return write_jsonl(to, events)
    if fmt is ExportFormat.parquet:
        return _parquet(events, to)
    return _sqlite(store, to, len(events))


def _parquet(events: list, to: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise StorageError(
            "Parquet export needs pyarrow: pip install 'eventalign[parquet]'", source=str(to)
        ) from exc

    rows = [e.model_dump(mode="json", by_alias=True) for e in sorted(events, key=lambda e: e.id)]
    table = pa.Table.from_pylist(rows)
    fd, tmp = tempfile.mkstemp(prefix=f".{to.name}.", suffix=".tmp", dir=to.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, to)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(rows)


def _sqlite(store: Store, to: Path, count: int) -> int:
    """Every table of the store, copied into a new SQLite file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{to.name}.", suffix=".tmp", dir=to.parent)
    os.close(fd)
    target = sa.create_engine(f"sqlite:///{tmp}")
    try:
        metadata.create_all(target)
        with store.engine.connect() as source, target.begin() as sink:
            for table in metadata.sorted_tables:
                rows = [
                    dict(r._mapping)
                    for r in source.execute(sa.select(table).order_by(*table.primary_key.columns))
                ]
                if rows:
                    sink.execute(table.insert(), rows)
        target.dispose()
        os.replace(tmp, to)
    except sa.exc.SQLAlchemyError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise StorageError(f"export failed ({exc.__class__.__name__})", source=str(to)) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count
