"""`make bench`: answer latency against the floor of this design, and start-up costs, measured."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence

from assistant.config import PROJECT_ROOT, Settings
from assistant.examples import benchmark_questions
from assistant.indexing import ensure_index
from assistant.service import Assistant


def interleaved_ms(
    actions: Sequence[Callable[[str], object]], questions: Sequence[str], repeat: int
) -> list[list[float]]:
    """Each action's times in ms, the actions taking turns question by question, so a busy
    moment of a shared machine weighs on all of them alike and their ratio holds."""
    samples: list[list[float]] = [[] for _ in actions]
    for _ in range(repeat):
        for question in questions:
            for action, times in zip(actions, samples, strict=True):
                started = time.perf_counter()
                action(question)
                times.append((time.perf_counter() - started) * 1000)
    return samples


def nearest_percentile(samples: Sequence[float], share: float) -> float:
    """The sample at this share (0-1) of the sorted samples, as measured, not interpolated."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _command_seconds(args: list[str], settings: Settings) -> str:
    env = {
        **os.environ,
        "ASSISTANT_STORE_DIR": str(settings.chroma_path),
        "ASSISTANT_SOURCES_DIR": str(settings.sources_dir),
    }
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        timeout=600,
    )
    if result.returncode != 0:
        return f"failed ({result.stderr.strip().splitlines()[-1:]})"
    return f"{time.perf_counter() - started:.2f} s"


def run_benchmark(settings: Settings, repeat: int = 20) -> int:
    """Print the floor (query embedding + Chroma top-k), whole answers, their ratio, start-up."""
    started = time.perf_counter()
    ensure_index(settings, progress=False)  # imports torch and loads the model once
    index_seconds = time.perf_counter() - started
    started = time.perf_counter()
    assistant = Assistant.open(settings)
    open_seconds = time.perf_counter() - started
    embedder, store = assistant.embedder, assistant.store

    def floor(question: str) -> object:
        return store.search(embedder.embed_query(question), settings.top_k)

    questions = benchmark_questions(assistant.catalog) or ["What is the salary range?"]
    # Warm both paths once so neither pays first-call costs in the measurement.
    interleaved_ms([floor, assistant.ask], questions, 1)
    floor_ms, answer_ms = interleaved_ms([floor, assistant.ask], questions, repeat)
    floor_p50, answer_p50 = statistics.median(floor_ms), statistics.median(answer_ms)

    print(
        f"questions: {len(questions)} (from the catalog) x {repeat} interleaved rounds; model "
        f"{settings.embedding_model}; store {assistant.store.location.describe()}"
    )
    print(f"{'measure':<46}{'p50 ms':>9}{'p95 ms':>9}")
    print(
        f"{'floor: query embedding + Chroma top-k':<46}{floor_p50:>9.1f}"
        f"{nearest_percentile(floor_ms, 0.95):>9.1f}"
    )
    print(
        f"{'whole answer (condense, hybrid, compose, cite)':<46}{answer_p50:>9.1f}"
        f"{nearest_percentile(answer_ms, 0.95):>9.1f}"
    )
    print(f"ratio whole answer / floor (p50): {answer_p50 / floor_p50:.2f}x (target <= 3x)")
    print(f"start-up: index check + model import and load: {index_seconds:.2f} s")
    print(f"start-up: Assistant.open with the model loaded: {open_seconds:.2f} s")
    print(
        f"start-up: `python -m assistant --help`: "
        f"{_command_seconds(['-m', 'assistant', '--help'], settings)}"
    )
    print(
        f"start-up: `python -m assistant ask` one question, cold: "
        f"{_command_seconds(['-m', 'assistant', 'ask', questions[0]], settings)}"
    )
    print(f"start-up: `import app` (gradio): {_command_seconds(['-c', 'import app'], settings)}")
    return 0
