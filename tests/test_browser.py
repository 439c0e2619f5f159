"""The app in Debian's Chromium, offline, at 1366x820 and 390x844, light and dark: the first
view, one conversation state, questions back, lists, limits, languages, saved conversations,
every tab readable on a phone, and an accessibility scan (axe-core) of every tab.

Screenshots and the measured times from Enter to first words and to the whole answer go to
test-output/browser/.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.config import PROJECT_ROOT
from tests.conftest import SEED_SOURCES, running_server

CHROMIUM = Path("/usr/bin/chromium")
OUTPUT = PROJECT_ROOT / "test-output" / "browser"
SALARY = "What is the salary range of a CPSS II?"
REQUIREMENTS = "What are the requirements for CPS 2?"
DESK = {"width": 1366, "height": 820}
PHONE = {"width": 390, "height": 844}
TABS = ("Chat", "Catalog", "Sources", "Evaluate")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium: apt-get install chromium (.ci/run installs it)",
    ),
]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`python -m assistant serve` on a free loopback port, indexing a copy of the seeds into a
    new store; its URL and data folder (where the feedback log is written)."""
    root = tmp_path_factory.mktemp("browser")
    sources = root / "sources"  # a copy: the test uploads and deletes a standard
    shutil.copytree(SEED_SOURCES, sources, ignore=shutil.ignore_patterns("uploads"))
    command = [sys.executable, "-m", "assistant", "serve", "--store", str(root / "store")]
    with pytest.MonkeyPatch.context() as env:
        env.setenv("ASSISTANT_SOURCES_DIR", str(sources))
        with running_server(command, root, cwd=PROJECT_ROOT) as url:
            yield url, root


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        yield chromium
        chromium.close()


class Visit:
    """One browser context on the app: every request it makes is recorded."""

    def __init__(self, browser: Any, url: str, size: dict[str, int], scheme: str) -> None:
        self.context = browser.new_context(viewport=size, color_scheme=scheme)
        self.page = self.context.new_page()
        # Generous waits: CI shares 2 cores, and a slow answer is not what this test checks.
        self.page.set_default_timeout(90_000)
        self.requested: list[str] = []
        self.page.on("request", lambda request: self.requested.append(request.url))
        self.page.on("dialog", lambda dialog: dialog.accept())
        self.url, self.name = url, f"{size['width']}-{scheme}"
        self.open()

    def open(self) -> None:
        self.page.goto(self.url + "/", wait_until="load")
        self.page.locator("#question textarea").wait_for()
        self.page.wait_for_timeout(600)  # the page's own script settles (scroll, focus)

    def tab(self, name: str) -> None:
        self.page.evaluate("window.scrollTo(0, 0)")
        tab = self.page.get_by_role("tab", name=name)
        if not tab.is_visible():  # a bar too narrow shows the rest behind "More tabs"
            self.page.get_by_label("More tabs").click()
            tab = self.page.locator("button:visible", has_text=name).last
        tab.click()
        self.page.wait_for_timeout(400)

    def shot(self, name: str) -> None:
        OUTPUT.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(OUTPUT / f"{name}-{self.name}.png"), full_page=True)

    def close(self) -> None:
        outside = [
            url
            for url in self.requested
            if not url.startswith(("http://127.0.0.1:", "data:", "blob:"))
        ]
        self.context.close()
        assert outside == [], f"the page requested something outside 127.0.0.1: {outside}"


