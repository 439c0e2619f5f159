"""The installed product works from anywhere: the entry point serves outside the repository."""

from __future__ import annotations

import json
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import running_server

ENTRY_POINT = Path(sys.executable).with_name("classification-assistant")


@pytest.mark.skipif(not ENTRY_POINT.exists(), reason="the project is not installed in this venv")
def test_the_installed_entry_point_serves_from_any_directory(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    command = [str(ENTRY_POINT), "serve", "--store", str(tmp_path / "store")]

    with (
        running_server(command, tmp_path, cwd=elsewhere) as url,
        urllib.request.urlopen(f"{url}/api/health", timeout=10) as response,
    ):
        health = json.load(response)

    assert health["status"] == "ok"
    assert health["classes"] > 0  # the seeds were indexed, wherever the command ran from
