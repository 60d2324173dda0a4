"""``eventalign bench``: throughput, memory and scaling against the bare-model floor.

Every measurement runs in a fresh subprocess (so that peak memory is that run's):
- scaling: the real runner over corpora of 1×, 4× and 16× a base size;
- workers: the 4× corpus with ``--workers 1`` and ``--workers 2``;
- the floor, on the same text as the 1× run: spaCy ``nlp.pipe`` with only ``ner`` over
  the cleaned English text, and ``jieba.lcut`` over the cleaned Chinese text.
"""

from __future__ import annotations

import json
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.timing import STAGES

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "bench" / "en-wiki"
ZH_SOURCE = Path(__file__).resolve().parent.parent / "corpus" / "004_52d569664bc2f98a.txt"


def build_corpus(source: Path, target: Path, en_count: int, zh_count: int) -> None:
    """``en_count`` English pages from ``source`` (repeated only when it runs out) and
    ``zh_count`` Chinese articles made of rotations of the Chinese seed's real paragraphs."""
    target.mkdir(parents=True)
    pages = sorted(p for p in source.iterdir() if p.suffix in (".md", ".txt", ".wiki"))
    if not pages:
        raise ValueError(f"no article files in {source}")
    for i in range(en_count):
        page = pages[i % len(pages)]
        shutil.copy(page, target / f"en_{i:05d}{page.suffix}")
    paragraphs = [
        p for p in ZH_SOURCE.read_text(encoding="utf-8").split("\n\n") if "年" in p and len(p) > 80
    ]
    for i in range(zh_count):
        k = i % len(paragraphs)
        body = "\n\n".join(paragraphs[k:] + paragraphs[:k])
        (target / f"zh_{i:05d}.md").write_text(body + "\n", encoding="utf-8")


def _measure_run(corpus: Path, out: Path, workers: int) -> dict[str, object]:
    """One real run in this process: wall time, per-stage times, sizes, peak memory."""
    from pipeline.runner import run_corpus
    from pipeline.settings import Settings

    chars = {"en": 0, "zh": 0}
    articles = 0
    for path in corpus.iterdir():
        chars["zh" if path.name.startswith("zh_") else "en"] += len(
            path.read_text(encoding="utf-8")
        )
        articles += 1
    settings = Settings(workers=workers)
    started = time.perf_counter()
    if workers == 1:  # loaded before the clock; workers load theirs inside the run
        from pipeline.runner import _warm

        _warm(settings)
    load = time.perf_counter() - started
    started = time.perf_counter()
    report = run_corpus(corpus, out, settings, progress=False)
    wall = time.perf_counter() - started
    peak = (
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    )
    return {
        "wall": wall,
        "load": load,
        "stages": dict(report.timer.seconds),
        "articles": articles,
        "processed": len(report.processed),
        "failed": len(report.failed),
        "chars": chars,
        "mentions": report.mentions,
        "peak_rss_mb": peak / 1024,
    }


def _measure_floor(corpus: Path) -> dict[str, object]:
    """The bare models on the cleaned text of the same articles."""
    import jieba
    import spacy

    from pipeline.corpus import load_corpus
    from pipeline.nlp import _pipe_names, english_model_name
    from pipeline.process import prepare
    from pipeline.settings import Settings

    settings = Settings()
    entries = load_corpus(corpus).entries
    texts = {"en": [], "zh": []}
    for entry in entries:
        prepared = prepare(entry, corpus, settings)
        lang = prepared.article.lang.value
        texts[lang].append(prepared.clean.text)
    name = english_model_name(None)
    nlp = spacy.load(name, exclude=[p for p in _pipe_names(name) if p != "ner"])
    started = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts["en"], batch_size=settings.batch_size))
    en_seconds = time.perf_counter() - started
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    started = time.perf_counter()
    for text in texts["zh"]:
        tokenizer.lcut(text)
    zh_seconds = time.perf_counter() - started
    return {
        "en_seconds": en_seconds,
        "zh_seconds": zh_seconds,
        "en_words": words,
        "en_chars": sum(map(len, texts["en"])),
        "zh_chars": sum(map(len, texts["zh"])),
    }


