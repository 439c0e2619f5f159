"""The HTTP API: every endpoint, its JSON errors, and the server state behind it."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.indexing import ensure_index
from assistant.service import Assistant
from cli import _answer_lines
from tests.conftest import make_settings
from web.api import MAX_BATCH, create_api
from web.state import (
    BadUpload,
    ServerState,
    SourcesLocked,
    safe_source_name,
    uploads_allowed,
)

FIXTURES = Path(__file__).parent / "fixtures" / "standards"
SALARY = {"id": "s1", "question": "What is the salary range of a CPSS II?"}


@pytest.fixture(scope="module")
def client(fake_assistant: Assistant) -> TestClient:
    return TestClient(create_api(ServerState(fake_assistant.settings, fake_assistant)))


@pytest.fixture
def no_index(tmp_path: Path) -> TestClient:
    return TestClient(create_api(ServerState(make_settings(tmp_path))))


def without_timing(answer: dict) -> dict:
    return {k: v for k, v in answer.items() if k != "latency_ms"}


def test_ask_answers_the_same_json_as_the_cli(
    client: TestClient, fake_assistant: Assistant, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    requests = [
        SALARY,
        {"id": 7, "question": "What are the requirements for CPS 2?"},
        {"question": "and the next level up?", "history": [{"user": "grade of CPS 1?"}]},
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(json.dumps(r) + "\n" for r in requests)))
    assert _answer_lines(fake_assistant) == 0
    from_cli = [json.loads(line) for line in capsys.readouterr().out.splitlines()]

    one = client.post("/api/ask", json=requests[1])
    batch = client.post("/api/ask", json=requests)

    assert one.status_code == 200 and batch.status_code == 200
    assert without_timing(one.json()) == without_timing(from_cli[1])
    assert [without_timing(a) for a in batch.json()] == [without_timing(a) for a in from_cli]
    assert "$30,840" in batch.json()[0]["answer"] and batch.json()[0]["citations"]
    assert batch.json()[1]["id"] == "7"


def test_a_bad_request_in_a_batch_gets_an_error_object_and_the_rest_are_answered(
    client: TestClient,
) -> None:
    response = client.post("/api/ask", json=[SALARY, {"id": "x"}, "not an object"])

    assert response.status_code == 200
    first, second, third = response.json()
    assert first["answer"] and "error" not in first
    assert second == {
        "id": "x",
        "answer": "",
        "abstained": True,
        "citations": [],
        "latency_ms": 0.0,
        "error": 'request 2: "question" must be a string',
    }
    assert third["error"] == "request 3: each request must be a JSON object"


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ("{not json", 400, "the body is not valid JSON"),
        ('"just a string"', 422, "each request must be a JSON object"),
        ('{"id": "q"}', 422, '"question" must be a string'),
        ('{"question": "   "}', 422, "Please type a question"),
        ('{"question": "' + "x" * 1200 + '"}', 422, "the limit is 1000"),
        ('{"question": "grade of CPS 1?", "history": "yes"}', 422, '"history" must be a list'),
        ("[]", 422, "the batch is empty"),
        (json.dumps([SALARY] * (MAX_BATCH + 1)), 413, f"at most {MAX_BATCH} requests"),
    ],
)
def test_bad_requests_get_a_json_error_and_the_right_status(
    client: TestClient, body: str, status: int, message: str
) -> None:
    response = client.post("/api/ask", content=body, headers={"content-type": "application/json"})

    assert response.status_code == status
    assert message in response.json()["error"]


def test_an_error_names_the_request_it_belongs_to(client: TestClient) -> None:
    response = client.post("/api/ask", json={"id": "q9", "question": ""})

    assert response.status_code == 422
    assert response.json()["id"] == "q9"


def test_health_reports_what_the_index_holds(client: TestClient) -> None:
    response = client.get("/api/health")

    assert response.status_code == 200
    health = response.json()
    assert health["status"] == "ok"
    assert health["documents"] == 2 and health["chunks"] > 10 and health["classes"] >= 4
    assert health["embedding_model"] == "fake"
    assert health["answer_backend"] == "extractive"
    assert health["version"]


def test_without_an_index_health_and_ask_say_so_with_503(no_index: TestClient) -> None:
    health = no_index.get("/api/health")
    ask = no_index.post("/api/ask", json=SALARY)
    classes = no_index.get("/api/classes")

    assert health.status_code == 503 and health.json()["status"] == "unavailable"
    assert "python -m assistant index" in health.json()["error"]
    assert ask.status_code == 503 and "index" in ask.json()["error"]
    assert classes.status_code == 503


def test_classes_lists_the_catalog_and_filters_by_jurisdiction(client: TestClient) -> None:
    everything = client.get("/api/classes").json()
    texas = client.get("/api/classes", params={"jurisdiction": "texas"}).json()

    titles = {c["title"] for c in everything}
    assert {"Certified Peer Support Specialist II", "Certified Peer Specialist 2"} <= titles
    assert texas and {c["jurisdiction"] for c in texas} == {"Texas"}
    cpss2 = next(c for c in texas if c["title"] == "Certified Peer Support Specialist II")
    assert cpss2["code"] == "4008" and cpss2["pay_text"] == "Salary Group A12"
    assert cpss2["salary_text"] == "$30,840 - $46,798"
    assert cpss2["evidence"] and cpss2["source"].startswith("texas/")


def test_a_source_file_is_served_and_paths_outside_the_folder_are_not(
    client: TestClient,
) -> None:
    served = client.get("/api/sources/texas/certified-peer-support-specialist-ii.txt")
    escape = client.get("/api/sources/../pyproject.toml")
    missing = client.get("/api/sources/texas/nothing.txt")

    assert served.status_code == 200 and "$30,840" in served.text
    assert served.headers["content-security-policy"] == "sandbox"
    assert escape.status_code == 404 and missing.status_code == 404
    assert "error" in missing.json()


def test_unknown_endpoints_and_methods_are_json_errors(client: TestClient) -> None:
    unknown = client.get("/api/nothing")
    wrong_method = client.get("/api/ask")

    assert unknown.status_code == 404 and "no such endpoint" in unknown.json()["error"]
    assert wrong_method.status_code == 405 and wrong_method.headers["allow"] == "POST"
    assert "POST" in wrong_method.json()["error"]


def test_openapi_documents_the_endpoints_and_the_docs_page_is_self_contained(
    client: TestClient,
) -> None:
    spec = client.get("/openapi.json").json()
    docs = client.get("/docs")

    assert {"/api/ask", "/api/health", "/api/classes"} <= set(spec["paths"])
    assert "requestBody" in spec["paths"]["/api/ask"]["post"]
    assert docs.status_code == 200 and "/api/ask" in docs.text
    assert "src=" not in docs.text and "cdn" not in docs.text.lower()


# --- the server state behind the API and the Sources tab --------------------------------------


def test_safe_source_names() -> None:
    assert safe_source_name("../../etc/Pay Plan (2024).PDF") == "pay-plan-2024.pdf"
    assert safe_source_name("C:\\Users\\x\\Spéc Clerk.docx") == "spec-clerk.docx"
    assert safe_source_name("???.txt") == "standard.txt"


def test_uploads_are_off_by_default_on_a_non_loopback_address(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)

    assert uploads_allowed(settings)
    assert not uploads_allowed(settings.model_copy(update={"host": "0.0.0.0"}))
    with pytest.raises(SourcesLocked):
        ServerState(settings.model_copy(update={"host": "0.0.0.0"})).add_source(
            FIXTURES / "water-treatment-operator-series.md", "x.md"
        )


def test_the_allow_uploads_setting_overrides_the_address(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)

    assert uploads_allowed(settings.model_copy(update={"host": "0.0.0.0", "allow_uploads": True}))
    assert not uploads_allowed(settings.model_copy(update={"allow_uploads": False}))


def test_an_upload_is_indexed_and_answerable_at_once_then_deleted(
    tmp_path: Path, seed_copy: Path
) -> None:
    state = ServerState(make_settings(tmp_path, sources=seed_copy))
    state.reindex()

    report = state.add_uploads([FIXTURES / "water-treatment-operator-series.md"])
    source = "uploads/water-treatment-operator-series.md"
    rows = {d.source: d for d in state.documents()}

    assert f"Added **{source}**" in report
    assert rows[source].status == "indexed" and rows[source].chunks > 0
    assert rows[source].indexed_at
    answer = state.assistant().ask("What grade is a Water Treatment Operator II?")
    assert "U14" in answer.text and any(c.source == source for c in answer.citations)

    assert state.remove(source).startswith(f"Deleted **{source}**")
    assert source not in {d.source for d in state.documents()}
    assert not (seed_copy / source).exists()


def test_documents_indexed_by_the_cli_show_their_passages_and_when_they_were_embedded(
    tmp_path: Path,
) -> None:
    settings = make_settings(tmp_path)
    ensure_index(settings, progress=False)  # what `python -m assistant index` does
    state = ServerState(settings)
    stored = state.assistant().store.documents()

    rows = {d.source: d for d in state.documents()}

    assert stored and all(rows[s].chunks == d.chunks > 0 for s, d in stored.items())
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", rows[s].indexed_at) for s in stored)
    assert not (settings.chroma_path / "indexed_at.json").exists()


def test_an_unreadable_upload_is_refused_with_its_reason(tmp_path: Path, seed_copy: Path) -> None:
    state = ServerState(make_settings(tmp_path, sources=seed_copy))

    report = state.add_uploads([FIXTURES / "corrupt-class-spec.pdf"])

    assert "could not be read and was not kept" in report
    assert not (seed_copy / "uploads" / "corrupt-class-spec.pdf").exists()
    assert "Only .txt" not in report


def test_uploads_of_other_types_and_deletions_outside_the_folder_are_refused(
    tmp_path: Path, seed_copy: Path
) -> None:
    state = ServerState(make_settings(tmp_path, sources=seed_copy))
    script = tmp_path / "run.sh"
    script.write_text("echo hi", encoding="utf-8")

    with pytest.raises(
        BadUpload, match=re.escape("only .txt, .md, .markdown, .html, .htm, .pdf, .docx")
    ):
        state.add_source(script, "run.sh")
    assert "**Not deleted**" in state.remove("../run.sh")
    assert "**Not deleted**" in state.remove("")


def test_a_skipped_file_is_listed_with_its_reason(tmp_path: Path, seed_copy: Path) -> None:
    shutil.copy(FIXTURES / "corrupt-class-spec.pdf", seed_copy / "corrupt.pdf")
    state = ServerState(make_settings(tmp_path, sources=seed_copy))
    state.reindex()

    rows = {d.source: d for d in state.documents()}

    assert rows["corrupt.pdf"].status == "skipped" and rows["corrupt.pdf"].detail
    assert rows["texas/certified-peer-support-specialist-ii.txt"].status == "indexed"
