"""A page of several levels, each a title line, its pay under a label and a paragraph of what
it does (a student job category page): each level is a class with its own part, which answers
what that level does; a level the page does not list is said to be missing."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.service import Assistant

LEVELS = """Student Helper

Job Code

Student Helper I

Wage Scale: $14.20-15.95

Assist staff with daily, routine operations and data entry.

Student Helper II

Wage Scale: $14.45-17.25

Perform complex tasks with minimal supervision and train other helpers.
"""


@pytest.fixture(scope="module")
def helpers(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "helpers", {"student-helper-i-ii.txt": LEVELS})


def test_each_level_s_own_part_says_what_it_does(helpers: Assistant) -> None:
    answer = helpers.ask("What does a Student Helper II do?")
    assert not answer.abstained
    assert "train other helpers" in answer.text and "data entry" not in answer.text
    # The class's own part is read as its duties, the page having no section of them.
    assert answer.text.startswith("Duties of Student Helper II")


def test_each_level_has_its_own_wage_scale(helpers: Assistant) -> None:
    answer = helpers.ask("What is the wage scale of a Student Helper I?")
    assert "$14.20-15.95" in answer.text and "$14.45" not in answer.text


def test_a_level_the_page_does_not_list_is_missing(helpers: Assistant) -> None:
    answer = helpers.ask("What is the wage scale of a Student Helper III?")
    assert answer.abstained
    assert "$14.45-17.25" in answer.text  # the nearest level's line, named as its own