def _subprocess(kind: str, *args: str) -> dict[str, object]:
    cmd = [
        sys.executable,
        "-c",
        "import sys, json; from pipeline import bench; "
        "print(json.dumps(bench._child(sys.argv[1:])))",
        kind,
        *args,
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"bench {kind} failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _child(argv: list[str]) -> dict[str, object]:
    kind, *rest = argv
    if kind == "run":
        corpus, out, workers = rest
        return _measure_run(Path(corpus), Path(out), int(workers))
    return _measure_floor(Path(rest[0]))


def bench(
    corpus: Path | None = None,
    *,
    base: int = 10,
    zh_base: int = 2,
    scales: tuple[int, ...] = (1, 4, 16),
    workers: int = 2,
    repeat: int = 1,
) -> dict[str, object]:
    """Run the measurements; return them as one JSON-able dict."""
    source = corpus or DEFAULT_CORPUS
    work = Path(tempfile.mkdtemp(prefix="eventalign-bench-"))
    result: dict[str, object] = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": _cpus(),
        },
        "corpus": str(source),
        "base": {"en": base, "zh": zh_base},
        "chinese": "rotations of the real paragraphs of the Chinese seed article",
    }
    try:
        runs = []
        for scale in scales:
            folder = work / f"corpus{scale}"
            build_corpus(source, folder, base * scale, zh_base * scale)
            best = None
            for r in range(repeat):
                measured = _subprocess("run", str(folder), str(work / f"out{scale}_{r}"), "1")
                if best is None or measured["wall"] < best["wall"]:  # type: ignore[operator]
                    best = measured
            assert best is not None
            best["scale"] = scale
            runs.append(best)
        result["scaling"] = runs
        first = runs[0]
        floor = _subprocess("floor", str(work / f"corpus{scales[0]}"))
        result["floor"] = floor
        pipeline_seconds = sum(first["stages"].values())  # type: ignore[union-attr]
        floor_seconds = floor["en_seconds"] + floor["zh_seconds"]  # type: ignore[operator]
        result["ratio_to_floor"] = round(floor_seconds / pipeline_seconds, 3)
        if workers > 1:  # cold starts on both sides: model loading counted in each
            big = scales[-1]
            folder = work / f"corpus{big}"
            many = _subprocess("run", str(folder), str(work / "wN"), str(workers))
            one = next(r for r in runs if r["scale"] == big)
            one_wall = one["wall"] + one["load"]  # type: ignore[operator]
            result["workers"] = {
                "scale": big,
                "1": one_wall,
                str(workers): many["wall"],
                "speedup": round(one_wall / many["wall"], 2),
            }  # type: ignore
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return result


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def format_result(result: dict[str, object]) -> str:
    """The tables a person reads."""
    runs = result["scaling"]  # type: ignore[assignment]
    first = runs[0]  # type: ignore[index]
    floor = result["floor"]  # type: ignore[assignment]
    lines = [
        f"corpus: {result['corpus']} (base {result['base']}; Chinese: {result['chinese']})",
        "",
        f"per stage at {first['scale']}×: {first['articles']} articles, "
        f"{first['chars']['en'] + first['chars']['zh']:,} characters",
        f"{'stage':10} {'seconds':>9} {'chars/s':>12} {'articles/s':>11}",
    ]
    chars = first["chars"]["en"] + first["chars"]["zh"]
    for stage in STAGES:
        seconds = first["stages"].get(stage, 0.0)
        rate = chars / seconds if seconds else 0.0
        lines.append(
            f"{stage:10} {seconds:9.2f} {rate:12,.0f} "
            f"{(first['articles'] / seconds if seconds else 0):11.1f}"
        )
    total = sum(first["stages"].values())
    words = floor["en_words"]
    lines += [
        f"{'all stages':10} {total:9.2f} {chars / total:12,.0f} {first['articles'] / total:11.1f}",
        "",
        f"floor (same text): spaCy ner {floor['en_seconds']:.2f} s "
        f"({words / floor['en_seconds']:,.0f} words/s), jieba.lcut "
        f"{floor['zh_seconds']:.2f} s; pipeline {total:.2f} s "
        f"({words / max(total, 1e-9):,.0f} English words/s)",
        f"throughput ratio pipeline / floor: {result['ratio_to_floor']}",
        "",
        f"{'scale':>5} {'articles':>8} {'wall s':>8} {'stages s':>9} {'align s':>8} "
        f"{'align %':>8} {'peak MB':>8}",
    ]
    for run in runs:  # type: ignore[union-attr]
        stages = sum(run["stages"].values())
        align = run["stages"].get("align", 0.0)
        lines.append(
            f"{run['scale']:>4}× {run['articles']:>8} {run['wall']:>8.1f} "
            f"{stages:>9.1f} {align:>8.2f} {100 * align / stages:>7.1f}% "
            f"{run['peak_rss_mb']:>8.0f}"
        )
    if "workers" in result:
        w = result["workers"]
        lines += [
            "",
            f"workers at {w['scale']}×: "
            + ", ".join(f"{k} → {v:.1f} s" for k, v in w.items() if k not in ("scale", "speedup"))
            + f"; speedup {w['speedup']}×",
        ]
    return "\n".join(lines)
