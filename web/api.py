"""The HTTP API (/api): ask, health, classes and source files, with JSON errors and docs."""

from __future__ import annotations

import logging
import tomllib
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from assistant.batch import BadRequest, answer_or_error, answer_request, read_request_json
from assistant.config import PROJECT_ROOT, Settings
from assistant.errors import AssistantError, BackendUnavailable, InputTooLarge
from assistant.service import Assistant
from index.errors import IndexError_, IndexIncomplete
from web.api_docs import openapi_html
from web.state import BadUpload, ServerState
from web.tables import pay_period

log = logging.getLogger(__name__)

# The limits as the docs and the schema state them (a deployment may set others).
MAX_BATCH = Settings.model_fields["max_batch"].default
MAX_QUESTION = Settings.model_fields["max_question_chars"].default
MAX_TURNS = Settings.model_fields["max_history_turns"].default
# Every method a client may send; the ones a route does not take get 405, never Gradio's 404.
_ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]


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


class SkippedOut(BaseModel):
    source: str
    reason: str


class HealthOut(BaseModel):
    status: str  # "ok", "incomplete" (an index run has not finished) or "unavailable"
    version: str
    complete: bool = False  # the index is whole: every document's passages, and the catalog
    # An index run is bringing the index up to date with the sources (at start, after an
    # upload): answers come from the index as it was until it has finished.
    indexing: bool = False
    skipped: list[SkippedOut] = []  # source files the last index run could not read
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
        "question": {
            "type": "string",
            # Not empty, not only spaces: spaces as Python's str.strip() sees them, which are
            # JSON Schema's (ECMAScript's) and the separators \x1c-\x1f and \x85.
            "pattern": r"[^\s\x1c-\x1f\x85]",
            "maxLength": MAX_QUESTION,
            "example": "What is the salary range of a CPSS II?",
        },
        "history": {
            "type": "array",
            "items": _TURN,
            "maxItems": MAX_TURNS,
            "description": "earlier turns, oldest first",
        },
    },
}
_ASK_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "oneOf": [
                        _REQUEST,
                        {"type": "array", "items": _REQUEST, "minItems": 1, "maxItems": MAX_BATCH},
                    ]
                }
            }
        },
    }
}
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "the body is not JSON, or is nested too deeply"},
    413: {
        "model": ErrorOut,
        "description": f"a body over the size limit, a batch of more than {MAX_BATCH} "
        "requests, or a history over its limits (turns, characters)",
    },
    415: {"model": ErrorOut, "description": "the body is not sent as application/json"},
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
        settings = state.settings
        if not is_json(request.headers.get("content-type", "")):
            # Also what keeps other sites out: a browser sends a cross-site form or text/plain
            # POST without asking first, but never an application/json one.
            raise ApiError(415, "send the request as JSON, with Content-Type: application/json")
        body = await read_body(request, settings.max_body_bytes)
        try:
            payload = read_request_json(body, settings.max_json_depth)
        except BadRequest as error:
            raise ApiError(400, f"the body is {error}") from error
        assistant = _assistant_or_503(state)
        if isinstance(payload, list):
            if not payload:
                raise ApiError(422, "the batch is empty: send a request object or a list of them")
            if len(payload) > settings.max_batch:
                raise ApiError(
                    413, f"a batch holds at most {settings.max_batch} requests, not {len(payload)}"
                )
            return await run_in_threadpool(_answer_batch, assistant, payload)
        case_id = payload.get("id") if isinstance(payload, dict) else None
        try:
            return await run_in_threadpool(answer_request, assistant, payload)
        except BackendUnavailable as error:
            raise ApiError(503, str(error), _id(case_id)) from error
        except InputTooLarge as error:
            raise ApiError(413, str(error), _id(case_id)) from error
        except AssistantError as error:  # BadRequest, BadQuestion
            raise ApiError(422, str(error), _id(case_id)) from error

    @api.get(
        "/api/health",
        response_model=HealthOut,
        responses={503: {"model": HealthOut}},
        summary="Is the index loaded; what does it hold",
    )
    def health() -> Any:
        """ "ok" with what the index holds; else 503, with "incomplete" while an index run has
        not finished (answers are refused until it does). Either way, the files the last run
        skipped, each with its reason."""
        skipped = [SkippedOut(source=s.source, reason=s.reason) for s in state.skipped()]
        try:
            status = state.assistant().status()
        except IndexError_ as error:
            return JSONResponse(
                HealthOut(
                    status="incomplete" if isinstance(error, IndexIncomplete) else "unavailable",
                    version=app_version(),
                    indexing=state.indexing,
                    skipped=skipped,
                    error=str(error),
                ).model_dump(),
                status_code=503,
            )
        return HealthOut(
            status="ok",
            version=app_version(),
            complete=True,
            indexing=state.indexing,
            skipped=skipped,
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
        salary range as written with its pay period (`salary_period`: hour, week, biweek,
        month, year or null; `pay_period`: "hourly" ... "yearly", "not stated" for a salary
        the source gives no period for), and the quoted evidence for each;
        `?jurisdiction=Texas` keeps one jurisdiction."""
        records = _assistant_or_503(state).catalog
        if jurisdiction:
            records = [
                r for r in records if (r.jurisdiction or "").lower() == jurisdiction.strip().lower()
            ]
        return [
            r.to_json()
            | {"pay_text": r.pay_text, "salary_text": r.salary_text, "pay_period": pay_period(r)}
            for r in records
        ]

    @api.get(
        "/api/sources/{source:path}",
        response_class=FileResponse,
        responses={404: {"model": ErrorOut}},
        summary="The original file of a standard",
    )
    def source_file(source: str) -> FileResponse:
        try:
            path = state.served_file(source)
        except BadUpload as error:
            raise ApiError(404, str(error)) from error
        # An uploaded HTML file must not run scripts in this origin.
        return FileResponse(
            path,
            headers={"Content-Security-Policy": "sandbox", "X-Content-Type-Options": "nosniff"},
        )

    @api.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(openapi_html(api.openapi()))

    known = {"/api/ask": "POST", "/api/health": "GET, HEAD", "/api/classes": "GET, HEAD"}

    # Every path under /api that no route above took, with any method: an unknown path is a
    # 404 and a known one asked with the wrong method a 405, both in the API's JSON shape.
    @api.api_route("/api/{rest:path}", methods=_ALL_METHODS, include_in_schema=False)
    def not_found(rest: str) -> JSONResponse:
        path = f"/api/{rest}"
        allowed = "GET, HEAD" if path.startswith("/api/sources/") else known.get(path)
        if allowed:
            return JSONResponse(
                {"error": f"{path[:200]} takes {allowed} requests"},
                status_code=405,
                headers={"Allow": allowed},
            )
        return JSONResponse(
            {"error": f"no such endpoint: {path[:200]} (see /docs)"}, status_code=404
        )

    if state.settings.cors_origins:
        api.add_middleware(
            CORSMiddleware,
            allow_origins=list(state.settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type"],
        )
    return api


def is_json(content_type: str) -> bool:
    """application/json, or a +json type, with any parameters ("; charset=utf-8")."""
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is known to be over limit bytes: by its
    Content-Length before any of it is read, else while it streams in."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"the body is {int(declared)} bytes; the limit is {limit}")
    body = bytearray()
    async for part in request.stream():
        body += part
        if len(body) > limit:
            raise ApiError(413, f"the body is over the limit of {limit} bytes")
    return bytes(body)


def _id(case_id: Any) -> str | None:
    return None if case_id is None else str(case_id)


def _assistant_or_503(state: ServerState) -> Assistant:
    try:
        return state.assistant()
    except IndexError_ as error:
        raise ApiError(503, str(error)) from error


def _answer_batch(assistant: Assistant, requests: list[Any]) -> list[dict[str, Any]]:
    """Like `ask --jsonl`: every request gets a line; a bad one an error line, and on it goes."""
    return [
        answer_or_error(assistant, request, f"request {number}")[0]
        for number, request in enumerate(requests, start=1)
    ]
