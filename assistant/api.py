"""The running server: its one Assistant, the sources it may change, and the HTTP API (/api)."""

from __future__ import annotations

import json
import logging
import re
import threading
import tomllib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from assistant.batch import answer_request, error_response
from assistant.config import PROJECT_ROOT, Settings
from assistant.errors import AssistantError, BackendUnavailable
from assistant.service import Assistant, ensure_index
from index.build import IndexSummary
from index.errors import IndexError_, IndexNotBuilt

log = logging.getLogger(__name__)

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".pdf", ".docx")
UPLOAD_FOLDER = "uploads"  # uploads land in <sources>/uploads/
MAX_BATCH = 200
NO_INDEX = (
    "No standards are indexed yet. Run `python -m assistant index` (or `make run`), "
    "or add a standard in the Sources tab."
)


def app_version() -> str:
    """The installed package's version, else the one pyproject.toml names (a plain checkout)."""
    try:
        return version("classification-assistant")
    except PackageNotFoundError:
        try:
            with (PROJECT_ROOT / "pyproject.toml").open("rb") as project:
                return str(tomllib.load(project)["project"]["version"])
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "unknown"


class SourcesLocked(AssistantError):
    """Uploads and deletions are switched off (a read-only deployment)."""


class BadUpload(AssistantError):
    """An uploaded file that cannot become a source (wrong type, unreadable)."""


@dataclass(frozen=True)
class DocumentStatus:
    """One file of the sources folder as the Sources tab lists it."""

    source: str
    title: str
    jurisdiction: str
    status: str  # "indexed", "indexed, no classes recognised", "skipped", "not indexed yet"
    detail: str
    chunks: int
    indexed_at: str


def safe_source_name(filename: str) -> str:
    """A file name that is safe in the sources folder: ASCII, lower case, no path parts."""
    name = Path(filename.replace("\\", "/")).name
    stem, suffix = Path(name).stem, Path(name).suffix.lower()
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_stem.lower()).strip("-")[:80].strip("-")
    return f"{slug or 'standard'}{suffix}"


def uploads_allowed(settings: Settings) -> bool:
    """settings.allow_uploads when set; otherwise only while listening on loopback."""
    configured = getattr(settings, "allow_uploads", None)
    if configured is not None:
        return bool(configured)
    return settings.host in LOOPBACK_HOSTS


