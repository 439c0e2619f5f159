"""The app in Debian's Chromium: ask, read the citations, open one, browse every tab, offline.

Screenshots and the measured time to first token go to test-output/browser/.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.config import PROJECT_ROOT
from tests.conftest import running_server

CHROMIUM = Path("/usr/bin/chromium")
OUTPUT = PROJECT_ROOT / "test-output" / "browser"
SALARY = "What is the salary range of a CPSS II?"
REQUIREMENTS = "What are the requirements for CPS 2?"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium: apt-get install chromium (.ci/run installs it)",
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`python -m assistant serve` on a free loopback port, indexing the seeds into a new store."""
    root = tmp_path_factory.mktemp("browser")
    command = [sys.executable, "-m", "assistant", "serve", "--store", str(root / "store")]
    with running_server(command, root, cwd=PROJECT_ROOT) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        yield chromium
        chromium.close()


def ask(page: Any, question: str) -> float:
    """Type a question, press Enter, wait for the finished answer; ms to its first words."""
    answered = page.locator(".answer-meta").count()
    box = page.locator("#question textarea")
    box.fill(question)
    started = time.perf_counter()
    box.press("Enter")
    page.wait_for_function(
        "n => { const a = document.querySelectorAll('[data-testid=bot] .answer');"
        " return a.length > n && a[a.length - 1].textContent.trim().length > 0; }",
        arg=answered,
    )
    first_words_ms = (time.perf_counter() - started) * 1000
    page.wait_for_function(
        "n => document.querySelectorAll('.answer-meta').length > n", arg=answered
    )
    return first_words_ms


def test_ask_cite_view_and_browse_every_tab_offline(server: str, browser: Any) -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1366, "height": 820})
    # Generous waits: CI shares 2 cores, and a slow answer is not what this test checks.
    page.set_default_timeout(90_000)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server + "/", wait_until="load")
    page.locator("#question textarea").wait_for()

    salary_ms = ask(page, SALARY)
    requirements_ms = ask(page, REQUIREMENTS)

    answers = page.locator("[data-testid=bot]").all_inner_texts()
    assert len(answers) == 2
    assert "$30,840 - $46,798" in answers[0] and "Texas" in answers[0]
    assert "two years of post-certification experience" in answers[1]
    for answer in answers:
        assert "SOURCES" in answer.upper() and "[1]" in answer
    labels = page.locator("[data-testid=bot]").evaluate_all(
        "messages => messages.map(m => m.getAttribute('aria-label'))"
    )
    assert all(label.startswith("Answer: ") and "<" not in label for label in labels), labels
    last = page.locator("[data-testid=bot]").last
    assert last.locator("details.cite").count() >= 1

    last.locator("details.cite summary .cite-where").first.click()  # expands the quote
    assert "two years of post-certification" in last.locator("blockquote").first.inner_text()
    last.locator("a.cite-link").first.click()
    viewer = page.locator("#viewer")
    viewer.locator("mark, tr.hit").first.wait_for()
    viewer_text = viewer.inner_text()
    assert "Certified Peer Specialist Series" in viewer_text
    assert "New York" in viewer_text and "4/2024" in viewer_text
    assert "two years of post-certification" in viewer.locator("mark").first.inner_text()
    page.screenshot(path=str(OUTPUT / "chat.png"), full_page=True)

    page.get_by_role("tab", name="Catalog").click()
    catalog = page.locator("#catalog-table")
    catalog.get_by_role("gridcell", name="Certified Peer Support Specialist II", exact=True).click()
    page.locator("#class-viewer .class-title").wait_for()
    assert "$30,840 - $46,798" in page.locator("#class-viewer").inner_text()
    page.screenshot(path=str(OUTPUT / "catalog.png"), full_page=True)

    page.get_by_role("tab", name="Sources").click()
    sources = page.locator("#sources-table")
    sources.get_by_role(
        "gridcell", name="texas/certified-peer-support-specialist-ii.txt"
    ).wait_for()
    assert sources.get_by_role("gridcell", name="indexed", exact=True).count() == 2
    page.screenshot(path=str(OUTPUT / "sources.png"), full_page=True)

    page.get_by_role("tab", name="Evaluate").click()
    page.get_by_role("button", name="Run evaluation").click()
    page.get_by_text("cases passed").first.wait_for(timeout=120_000)
    page.screenshot(path=str(OUTPUT / "evaluate.png"), full_page=True)

    timings = {
        "salary_first_words_ms": round(salary_ms),
        "requirements_first_words_ms": round(requirements_ms),
    }
    (OUTPUT / "latency.json").write_text(json.dumps(timings, indent=2) + "\n", encoding="utf-8")
    print(f"time to first token in the UI: {timings}")
    outside = [
        url for url in requested if not url.startswith(("http://127.0.0.1:", "data:", "blob:"))
    ]
    assert outside == [], f"the page requested something outside 127.0.0.1: {outside}"
    page.close()
