"""`make bench`: answer latency against the floor of this design, and start-up costs, measured."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from assistant.config import PROJECT_ROOT, Settings
from assistant.service import Assistant, ensure_index

BENCH_QUESTIONS = (
    "What is the salary range for a Certified Peer Support Specialist II?",
    "What are the requirements for CPS 2?",
    "How much does a Certified Peer Specialist 2 earn in New York?",
    "What salary group is CPSS I?",
    "pay grade for Certified Peer Specialist II?",
    "what does a cpss ii do",
    "which classes are in group A12?",
    "can we hire a CPSS II at $47,500?",
    "compare CPS 1 and CPS 2",
    "What is trauma-informed care?",
)


def _times_ms(action: Callable[[str], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        for question in BENCH_QUESTIONS:
            started = time.perf_counter()
            action(question)
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def _percentile(samples: list[float], share: float) -> float:
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

    # Warm both paths once so neither pays first-call costs in the measurement.
    _times_ms(floor, 1)
    _times_ms(assistant.ask, 1)
    floor_ms = _times_ms(floor, repeat)
    answer_ms = _times_ms(assistant.ask, repeat)
    floor_p50, answer_p50 = statistics.median(floor_ms), statistics.median(answer_ms)

    print(
        f"questions: {len(BENCH_QUESTIONS)} x {repeat} rounds; model "
        f"{settings.embedding_model}; store {assistant.store.location.describe()}"
    )
    print(f"{'measure':<46}{'p50 ms':>9}{'p95 ms':>9}")
    print(
        f"{'floor: query embedding + Chroma top-k':<46}{floor_p50:>9.1f}"
        f"{_percentile(floor_ms, 0.95):>9.1f}"
    )
    print(
        f"{'whole answer (condense, hybrid, compose, cite)':<46}{answer_p50:>9.1f}"
        f"{_percentile(answer_ms, 0.95):>9.1f}"
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
        f"{_command_seconds(['-m', 'assistant', 'ask', BENCH_QUESTIONS[0]], settings)}"
    )
    print(f"start-up: `import app` (gradio): {_command_seconds(['-c', 'import app'], settings)}")
    return 0
