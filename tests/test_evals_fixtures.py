"""The fixture set: evaluation cases over the fixture standards (tests/fixtures/standards, seven
readable standards in six formats) must be honest, cover every kind of question, and pass the
same quality gate as the development set, through the real pipeline and embedding model."""

from __future__ import annotations

import pytest

from assistant.config import PACKAGED_MINILM, PROJECT_ROOT
from assistant.indexing import ensure_index
from assistant.service import Assistant
from evals.dataset import KNOWN_KINDS, facts_missing_from_sources, load_dataset
from index.load import load_sources
from tests.conftest import make_settings
from tests.test_evals_gate import assert_passes_gate

FIXTURE_SOURCES = PROJECT_ROOT / "tests" / "fixtures" / "standards"
FIXTURE_SET = PROJECT_ROOT / "evals" / "datasets" / "fixtures.yaml"


def test_the_fixture_set_is_honest_and_covers_every_kind_and_standard() -> None:
    dataset = load_dataset(FIXTURE_SET)
    assert len(dataset.cases) >= 40
    assert set(KNOWN_KINDS) <= set(dataset.kinds)
    assert any(c.answer_absent and c.expected for c in dataset.cases)
    assert any(c.history for c in dataset.cases)
    assert facts_missing_from_sources(dataset, FIXTURE_SOURCES) == []
    readable = {d.source for d in load_sources(FIXTURE_SOURCES).documents}
    assert readable == {s for c in dataset.cases for s in c.sources}


@pytest.fixture(scope="module")
def fixture_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """The whole pipeline on the fixture standards with the real packaged embedding model."""
    root = tmp_path_factory.mktemp("fixtures-real")
    settings = make_settings(root, sources=FIXTURE_SOURCES, model=PACKAGED_MINILM)
    ensure_index(settings, progress=False)
    return Assistant.open(settings)


@pytest.mark.slow
def test_the_fixture_set_passes_the_quality_gate(fixture_assistant: Assistant) -> None:
    assert_passes_gate(fixture_assistant, FIXTURE_SET)
