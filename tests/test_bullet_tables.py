"""A table a web page flattened into bullets (each row a bullet, its cells the lines indented
under it, the first bullet naming the columns) is read as rows: a row is found by its key
under the column that names it ("Tier II" of "Tiers" | "II"). The page is written here."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.service import Assistant
from index.bullet_tables import bullet_rows_as_table

PAGE = """Research Fellowships

There are four Tiers of fellowship (from Fall 2024):

  • Tiers
    Hours per Week
    Stipend per Term
    Fee Remission
  • I
    5-9 hrs/week
    $1,900 per Term
    Up to 4 credits waived
  • II
    10-14 hrs/week
    $3,300 per Term
    Up to 8 credits waived
  • III
    15-20 hrs/week
    $4,700 per Term
    Up to 12 credits waived
  • IV
    max 20 hrs/week
    Up to 12 credits waived

Tier IV awards are agreed case by case with the Research Office.
"""


def test_bullets_with_a_cell_under_each_name_are_rows() -> None:
    text = bullet_rows_as_table(PAGE)
    assert "Tiers | Hours per Week | Stipend per Term | Fee Remission |" in text
    assert "II | 10-14 hrs/week | $3,300 per Term | Up to 8 credits waived |" in text
    # A row with a cell left out stays a list, apart: which cell is missing is not known.
    assert "\n\n  • IV\n    max 20 hrs/week\n    Up to 12 credits waived\n" in text


@pytest.mark.parametrize(
    "text",
    [
        # bullets of sentences, or with nothing under them, are a list
        "  • Duties\n    Cleans the wards.\n    Moves beds.\n  • Hours\n    Nights 3-4 a week.\n"
        "    Weekends 2 a month.\n  • Pay\n    From $12 an hour.\n    Paid weekly.\n",
        "  • Lifts 20 kg\n  • Drives a van\n  • Works 3 nights\n",
        # too few rows to tell a table
        "  • Tiers\n    Hours\n    Stipend\n  • I\n    5 hrs\n    $1,900\n",
    ],
)
def test_lists_that_are_no_table_stay_as_written(text: str) -> None:
    assert bullet_rows_as_table(text) == text


@pytest.fixture(scope="module")
def fellowships(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "fellowships", {"fellowship-tiers.txt": PAGE})


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("What is the stipend for a Tier I research fellow?", "$1,900 per Term"),
        ("research fellowship tier III stipend and hours per week", "$4,700 per Term"),
    ],
)
def test_a_row_is_found_by_its_key_under_the_column_naming_it(
    fellowships: Assistant, question: str, row: str
) -> None:
    answer = fellowships.ask(question)
    assert not answer.abstained
    assert row in answer.text
    assert "$3,300" not in answer.text  # not another tier's row


def test_a_cell_asked_by_its_column_is_read_from_the_row_of_the_key(
    fellowships: Assistant,
) -> None:
    answer = fellowships.ask("How many credits can be waived for a Tier II fellow?")
    assert "Up to 8 credits waived" in answer.text
    assert "Up to 4 credits" not in answer.text
