"""The ONNX embedding backend: the same vectors as torch, a cache that is reused, damaged or
missing exports handled, and a query from a cached export that never imports torch."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.config import PACKAGED_MINILM, PROJECT_ROOT
from index import onnx_embed
from index.embed import HashingEmbeddings, LazyEmbeddings, make_embedder, resolve_model_path
from index.onnx_embed import (
    OnnxEmbeddings,
    OnnxExportError,
    cached_model_file,
    load_onnx_embeddings,
)
from tests.conftest import Seeds

MODEL_DIR = Path(resolve_model_path(PACKAGED_MINILM))
NAME = "all-MiniLM-L6-v2"
QUESTIONS = [
    "What is the salary range of an Accountant II?",
    "minimum qualifications for a clerk",
    "Which classes are in pay grade 14?",
]


@pytest.fixture(scope="session")
def onnx_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder holding the packaged model's export (made once: about 15 s)."""
    cache = tmp_path_factory.mktemp("onnx-cache")
    load_onnx_embeddings(MODEL_DIR, cache, NAME)
    return cache


@pytest.mark.slow
def test_onnx_vectors_are_the_torch_vectors(onnx_cache: Path, seeds: Seeds) -> None:
    texts = [c.embedding_text() for c in seeds.chunks[:24]]
    onnx = make_embedder(PACKAGED_MINILM, backend="onnx", cache_dir=onnx_cache)
    torch = make_embedder(PACKAGED_MINILM, backend="torch")
    texts_o, texts_t = np.array(onnx.embed_documents(texts)), np.array(torch.embed_documents(texts))
    query_o = np.array([onnx.embed_query(q) for q in QUESTIONS])
    query_t = np.array([torch.embed_query(q) for q in QUESTIONS])
    assert (texts_o * texts_t).sum(axis=1).min() >= 0.99999
    assert (query_o * query_t).sum(axis=1).min() >= 0.99999
    top_o = np.argsort(-(query_o @ texts_o.T), axis=1)[:, :4]
    top_t = np.argsort(-(query_t @ texts_t.T), axis=1)[:, :4]
    assert top_o.tolist() == top_t.tolist()


@pytest.mark.slow
def test_a_cached_export_is_loaded_not_made_again(
    onnx_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(onnx_embed, "export_onnx", _must_not_export)
    embedder = make_embedder(PACKAGED_MINILM, backend="onnx", cache_dir=onnx_cache)
    assert isinstance(embedder, LazyEmbeddings)
    assert len(embedder.embed_query("salary range")) == 384
    assert embedder.running_backend == "onnx"


@pytest.mark.slow
def test_a_damaged_export_is_made_again(
    onnx_cache: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    good = cached_model_file(MODEL_DIR, onnx_cache, NAME)
    damaged = cached_model_file(MODEL_DIR, tmp_path, NAME)
    damaged.parent.mkdir(parents=True)
    damaged.write_bytes(good.read_bytes()[:1000])  # a file cut short
    exports: list[Path] = []

    def copy_good_export(model_dir: Path, target: Path) -> None:
        exports.append(target)
        shutil.copyfile(good, target)

    monkeypatch.setattr(onnx_embed, "export_onnx", copy_good_export)
    with caplog.at_level(logging.WARNING):
        embedder = load_onnx_embeddings(MODEL_DIR, tmp_path, NAME)
    assert exports == [damaged] and "cannot be read" in caplog.text
    assert len(embedder.embed_query("salary range")) == 384


def test_a_failed_export_falls_back_to_torch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def failing_export(model_dir: Path, target: Path) -> None:
        raise OnnxExportError("the exporter is broken here")

    monkeypatch.setattr(onnx_embed, "export_onnx", failing_export)
    # The torch model stands in as the fake: loading it is not what this test checks.
    monkeypatch.setattr(LazyEmbeddings, "_load_torch", lambda self: HashingEmbeddings())
    embedder = make_embedder(PACKAGED_MINILM, backend="onnx", cache_dir=tmp_path)
    assert isinstance(embedder, LazyEmbeddings)
    with caplog.at_level(logging.WARNING):
        assert embedder.embed_query("salary range")
    assert embedder.running_backend == "torch"
    assert "exporter is broken here" in caplog.text


def test_onnx_needs_a_cache_folder() -> None:
    with pytest.raises(ValueError, match="folder"):
        make_embedder(PACKAGED_MINILM, backend="onnx")


def test_the_cache_is_keyed_by_model_and_weights(tmp_path: Path) -> None:
    model = tmp_path / "model"
    model.mkdir()
    with pytest.raises(OnnxExportError, match="no weights"):
        cached_model_file(model, tmp_path, "m")
    weights = model / "model.safetensors"
    weights.write_bytes(b"1234")
    first = cached_model_file(model, tmp_path / "cache", "m")
    assert first == cached_model_file(model, tmp_path / "cache", "m")
    assert first != cached_model_file(model, tmp_path / "cache", "other")
    weights.write_bytes(b"12345")  # new weights: another size and time
    assert first != cached_model_file(model, tmp_path / "cache", "m")
    assert first.is_relative_to(tmp_path / "cache")


@pytest.mark.slow
def test_a_thread_cap_reopens_the_session(onnx_cache: Path) -> None:
    model = OnnxEmbeddings(cached_model_file(MODEL_DIR, onnx_cache, NAME), MODEL_DIR)
    before = model.embed_query("salary range")
    model.set_threads(1)
    assert model.session.get_session_options().intra_op_num_threads == 1
    assert np.allclose(model.embed_query("salary range"), before, atol=1e-6)


@pytest.mark.slow
def test_a_query_from_a_cached_export_does_not_import_torch(onnx_cache: Path) -> None:
    code = f"""
import sys
from pathlib import Path
from index.embed import make_embedder
embedder = make_embedder({PACKAGED_MINILM!r}, backend="onnx", cache_dir=Path({str(onnx_cache)!r}))
assert len(embedder.embed_query("salary range")) == 384 and embedder.running_backend == "onnx"
print(sorted({{"torch", "transformers", "sentence_transformers"}} & set(sys.modules)))
"""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def _must_not_export(model_dir: Path, target: Path) -> None:
    raise AssertionError(f"exported again into {target}")