class ServerState:
    """The one Assistant of a running server, re-opened whenever the index changes."""

    def __init__(self, settings: Settings, assistant: Assistant | None = None) -> None:
        self.settings = settings
        self._assistant = assistant
        self.problem: str | None = None
        self.last_index: IndexSummary | None = None
        self._index_lock = threading.Lock()

    @property
    def allow_uploads(self) -> bool:
        return uploads_allowed(self.settings)

    def assistant(self) -> Assistant:
        """The assistant, opened on first use; raises IndexNotBuilt with a readable message."""
        if self._assistant is None:
            self.open()
        if self._assistant is None:
            raise IndexNotBuilt(self.problem or NO_INDEX)
        return self._assistant

    def status_line(self) -> str:
        """What the index holds and which models answer, or why there is no index."""
        try:
            return self.assistant().status().line()
        except IndexError_ as error:
            return str(error)

    def open(self) -> None:
        try:
            self._assistant = Assistant.open(self.settings)
            self.problem = None
        except IndexNotBuilt as error:
            log.warning("%s", error)
            self._assistant, self.problem = None, NO_INDEX
        except IndexError_ as error:
            log.warning("%s", error)
            self._assistant, self.problem = None, str(error)

    def reindex(self) -> IndexSummary:
        """Bring the index up to date with the sources folder, then answer from the new one."""
        with self._index_lock:
            summary = ensure_index(self.settings, progress=False)
            self._record_times(summary)
            self.last_index = summary
            self.open()  # a fresh Assistant: answers in flight keep the one they started with
            return summary

    def add_source(self, uploaded: Path, filename: str) -> str:
        """Copy an uploaded file into <sources>/uploads/ under a safe name; the source path."""
        if not self.allow_uploads:
            raise SourcesLocked("Uploads are switched off on this server.")
        name = safe_source_name(filename)
        suffix = Path(name).suffix
        if suffix not in UPLOAD_SUFFIXES:
            raise BadUpload(
                f"{Path(filename).name}: only {', '.join(UPLOAD_SUFFIXES)} files can be added."
            )
        folder = self.settings.sources_dir / UPLOAD_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        target, number = folder / name, 1
        data = uploaded.read_bytes()
        while target.exists() and target.read_bytes() != data:
            number += 1
            target = folder / f"{Path(name).stem}-{number}{suffix}"
        target.write_bytes(data)
        return target.relative_to(self.settings.sources_dir).as_posix()

    def forget_unreadable(self, source: str) -> str | None:
        """After indexing an upload: remove it again if it could not be read; the reason."""
        summary = self.last_index
        reason = (
            next((s.reason for s in summary.skipped if s.source == source), None)
            if summary
            else None
        )
        if summary is None or reason is None:
            return None
        self.source_file(source).unlink(missing_ok=True)
        summary.skipped = [s for s in summary.skipped if s.source != source]
        return reason

    def delete_source(self, source: str) -> None:
        if not self.allow_uploads:
            raise SourcesLocked("Deletions are switched off on this server.")
        path = self.source_file(source)
        if not path.is_file():
            raise BadUpload(f"{source} is not in the sources folder.")
        path.unlink()

    def add_uploads(self, uploads: Sequence[Path]) -> str:
        """Add uploaded files and index them at once; a Markdown report of what happened."""
        try:
            added = [self.add_source(path, path.name) for path in uploads]
            lines = [f"Indexed: {self.reindex().line()}"]
        except (AssistantError, IndexError_) as error:
            return f"**Not added**: {error}"
        for source in added:
            reason = self.forget_unreadable(source)
            lines.append(
                f"**{source}** could not be read and was not kept: {reason}"
                if reason
                else f"Added **{source}**: it can be asked about now."
            )
        return "\n\n".join(lines)

    def remove(self, source: str | None) -> str:
        """Delete a source and drop it from the index; a Markdown report."""
        try:
            if not source:
                raise BadUpload("Choose a document to delete.")
            self.delete_source(source)
            return f"Deleted **{source}**. {self.reindex().line()}"
        except (AssistantError, IndexError_) as error:
            return f"**Not deleted**: {error}"

    def refresh(self) -> str:
        """Re-index the sources folder (files copied in by hand); a Markdown report."""
        try:
            return f"Indexed: {self.reindex().line()}"
        except IndexError_ as error:
            return f"**Indexing failed**: {error}"

    def source_file(self, source: str) -> Path:
        """The file of a source path, refusing anything outside the sources folder."""
        root = self.settings.sources_dir.resolve()
        path = (root / source).resolve()
        if not path.is_relative_to(root) or path == root:
            raise BadUpload(f"{source} is not in the sources folder.")
        return path

    def documents(self) -> list[DocumentStatus]:
        """Every indexed, skipped or not yet indexed file of the sources folder."""
        assistant = self._assistant
        chunks = assistant.library.chunks if assistant else []
        counts: dict[str, int] = {}
        for passage in chunks:
            counts[passage.source] = counts.get(passage.source, 0) + 1
        first = {c.source: c for c in reversed(chunks)}
        summary = self.last_index
        skipped = {s.source: s.reason for s in summary.skipped} if summary else {}
        unrecognised = set(summary.unrecognised) if summary else set()
        times, checked = self._times()
        rows = []
        for source in sorted(set(counts) | set(skipped) | set(self._files_on_disk())):
            chunk = first.get(source)
            if source in skipped:
                status, detail = "skipped", skipped[source]
            elif source in counts:
                status = "indexed"
                detail = "no classes recognised" if source in unrecognised else ""
            else:
                status, detail = "not indexed yet", "re-index to add it"
            rows.append(
                DocumentStatus(
                    source=source,
                    title=chunk.doc_title if chunk else "",
                    jurisdiction=(chunk.jurisdiction or "") if chunk else "",
                    status=status,
                    detail=detail,
                    chunks=counts.get(source, 0),
                    indexed_at=times.get(source, checked) if source in counts else "",
                )
            )
        return rows

    def _files_on_disk(self) -> list[str]:
        from index.load import discover

        root = self.settings.sources_dir
        return [p.relative_to(root).as_posix() for p in discover(root)] if root.is_dir() else []

    @property
    def _times_path(self) -> Path:
        return self.settings.chroma_path / "indexed_at.json"

    def _times(self) -> tuple[dict[str, str], str]:
        """When each document's passages were last embedded by this app, and when the index was
        last checked against the sources (the catalog is rewritten on every run): the fallback
        for documents embedded before (by the CLI)."""
        recorded: dict[str, str] = {}
        if self._times_path.exists():
            recorded = json.loads(self._times_path.read_text(encoding="utf-8"))
        catalog = self.settings.catalog_path
        checked = (
            _stamp(datetime.fromtimestamp(catalog.stat().st_mtime, UTC)) if catalog.exists() else ""
        )
        return recorded, checked

    def _record_times(self, summary: IndexSummary) -> None:
        times = {}
        if self._times_path.exists():
            times = json.loads(self._times_path.read_text(encoding="utf-8"))
        now = _stamp(datetime.now(UTC))
        times.update({source: now for source in [*summary.added, *summary.updated]})
        for source in summary.removed:
            times.pop(source, None)
        self._times_path.parent.mkdir(parents=True, exist_ok=True)
        self._times_path.write_text(json.dumps(times, indent=1, sort_keys=True), encoding="utf-8")


