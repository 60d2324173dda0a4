"""Scale-out on Dask distributed: the per-article stages as tasks on a cluster.

Each task takes a chunk of articles and returns their results; a worker plugin
loads the models once per worker (not once per task). Results are gathered in
corpus order and stored by the runner, exactly as in a local run, so the output
is byte-identical. A task whose worker is lost is rerun by Dask; since only the
gathered results are stored, nothing is written twice.

Workers need eventalign installed (``pip install eventalign``: the same
packages, models included) and the corpus folder at the same path (a shared
file system).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

try:
    from distributed import Client, WorkerPlugin
except ImportError as exc:  # pragma: no cover - the dask extra is not installed
    raise ImportError("Dask runs need dask.distributed: pip install 'eventalign[dask]'") from exc

from models import ManifestEntry
from pipeline.errors import EventalignError, SettingsError
from pipeline.process import ArticleResult
from pipeline.settings import Settings
from pipeline.timing import StageTimer


class LoadModels(WorkerPlugin):
    """Load the spaCy pipelines and the lexicon when a worker starts."""

    name = "eventalign-models"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: object) -> None:
        from pipeline.runner import _warm

        _warm(self.settings)


def process_on_dask(
    chunks: list[list[ManifestEntry]], root: Path, settings: Settings, timer: StageTimer
) -> Iterator[tuple[ManifestEntry, ArticleResult | EventalignError]]:
    from pipeline.runner import _work

    try:
        client = Client(settings.scheduler, timeout="30s")
    except (OSError, TimeoutError) as exc:
        raise SettingsError(
            f"cannot reach the Dask scheduler at {settings.scheduler} ({exc})", stage="run"
        ) from exc
    try:
        client.register_plugin(LoadModels(settings))
        futures = [
            client.submit(_work, chunk, root, settings, pure=False, retries=2) for chunk in chunks
        ]
        for chunk, future in zip(chunks, futures, strict=True):
            results, seconds = future.result()
            timer.add(seconds)
            yield from zip(chunk, results, strict=True)
    finally:
        client.close()
