"""The quality gate: the development set through the real pipeline and the real embedding model
must keep every fact, abstain exactly where it should, and invent no number."""

from __future__ import annotations

import pytest

from assistant.config import PROJECT_ROOT
from assistant.service import Assistant
from evals.config import Thresholds
from evals.dataset import load_dataset
from evals.results import CaseResult
from evals.runner import AssistantSystem, run_cases

DEV_SET = PROJECT_ROOT / "evals" / "datasets" / "dev.yaml"


def explain(result: CaseResult) -> str:
    scores, answer = result.scores, result.answer
    problems = []
    if scores.facts_missing:
        problems.append(f"missing {list(scores.facts_missing)}")
    if not scores.abstention_correct:
        problems.append(f"abstained={answer.abstained}, expected {result.case.answer_absent}")
    if scores.invented_numbers:
        problems.append(f"invented {list(scores.invented_numbers)}")
    if answer.error:
        problems.append(answer.error)
    text = " ".join(answer.text.split())
    return f"{result.case.id}: {'; '.join(problems)}\n    Q: {result.case.question}\n    A: {text}"


@pytest.mark.slow
def test_the_development_set_passes_the_quality_gate(real_assistant: Assistant) -> None:
    thresholds = Thresholds()
    run = run_cases(
        AssistantSystem(real_assistant),
        load_dataset(DEV_SET),
        thresholds.retrieval_k,
        progress=False,
    )
    failures = thresholds.failures(run.summary)
    details = "\n".join(explain(r) for r in run.results if not r.passed)
    assert not failures, "; ".join(failures) + "\n" + details
