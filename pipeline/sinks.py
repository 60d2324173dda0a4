"""Write records as JSON lines, sorted by id, atomically (temporary file, then rename)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

from pipeline.errors import StorageError


def write_jsonl(path: Path, records: Iterable[BaseModel]) -> int:
    """Write one JSON object a line, sorted by ``id``; return how many were written."""
    rows = sorted(records, key=lambda r: r.id)  # type: ignore[attr-defined]
    lines = [r.model_dump_json(by_alias=True) + "\n" for r in rows]
    atomic_write(path, "".join(lines).encode("utf-8"))
    return len(rows)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise StorageError(f"cannot write ({exc.strerror})", source=str(path)) from exc
