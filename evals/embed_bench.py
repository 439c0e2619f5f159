"""`make bench-embed`: the embedding model run by torch and by onnxruntime on the same texts."""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.config import PROJECT_ROOT, Settings
from evals.bench import interleaved_ms, nearest_percentile
from evals.dataset import load_dataset
from index.catalog import parse_standard
from index.chunk import chunk_standard
from index.embed import Backend, LazyEmbeddings, limit_threads, make_embedder
from index.load import load_sources

BACKENDS: tuple[Backend, Backend] = ("torch", "onnx")
TOP_K = 4


@dataclass(frozen=True)
class Agreement:
    """How far the ONNX vectors are from torch's on the same texts and queries."""

    min_cosine: float
    same_top_k: int
    queries: int


def passage_texts(sources: Path, limit: int, seed: int) -> list[str]:
    """The texts the index embeds for these sources (a seeded sample of at most limit)."""
    settings = Settings()
    texts = [
        chunk.embedding_text()
        for document in load_sources(sources, settings.manifest_name).documents
        for chunk in chunk_standard(parse_standard(document), settings.chunk_max_chars)
    ]
    return random.Random(seed).sample(texts, limit) if len(texts) > limit else texts


def questions(dataset: Path, limit: int) -> list[str]:
    return [case.question for case in load_dataset(dataset).cases[:limit]]


def load_embedder(backend: Backend, settings: Settings) -> LazyEmbeddings:
    """The embedder with its model loaded (and exported, the first time, for ONNX)."""
    embedder = make_embedder(
        settings.embedding_model,
        settings.embedding_batch_size,
        backend=backend,
        cache_dir=settings.model_cache_path,
    )
    if not isinstance(embedder, LazyEmbeddings):
        raise SystemExit(f"{settings.embedding_model} is not a model to benchmark")
    embedder.load()
    if embedder.running_backend != backend:
        raise SystemExit(f"the {backend} backend did not load (see the warning above)")
    return embedder


def agreement(
    torch: Embeddings, onnx: Embeddings, texts: list[str], queries: list[str]
) -> Agreement:
    """The lowest cosine between the two backends' vectors of a text or query, and for how
    many queries both rank the same TOP_K texts first."""
    texts_t, texts_o = (
        np.asarray(torch.embed_documents(texts)),
        np.asarray(onnx.embed_documents(texts)),
    )
    query_t = np.asarray([torch.embed_query(q) for q in queries])
    query_o = np.asarray([onnx.embed_query(q) for q in queries])
    cosines = np.concatenate([(texts_t * texts_o).sum(1), (query_t * query_o).sum(1)])
    top_t = np.argsort(-(query_t @ texts_t.T), axis=1)[:, :TOP_K]
    top_o = np.argsort(-(query_o @ texts_o.T), axis=1)[:, :TOP_K]
    same = int(sum((a == b).all() for a, b in zip(top_t, top_o, strict=True)))
    return Agreement(float(cosines.min()), same, len(queries))


def cold_start_seconds(backend: Backend, settings: Settings) -> float:
    """A new Python process: import, load the model (the ONNX export cached), embed one query."""
    code = (
        "from pathlib import Path; from index.embed import make_embedder; "
        f"make_embedder({settings.embedding_model!r}, backend={backend!r}, "
        f"cache_dir=Path({str(settings.model_cache_path)!r})).embed_query('salary range')"
    )
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, check=True, timeout=600)
    return time.perf_counter() - started


def run(
    texts: list[str], queries: list[str], rounds: int, repeat: int, threads: int | None
) -> None:
    settings = Settings()
    embedders = [load_embedder(backend, settings) for backend in BACKENDS]
    match = agreement(embedders[0], embedders[1], texts, queries)
    # Warm both (first-call allocations), then take turns so load on a shared machine
    # weighs on both alike.
    interleaved_ms([e.embed_query for e in embedders], queries[:3], 1)
    bulk_ms = interleaved_ms([_bulk(e, texts) for e in embedders], ["bulk"], rounds)
    query_ms = interleaved_ms([e.embed_query for e in embedders], queries, repeat)
    cold = [cold_start_seconds(backend, settings) for backend in BACKENDS]

    print(
        f"model {settings.embedding_model}; {len(texts)} passages, {len(queries)} questions; "
        f"bulk x {rounds} and queries x {repeat} in interleaved rounds; threads "
        f"{threads or 'default'}"
    )
    print(
        f"vectors: lowest cosine torch-onnx {match.min_cosine:.7f}; "
        f"same top-{TOP_K} for {match.same_top_k}/{match.queries} questions"
    )
    print(f"{'measure':<34}{'torch':>10}{'onnx':>10}{'onnx speed-up':>15}")
    bulk = [len(texts) / (statistics.median(ms) / 1000) for ms in bulk_ms]
    _row("bulk, texts/s (median round)", bulk[0], bulk[1], bulk[1] / bulk[0])
    for label, share in (("query p50, ms", 0.5), ("query p95, ms", 0.95)):
        torch_ms, onnx_ms = (nearest_percentile(ms, share) for ms in query_ms)
        _row(label, torch_ms, onnx_ms, torch_ms / onnx_ms)
    _row("new process to first vector, s", cold[0], cold[1], cold[0] / cold[1])


def _bulk(embedder: Embeddings, texts: list[str]) -> Callable[[str], object]:
    """An action for interleaved_ms that embeds all the texts in one call."""
    return lambda _: embedder.embed_documents(texts)


def _row(label: str, torch: float, onnx: float, ratio: float) -> None:
    print(f"{label:<34}{torch:>10.1f}{onnx:>10.1f}{ratio:>14.2f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.embed_bench", description=__doc__)
    corpus = PROJECT_ROOT / "evals" / "corpora" / "real"
    parser.add_argument("--sources", type=Path, default=corpus, help="passages to embed")
    parser.add_argument(
        "--dataset", type=Path, default=PROJECT_ROOT / "evals" / "datasets" / "real.yaml"
    )
    parser.add_argument("--texts", type=int, default=512, help="passages embedded in bulk")
    parser.add_argument("--queries", type=int, default=40, help="questions embedded one by one")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved bulk rounds")
    parser.add_argument("--repeat", type=int, default=5, help="interleaved query rounds")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, help="cap both backends' threads (as QUERY_THREADS)")
    args = parser.parse_args(argv)
    if args.threads:
        limit_threads(args.threads)
    texts = passage_texts(args.sources, args.texts, args.seed)
    run(texts, questions(args.dataset, args.queries), args.rounds, args.repeat, args.threads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
