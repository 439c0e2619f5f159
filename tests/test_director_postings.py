"""Three cities' postings of one title: a question that names its city is answered from that
city's posting, not from another city's line on what this one leaves unsaid; a range that names
no period and is no month's pay does not answer "the monthly salary", whatever other amount its
line holds. The three postings are real ones, gathered for the fifty-second held-out set."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_settings

from assistant.indexing import ensure_index
from assistant.service import Assistant

POSTINGS = Path(__file__).parent.parent / "evals" / "corpora" / "holdout52"


@pytest.fixture(scope="module")
def directors(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    settings = make_settings(tmp_path_factory.mktemp("directors"), sources=POSTINGS)
    ensure_index(settings, progress=False)
    return Assistant.open(settings)


def test_a_city_named_is_not_answered_from_another_citys_posting(directors: Assistant) -> None:
    answer = directors.ask("When do applications close for the Cordova Public Works Director job?")
    assert answer.abstained
    assert "8/12/2025" not in answer.text
    assert {c.source for c in answer.citations} <= {"city-of-cordova-ak/public-works-director.txt"}


def test_another_citys_posting_still_answers_for_its_own_city(directors: Assistant) -> None:
    answer = directors.ask("When does the Ocean Shores Public Works Director listing close?")
    assert not answer.abstained and "8/12/2025" in answer.text


def test_a_range_of_no_period_is_no_monthly_salary(directors: Assistant) -> None:
    answer = directors.ask("What is the monthly salary of the Sitka Public Works Director?")
    assert answer.abstained
    assert "monthly" in answer.text.splitlines()[0]
    assert "$130,270 - $154,876" in answer.text  # what the posting does give, quoted