def serious_violations(page: Any) -> list[str]:
    """What axe-core (bundled with axe-playwright-python) finds serious or critical."""
    from axe_playwright_python.sync_playwright import Axe

    # A message fading in is checked once it is drawn: a colour caught halfway through its
    # transition is not the page's (a status line failed contrast so, once in four runs).
    page.evaluate(
        """() => Promise.all(document.getAnimations()
            .filter(a => a.effect && a.effect.getTiming().iterations !== Infinity)
            .map(a => a.finished.catch(() => null)))"""
    )
    found = Axe().run(page).response["violations"]
    return [
        f"{v['id']}: {[n['target'] for n in v['nodes']][:5]}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


def words_split_across_lines(page: Any, cells: str) -> list[str]:
    """The cells (a CSS selector) in which some word starts on one line and ends on the next,
    as "case s" did when the browser may break a word anywhere."""
    return page.locator(cells).evaluate_all(
        """cells => cells.filter(cell => {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let text = walker.nextNode(); text; text = walker.nextNode()) {
            for (const word of text.textContent.matchAll(/\\S+/g)) {
              const range = document.createRange();
              range.setStart(text, word.index);
              range.setEnd(text, word.index + word[0].length);
              const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
              if (tops.size > 1) return true;
            }
          }
          return false;
        }).map(cell => cell.textContent)"""
    )


def captions_cut_off(page: Any) -> list[str]:
    """Table captions whose words run past the right edge of the screen or of their box."""
    return page.locator(".table-caption").evaluate_all(
        """captions => captions.filter(caption => caption.offsetParent !== null && (
          caption.getBoundingClientRect().right > window.innerWidth
          || caption.scrollWidth > caption.clientWidth)).map(caption => caption.textContent)"""
    )


def run_evaluation(page: Any, dataset: str) -> None:
    """Choose a built-in set on the Evaluate tab, run it and wait for its summary."""
    page.locator("#eval-set input").click()
    page.get_by_role("option", name=dataset).click()
    page.get_by_role("button", name="Run evaluation").click()
    page.get_by_text("cases passed").first.wait_for(timeout=180_000)


def ask(page: Any, question: str) -> tuple[float, float]:
    """Type a question, press Enter, wait for the finished answer: ms to its first words and
    ms to the whole answer."""
    answers = page.locator("[data-testid=bot]").count()
    box = page.locator("#question textarea")
    box.fill(question)
    started = time.perf_counter()
    box.press("Enter")
    page.wait_for_function(
        "n => { const a = document.querySelectorAll('[data-testid=bot]');"
        " return a.length > n && a[a.length - 1].querySelector('.answer')"
        " && a[a.length - 1].textContent.trim().length > 0; }",
        arg=answers,
        polling=10,
    )
    first_words = (time.perf_counter() - started) * 1000
    page.wait_for_function(
        "n => { const a = document.querySelectorAll('[data-testid=bot]');"
        " return a.length > n && a[a.length - 1].querySelector('.answer:not(.streaming)'); }",
        arg=answers,
        polling=10,
    )
    return first_words, (time.perf_counter() - started) * 1000


def settled(page: Any, answers: int) -> None:
    """Wait until the chat shows this many answers, the last one finished."""
    page.wait_for_function(
        "n => { const a = document.querySelectorAll('[data-testid=bot]');"
        " return a.length === n && a[n - 1].querySelector('.answer:not(.streaming)'); }",
        arg=answers,
    )


def bot_texts(page: Any) -> list[str]:
    return page.locator("[data-testid=bot]").all_inner_texts()


def toast(page: Any, words: str) -> None:
    page.get_by_text(words).first.wait_for(timeout=20_000)


def test_the_desk_view_in_light_mode(served: tuple[str, Path], browser: Any) -> None:
    url, data = served
    visit = Visit(browser, url, DESK, "light")
    page = visit.page

    # 10. The first view: what is covered, examples drawn from the index, the question box.
    assert page.evaluate("window.scrollY") == 0
    coverage = page.locator("#coverage").inner_text()
    assert "2 standard documents" in coverage and "4 classes" in coverage
    for visible in ("#coverage", "#examples button.example", "#question textarea"):
        box = page.locator(visible).first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= DESK["height"], visible
    assert "ms" not in page.locator("#app-header").inner_text()
    # The page's own script ran (Gradio adds it after DOMContentLoaded): the cursor is waiting.
    assert page.evaluate("document.activeElement === document.querySelector('#question textarea')")
    assert not page.get_by_label("More tabs").is_visible()
    assert serious_violations(page) == []
    visit.shot("chat-first-view")

    # A cited answer; its citation opens the viewer with the passage marked.
    ask(page, REQUIREMENTS)
    # The box is emptied by the server once the question is sent: the counter follows.
    page.wait_for_function(
        "document.querySelector('#question-count').textContent.startsWith('0 / ')"
    )
    answer = page.locator("[data-testid=bot]").last
    assert "two years of post-certification experience" in answer.inner_text()
    assert "SOURCES" in answer.inner_text().upper() and " ms" not in answer.inner_text()
    answer.locator("details.cite summary").first.click()  # expands the quote
    assert "two years of post-certification" in answer.locator("blockquote").first.inner_text()
    answer.locator("a.cite-link").first.click()
    page.locator("#viewer mark").first.wait_for()
    assert "two years of post-certification" in page.locator("#viewer mark").first.inner_text()
    labels = page.locator("[data-testid=bot]").evaluate_all(
        "messages => messages.map(m => m.getAttribute('aria-label'))"
    )
    assert all(label.startswith("Answer: ") and "<" not in label for label in labels), labels

    # 10. Duties the source lists come as a list; an example button asks its question.
    example = page.locator("#examples button.example").last
    asked = example.inner_text()
    example.click()
    page.wait_for_function(
        "q => [...document.querySelectorAll('[data-testid=user]')].some(m => "
        "m.innerText.includes(q))",
        arg=asked,
    )
    settled(page, 2)
    ask(page, "What are the duties of a CPSS II?")
    assert page.locator("[data-testid=bot]").last.locator(".answer ul li").count() >= 5
    assert serious_violations(page) == []
    visit.shot("chat-answers")

    # 1. The chat's bin starts over: feedback, follow-ups and export see only what is shown.
    page.locator("#chat button[aria-label='Clear']").first.click()
    page.wait_for_function("document.querySelectorAll('[data-testid=bot]').length === 0")
    follow = ask(page, "and the next level up?")
    assert follow and "no earlier question" in bot_texts(page)[-1]
    ask(page, "What is the class code for CPSS II?")
    page.locator("#chat").get_by_label("Like").last.click()
    page.locator("#comment-panel textarea").fill("clear and cited")
    page.get_by_role("button", name="Send comment").click()
    toast(page, "your comment was saved")
    log = [json.loads(line) for line in (data / "feedback.jsonl").read_text().splitlines()]
    assert {entry["question"] for entry in log} == {"What is the class code for CPSS II?"}
    assert log[-1]["comment"] == "clear and cited" and log[-1]["id"] == log[0]["id"]

    # 11. An empty chat's export says so.
    page.get_by_role("button", name="Start over").click()
    page.wait_for_function("document.querySelectorAll('[data-testid=bot]').length === 0")
    page.get_by_role("button", name="Export (.md)").click()
    toast(page, "nothing to export yet")

    # 3. A question back keeps to the jurisdiction chosen; its choices ask for that class.
    page.locator("#filters input").first.click()
    page.get_by_role("option", name="New York").click()
    ask(page, "salary range for a CPSS II?")
    back = page.locator("[data-testid=bot]").last
    assert "(Texas)" not in back.inner_text()
    choices = back.locator("a.choice")
    assert choices.count() == 2
    choices.first.click()
    settled(page, 2)
    assert "Grade 11" in bot_texts(page)[-1]
    visit.shot("chat-question-back")

    # 7. Over the limit: a counter, no send; 8. another language: said plainly.
    box = page.locator("#question textarea")
    box.fill("x" * 5000)
    page.wait_for_function("document.querySelector('#question-count').classList.contains('over')")
    assert "too long" in page.locator("#question-count").inner_text()
    box.press("Enter")
    page.wait_for_timeout(800)
    assert page.locator("[data-testid=user]").count() == 2 and box.input_value() == "x" * 5000
    ask(page, "¿Cuál es el salario de un especialista certificado de apoyo entre pares?")
    assert "only read questions in English" in bot_texts(page)[-1]

    # 11. A reload keeps the conversation, and the earlier one is in the list to reopen.
    visit.open()
    page.wait_for_function("document.querySelectorAll('[data-testid=bot]').length === 3")
    assert "only read questions in English" in bot_texts(page)[-1]
    page.locator("#past input").click()
    listed = page.get_by_role("option").all_inner_texts()
    assert any("What are the requirements for CPS 2?" in o for o in listed), listed
    page.get_by_role("option").filter(has_text="requirements for CPS 2").first.click()
    page.get_by_role("button", name="Open conversation").click()
    page.wait_for_function(
        "() => { const a = document.querySelectorAll('[data-testid=bot]');"
        " return a.length === 3 && a[0].innerText.includes('two years of post-certification'); }"
    )

    # 4. The catalog uses the width, keeps headers and codes whole, writes money as the source.
    visit.tab("Catalog")
    table = page.locator("#catalog-table table")
    assert table.bounding_box()["width"] > 1100  # type: ignore[index]
    heights = page.locator("#catalog-table thead th").evaluate_all(
        "cells => cells.map(c => Math.round(c.getBoundingClientRect().height))"
    )
    assert len(set(heights)) == 1 and heights[0] < 50, heights  # every header on one line
    broken = page.locator("#catalog-table td.whole").evaluate_all(
        "cells => cells.filter(c => getComputedStyle(c).whiteSpace !== 'nowrap'"
        " || c.scrollWidth > c.clientWidth).map(c => c.textContent)"
    )
    assert broken == []
    text = page.locator("#catalog-table").inner_text()
    assert "$27,910" in text and "$46,798" in text and "Pay period" in text
    page.locator("#catalog-table a.class-link", has_text="Support Specialist II").click()
    page.locator("#class-viewer .class-title").wait_for()
    assert "$30,840 - $46,798" in page.locator("#class-viewer").inner_text()
    assert serious_violations(page) == []
    visit.shot("catalog")

    # 11. Bundled standards are not offered for deletion; an upload can be deleted.
    visit.tab("Sources")
    assert "(bundled)" in page.locator("#sources-table").inner_text()
    spec = data / "clerk-typist.txt"
    spec.write_text("Clerk Typist\n\nClass Code: 9001\n\nTypes letters.\n", encoding="utf-8")
    page.locator("#source-changes input[type=file]").set_input_files(str(spec))
    page.get_by_text("Added uploads/clerk-typist.txt").wait_for(timeout=120_000)
    page.locator("#doomed input").click()
    offered = page.get_by_role("option").all_inner_texts()
    assert offered == ["uploads/clerk-typist.txt"], offered
    page.get_by_role("option", name="uploads/clerk-typist.txt").click()
    page.get_by_role("button", name="Delete document").click()  # the dialog is accepted
    page.get_by_text("Deleted uploads/clerk-typist.txt").wait_for(timeout=120_000)
    assert serious_violations(page) == []
    visit.shot("sources")

    # 9. The evaluation: a set that needs other sources says so; failed answers whole.
    visit.tab("Evaluate")
    builtin = page.locator("#eval-set input")
    builtin.click()
    page.get_by_role("option", name="fixtures.yaml").click()
    page.get_by_text("needs other sources").wait_for()
    run_evaluation(page, "dev.yaml")
    summary = page.locator(".eval-table").first.inner_text()
    assert "/tmp/" not in summary and "gradio" not in summary
    assert page.locator(".eval-table th").count() > 10
    assert words_split_across_lines(page, ".eval-table th") == []
    if page.locator("#failed-cases details.full-answer").count():
        page.locator("#failed-cases details.full-answer summary").first.click()
        assert page.locator("#failed-cases .answer-text").first.is_visible()
    assert serious_violations(page) == []
    visit.shot("evaluate")

    page.get_by_text("About and status").click()
    assert "models" in page.locator("#about-text").inner_text()
    visit.close()


def test_the_phone_view_in_dark_mode(served: tuple[str, Path], browser: Any) -> None:
    url, _ = served
    visit = Visit(browser, url, PHONE, "dark")
    page = visit.page

    # 5. The page opens at the top, header and tabs in view, all four tabs in the bar.
    assert page.evaluate("window.scrollY") == 0
    assert not page.get_by_label("More tabs").is_visible()
    assert page.locator("#app-header h1").bounding_box()["y"] >= 0  # type: ignore[index]
    ask(page, REQUIREMENTS)
    # A citation tap brings the viewer into view.
    page.locator("[data-testid=bot]").last.locator("a.cite-link").first.click()
    page.locator("#viewer mark").first.wait_for()
    page.wait_for_function(
        "() => { const r = document.querySelector('#viewer').getBoundingClientRect();"
        " return r.top >= -1 && r.top < window.innerHeight; }"
    )
    # Dropdown arrows keep off the text.
    arrows = page.locator("#filters .wrap-inner").evaluate_all(
        "boxes => boxes.map(b => { const input = b.querySelector('input');"
        " const text = input.getBoundingClientRect().right"
        " - parseFloat(getComputedStyle(input).paddingRight);"
        " const a = b.parentElement.querySelector('.icon-wrap, svg');"
        " return a ? text - a.getBoundingClientRect().left : 0; })"
    )
    assert all(overlap <= 1 for overlap in arrows), arrows
    for name in TABS:
        visit.tab(name)
        if name == "Evaluate":  # the results tables, headers whole, inside the phone's width
            run_evaluation(page, "dev.yaml")
            assert page.locator(".eval-table th").count() > 10
            assert words_split_across_lines(page, ".eval-table th") == []
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{name} is {width} px wide"
        assert captions_cut_off(page) == [], name
        assert serious_violations(page) == [], name
        visit.shot(name.lower())
    visit.tab("Catalog")
    first = page.locator("#catalog-table tbody th").first
    assert first.evaluate("c => getComputedStyle(c).position") == "sticky"
    visit.close()


@pytest.mark.parametrize(("size", "scheme"), [(DESK, "dark"), (PHONE, "light")])
def test_every_tab_reads_in_the_other_mode(
    served: tuple[str, Path], browser: Any, size: dict[str, int], scheme: str
) -> None:
    visit = Visit(browser, served[0], size, scheme)
    assert not visit.page.get_by_label("More tabs").is_visible()
    ask(visit.page, "What are the duties of CPS 1?")
    for name in TABS:
        visit.tab(name)
        assert visit.page.evaluate("document.documentElement.scrollWidth") <= size["width"]
        assert captions_cut_off(visit.page) == [], name
        assert serious_violations(visit.page) == [], name
        visit.shot(name.lower())
    visit.close()


def test_time_from_enter_to_first_words_and_to_the_whole_answer(
    served: tuple[str, Path], browser: Any
) -> None:
    """20 questions of the kinds people ask, each in a fresh conversation: median and p90."""
    visit = Visit(browser, served[0], DESK, "light")
    kinds = (
        "What is the salary range of {}?",
        "What grade is {}?",
        "What are the requirements for {}?",
        "What are the duties of {}?",
        "What is the class code of {}?",
    )
    classes = (
        "Certified Peer Specialist 1",
        "Certified Peer Specialist 2",
        "Certified Peer Support Specialist I",
        "Certified Peer Support Specialist II",
    )
    first_words, complete = [], []
    for kind in kinds:
        for title in classes:
            visit.page.get_by_role("button", name="Start over").click()
            visit.page.wait_for_function(
                "document.querySelectorAll('[data-testid=bot]').length === 0"
            )
            words_ms, whole_ms = ask(visit.page, kind.format(title))
            first_words.append(words_ms)
            complete.append(whole_ms)

    def p90(values: list[float]) -> float:
        return statistics.quantiles(values, n=10)[-1]

    timings = {
        "questions": len(first_words),
        "first_words_ms": {
            "median": round(statistics.median(first_words)),
            "p90": round(p90(first_words)),
        },
        "complete_ms": {"median": round(statistics.median(complete)), "p90": round(p90(complete))},
    }
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "latency.json").write_text(json.dumps(timings, indent=2) + "\n", encoding="utf-8")
    print(f"Enter to first words / whole answer in the browser: {timings}")
    assert len(first_words) == 20
    visit.close()
