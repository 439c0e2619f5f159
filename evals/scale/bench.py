"""`make bench-scale`: index, start and answer over N generated standards, measured in one run.

For each N: the index command's wall time, peak RSS and chunks/s next to the raw throughput of
the same embedder on the same chunk texts (their ratio is the indexing overhead), the store's
size, a no-op and a one-changed-file re-index (and the first `ask` after it, which brings the
start-up snapshot up to date), the start-up of `ask`, whole answers against the bare lookup
(query embedding + Chroma top-k) in interleaved rounds, the cost of each per-question step,
and how many generated questions are answered exactly.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from unittest import mock

from assistant.class_answers import section_kinds
from assistant.config import PROJECT_ROOT, Settings
from assistant.followup import resolve
from assistant.guard import unsupported_numbers
from assistant.service import Assistant
from assistant.types import Answer
from evals.bench import interleaved_ms, nearest_percentile
from evals.scale.generate import GeneratedCorpus, QACase, generate_corpus, qa_cases
from evals.serving import chroma_serving, serving
from index.embed import make_embedder

_SUMMARY = re.compile(
    r"(\d+) chunks embedded, (\d+) in store; (\d+) classes; ([\d.]+) s"
    r"(?: \(model loaded in ([\d.]+) s\))?"
)
_MONEY = re.compile(r"\$\d(?:[\d,]*\d)?(?:\.\d\d)?")
_TOKEN = re.compile(r"\b\d{4,7}\b")


class BenchFailed(RuntimeError):
    """A command the benchmark runs failed; the message holds the end of its output."""


@dataclass(frozen=True)
class CommandRun:
    seconds: float
    peak_rss_mb: float
    output: str


@dataclass
class ScaleFigures:
    """Everything measured for one corpus size."""

    documents: int
    backend: str = "embedded"  # how the store is read: "embedded" or "chroma server"
    chunks: int = 0
    classes: int = 0
    index_wall_s: float = 0.0  # the `index` command, start to exit
    build_s: float = 0.0  # the build itself, as the command reports it
    model_load_s: float = 0.0  # of which importing and loading the embedding model
    chunks_per_s: float = 0.0  # over the build less the model load
    embed_texts: int = 0  # chunk texts embedded again on their own
    embed_per_s: float = 0.0
    overhead: float = 0.0  # raw embedding throughput / indexing throughput
    index_peak_rss_mb: float = 0.0
    store_mb: float = 0.0
    noop_wall_s: float = 0.0
    noop_build_s: float = 0.0
    one_file_wall_s: float = 0.0
    one_file_build_s: float = 0.0
    one_file_ask_s: float = 0.0  # the first `ask` after it, which brings the snapshot up to date
    ask_startup_s: float = 0.0
    serve_healthy_s: float = 0.0  # `serve` started until /api/health answers ok
    serve_healthy_rss_mb: float = 0.0  # the server's peak RSS by then
    serve_answer_rss_mb: float = 0.0  # and once it has answered a question (model loaded)
    open_s: float = 0.0  # Assistant.open in this process, the model already imported
    answer_p50_ms: float = 0.0
    answer_p95_ms: float = 0.0
    lookup_p50_ms: float = 0.0
    lookup_p95_ms: float = 0.0
    ratio_p50: float = 0.0
    ratio_p95: float = 0.0
    asked: int = 0
    exact: int = 0
    with_other_figures: int = 0
    stages_ms: dict[str, float] = field(default_factory=dict)  # median per question

    @property
    def accuracy(self) -> float:
        return self.exact / self.asked if self.asked else 0.0


def run_command(args: Sequence[str], env: dict[str, str], timeout: float = 3600) -> CommandRun:
    """A `python ...` subprocess: its wall time and its own peak resident memory."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, *args],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    try:
        assert process.stdout is not None
        output = process.stdout.read()
        # wait4 reaps the child with its own resource usage: ru_maxrss is its peak RSS in KiB.
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    text = output.decode("utf-8", "replace")
    if process.returncode != 0:
        raise BenchFailed(f"{' '.join(args[:3])} exited {process.returncode}: {text[-1500:]}")
    return CommandRun(seconds, usage.ru_maxrss / 1024, text)


