"""The Catalog, Sources and Evaluate tabs without a browser: money as written with its pay
period, bundled standards protected, sets that need other sources, whole failed answers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.config import PROJECT_ROOT
from assistant.service import Assistant
from index.types import ClassRecord
from tests.conftest import SEED_SOURCES, make_settings
from web import tables as tabs
from web.state import BundledSource, ServerState


def test_the_catalog_shows_money_as_written_with_its_pay_period() -> None:
    monthly = ClassRecord(
        source="uploads/benefits.txt",
        title="Benefits Analyst II",
        code="BA2",
        salary_min="$4,980.50",
        salary_max="$7,320",
        salary_period="month",
    )

    table = tabs.catalog_html([monthly])

    assert '<td data-label="Salary min" class="whole">$4,980.50</td>' in table
    assert '<td data-label="Pay period" class="whole">monthly</td>' in table
    assert '<th scope="col">Pay period</th>' in table
    assert tabs.pay_period(ClassRecord(source="a", title="b")) == ""  # no salary, no period


def test_the_catalog_search_keeps_matching_classes(fake_assistant: Assistant) -> None:
    table = tabs.catalog_html(fake_assistant.catalog, "texas a12")

    assert "1 of 4 classes" in table and "Certified Peer Support Specialist II" in table


def test_a_large_catalog_shows_its_first_rows_and_says_how_many_match() -> None:
    records = [
        ClassRecord(source=f"s{n}.txt", title=f"Harbor Pilot {n}", code=f"H{n:04d}")
        for n in range(1, 1201)
    ]

    table = tabs.catalog_html(records, limit=500)
    searched = tabs.catalog_html(records, "h000", limit=500)

    assert table.count('<th scope="row">') == 500
    assert "1200 classes; the first 500 shown, search to narrow" in table
    assert searched.count('<th scope="row">') == 9  # H0001 - H0009
    assert "9 of 1200 classes" in searched and "first" not in searched


def test_the_api_gives_each_class_its_pay_period(fake_assistant: Assistant) -> None:
    from web.api import create_api

    state = ServerState(fake_assistant.settings, fake_assistant)
    with TestClient(create_api(state)) as client:
        classes = client.get("/api/classes").json()

    assert all("salary_period" in c and "pay_period" in c for c in classes)
    texas = next(c for c in classes if c["code"] == "4008")
    assert texas["salary_min"] == "$30,840" and texas["pay_period"] == "not stated"


def test_bundled_standards_are_protected_unless_the_server_allows_it(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(SEED_SOURCES, sources, ignore=shutil.ignore_patterns("uploads"))
    (sources / "uploads").mkdir()
    (sources / "uploads" / "clerk.txt").write_text("CLERK\n", encoding="utf-8")
    settings = make_settings(tmp_path, sources)
    texas = "texas/certified-peer-support-specialist-ii.txt"

    state = ServerState(settings)
    with pytest.raises(BundledSource, match="protected"):
        state.delete_source(texas)
    state.delete_source("uploads/clerk.txt")
    assert (sources / texas).is_file() and not (sources / "uploads" / "clerk.txt").exists()
    assert [d.source for d in state.documents() if not d.protected] == []

    ServerState(settings, allow_delete_bundled=True).delete_source(texas)
    assert not (sources / texas).exists()


def test_a_set_that_needs_other_sources_says_so() -> None:
    datasets = PROJECT_ROOT / "evals" / "datasets"

    note = tabs.dataset_note(datasets / "fixtures.yaml", SEED_SOURCES)

    assert "needs other sources" in note and "source not found" in note
    assert "needs other sources" not in tabs.dataset_note(datasets / "dev.yaml", SEED_SOURCES)


def test_failed_cases_show_each_answer_whole() -> None:
    answer = "The salary range is " + "very " * 60 + "long [1]."

    table = tabs.failed_html([["g", "grade", "q?", "Grade 12", "Grade 12", answer]])

    assert '<details class="full-answer"><summary>' in table and answer in table
    assert "No case failed." in tabs.failed_html([])


def test_an_evaluation_table_scrolls_in_a_box_a_keyboard_can_reach() -> None:
    table = ["| kind | cases |", "|---|---|", "| salary | 10 |"]

    lines = tabs.scrolling("Results by kind", table)

    opening = lines[0]
    assert 'class="eval-scroll"' in opening and 'tabindex="0"' in opening
    assert 'role="region"' in opening and 'aria-label="Results by kind"' in opening
    # Blank lines around the table, or Markdown reads it as part of the HTML block.
    assert lines[1:] == ["", *table, "", "</div>"]
