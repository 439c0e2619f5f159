"""No client can make the server read, copy, serve or index a file it names (issue: network safety).

Replays the exploits over HTTP against a real server: a server path in a Gradio file argument
(Evaluate's /run and Sources' /add), /gradio_api/file= on server files, and a link in sources/.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from assistant.config import PROJECT_ROOT
from index.load import load_sources
from tests.conftest import SEED_SOURCES, running_server

SECRET = "api_key: SECRET-7f3a9c-never-served"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    """A server on loopback (uploads on) over a private copy of the seeds; a secret file
    outside its sources, in the system's temporary folder as an attacker would pick."""
    root = tmp_path_factory.mktemp("disclosure")
    sources = root / "sources"
    shutil.copytree(SEED_SOURCES, sources)
    secret = root / "secret.yaml"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "assistant", "serve", "--sources", str(sources)]
    command += ["--store", str(root / "store")]
    with running_server(command, root, cwd=PROJECT_ROOT) as url:
        yield url, sources, secret


def call(url: str, api_name: str, data: list[Any]) -> str:
    """A Gradio event called as a client would over HTTP: the whole event stream as text."""
    with httpx.Client(timeout=60) as client:
        started = client.post(f"{url}/gradio_api/call/{api_name}", json={"data": data})
        if started.status_code != 200:
            return started.text
        event_id = started.json()["event_id"]
        return client.get(f"{url}/gradio_api/call/{api_name}/{event_id}").text


def file_argument(path: Path) -> dict[str, Any]:
    return {"path": str(path), "meta": {"_type": "gradio.FileData"}, "orig_name": path.name}


def cached_paths(stream: str) -> list[str]:
    """Every "path" the server sent back in an event stream."""
    found = []
    for line in stream.splitlines():
        if line.startswith("data:"):
            try:
                payload = json.loads(line[5:])
            except json.JSONDecodeError:
                continue
            found += _paths(payload)
    return found


def _paths(value: Any) -> list[str]:
    if isinstance(value, dict):
        own = [value["path"]] if isinstance(value.get("path"), str) else []
        return own + [p for v in value.values() for p in _paths(v)]
    if isinstance(value, list):
        return [p for v in value for p in _paths(v)]
    return []


def test_a_server_path_given_to_the_evaluation_is_neither_read_nor_named(
    served: tuple[str, Path, Path],
) -> None:
    url, _, secret = served
    stream = call(url, "run", [None, file_argument(secret)])

    from gradio.utils import get_upload_folder

    assert SECRET not in stream
    assert "event: error" in stream  # refused before anything was copied
    assert get_upload_folder() not in stream  # and no server path is named
    assert str(secret.parent) not in stream
    for path in cached_paths(stream):
        fetched = httpx.get(f"{url}/gradio_api/file={path}", timeout=30)
        assert SECRET not in fetched.text


def test_a_server_path_given_to_the_upload_is_not_copied_into_the_sources(
    served: tuple[str, Path, Path],
) -> None:
    url, sources, secret = served
    call(url, "add", [[file_argument(secret)]])

    copied = [
        p for p in sources.rglob("*") if p.is_file() and SECRET in p.read_text("utf-8", "replace")
    ]
    assert copied == []
    listing = httpx.get(f"{url}/api/sources/uploads/secret.yaml", timeout=30)
    assert listing.status_code == 404


def test_server_files_cannot_be_fetched_through_gradio(served: tuple[str, Path, Path]) -> None:
    url, sources, secret = served
    for path in (secret, sources / "manifest.yaml", PROJECT_ROOT / "pyproject.toml"):
        response = httpx.get(f"{url}/gradio_api/file={path}", timeout=30)
        assert response.status_code in (403, 404), path
        assert SECRET not in response.text


def test_a_real_upload_still_works(served: tuple[str, Path, Path], tmp_path: Path) -> None:
    from gradio_client import Client, handle_file

    url, sources, _ = served
    spec = tmp_path / "records-clerk.txt"
    spec.write_text(
        "RECORDS CLERK II\nClass Code: 7712\nPay Grade: 9\n\nDUTIES\nFiles records.\n", "utf-8"
    )
    Client(url, verbose=False).predict([handle_file(str(spec))], api_name="/add")

    assert (sources / "uploads" / "records-clerk.txt").read_text("utf-8").startswith("RECORDS")


def test_a_link_in_the_sources_folder_is_not_indexed(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(SEED_SOURCES, sources)
    outside = tmp_path / "passwd.txt"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (sources / "link.txt").symlink_to(outside)
    (sources / "linked-folder").symlink_to(tmp_path, target_is_directory=True)

    result = load_sources(sources)

    assert all("root:x:0:0" not in d.text for d in result.documents)
    assert "link.txt" in {s.source for s in result.skipped}
    assert all(not d.source.startswith("linked-folder/") for d in result.documents)
