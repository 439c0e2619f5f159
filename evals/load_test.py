"""Load test: many users asking at once over HTTP, against a server started on 127.0.0.1.

`python -m evals.load_test` (or `make load-test`): 50 users for 60 s on the seed sources, a fixed
mix of questions; prints users, requests, errors, p50/p95 latency and the server's RSS before and
after; exits 1 on any error or any answer that differs from the one a lone user gets.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.config import PROJECT_ROOT, get_settings
from evals.serving import serving

QUESTIONS: list[dict[str, Any]] = [
    {"question": "What is the salary range of a CPSS II?"},
    {"question": "What are the requirements for CPS 2?"},
    {"question": "How much does a Certified Peer Specialist 2 earn in New York?"},
    {"question": "What salary group is CPSS I?"},
    {
        "question": "and the next level up?",
        "history": [{"user": "What salary group is CPSS I?", "assistant": "A10"}],
    },
    {"question": "What is the salary of an astronaut?"},  # not in the sources: abstains
]


@dataclass
class LoadResult:
    users: int
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)
    rss_before_mb: float = 0.0
    rss_after_mb: float = 0.0

    def table(self) -> str:
        ordered = sorted(self.latencies_ms) or [0.0]
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        rows = [
            ("users", f"{self.users}"),
            ("seconds", f"{self.seconds:.0f}"),
            ("requests", f"{len(self.latencies_ms) + len(self.errors)}"),
            ("errors", f"{len(self.errors)}"),
            ("answers unlike a lone user's", f"{len(self.mismatches)}"),
            ("p50 latency", f"{statistics.median(ordered):.0f} ms"),
            ("p95 latency", f"{p95:.0f} ms"),
            ("server RSS before", f"{self.rss_before_mb:.0f} MB"),
            ("server RSS after", f"{self.rss_after_mb:.0f} MB"),
        ]
        width = max(len(name) for name, _ in rows)
        return "\n".join(f"{name:<{width}}  {value}" for name, value in rows)


def rss_mb(pid: int) -> float:
    """Resident memory of a process (Linux /proc), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def ask(url: str, request: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    body = json.dumps(request).encode()
    post = urllib.request.Request(
        f"{url}/api/ask", data=body, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(post, timeout=120) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, {"error": error.read().decode(errors="replace")[:200]}


def comparable(answer: dict[str, Any]) -> str:
    """An answer without what may differ between two identical requests (its timing)."""
    return json.dumps({k: v for k, v in answer.items() if k != "latency_ms"}, sort_keys=True)


def run(
    users: int = 50, seconds: float = 60, sources: Path | None = None, model: str | None = None
) -> LoadResult:
    """Start a server, take each question's lone-user answer, then load it with `users` threads."""
    sources = sources or get_settings().sources_dir
    result = LoadResult(users, seconds)
    with tempfile.TemporaryDirectory(prefix="load-test-") as folder:
        command = [sys.executable, "-m", "assistant", "serve", "--sources", str(sources)]
        with serving(command, Path(folder), PROJECT_ROOT, model, wait_s=300) as (server, url):
            expected = []
            for request in QUESTIONS:
                status, answer = ask(url, request)
                if status != 200:
                    raise RuntimeError(f"{request['question']!r} answered {status}: {answer}")
                expected.append(comparable(answer))
            result.rss_before_mb = rss_mb(server.pid)
            lock, stop_at = threading.Lock(), time.monotonic() + seconds

            def user(number: int) -> None:
                turn = number
                while time.monotonic() < stop_at:
                    which = turn % len(QUESTIONS)
                    started = time.perf_counter()
                    try:
                        status, answer = ask(url, QUESTIONS[which])
                    except OSError as error:
                        status, answer = 0, {"error": str(error)}
                    took = (time.perf_counter() - started) * 1000
                    with lock:
                        if status != 200:
                            result.errors.append(f"{status}: {answer.get('error')}")
                        else:
                            result.latencies_ms.append(took)
                            if comparable(answer) != expected[which]:
                                result.mismatches.append(QUESTIONS[which]["question"])
                    turn += 1

            threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            result.rss_after_mb = rss_mb(server.pid)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.load_test", description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--sources", type=Path, help="folder of standards (default: sources/)")
    parser.add_argument("--embedding-model", help='e.g. "fake" (default: the configured one)')
    args = parser.parse_args(argv)
    result = run(args.users, args.seconds, args.sources, args.embedding_model)
    print(result.table())
    for problem in (result.errors + result.mismatches)[:10]:
        print(f"  {problem}")
    return 1 if result.errors or result.mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
