"""The quality gate: the development set through the real pipeline and the real embedding model
must keep every fact, abstain exactly where it should, and invent no number."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT
from assistant.service import Assistant
from evals.config import Thresholds
from evals.dataset import load_dataset
from evals.results import CaseResult
from evals.runner import AssistantSystem, run_cases

DEV_SET = PROJECT_ROOT / "evals" / "datasets" / "dev.yaml"


def explain(result: CaseResult) -> str:
    text = " ".join(result.answer.text.split())
    return (
        f"{result.case.id}: {'; '.join(result.problems())}\n"
        f"    Q: {result.case.question}\n    A: {text}"
    )


def assert_passes_gate(assistant: Assistant, dataset: Path) -> None:
    """Run a QA set through the assistant; fail with every failed case explained."""
    thresholds = Thresholds()
    run = run_cases(
        AssistantSystem(assistant), load_dataset(dataset), thresholds.retrieval_k, progress=False
    )
    failures = thresholds.failures(run.summary)
    details = "\n".join(explain(r) for r in run.results if not r.passed)
    assert not failures, "; ".join(failures) + "\n" + details


@pytest.mark.slow
def test_the_development_set_passes_the_quality_gate(real_assistant: Assistant) -> None:
    assert_passes_gate(real_assistant, DEV_SET)
