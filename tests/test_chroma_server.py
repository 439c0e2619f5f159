"""The same pipeline against a real Chroma server (`chroma run`) through HttpClient."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.indexing import ensure_index
from assistant.service import Assistant
from evals.serving import chroma_command, chroma_serving
from tests.conftest import make_settings


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    if chroma_command() is None:
        pytest.skip("the chroma command is not installed")
    with chroma_serving(tmp_path_factory.mktemp("chroma-server")) as port:
        yield port


def test_index_and_answer_through_a_chroma_server(chroma_server: int, tmp_path: Path) -> None:
    settings = make_settings(tmp_path).model_copy(
        update={"chroma_host": "127.0.0.1", "chroma_port": chroma_server}
    )
    first = ensure_index(settings, progress=False)
    assert first.chunks_total > 0 and len(first.added) == 2
    again = ensure_index(settings, progress=False)
    assert again.added == [] and again.chunks_total == first.chunks_total
    assistant = Assistant.open(settings)
    assert assistant.status().store.startswith(f"http://127.0.0.1:{chroma_server}")
    answer = assistant.ask("What is the salary range for a Certified Peer Support Specialist II?")
    assert "$30,840 - $46,798" in answer.text
    assert answer.citations[0].source.startswith("texas/")