def _build_seconds(run: CommandRun) -> tuple[int, int, float, float]:
    """(chunks embedded, classes, build seconds, of which loading the model) of an index run."""
    match = _SUMMARY.search(run.output)
    if not match:
        raise BenchFailed(f"no index summary in: {run.output[-500:]}")
    embedded, _, classes, seconds, model = match.groups()
    return int(embedded), int(classes), float(seconds), float(model or 0)


def _folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def is_exact(answer: Answer, case: QACase, corpus_figures: set[str]) -> tuple[bool, bool]:
    """(exact, other figures): every expected figure is stated, and no figure of another
    class (a dollar amount, or a class code of the corpus) is."""
    text = answer.text
    stated = all(figure in text for figure in case.expected)
    if case.kind == "salary":
        others = {m.group(0) for m in _MONEY.finditer(text)} - set(case.expected)
    else:
        others = ({m.group(0) for m in _TOKEN.finditer(text)} & corpus_figures) - set(case.expected)
    return stated and not others and not answer.abstained, bool(others)


def measure(
    size: int,
    workdir: Path,
    model: str,
    *,
    questions: int = 30,
    rounds: int = 3,
    embed_sample: int = 2000,
    seed: int = 13,
    reuse: bool = False,
    chroma_server: bool = False,
    log: Callable[[str], None] = print,
) -> list[ScaleFigures]:
    """Generate `size` standards under workdir/<size>, index them and measure everything: one
    column read through the embedded store, and with chroma_server a second one read from the
    same store served by `chroma run`. With reuse, a corpus an earlier run left complete there
    is measured again without being generated or indexed anew (its index figures stay 0)."""
    root = workdir / str(size)
    sources, store = root / "sources", root / "store"
    reusing = reuse and (store / "catalog.json").is_file()
    if reusing:
        with tempfile.TemporaryDirectory() as scratch:  # the same facts, from the same seed
            corpus = generate_corpus(Path(scratch), size, seed)
    else:
        shutil.rmtree(root, ignore_errors=True)
        corpus = generate_corpus(sources, size, seed)
    figures = ScaleFigures(documents=corpus.documents)
    env = {
        **os.environ,
        "ASSISTANT_SOURCES_DIR": str(sources),
        "ASSISTANT_STORE_DIR": str(store),
        "ASSISTANT_DATA_DIR": str(root / "data"),
        "ASSISTANT_EMBEDDING_MODEL": model,
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    }
    if not reusing:
        log(f"[{size}] indexing {corpus.documents} generated standards")
        _index_runs(figures, env, sources, store)
    else:
        figures.store_mb = _folder_mb(store)
    settings = Settings(
        sources_dir=sources, store_dir=store, data_dir=root / "data", embedding_model=model
    )
    cases = qa_cases(corpus, questions, seed)
    assistant = _start_and_open(figures, env, settings, cases)
    if reusing:  # what the index run would have reported, read from what it left
        figures.chunks, figures.classes = assistant.store.count(), len(assistant.catalog)
    log(f"[{size}] raw embedding throughput, answers and exactness")
    _embedding_throughput(figures, assistant, model, embed_sample, seed)
    _answers(figures, assistant, cases, corpus, rounds)
    results = [figures]
    if chroma_server:
        del assistant  # one store open at a time, as a deployment has
        log(f"[{size}] the same store served by `chroma run`")
        results.append(_through_server(figures, env, settings, cases, corpus, rounds))
    return results


