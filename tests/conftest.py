"""Shared fixtures: settings pointing at temporary stores, indexes built from the real seeds."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# One ONNX export of the packaged model for every test, and every server or CLI a test starts
# (15-27 s each otherwise): the product's own cache, keyed by the model's weights.
os.environ.setdefault(
    "ASSISTANT_MODEL_CACHE_DIR", str(Path(__file__).resolve().parent.parent / ".data" / "models")
)

from assistant.answer import NEAREST_PASSAGE
from assistant.class_index import ClassIndex
from assistant.config import PACKAGED_MINILM, PROJECT_ROOT, Settings
from assistant.drafts import Draft
from assistant.indexing import ensure_index
from assistant.retrieve import ChunkLibrary
from assistant.service import Assistant
from assistant.types import Answer
from evals.serving import ServerDidNotStart, serving
from index.catalog import ParsedStandard, parse_standard
from index.chunk import chunk_standard
from index.load import load_sources
from index.types import Chunk, ClassRecord

SEED_SOURCES = PROJECT_ROOT / "sources"


@contextlib.contextmanager
def running_server(command: list[str], root: Path, cwd: Path) -> Iterator[str]:
    """`command ... --host 127.0.0.1 --port N` started in cwd with the fake embedder and its
    data under root; yields its URL once /api/health answers, stops it afterwards."""
    try:
        with serving(command, root, cwd, model="fake") as (_, url):
            yield url
    except ServerDidNotStart as error:
        pytest.fail(str(error))


@dataclass(frozen=True)
class Seeds:
    """The seed standards read, catalogued and chunked in memory: the index pipeline without
    a store or an embedder, for unit tests (and mutation runs) that need real passages fast."""

    parsed: tuple[ParsedStandard, ...]
    chunks: tuple[Chunk, ...]
    records: tuple[ClassRecord, ...]
    library: ChunkLibrary
    class_index: ClassIndex

    def record(self, title: str) -> ClassRecord:
        return next(r for r in self.records if r.title == title)


@pytest.fixture(scope="session")
def seeds() -> Seeds:
    parsed = tuple(parse_standard(d) for d in load_sources(SEED_SOURCES).documents)
    max_chars = Settings().chunk_max_chars
    chunks = tuple(c for p in parsed for c in chunk_standard(p, max_chars))
    records = tuple(r for p in parsed for r in p.classes)
    return Seeds(parsed, chunks, records, ChunkLibrary(chunks), ClassIndex(records))


def stated(answer: Answer | Draft) -> str:
    """What an answer says itself, before the passage nearest to the question it may show
    after an abstention, for the reader to judge."""
    return answer.text.partition(NEAREST_PASSAGE)[0]


def make_settings(root: Path, sources: Path = SEED_SOURCES, model: str = "fake") -> Settings:
    return Settings(sources_dir=sources, data_dir=root / "data", embedding_model=model)


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A private copy of the seed sources that a test may edit."""
    target = tmp_path / "sources"
    shutil.copytree(SEED_SOURCES, target)
    return target


@pytest.fixture(scope="session")
def fake_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """The whole pipeline on the seeds with the deterministic fake embedder (fast)."""
    settings = make_settings(tmp_path_factory.mktemp("fake"))
    ensure_index(settings, progress=False)
    return Assistant.open(settings)


@pytest.fixture(scope="session")
def real_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    """The whole pipeline on the seeds with the real packaged embedding model."""
    settings = make_settings(tmp_path_factory.mktemp("real"), model=PACKAGED_MINILM)
    ensure_index(settings, progress=False)
    yield Assistant.open(settings)
