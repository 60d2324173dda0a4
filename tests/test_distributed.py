"""Dask distributed: a LocalCluster with two worker processes gives the local output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.runner import run_corpus
from pipeline.settings import Settings
from tests.conftest import CORPUS, DATA


def test_local_cluster_output_equals_local_run(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    shutil.copy(DATA / "articles" / "neutrality_pact.wiki", corpus / "neutrality_pact.wiki")
    local = run_corpus(corpus, tmp_path / "local", Settings(batch_size=1), progress=False)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        remote = run_corpus(
            corpus,
            tmp_path / "dask",
            Settings(batch_size=1, scheduler=cluster.scheduler_address),
            progress=False,
        )
        logs = cluster.get_logs()
    assert remote.processed == local.processed and remote.ok
    for name in ("mentions.jsonl", "entities.jsonl", "events.jsonl"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
    assert len([k for k in logs if "worker" in str(k).lower() or "tcp" in str(k)]) >= 2
