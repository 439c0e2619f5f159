"""The evaluators' batch interface: one JSON request in, one JSON answer out (`ask --jsonl`)."""

from __future__ import annotations

import logging
from typing import Any

from assistant.errors import AssistantError
from assistant.service import Assistant
from assistant.types import Turn

log = logging.getLogger(__name__)


class BadRequest(AssistantError):
    """A batch request that is not a JSON object with a question."""


def parse_history(raw: Any) -> list[Turn]:
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(t, dict) for t in raw):
        raise BadRequest('"history" must be a list of {"user": ..., "assistant": ...} objects')
    return [Turn(str(t.get("user", "")), str(t.get("assistant", ""))) for t in raw]


def answer_request(assistant: Assistant, request: Any) -> dict[str, Any]:
    """{"id", "question", "history"} -> {"id", "answer", "abstained", "citations", "latency_ms"}."""
    if not isinstance(request, dict):
        raise BadRequest("each request must be a JSON object")
    question = request.get("question")
    if not isinstance(question, str):
        raise BadRequest('"question" must be a string')
    case_id = request.get("id")
    answer = assistant.ask(question, parse_history(request.get("history")))
    return answer.to_json(None if case_id is None else str(case_id))


def answer_or_error(assistant: Assistant, request: Any, where: str) -> tuple[dict[str, Any], bool]:
    """One request of a batch answered, or its error line when it cannot be: (line, ok).

    The batch loop of `ask --jsonl` and of POST /api/ask with a list: a bad request gets an
    error line saying where it was, and the batch goes on.
    """
    try:
        return answer_request(assistant, request), True
    except AssistantError as error:
        log.warning("%s: %s", where, error)
        return error_response(request, f"{where}: {error}"), False


def error_response(request: Any, message: str) -> dict[str, Any]:
    """The line written for a request that could not be answered: same shape, plus "error"."""
    case_id = request.get("id") if isinstance(request, dict) else None
    return {
        "id": None if case_id is None else str(case_id),
        "answer": "",
        "abstained": True,
        "citations": [],
        "latency_ms": 0.0,
        "error": message,
    }