def _stamp(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


# --- the HTTP API ------------------------------------------------------------------------------


class CitationOut(BaseModel):
    source: str
    section: str
    quote: str
    doc_title: str = ""
    jurisdiction: str | None = None


class RetrievedOut(BaseModel):
    source: str
    section: str
    chunk_id: str | None = None


class AnswerOut(BaseModel):
    """What `ask --json` prints; in a batch, a request that failed has "error" set instead."""

    id: str | None = None
    answer: str
    abstained: bool
    citations: list[CitationOut]
    latency_ms: float
    standalone_question: str = ""
    classes: list[str] = []
    retrieved: list[RetrievedOut] = []
    error: str | None = None


class ErrorOut(BaseModel):
    error: str
    id: str | None = None


class HealthOut(BaseModel):
    status: str
    version: str
    documents: int = 0
    chunks: int = 0
    classes: int = 0
    embedding_model: str = ""
    answer_backend: str = ""
    error: str | None = None


class ApiError(Exception):
    def __init__(self, status: int, message: str, case_id: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.case_id = status, message, case_id


_TURN = {
    "type": "object",
    "properties": {"user": {"type": "string"}, "assistant": {"type": "string"}},
}
_REQUEST = {
    "type": "object",
    "required": ["question"],
    "properties": {
        "id": {"type": ["string", "integer"], "description": "echoed back as a string"},
        "question": {"type": "string", "example": "What is the salary range of a CPSS II?"},
        "history": {"type": "array", "items": _TURN, "description": "earlier turns, oldest first"},
    },
}
_ASK_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "oneOf": [_REQUEST, {"type": "array", "items": _REQUEST, "maxItems": MAX_BATCH}]
                }
            }
        },
    }
}
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "the body is not JSON"},
    413: {"model": ErrorOut, "description": f"a batch of more than {MAX_BATCH} requests"},
    422: {
        "model": ErrorOut,
        "description": "not a request object, no question, bad history, "
        "an empty or too long question",
    },
    503: {"model": ErrorOut, "description": "no index yet, or the answer backend is down"},
}


