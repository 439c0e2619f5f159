"""What a run produces: each system's answer to a case, its scores, and the summaries."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from evals.dataset import EvalCase


@dataclass(frozen=True)
class CitedQuote:
    source: str
    section: str
    quote: str
    doc_title: str = ""
    jurisdiction: str = ""


@dataclass(frozen=True)
class RetrievedPassage:
    source: str
    section: str
    chunk_id: str | None = None
    text: str | None = None  # None where the system does not expose passage texts


@dataclass(frozen=True)
class SystemAnswer:
    """One system's (the assistant's or the baseline's) answer to one case."""

    text: str
    abstained: bool
    citations: tuple[CitedQuote, ...] = ()
    retrieved: tuple[RetrievedPassage, ...] = ()
    standalone_question: str = ""
    classes: tuple[str, ...] = ()
    latency_ms: float = 0.0  # wall clock around the whole answer, measured by the runner
    error: str | None = None  # the exception, when answering failed


@dataclass(frozen=True)
class CaseScores:
    fact_recall: float | None
    facts_missing: tuple[str, ...]
    exact_match: bool | None
    citation_precision: float | None
    fact_support: float | None
    abstention_correct: bool
    document_cited: bool | None
    invented_numbers: tuple[str, ...]
    hit_at_1: float | None
    hit_at_k: float | None
    mrr: float | None
    recall_at_k: float | None
    context_recall: float | None

    @property
    def passed(self) -> bool:
        """What the gate asks of every case: all facts, the right abstention, no invented figure."""
        return (
            self.fact_recall in (None, 1.0)
            and self.abstention_correct
            and not self.invented_numbers
        )


@dataclass(frozen=True)
class CaseResult:
    case: EvalCase
    answer: SystemAnswer
    scores: CaseScores

    @property
    def passed(self) -> bool:
        return self.answer.error is None and self.scores.passed

    def problems(self) -> list[str]:
        """Why the case fails, in words; [] when it passes."""
        scores, answer = self.scores, self.answer
        problems = [f"error: {answer.error}"] if answer.error else []
        if scores.facts_missing:
            problems.append("missing " + ", ".join(scores.facts_missing))
        if not scores.abstention_correct:
            problems.append(
                "abstained when the sources hold the answer"
                if answer.abstained
                else "answered where it should abstain"
            )
        if scores.invented_numbers:
            problems.append("invented numbers " + ", ".join(scores.invented_numbers))
        return problems

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.case.id,
            "kind": self.case.kind,
            "question": self.case.question,
            "history": [t.model_dump() for t in self.case.history],
            "expected": list(self.case.expected),
            "sources": list(self.case.sources),
            "answer_absent": self.case.answer_absent,
            "passed": self.passed,
            "problems": self.problems(),
            "answer": asdict(self.answer),
            "scores": asdict(self.scores),
        }


@dataclass(frozen=True)
class Summary:
    """Means over the cases a metric applies to; None where it applies to none."""

    cases: int
    passed: int
    errors: int
    fact_recall: float | None
    exact_match: float | None
    citation_precision: float | None
    document_cited: float | None
    fact_support: float | None
    abstention_accuracy: float | None
    abstention_precision: float | None
    abstention_recall: float | None
    invented_numbers: int
    hit_at_1: float | None
    hit_at_k: float | None
    mrr: float | None
    recall_at_k: float | None
    context_recall: float | None
    latency_p50_ms: float | None
    latency_p95_ms: float | None
    total_s: float

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.cases if self.cases else None


@dataclass
class RunResult:
    """Every case of one dataset answered by one system."""

    system: str
    dataset: str
    dataset_path: str
    results: list[CaseResult]
    summary: Summary
    by_kind: dict[str, Summary]
    retrieval_k: int
    index_s: float = 0.0  # time to build or check the index, not counted in latencies
    settings: dict[str, Any] = field(default_factory=dict)
    gate_failures: list[str] = field(default_factory=list)