def _index_runs(figures: ScaleFigures, env: dict[str, str], sources: Path, store: Path) -> None:
    """The first index run, a no-op one and one after a single file changed."""
    index = ["-m", "assistant", "index", "--no-progress"]
    first = run_command(index, env)
    figures.chunks, figures.classes, figures.build_s, figures.model_load_s = _build_seconds(first)
    figures.index_wall_s, figures.index_peak_rss_mb = first.seconds, first.peak_rss_mb
    embedding_s = figures.build_s - figures.model_load_s
    figures.chunks_per_s = figures.chunks / embedding_s if embedding_s > 0 else 0.0
    figures.store_mb = _folder_mb(store)

    noop = run_command(index, env)
    figures.noop_wall_s, figures.noop_build_s = noop.seconds, _build_seconds(noop)[2]
    changed = sorted(sources.rglob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nRevised: 1/2026\n", "utf-8")
    one = run_command(index, env)
    figures.one_file_wall_s, figures.one_file_build_s = one.seconds, _build_seconds(one)[2]
    first_ask = run_command(["-m", "assistant", "ask", "What is a Clerk?"], env)
    figures.one_file_ask_s = first_ask.seconds


def _start_and_open(
    figures: ScaleFigures, env: dict[str, str], settings: Settings, cases: Sequence[QACase]
) -> Assistant:
    """`ask` and `serve` started cold as a user starts them, then the assistant in process."""
    figures.ask_startup_s = run_command(["-m", "assistant", "ask", cases[0].question], env).seconds
    _serve_start(figures, env, settings.data_dir, cases[0].question)
    started = time.perf_counter()
    assistant = Assistant.open(settings)
    figures.open_s = time.perf_counter() - started
    return assistant


def _answers(
    figures: ScaleFigures,
    assistant: Assistant,
    cases: Sequence[QACase],
    corpus: GeneratedCorpus,
    rounds: int,
) -> None:
    questions = [c.question for c in cases]
    _latency(figures, assistant, questions, rounds)
    score_exactness(figures, assistant.ask, cases, corpus)
    _stages(figures, assistant, questions)


def _through_server(
    embedded: ScaleFigures,
    env: dict[str, str],
    settings: Settings,
    cases: Sequence[QACase],
    corpus: GeneratedCorpus,
    rounds: int,
) -> ScaleFigures:
    """Start-up, answers against the bare lookup and exactness with the store read through
    HttpClient from a Chroma server serving the folder the index run wrote."""
    figures = ScaleFigures(
        documents=embedded.documents,
        backend="chroma server",
        chunks=embedded.chunks,
        classes=embedded.classes,
        store_mb=embedded.store_mb,
    )
    with chroma_serving(settings.chroma_path) as port:
        served_env = {
            **env,
            "ASSISTANT_CHROMA_HOST": "127.0.0.1",
            "ASSISTANT_CHROMA_PORT": str(port),
        }
        served = settings.model_copy(update={"chroma_host": "127.0.0.1", "chroma_port": port})
        # As a deployment does: the index run through the server (nothing to embed) writes
        # what a start reads, then the starts are measured.
        noop = run_command(["-m", "assistant", "index", "--no-progress"], served_env)
        figures.noop_wall_s, figures.noop_build_s = noop.seconds, _build_seconds(noop)[2]
        assistant = _start_and_open(figures, served_env, served, cases)
        _answers(figures, assistant, cases, corpus, rounds)
    return figures


def _serve_start(figures: ScaleFigures, env: dict[str, str], data: Path, question: str) -> None:
    """`serve` as a user starts it (its no-op re-index included): seconds until healthy, and
    its peak RSS then and after one answer."""
    data.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "assistant", "serve"]
    started = time.perf_counter()
    # serving() passes this process's environment on: the corpus's settings go through it.
    with mock.patch.dict(os.environ, env), serving(command, data, PROJECT_ROOT) as (server, url):
        figures.serve_healthy_s = time.perf_counter() - started
        figures.serve_healthy_rss_mb = _peak_rss_mb(server.pid)
        request = urllib.request.Request(
            f"{url}/api/ask",
            data=json.dumps({"question": question}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=600) as response:
            response.read()
        figures.serve_answer_rss_mb = _peak_rss_mb(server.pid)


def _peak_rss_mb(pid: int) -> float:
    """A running process's peak resident memory (VmHWM), in MB."""
    status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    line = next(x for x in status.splitlines() if x.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def _embedding_throughput(
    figures: ScaleFigures, assistant: Assistant, model: str, sample: int, seed: int
) -> None:
    """The same embedder on the same chunk texts (a seeded sample of them), one call."""
    texts = [c.embedding_text() for c in assistant.library.chunks]
    if len(texts) > sample:
        texts = random.Random(seed).sample(texts, sample)
    # The backend and batch size the index run embeds with: the raw figure is of the same
    # runtime, not torch's against the index's ONNX (0.34x at 300 standards, for nothing).
    settings = assistant.settings
    embedder = make_embedder(
        model,
        settings.embedding_batch_size,
        backend=settings.embedding_backend,
        cache_dir=settings.model_cache_path,
    )
    embedder.embed_documents(texts[:4])  # load the model outside the measurement
    started = time.perf_counter()
    embedder.embed_documents(texts)
    seconds = time.perf_counter() - started
    figures.embed_texts = len(texts)
    figures.embed_per_s = len(texts) / seconds if seconds else 0.0
    figures.overhead = figures.embed_per_s / figures.chunks_per_s if figures.chunks_per_s else 0.0


def _latency(
    figures: ScaleFigures, assistant: Assistant, questions: list[str], rounds: int
) -> None:
    embedder, store, k = assistant.embedder, assistant.store, assistant.settings.top_k

    def lookup(question: str) -> object:
        return store.search(embedder.embed_query(question), k)

    interleaved_ms([lookup, assistant.ask], questions[:3], 1)  # warm both paths
    lookup_ms, answer_ms = interleaved_ms([lookup, assistant.ask], questions, rounds)
    figures.lookup_p50_ms = statistics.median(lookup_ms)
    figures.lookup_p95_ms = nearest_percentile(lookup_ms, 0.95)
    figures.answer_p50_ms = statistics.median(answer_ms)
    figures.answer_p95_ms = nearest_percentile(answer_ms, 0.95)
    figures.ratio_p50 = figures.answer_p50_ms / figures.lookup_p50_ms
    figures.ratio_p95 = figures.answer_p95_ms / figures.lookup_p95_ms


def score_exactness(
    figures: ScaleFigures,
    ask: Callable[[str], Answer],
    cases: Sequence[QACase],
    corpus: GeneratedCorpus,
) -> None:
    """Ask every case and count the exact answers and those quoting another class."""
    codes = {c.code for c in corpus.classes}
    for case in cases:
        exact, others = is_exact(ask(case.question), case, codes)
        figures.asked += 1
        figures.exact += exact
        figures.with_other_figures += others


def _stages(figures: ScaleFigures, assistant: Assistant, questions: list[str]) -> None:
    """The median cost of each per-question step that could grow with the corpus."""
    index, library = assistant.class_index, assistant.library
    titles = tuple(r.title for r in index.records)  # as the chain passes them
    times: dict[str, list[float]] = {"resolve": [], "focus": [], "guard": []}
    for question in questions:
        started = time.perf_counter()
        analysis = resolve(question, (), index)
        times["resolve"].append(time.perf_counter() - started)
        started = time.perf_counter()
        library.focus(analysis.classes, section_kinds(analysis.intents))
        times["focus"].append(time.perf_counter() - started)
        answer = assistant.ask(question)
        quotes = [c.quote for c in answer.citations]
        started = time.perf_counter()
        unsupported_numbers(answer.text, quotes, question, titles)
        times["guard"].append(time.perf_counter() - started)
    figures.stages_ms = {k: statistics.median(v) * 1000 for k, v in times.items()}


_ROWS: tuple[tuple[str, str, str], ...] = (
    ("documents", "documents", "{:.0f}"),
    ("chunks", "chunks", "{:.0f}"),
    ("classes", "classes in the catalog", "{:.0f}"),
    ("index_wall_s", "index command, wall s", "{:.1f}"),
    ("build_s", "  of which the build, s", "{:.1f}"),
    ("model_load_s", "  of which the model load, s", "{:.1f}"),
    ("chunks_per_s", "indexing chunks/s (build less load)", "{:.1f}"),
    ("embed_per_s", "raw embedding texts/s (same texts)", "{:.1f}"),
    ("overhead", "overhead: raw / indexing throughput", "{:.2f}x"),
    ("index_peak_rss_mb", "index peak RSS, MB", "{:.0f}"),
    ("store_mb", "store on disk, MB", "{:.1f}"),
    ("noop_wall_s", "no-op re-index, wall s", "{:.2f}"),
    ("noop_build_s", "  of which the build, s", "{:.2f}"),
    ("one_file_wall_s", "one changed file re-index, wall s", "{:.2f}"),
    ("one_file_build_s", "  of which the build, s", "{:.2f}"),
    ("one_file_ask_s", "  then the first `ask`, cold, s", "{:.2f}"),
    ("ask_startup_s", "`ask` one question, cold, s", "{:.2f}"),
    ("serve_healthy_s", "`serve` until healthy, s", "{:.2f}"),
    ("serve_healthy_rss_mb", "`serve` peak RSS when healthy, MB", "{:.0f}"),
    ("serve_answer_rss_mb", "  and after one answer, MB", "{:.0f}"),
    ("open_s", "Assistant.open in process, s", "{:.2f}"),
    ("lookup_p50_ms", "bare lookup p50 ms", "{:.1f}"),
    ("answer_p50_ms", "whole answer p50 ms", "{:.1f}"),
    ("ratio_p50", "ratio of medians (answer / lookup)", "{:.2f}x"),
    ("lookup_p95_ms", "bare lookup p95 ms", "{:.1f}"),
    ("answer_p95_ms", "whole answer p95 ms", "{:.1f}"),
    ("ratio_p95", "ratio of p95s", "{:.2f}x"),
    ("accuracy", "exact answers", "{:.0%}"),
    ("with_other_figures", "answers with another class's figure", "{:.0f}"),
)


def report(results: Sequence[ScaleFigures]) -> str:
    """One column per corpus size."""
    lines = [f"{'measure':<40}" + "".join(f"{_column(r):>16}" for r in results)]
    for name, label, form in _ROWS:
        cells = "".join(f"{_cell(getattr(r, name), form, name):>16}" for r in results)
        lines.append(f"{label:<40}{cells}")
    lines.append(
        f"{'exact / asked':<40}" + "".join(f"{f'{r.exact}/{r.asked}':>16}" for r in results)
    )
    for stage in results[0].stages_ms if results else {}:
        cells = "".join(f"{r.stages_ms.get(stage, 0.0):>16.2f}" for r in results)
        lines.append(f"{'per question: ' + stage + ' ms (median)':<40}{cells}")
    return "\n".join(lines)


def _column(figures: ScaleFigures) -> str:
    served = "" if figures.backend == "embedded" else " server"
    return f"N={figures.documents}{served}"


def _cell(value: float, form: str, name: str) -> str:
    """A figure, or "-" where this column did not measure it (a reused or served corpus is
    not indexed again); a count of wrong answers is measured even when it is none."""
    return form.format(value) if value or name in _COUNTED else "-"


_COUNTED = frozenset({"with_other_figures"})


def as_json(results: Sequence[ScaleFigures]) -> list[dict[str, object]]:
    return [{**asdict(r), "accuracy": r.accuracy} for r in results]
