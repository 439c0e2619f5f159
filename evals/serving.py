"""Servers on a free loopback port, started as a user would: this product (`... serve`), for
the load test and the tests that talk to it over HTTP, and a Chroma server (`chroma run`) for
the tests and benchmarks that read the store through HttpClient."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path


class ServerDidNotStart(RuntimeError):
    """The server exited or never answered /api/health; the message holds its log."""


def chroma_command() -> str | None:
    """The `chroma` command of this interpreter's environment, else the one on PATH."""
    beside = Path(sys.executable).with_name("chroma")
    return str(beside) if beside.exists() else shutil.which("chroma")


@contextlib.contextmanager
def chroma_serving(path: Path, wait_s: float = 120) -> Iterator[int]:
    """`chroma run` serving the store folder at path; yields its port once its heartbeat
    answers, stops it after."""
    command = chroma_command()
    if command is None:
        raise ServerDidNotStart("the chroma command is not installed")
    port = free_port()
    log_path = path.parent / f"{path.name}.chroma-server.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [command, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + wait_s
            while True:
                try:
                    heartbeat = f"http://127.0.0.1:{port}/api/v2/heartbeat"
                    urllib.request.urlopen(heartbeat, timeout=2).close()
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        text = log_path.read_text(encoding="utf-8", errors="replace")
                        raise ServerDidNotStart(f"chroma did not start:\n{text}") from None
                    time.sleep(0.3)
            yield port
        finally:
            server.terminate()
            server.wait(timeout=30)


def free_port() -> int:
    """A TCP port on the loopback address that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serving(
    command: list[str], data: Path, cwd: Path, model: str | None = None, wait_s: float = 180
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """`command ... --host 127.0.0.1 --port N` run in cwd, offline, its data (and server.log)
    under data; yields the process and its URL once /api/health answers, stops it after."""
    port = free_port()
    env = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(data),
        "NO_PROXY": "127.0.0.1,localhost",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    }
    if model:
        env["ASSISTANT_EMBEDDING_MODEL"] = model
    log_path = data / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [*command, "--host", "127.0.0.1", "--port", str(port)],
            cwd=cwd,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_healthy(process, url, time.monotonic() + wait_s, log_path)
            yield process, url
        finally:
            process.terminate()
            process.wait(timeout=30)


def _wait_until_healthy(
    process: subprocess.Popen[bytes], url: str, deadline: float, log_path: Path
) -> None:
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/health", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            log = log_path.read_text(encoding="utf-8", errors="replace")
            raise ServerDidNotStart(f"the server did not start:\n{log}")
        time.sleep(0.3)
