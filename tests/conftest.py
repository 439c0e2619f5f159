"""Shared fixtures: settings pointing at temporary stores, indexes built from the real seeds."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from assistant.config import PACKAGED_MINILM, PROJECT_ROOT, Settings
from assistant.service import Assistant, ensure_index

SEED_SOURCES = PROJECT_ROOT / "sources"


def free_port() -> int:
    """A TCP port on the loopback address that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


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
