"""The sentence-transformers model run by onnxruntime: exported once with torch, then run
without torch, so a process that only answers questions never imports it (6-8 s cold here)."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import onnxruntime
from langchain_core.embeddings import Embeddings
from tokenizers import Tokenizer

log = logging.getLogger(__name__)

# Raised with each change to how the graph is exported, so an old cache is not reused.
EXPORT_FORMAT = 2
_OUTPUT = "sentence_embedding"
# The inputs a BERT-like encoder may take; a model's tokenizer says which of them it uses.
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
_WEIGHTS = ("model.safetensors", "pytorch_model.bin")
# An export is kept only if it reproduces the torch vectors on these texts: short, with a line
# break, non-ASCII, and one longer than the 256-token window (truncation must agree too).
_PROBES = (
    "Salary range",
    "Class Code 1234\nSenior Budget Analyst, pay grade 14: $52,000 - $78,500 annually",
    "Agente de protección civil — niveau II, échelon 3",
    "Duties include reviewing, approving and recording transactions. " * 40,
)
_MIN_PROBE_COSINE = 0.99999


class OnnxExportError(RuntimeError):
    """The model could not be exported to ONNX, or the export does not match the model."""


def cached_model_file(model_dir: Path, cache_dir: Path, name: str) -> Path:
    """Where the export of this model lives: named after the model and keyed by its weights
    file (name, size, modification time), so another model or new weights never reuse it."""
    weights = next((model_dir / w for w in _WEIGHTS if (model_dir / w).is_file()), None)
    if weights is None:
        raise OnnxExportError(f"no weights file ({' or '.join(_WEIGHTS)}) in {model_dir}")
    stat = weights.stat()
    fingerprint = f"{EXPORT_FORMAT}|{weights.name}|{stat.st_size}|{stat.st_mtime_ns}"
    key = hashlib.sha256(fingerprint.encode()).hexdigest()[:12]
    return cache_dir / f"onnx-{name}-{key}" / "model.onnx"


def load_onnx_embeddings(
    model_dir: Path, cache_dir: Path, name: str, batch_size: int = 32, threads: int | None = None
) -> OnnxEmbeddings:
    """The model from the cache, exported first if the cache holds none (or a damaged one)."""
    model_file = cached_model_file(model_dir, cache_dir, name)
    if not model_file.is_file():
        export_onnx(model_dir, model_file)
        return OnnxEmbeddings(model_file, model_dir, batch_size, threads)
    try:
        return OnnxEmbeddings(model_file, model_dir, batch_size, threads)
    # onnxruntime's errors (InvalidProtobuf, NoSuchFile, Fail, ...) all derive from Exception.
    except Exception as error:
        log.warning(
            "the cached ONNX model %s cannot be read (%s): exporting it again", model_file, error
        )
        export_onnx(model_dir, model_file)
        return OnnxEmbeddings(model_file, model_dir, batch_size, threads)


def export_onnx(model_dir: Path, target: Path) -> None:
    """Export the whole sentence-transformers pipeline after tokenisation (encoder, pooling,
    normalisation) to target. It is written under a temporary name and renamed once it has
    reproduced the torch vectors, so a reader never finds half a file or a wrong one."""
    import torch  # only here: a cached export is run without torch
    from sentence_transformers import SentenceTransformer

    log.info("exporting the embedding model %s to ONNX (once)", model_dir)
    # Eager attention exports as the pattern onnxruntime fuses into its Attention operator.
    model = SentenceTransformer(
        str(model_dir), device="cpu", model_kwargs={"attn_implementation": "eager"}
    ).eval()
    names = [n for n in _INPUTS if n in model.tokenizer.model_input_names]

    class SentenceEmbedding(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, *tensors: torch.Tensor) -> torch.Tensor:
            return self.model(dict(zip(names, tensors, strict=True)))[_OUTPUT]

    # Two texts of different lengths, so the traced graph handles padding.
    sample = model.tokenizer(["a", "two words"], padding=True, return_tensors="pt")
    axes = {n: {0: "batch", 1: "sequence"} for n in names} | {_OUTPUT: {0: "batch"}}
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tracer warnings about shapes, many and harmless
            torch.onnx.export(
                SentenceEmbedding(),
                tuple(sample[n] for n in names),
                str(temporary),
                input_names=names,
                output_names=[_OUTPUT],
                dynamic_axes=axes,
                opset_version=17,
                dynamo=False,  # the TorchScript exporter: no onnxscript needed
            )
        _fuse_operators(temporary, model_dir)
        expected = model.encode(
            [_torch_text(p) for p in _PROBES], normalize_embeddings=True, show_progress_bar=False
        )
        _check_export(OnnxEmbeddings(temporary, model_dir), expected)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _fuse_operators(path: Path, model_dir: Path) -> None:
    """Rewrite the export with onnxruntime's fused operators for BERT-like encoders
    (attention, skip layer norm, bias GELU): 5.6 against 4.9 passages/s here, one thread."""
    from onnxruntime.transformers.optimizer import optimize_model  # needs onnx

    try:
        config = json.loads((model_dir / "config.json").read_text())
        fused = optimize_model(
            str(path),
            model_type="bert",
            num_heads=int(config["num_attention_heads"]),
            hidden_size=int(config["hidden_size"]),
        )
    # Another architecture may not fit the BERT fusions: the plain export computes the same.
    except Exception as error:
        log.info("kept the unfused ONNX export of %s (%s)", path, error)
        return
    fused.save_model_to_file(str(path))


def _check_export(exported: OnnxEmbeddings, expected: np.ndarray) -> None:
    vectors = np.asarray(exported.embed_documents(list(_PROBES)))
    cosine = float((vectors * expected).sum(axis=1).min())
    if cosine < _MIN_PROBE_COSINE:
        raise OnnxExportError(f"the ONNX export differs from the model (cosine {cosine:.6f})")


def _torch_text(text: str) -> str:
    """The text as the torch path embeds it (langchain_huggingface replaces line breaks)."""
    return text.replace("\n", " ")


class OnnxEmbeddings(Embeddings):
    """Tokenise with the model's own tokenizer.json, run the exported graph, normalise: the
    same steps and the same vectors as sentence-transformers, without torch."""

    def __init__(
        self, model_file: Path, model_dir: Path, batch_size: int = 32, threads: int | None = None
    ) -> None:
        self.model_file = model_file
        self.batch_size = batch_size
        self.threads = threads
        self.lowercase, self.tokenizer = _load_tokenizer(model_dir)
        self.session = _open_session(model_file, threads)
        self.inputs = [i.name for i in self.session.get_inputs()]

    def set_threads(self, threads: int) -> None:
        """onnxruntime fixes its thread pool when a session opens: open it again with this cap."""
        if threads != self.threads:
            self.session = _open_session(self.model_file, threads)
            self.threads = threads

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        # Longest first, as sentence-transformers does, so each batch pads little.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        vectors: list[list[float]] = [[] for _ in texts]
        for batch in _batches(order, self.batch_size):
            for i, vector in zip(batch, self._embed([texts[i] for i in batch]), strict=True):
                vectors[i] = vector
        return vectors

    def embed_query(self, text: str) -> list[float]:
        return self._embed([text])[0]

    def _embed(self, texts: list[str]) -> list[list[float]]:
        texts = [_torch_text(t.lower() if self.lowercase else t) for t in texts]
        encodings = self.tokenizer.encode_batch(texts)
        columns = {
            "input_ids": [e.ids for e in encodings],
            "attention_mask": [e.attention_mask for e in encodings],
            "token_type_ids": [e.type_ids for e in encodings],
        }
        feeds = {name: np.asarray(columns[name], dtype=np.int64) for name in self.inputs}
        vectors = self.session.run([_OUTPUT], feeds)[0]
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        result: list[list[float]] = (vectors / np.maximum(norms, 1e-12)).tolist()
        return result


def _load_tokenizer(model_dir: Path) -> tuple[bool, Tokenizer]:
    """The model's fast tokenizer set up as sentence-transformers uses it: truncated at the
    model's max_seq_length (tokenizer.json says 128 for MiniLM; the model reads 256), padded
    to the longest text of a batch."""
    config: dict[str, Any] = json.loads((model_dir / "sentence_bert_config.json").read_text())
    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=int(config["max_seq_length"]))
    pad_token = (tokenizer.padding or {}).get("pad_token", "[PAD]")
    pad_id = tokenizer.token_to_id(pad_token)
    if pad_id is None:
        raise OnnxExportError(f"the tokenizer of {model_dir} has no padding token {pad_token}")
    tokenizer.enable_padding(pad_id=pad_id, pad_token=pad_token)
    return bool(config.get("do_lower_case", False)), tokenizer


def _open_session(model_file: Path, threads: int | None) -> onnxruntime.InferenceSession:
    options = onnxruntime.SessionOptions()
    if threads:
        options.intra_op_num_threads = threads
    return onnxruntime.InferenceSession(
        str(model_file), options, providers=["CPUExecutionProvider"]
    )


def _batches(items: Sequence[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])
