"""Answer every case of a dataset through a system (the assistant, or the naive baseline) and
score it; the assistant is driven through `ask --jsonl`'s own function, exactly like the CLI."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
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
            CitedQuote(
                str(c.get("source", "")),
                str(c.get("section", "")),
                str(c.get("quote", "")),
                str(c.get("doc_title") or ""),
                str(c.get("jurisdiction") or ""),
            )
            for c in response.get("citations") or []
        ),
        retrieved=retrieved,
        standalone_question=str(response.get("standalone_question") or ""),
        classes=tuple(str(c) for c in response.get("classes") or []),
    )


@dataclass(frozen=True)
class Contender:
    """A system to run, with what its report says about how it was built."""

    system: AnsweringSystem
    index_s: float = 0.0  # time to build or check its index, not counted in latencies
    settings: Mapping[str, Any] = field(default_factory=dict)


def run_systems(
    contenders: Sequence[Contender], dataset: Dataset, k: int, progress: bool | None = None
) -> list[RunResult]:
    """Each case answered by every system in turn, so that a machine busy with other work slows
    them alike and their latencies stay comparable. A case whose answering raises is recorded as
    an error (and fails), and the run goes on."""
    results: list[list[CaseResult]] = [[] for _ in contenders]
    # progress=None lets tqdm decide: a bar on a terminal, nothing in a pipe or CI log.
    disable = None if progress is None else not progress
    label = " + ".join(c.system.name for c in contenders)
    for case in tqdm(dataset.cases, desc=label, unit="q", disable=disable, leave=False):
        for contender, answered in zip(contenders, results, strict=True):
            answered.append(answer_case(contender.system, case, k))
    return [
        RunResult(
            system=contender.system.name,
            dataset=dataset.name,
            dataset_path=str(dataset.path),
            results=answered,
            summary=summarise(answered, sum(r.answer.latency_ms for r in answered) / 1000),
            by_kind=summarise_by_kind(answered),
            retrieval_k=k,
            index_s=contender.index_s,
            settings=dict(contender.settings),
        )
        for contender, answered in zip(contenders, results, strict=True)
    ]


def run_cases(
    system: AnsweringSystem, dataset: Dataset, k: int, progress: bool | None = None
) -> RunResult:
    """Every case answered and scored by one system."""
    return run_systems([Contender(system)], dataset, k, progress)[0]


def answer_case(system: AnsweringSystem, case: EvalCase, k: int) -> CaseResult:
    started = time.perf_counter()
    try:
        answer = system.answer(case)
    except Exception as error:  # one broken case must not hide the other results
        answer = SystemAnswer(text="", abstained=False, error=f"{type(error).__name__}: {error}")
    answer = replace(answer, latency_ms=(time.perf_counter() - started) * 1000)
    return CaseResult(case, answer, score_case(case, answer, k))


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
    from assistant.indexing import ensure_index
    from assistant.service import Assistant

    started = time.perf_counter()
    ensure_index(settings, progress=progress)
    contenders = [
        Contender(
            AssistantSystem(Assistant.open(settings)),
            time.perf_counter() - started,
            describe_settings(settings),
        )
    ]
    naive = None
    try:
        if baseline:
            from evals.baseline import NaiveRag

            started = time.perf_counter()
            naive = NaiveRag.build(settings)
            contenders.append(Contender(naive, time.perf_counter() - started, naive.describe()))
        runs = run_systems(contenders, dataset, k, progress)
    finally:
        if naive is not None:
            naive.close()
    return Evaluation(runs[0], runs[1] if baseline else None)


def describe_settings(settings: Settings) -> dict[str, Any]:
    return {
        "sources_dir": str(settings.sources_dir),
        "store": str(settings.chroma_path),
        "embedding_model": settings.embedding_model,
        "top_k": settings.top_k,
        "answer_backend": settings.answer_backend,
    }
