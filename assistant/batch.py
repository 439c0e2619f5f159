"""The evaluators' batch interface: one JSON request in, one JSON answer out (`ask --jsonl`)."""

from __future__ import annotations

import json
import logging
from typing import Any

from assistant.errors import AssistantError
from assistant.service import Assistant, valid_text
from assistant.types import Turn

log = logging.getLogger(__name__)


class BadRequest(AssistantError):
    """A batch request that is not a JSON object with a question."""


def read_request_json(text: str | bytes, max_depth: int) -> Any:
    """A request body or `--jsonl` line parsed; BadRequest when it is not JSON or is nested
    deeper than max_depth (no request needs more than a few levels; 100,000 would exhaust
    the parser's recursion)."""
    try:
        value = json.loads(text)
    except RecursionError as error:
        raise BadRequest(f"JSON nested more than {max_depth} levels deep") from error
    except (ValueError, UnicodeDecodeError) as error:
        raise BadRequest(f"not valid JSON: {error}") from error
    if json_depth(value, max_depth) > max_depth:
        raise BadRequest(f"JSON nested more than {max_depth} levels deep")
    return value


def json_depth(value: Any, stop: int) -> int:
    """How deeply lists and objects nest in a parsed JSON value (1 for a flat one), counted
    without recursion and no further than stop + 1."""
    deepest, level = 0, [(value, 1)]
    while level:
        item, depth = level.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if depth > stop:
                return depth
            children = item.values() if isinstance(item, dict) else item
            level += [(child, depth + 1) for child in children]
    return deepest


def parse_history(raw: Any) -> list[Turn]:
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(t, dict) for t in raw):
        raise BadRequest('"history" must be a list of {"user": ..., "assistant": ...} objects')
    return [Turn(_text(t.get("user", "")), _text(t.get("assistant", ""))) for t in raw]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadRequest('each turn of "history" holds text: {"user": "...", "assistant": "..."}')
    return value


def answer_request(assistant: Assistant, request: Any) -> dict[str, Any]:
    """{"id", "question", "history"} -> {"id", "answer", "abstained", "citations", "latency_ms"}."""
    if not isinstance(request, dict):
        raise BadRequest("each request must be a JSON object")
    question = request.get("question")
    if not isinstance(question, str):
        raise BadRequest('"question" must be a string')
    answer = assistant.ask(question, parse_history(request.get("history")))
    return answer.to_json(request_id(request))


def request_id(request: Any) -> str | None:
    """The request's "id" as the answer echoes it: a string, and one that can be written."""
    case_id = request.get("id") if isinstance(request, dict) else None
    return None if case_id is None else valid_text(str(case_id))


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
    except Exception:  # a bug met by one request must not cost the others their answers
        log.exception("%s could not be answered", where)
        return error_response(request, f"{where}: could not be answered (see the log)"), False


def error_response(request: Any, message: str) -> dict[str, Any]:
    """The line written for a request that could not be answered: same shape, plus "error"."""
    return {
        "id": request_id(request),
        "answer": "",
        "abstained": True,
        "citations": [],
        "latency_ms": 0.0,
        "error": valid_text(message),
    }
