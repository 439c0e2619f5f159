"""schemathesis against the JSON API's own OpenAPI schema (issue 11): inputs generated from the
schema, valid and not, sent in-process to the whole app (Gradio mounted) over the seeds with the
fake embedder; no answer is a 5xx, and every answer matches what the schema promises."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import negative_data_rejection

from assistant.indexing import ensure_index
from tests.conftest import make_settings
from web.app import create_app
from web.state import ServerState

pytestmark = pytest.mark.reliability

MAX_EXAMPLES = 150  # per operation and phase: the whole run stays near a minute on 2 cores


def fuzzed_app(root: Path) -> object:
    data = make_settings(root)
    ensure_index(data, progress=False)
    return create_app(ServerState(data))


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> object:
    return fuzzed_app(tmp_path_factory.mktemp("schemathesis"))


# The schema's operations, listed here so that each is a test of its own. schemathesis's pytest
# plugin is not used: it does not run under pytest 9; its strategies and checks are the same.
OPERATIONS = [
    ("POST", "/api/ask"),
    ("GET", "/api/health"),
    ("GET", "/api/classes"),
    ("GET", "/api/sources/{source}"),
]


@pytest.fixture(scope="module")
def api_schema(app: object) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_asgi("/openapi.json", app).include(path_regex=r"^/api/")


def test_the_schema_lists_every_operation(api_schema: schemathesis.BaseSchema) -> None:
    found = {(o.ok().method.upper(), o.ok().path) for o in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


CASES = [(method, path, GenerationMode.POSITIVE) for method, path in OPERATIONS] + [
    # Only these two take input that can break their schema (health takes none; any text is a
    # path a source might have).
    ("POST", "/api/ask", GenerationMode.NEGATIVE),
    ("GET", "/api/classes", GenerationMode.NEGATIVE),
]


@pytest.mark.parametrize(("method", "path", "mode"), CASES)
def test_the_api_answers_every_input_as_its_schema_says(
    api_schema: schemathesis.BaseSchema, method: str, path: str, mode: GenerationMode
) -> None:
    """Schema-valid inputs are answered (2xx, or a documented 4xx/503), invalid ones refused with
    a 4xx; never a 5xx; every response matches its schema: status, content type, body, headers."""
    operation, sent = api_schema[path][method], []
    # A batch answers each request that is not a request object with an error line and goes on
    # (as documented): a batch of schema-invalid items is answered, by design, with 200.
    lenient = [negative_data_rejection] if path == "/api/ask" else []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
    def answers_as_promised(case: schemathesis.Case) -> None:
        sent.append(case)
        case.call_and_validate(excluded_checks=lenient)

    answers_as_promised()
    print(f"schemathesis {method} {path} {mode.value}: {len(sent)} examples, 0 failures")