def create_api(state: ServerState) -> FastAPI:
    """The FastAPI app with the /api routes and their docs; the Gradio UI is mounted on it."""
    api = FastAPI(
        title="Classification assistant API",
        version=app_version(),
        docs_url=None,
        redoc_url=None,
        description="Answers questions about job classification standards "
        "with citations: the same JSON objects as `python -m assistant ask --json/--jsonl`.",
    )

    @api.exception_handler(ApiError)
    async def _api_error(_: Request, error: ApiError) -> JSONResponse:
        body = {"error": error.message} | ({"id": error.case_id} if error.case_id else {})
        return JSONResponse(body, status_code=error.status)

    @api.exception_handler(HTTPException)
    async def _http_error(_: Request, error: HTTPException) -> JSONResponse:
        return JSONResponse(
            {"error": str(error.detail)}, status_code=error.status_code, headers=error.headers
        )

    @api.exception_handler(RequestValidationError)
    async def _invalid(_: Request, error: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        return JSONResponse({"error": problems}, status_code=422)

    # No response_model: the objects go out exactly as `ask --jsonl` writes them.
    @api.post(
        "/api/ask",
        response_model=None,
        openapi_extra=_ASK_BODY,
        responses={
            200: {
                "model": AnswerOut | list[AnswerOut],
                "description": "one answer, or a list for a batch",
            },
            **_ERRORS,
        },
        summary="Answer one question, or a batch of them",
    )
    async def ask(request: Request) -> Any:
        """Send one `{"id", "question", "history"}` object and get one answer object, or send a
        list of them and get a list of answers in the same order. In a batch, a request that
        cannot be answered gets an answer object with "error" set, and the rest are answered."""
        try:
            payload = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError) as error:
            raise ApiError(400, f"the body is not valid JSON: {error}") from error
        assistant = _assistant_or_503(state)
        if isinstance(payload, list):
            if not payload:
                raise ApiError(422, "the batch is empty: send a request object or a list of them")
            if len(payload) > MAX_BATCH:
                raise ApiError(
                    413, f"a batch holds at most {MAX_BATCH} requests, not {len(payload)}"
                )
            return await run_in_threadpool(_answer_batch, assistant, payload)
        case_id = payload.get("id") if isinstance(payload, dict) else None
        try:
            return await run_in_threadpool(answer_request, assistant, payload)
        except BackendUnavailable as error:
            raise ApiError(503, str(error), _id(case_id)) from error
        except AssistantError as error:  # BadRequest, BadQuestion
            raise ApiError(422, str(error), _id(case_id)) from error

    @api.get(
        "/api/health",
        response_model=HealthOut,
        responses={503: {"model": HealthOut}},
        summary="Is the index loaded; what does it hold",
    )
    def health() -> Any:
        try:
            status = state.assistant().status()
        except IndexError_ as error:
            return JSONResponse(
                HealthOut(
                    status="unavailable", version=app_version(), error=str(error)
                ).model_dump(),
                status_code=503,
            )
        return HealthOut(
            status="ok",
            version=app_version(),
            documents=status.documents,
            chunks=status.chunks,
            classes=status.classes,
            embedding_model=status.embedding_model,
            answer_backend=status.answer_backend,
        )

    @api.get(
        "/api/classes",
        responses={503: {"model": ErrorOut}},
        summary="Every class in the index (the catalog)",
    )
    def classes(jurisdiction: str | None = None) -> list[dict[str, Any]]:
        """Each class with its source, title, jurisdiction, code, level, pay grade or group,
        salary range as written, and the quoted evidence for each; `?jurisdiction=Texas`
        keeps one jurisdiction."""
        records = _assistant_or_503(state).catalog
        if jurisdiction:
            records = [
                r for r in records if (r.jurisdiction or "").lower() == jurisdiction.strip().lower()
            ]
        return [
            r.to_json() | {"pay_text": r.pay_text, "salary_text": r.salary_text} for r in records
        ]

    @api.get(
        "/api/sources/{source:path}",
        response_class=FileResponse,
        responses={404: {"model": ErrorOut}},
        summary="The original file of a standard",
    )
    def source_file(source: str) -> FileResponse:
        try:
            path = state.source_file(source)
        except BadUpload as error:
            raise ApiError(404, str(error)) from error
        if not path.is_file():
            raise ApiError(404, f"no source {source}")
        # An uploaded HTML file must not run scripts in this origin.
        return FileResponse(
            path,
            headers={"Content-Security-Policy": "sandbox", "X-Content-Type-Options": "nosniff"},
        )

    @api.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        from assistant.ui_format import openapi_html

        return HTMLResponse(openapi_html(api.openapi()))

    known = {"/api/ask": "POST", "/api/health": "GET", "/api/classes": "GET"}

    @api.api_route(
        "/api/{rest:path}",
        methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
        include_in_schema=False,
    )
    def not_found(rest: str) -> JSONResponse:
        path = f"/api/{rest}"
        if path in known:
            return JSONResponse(
                {"error": f"{path} takes {known[path]} requests"},
                status_code=405,
                headers={"Allow": known[path]},
            )
        return JSONResponse({"error": f"no such endpoint: {path} (see /docs)"}, status_code=404)

    return api


def _id(case_id: Any) -> str | None:
    return None if case_id is None else str(case_id)


def _assistant_or_503(state: ServerState) -> Assistant:
    try:
        return state.assistant()
    except IndexError_ as error:
        raise ApiError(503, str(error)) from error


def _answer_batch(assistant: Assistant, requests: list[Any]) -> list[dict[str, Any]]:
    """Like `ask --jsonl`: every request gets a line; a bad one an error line, and on it goes."""
    answers = []
    for number, request in enumerate(requests, start=1):
        try:
            answers.append(answer_request(assistant, request))
        except AssistantError as error:
            log.warning("request %d: %s", number, error)
            answers.append(error_response(request, f"request {number}: {error}"))
    return answers
