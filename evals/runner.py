"""Answer every case of a dataset through a system (the assistant, or the naive baseline) and
score it; the assistant is driven through `ask --jsonl`'s own function, exactly like the CLI."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from tqdm import tqdm

from evals.dataset import Dataset, EvalCase
from evals.results import CaseResult, CitedQuote, RetrievedPassage, RunResult, SystemAnswer
from evals.scoring import score_case, summarise, summarise_by_kind

if TYPE_CHECKING:
    from assistant.config import Settings


class AnsweringSystem(Protocol):
    """Anything that answers a case; the runner times it."""

    name: str

    def answer(self, case: EvalCase) -> SystemAnswer: ...


class AssistantSystem:
    """The assistant as `ask --jsonl` serves it: one request dict in, one response dict out."""

    name = "assistant"

    def __init__(self, assistant: Any) -> None:
        self._assistant = assistant
        # Passage texts feed context recall and the Ragas export; optional on the assistant.
        self._chunk = getattr(assistant, "chunk", None)

    def answer(self, case: EvalCase) -> SystemAnswer:
        from assistant.batch import answer_request  # the exact code path of `ask --jsonl`

        return answer_from_response(
            answer_request(self._assistant, case.request()), self._passage_text
        )

    def _passage_text(self, chunk_id: str | None) -> str | None:
        if self._chunk is None or chunk_id is None:
            return None
        chunk = self._chunk(chunk_id)
        return None if chunk is None else str(chunk.text)


def answer_from_response(
    response: Mapping[str, Any], passage_text: Callable[[str | None], str | None]
) -> SystemAnswer:
    """A SystemAnswer from one `ask --jsonl` response object."""
    if response.get("error"):
        return SystemAnswer(text="", abstained=False, error=str(response["error"]))
    retrieved = tuple(
        RetrievedPassage(
            source=str(p.get("source", "")),
            section=str(p.get("section", "")),
            chunk_id=p.get("chunk_id"),
            text=passage_text(p.get("chunk_id")),
        )
        for p in response.get("retrieved") or []
    )
    return SystemAnswer(
        text=str(response.get("answer", "")),
        abstained=bool(response.get("abstained", False)),
        citations=tuple(
            CitedQuote(str(c.get("source", "")), str(c.get("section", "")), str(c.get("quote", "")))
            for c in response.get("citations") or []
        ),
        retrieved=retrieved,
        standalone_question=str(response.get("standalone_question") or ""),
        classes=tuple(str(c) for c in response.get("classes") or []),
    )


def run_cases(
    system: AnsweringSystem,
    dataset: Dataset,
    k: int,
    progress: bool | None = None,
    index_s: float = 0.0,
    settings: Mapping[str, Any] | None = None,
) -> RunResult:
    """Answer and score every case in order; a case whose answering raises is recorded as an
    error (and fails), and the run goes on."""
    started = time.perf_counter()
    results = []
    # progress=None lets tqdm decide: a bar on a terminal, nothing in a pipe or CI log.
    disable = None if progress is None else not progress
    for case in tqdm(dataset.cases, desc=system.name, unit="q", disable=disable, leave=False):
        answered = time.perf_counter()
        try:
            answer = system.answer(case)
        except Exception as error:  # one broken case must not hide the other results
            answer = SystemAnswer(
                text="", abstained=False, error=f"{type(error).__name__}: {error}"
            )
        latency_ms = (time.perf_counter() - answered) * 1000
        answer = replace(answer, latency_ms=latency_ms)
        results.append(CaseResult(case, answer, score_case(case, answer, k)))
    total_s = time.perf_counter() - started
    return RunResult(
        system=system.name,
        dataset=dataset.name,
        dataset_path=str(dataset.path),
        results=results,
        summary=summarise(results, total_s),
        by_kind=summarise_by_kind(results),
        retrieval_k=k,
        index_s=index_s,
        settings=dict(settings or {}),
    )


@dataclass
class Evaluation:
    """The assistant's run and, when asked for, the baseline's run on the same cases."""

    assistant: RunResult
    baseline: RunResult | None = None


def evaluate(
    dataset: Dataset,
    settings: Settings,
    *,
    k: int,
    baseline: bool = False,
    progress: bool | None = None,
) -> Evaluation:
    """Index the sources if needed, then run the assistant (and the baseline) on every case."""
    from assistant.service import Assistant, ensure_index

    described = describe_settings(settings)
    started = time.perf_counter()
    ensure_index(settings)
    assistant = Assistant.open(settings)
    index_s = time.perf_counter() - started
    evaluation = Evaluation(
        run_cases(AssistantSystem(assistant), dataset, k, progress, index_s, described)
    )
    if baseline:
        from evals.baseline import NaiveRag

        started = time.perf_counter()
        naive = NaiveRag.build(settings)
        try:
            evaluation.baseline = run_cases(
                naive, dataset, k, progress, time.perf_counter() - started, naive.describe()
            )
        finally:
            naive.close()
    return evaluation


def describe_settings(settings: Settings) -> dict[str, Any]:
    return {
        "sources_dir": str(settings.sources_dir),
        "store": str(settings.chroma_path),
        "embedding_model": settings.embedding_model,
        "top_k": settings.top_k,
        "answer_backend": settings.answer_backend,
    }
