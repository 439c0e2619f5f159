"""The classes of one series, each in its own standard. A rank named with the series that none
of its classes holds ("Maintenance Worker Lead" of levels I and II) is not one of them: the
answer says the standards name no such class, lists those they do, and abstains; a rank one
of them holds is that class. And what one level's standard says (Maintenance Worker I's
lifting) is not said of another level whose standard is silent."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.query import analyse
from assistant.service import Assistant

LEVEL_ONE = """Class Title: Maintenance Worker I
DEPARTMENT: Maintenance
PAY LEVEL: 101 ($34,320.00 - $61,776.00)
DEFINITION: Entry-level maintenance work on airport buildings.
PHYSICAL REQUIREMENTS: Frequently lifting/carrying up to 75 pounds.
"""

LEVEL_TWO = """Class Title: Maintenance Worker II
DEPARTMENT: Maintenance
PAY LEVEL: 104 ($42,101.94 - $75,783.49)
DEFINITION: Journey-level maintenance work on airport buildings.
"""

CHIEF = """Class Title: Chief Maintenance Worker
DEPARTMENT: Maintenance
PAY LEVEL: 108 ($52,000.00 - $90,000.00)
DEFINITION: Leads the maintenance crews.
"""


@pytest.fixture(scope="module")
def airport(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"mw-1.txt": LEVEL_ONE, "mw-2.txt": LEVEL_TWO, "chief.txt": CHIEF}
    return indexed(tmp_path_factory, "ranks", files)


def test_a_rank_no_class_of_the_series_holds_is_missing(airport: Assistant) -> None:
    analysis = analyse("What pay level is the Maintenance Worker Lead?", airport.class_index)
    assert [(series, rank) for series, rank, _ in analysis.missing_ranks] == [
        ("Maintenance Worker", "lead")
    ]
    assert not analysis.classes


def test_the_answer_names_no_such_class_and_lists_the_series(airport: Assistant) -> None:
    answer = airport.ask("What pay level is the Maintenance Worker Lead?")
    assert answer.abstained
    assert "name no Maintenance Worker Lead" in answer.text
    assert "Pay Level 101" in answer.text and "Pay Level 104" in answer.text


def test_a_rank_a_class_holds_is_that_class(airport: Assistant) -> None:
    analysis = analyse("What pay level is the Chief Maintenance Worker?", airport.class_index)
    assert not analysis.missing_ranks
    assert [r.title for r in analysis.classes] == ["Chief Maintenance Worker"]
    answer = airport.ask("What pay level is the Chief Maintenance Worker?")
    assert "108" in answer.text and not answer.abstained


def test_one_level_s_lines_are_not_said_of_another_level(airport: Assistant) -> None:
    answer = airport.ask("How much weight must a Maintenance Worker II be able to lift?")
    assert answer.abstained and "75 pounds" not in answer.text
    assert "75 pounds" in airport.ask("How much weight must a Maintenance Worker I lift?").text
