"""The real set: public standards from 34 publishers, gold labels and 215 questions; its floor
is part of the quality gate, and its catalog is scored against the labels."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import PACKAGED_MINILM, PROJECT_ROOT
from assistant.indexing import ensure_index
from assistant.service import Assistant
from evals.catalog import load_labels, score_catalog, score_document, totals
from evals.config import HELD_OUT_FLOORS, Thresholds, real_set_floor
from evals.dataset import facts_missing_from_sources, load_dataset
from evals.runner import AssistantSystem, run_cases
from index.types import ClassRecord
from tests.conftest import make_settings
from tests.test_evals_gate import explain

CORPUS = PROJECT_ROOT / "evals" / "corpora" / "real"
REAL_SET = PROJECT_ROOT / "evals" / "datasets" / "real.yaml"
# Each held-out set: its corpus, its questions and the floor make test holds it to.
HOLDOUTS = {
    name: (
        PROJECT_ROOT / "evals" / "corpora" / name,
        PROJECT_ROOT / "evals" / "datasets" / f"{name}.yaml",
        floor,
    )
    for name, floor in HELD_OUT_FLOORS.items()
}


def test_the_real_set_is_large_varied_and_honest() -> None:
    dataset = load_dataset(REAL_SET)
    assert len(dataset.cases) >= 150
    assert sum(c.answer_absent for c in dataset.cases) >= 25
    assert sum(c.kind == "comparison" for c in dataset.cases) >= 15
    assert sum(c.kind == "reverse-lookup" for c in dataset.cases) >= 15
    assert facts_missing_from_sources(dataset, CORPUS) == []


def test_the_catalog_never_attaches_a_wrong_figure_to_a_real_class() -> None:
    overall = totals(score_catalog(CORPUS, load_labels(CORPUS / "labels.yaml")))
    for name, tally in overall.items():
        assert tally.precision is None or tally.precision >= 0.99, name
    assert overall["title"].recall is not None and overall["title"].recall >= 0.6
    assert overall["salary_min"].recall is not None and overall["salary_min"].recall >= 0.6


def test_a_class_named_by_its_code_alone_claims_no_title() -> None:
    gold = [{"title": "Auditing (AU)", "code": "AU-1", "salary_min": "50205"}]
    coded = ClassRecord(source="au.txt", title="AU-1", code="AU-1", salary_min="50205")
    score = score_document("au.txt", gold, [coded])
    assert (score.fields["title"].gold, score.fields["title"].extracted) == (1, 0)
    assert score.fields["code"].right == 1 and score.fields["salary_min"].right == 1


@pytest.fixture(scope="module")
def real_corpus_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    settings = make_settings(
        tmp_path_factory.mktemp("real-corpus"), sources=CORPUS, model=PACKAGED_MINILM
    )
    ensure_index(settings, progress=False)
    yield Assistant.open(settings)


@pytest.mark.slow
def test_the_real_set_stays_above_its_floor(real_corpus_assistant: Assistant) -> None:
    _assert_above(real_set_floor(), real_corpus_assistant, REAL_SET)


@pytest.mark.parametrize("name", sorted(HOLDOUTS))
def test_the_holdout_sets_are_honest(name: str) -> None:
    corpus, questions, _ = HOLDOUTS[name]
    dataset = load_dataset(questions)
    assert len(dataset.cases) >= 45
    assert sum(c.answer_absent for c in dataset.cases) >= 5
    assert facts_missing_from_sources(dataset, corpus) == []


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HOLDOUTS))
def test_the_holdout_sets_stay_above_their_floors(name: str, tmp_path: Path) -> None:
    corpus, questions, floor = HOLDOUTS[name]
    settings = make_settings(tmp_path, sources=corpus, model=PACKAGED_MINILM)
    ensure_index(settings, progress=False)
    _assert_above(floor.thresholds(), Assistant.open(settings), questions)


def _assert_above(thresholds: Thresholds, assistant: Assistant, questions: Path) -> None:
    """Run a question set and fail with the worst answers when a measure is below its floor."""
    run = run_cases(
        AssistantSystem(assistant), load_dataset(questions), thresholds.retrieval_k, progress=False
    )
    failures = thresholds.failures(run.summary)
    worst = "\n".join(explain(r) for r in run.results if not r.passed)[:4000]
    assert not failures, "; ".join(failures) + "\n" + worst
