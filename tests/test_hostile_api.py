"""Hostile and careless input over HTTP (issue 11): never a 5xx, never a traceback, never a hang;
every error in the API's {"error": ...} shape with the status that says what was wrong."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.service import Assistant
from web.app import create_app
from web.state import ServerState

JSON = {"content-type": "application/json"}
QUESTION = "What is the salary range of a CPSS II?"
DEEP = 100_000


@pytest.fixture(scope="module")
def client(fake_assistant: Assistant) -> Iterator[TestClient]:
    """The whole app (API and the Gradio UI mounted on it), as `serve` runs it."""
    app = create_app(ServerState(fake_assistant.settings, fake_assistant))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def ask(client: TestClient, body: str | bytes, **headers: str) -> Any:
    return client.post("/api/ask", content=body, headers={**JSON, **headers})


def assert_json_error(response: Any, status: int, *words: str) -> None:
    assert response.status_code == status, response.text[:300]
    error = response.json()["error"]
    assert all(word in error for word in words), error


# Lone surrogates, written as JSON escapes: where each can hide in a request.
SURROGATES = [
    '{"question": "\\ud800"}',
    '{"question": "What is the salary range of a CPSS II?\\udfff"}',
    '{"question": "\\udc80 grade of CPS 1?"}',
    '{"id": "\\ud800", "question": "grade of CPS 1?"}',
    '{"question": "and the next level up?", "history": [{"user": "grade of CPS 1?\\ud800"}]}',
    '{"question": "grade of CPS 1?", "history": [{"user": "hi", "assistant": "\\udbff"}]}',
    '[{"question": "\\ud800"}, {"question": "grade of CPS 1?"}]',
]


@pytest.mark.parametrize("body", SURROGATES)
def test_a_lone_surrogate_anywhere_in_a_request_is_answered_not_a_500(
    client: TestClient, body: str
) -> None:
    response = ask(client, body)

    assert response.status_code in (200, 422), response.text[:300]
    # The answer can be written out as UTF-8 (a lone surrogate cannot).
    response.text.encode("utf-8")
    assert "\ud800" not in json.dumps(response.json(), ensure_ascii=False)


def test_a_question_with_a_lone_surrogate_gets_the_same_answer_as_without(
    client: TestClient,
) -> None:
    clean = ask(client, json.dumps({"question": QUESTION})).json()
    dirty = ask(client, '{"question": "' + QUESTION + '\\ud800"}').json()

    assert dirty["answer"] == clean["answer"] and "$30,840" in dirty["answer"]


NESTED = [
    "[" * DEEP + "]" * DEEP,
    "{" + '"a":{' * DEEP + "}" * DEEP,
    '{"question": "grade of CPS 1?", "history": ' + "[" * DEEP + "]" * DEEP + "}",
    '{"question": "grade of CPS 1?", "id": ' + "[" * DEEP + "]" * DEEP + "}",
    '{"question": "grade of CPS 1?", "history": [' + '{"user":' * 40 + '"x"' + "}" * 40 + "]}",
    "[" * 33 + '{"question": "x"}' + "]" * 33,
]


@pytest.mark.parametrize("body", NESTED)
def test_deeply_nested_json_is_a_400(client: TestClient, body: str) -> None:
    assert_json_error(ask(client, body), 400, "nested more than 32 levels")


@pytest.mark.parametrize(
    "path",
    [
        "/api/sources/a%00b.txt",
        "/api/sources/%00",
        "/api/sources/texas/%00/../x.txt",
        "/api/sources/" + "a" * 5000,
        "/api/sources/" + "a" * 5000 + ".txt",
        "/api/sources/" + "/".join(["b" * 250] * 20),
        "/api/sources/" + "%2e%2e/" * 200 + "etc/passwd",
    ],
)
def test_a_source_path_no_file_system_accepts_is_a_404(client: TestClient, path: str) -> None:
    response = client.get(path)

    assert_json_error(response, 404)
    assert len(response.json()["error"]) < 300  # the path is not echoed whole


def test_a_history_over_its_limits_is_a_413_and_a_long_one_within_them_is_quick(
    client: TestClient, fake_assistant: Assistant
) -> None:
    settings = fake_assistant.settings
    many = [{"user": "grade of CPS 1?", "assistant": "11"}] * (settings.max_history_turns + 1)
    huge = [{"user": "cpss " * (settings.max_history_chars // 5 + 1), "assistant": ""}]
    # Within the limits, and as hard as a history gets: titles repeated thousands of times.
    hard = [{"user": "cpss ii " * (settings.max_history_chars // 16), "assistant": ""}] * 2

    assert_json_error(
        ask(client, json.dumps({"question": "and CPS 2?", "history": many})), 413, "turns"
    )
    assert_json_error(
        ask(client, json.dumps({"question": "and CPS 2?", "history": huge})), 413, "characters"
    )
    started = time.perf_counter()
    response = ask(client, json.dumps({"question": "and the grade?", "history": hard}))
    assert response.status_code == 200
    assert time.perf_counter() - started < 15  # was minutes: find_mentions was quadratic


@pytest.mark.parametrize(
    "history",
    [
        [{"user": 5}],
        [{"user": ["a"]}],
        [{"user": "x", "assistant": {"a": 1}}],
        ["just text"],
        [None],
        {"user": "x"},
        "yes",
    ],
)
def test_a_history_of_the_wrong_shape_is_a_422(client: TestClient, history: Any) -> None:
    response = ask(client, json.dumps({"question": "grade of CPS 1?", "history": history}))
    assert_json_error(response, 422, "history")


def test_a_body_over_the_limit_is_refused_before_it_is_read(
    client: TestClient, fake_assistant: Assistant
) -> None:
    limit = fake_assistant.settings.max_body_bytes
    padded = json.dumps({"question": QUESTION, "padding": "x" * limit})

    assert_json_error(ask(client, padded), 413, "limit")
    # Declared larger than it is: refused on the header alone.
    declared = ask(client, "{}", **{"content-length": str(limit * 100)})
    assert declared.status_code in (400, 413)

    # Streamed without a length (chunked): refused once the limit is passed.
    def chunks() -> Iterator[bytes]:
        yield b'{"question": "x", "padding": "'
        for _ in range(limit // 65536 + 2):
            yield b"x" * 65536
        yield b'"}'

    streamed = client.post("/api/ask", content=chunks(), headers=JSON)
    assert_json_error(streamed, 413, "limit")


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain",
        "text/plain;charset=UTF-8",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "",
        "application/jsonx",
        "json",
    ],
)
def test_a_body_not_sent_as_json_is_a_415(client: TestClient, content_type: str) -> None:
    body = json.dumps({"question": QUESTION})
    response = client.post("/api/ask", content=body, headers={"content-type": content_type})

    assert_json_error(response, 415, "application/json")


def test_json_with_a_charset_or_a_json_suffix_is_accepted(client: TestClient) -> None:
    body = json.dumps({"question": QUESTION})
    for content_type in ("application/json; charset=utf-8", "application/vnd.api+json"):
        response = client.post("/api/ask", content=body, headers={"content-type": content_type})
        assert response.status_code == 200, content_type


WRONG_METHODS = [
    ("GET", "/api/ask", "POST"),
    ("PUT", "/api/ask", "POST"),
    ("DELETE", "/api/ask", "POST"),
    ("PATCH", "/api/ask", "POST"),
    ("OPTIONS", "/api/ask", "POST"),
    ("TRACE", "/api/ask", "POST"),
    ("POST", "/api/health", "GET"),
    ("OPTIONS", "/api/health", "GET"),
    ("DELETE", "/api/classes", "GET"),
    ("POST", "/api/sources/texas/certified-peer-support-specialist.md", "GET"),
    ("PUT", "/api/sources/x.txt", "GET"),
    ("DELETE", "/api/sources/x.txt", "GET"),
    ("OPTIONS", "/api/sources/x.txt", "GET"),
]


@pytest.mark.parametrize(("method", "path", "allowed"), WRONG_METHODS)
def test_a_wrong_method_is_a_405_in_the_api_error_shape(
    client: TestClient, method: str, path: str, allowed: str
) -> None:
    response = client.request(method, path)

    assert_json_error(response, 405, allowed)
    assert allowed in response.headers["allow"]


def test_head_on_ask_is_a_405_without_a_body(client: TestClient) -> None:
    response = client.head("/api/ask")

    assert response.status_code == 405 and response.headers["allow"] == "POST"


def test_an_unknown_api_path_is_a_json_404_with_any_method(client: TestClient) -> None:
    for method in ("GET", "POST", "OPTIONS", "TRACE", "DELETE"):
        assert_json_error(client.request(method, "/api/nothing-here"), 404, "no such endpoint")


def test_cors_is_closed_by_default(client: TestClient) -> None:
    evil = {"Origin": "https://evil.example"}
    preflight = client.options(
        "/api/ask", headers={**evil, "Access-Control-Request-Method": "POST"}
    )
    simple = client.post("/api/ask", json={"question": QUESTION}, headers=evil)

    assert preflight.status_code == 405
    assert "access-control-allow-origin" not in preflight.headers
    assert "access-control-allow-origin" not in simple.headers


def test_cors_opens_to_the_configured_origins_only(fake_assistant: Assistant) -> None:
    settings = fake_assistant.settings.model_copy(
        update={"cors_origins": ("https://intranet.example",)}
    )
    app = create_app(ServerState(settings, fake_assistant))
    with TestClient(app) as open_client:
        for origin, allowed in (
            ("https://intranet.example", True),
            ("https://evil.example", False),
        ):
            response = open_client.post(
                "/api/ask", json={"question": QUESTION}, headers={"Origin": origin}
            )
            assert response.status_code == 200
            assert ("access-control-allow-origin" in response.headers) is allowed


def test_the_server_still_answers_after_every_hostile_request(client: TestClient) -> None:
    for body in [*SURROGATES, *NESTED]:
        ask(client, body)
    assert client.get("/api/health").json()["status"] == "ok"
