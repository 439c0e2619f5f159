"""A class's own pay scale keyed by step, its columns the periods of an agreement written as
ISO dates, its rates with a decimal comma as French and most European scales write them: the
page names the class only in its title. The page is written here."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.grids import grid_question, read_grids, select_cells
from assistant.row_keys import row_keys
from assistant.service import Assistant
from assistant.types import Turn
from index.money import money_value
from index.pay_tables import amount_cell

HEADER = (
    "Steps | Until 2024-03-31 | 2024-04-01 to 2025-03-31 | 2025-04-01 to 2026-03-311 | "
    "Rates as of 2026-04-012 |"
)
SCALE = f"""Laboratory Attendant

{HEADER}
1 | 21,14 | 21,78 | 22,43 | 23,10 |
2 | 21,80 | 22,45 | 23,12 | 23,81 |
3 | 22,47 | 23,14 | 23,83 | 24,54 |
1The rate could be increased by up to 1.0% on March 31, 2026.
2The rate could be increased by up to 1.0% on March 31, 2027.

Nature of the work
The attendant prepares and cleans the equipment of the school's science laboratories.
"""


def test_a_decimal_comma_writes_the_cents() -> None:
    assert money_value("21,78") == money_value("21.78")
    assert money_value("1.234,56") == money_value("1234.56")
    assert money_value("2 345,67 €") == money_value("2345.67")
    assert money_value("$41,210") == 41210  # a comma before three figures groups thousands
    assert amount_cell("21,78") == "21,78"


def test_a_step_keyed_grid_selects_its_row_and_the_period_dated() -> None:
    (grid,) = read_grids(SCALE)
    question = "What is step 2 from 2024-04-01 to 2025-03-31?"
    cells = select_cells(grid, grid_question(question, row_keys(question)))
    assert [(c.row.key, c.column, c.amount) for c in cells] == [
        ("2", "2024-04-01 to 2025-03-31", "22,45")
    ]
    # A day written in full is that day: "as of 2026-04-01" is not "... to 2026-03-31".
    question = "What is step 3 as of 2026-04-01?"
    cells = select_cells(grid, grid_question(question, row_keys(question)))
    assert [c.amount for c in cells] == ["24,54"]


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "school-scale", {"laboratory-attendant.txt": SCALE})


@pytest.mark.parametrize(
    ("question", "rate"),
    [
        (
            "What is the step 1 rate for a laboratory attendant from 2024-04-01 to 2025-03-31?",
            "21,78",
        ),
        ("laboratory attendant step 2 rate until 2024-03-31", "21,80"),
        ("laboratory attendant top step rate as of 2026-04-01", "24,54"),
    ],
)
def test_the_class_named_by_the_title_is_answered_from_its_scale(
    school: Assistant, question: str, rate: str
) -> None:
    answer = school.ask(question)
    assert not answer.abstained
    assert answer.text.startswith(rate)


def test_a_follow_up_changes_the_period(school: Assistant) -> None:
    first = "What is the step 3 rate for a laboratory attendant from 2024-04-01 to 2025-03-31?"
    history = [Turn(user=first, assistant="23,14 [1].")]
    answer = school.ask("and from 2025-04-01 to 2026-03-31?", history=history)
    assert answer.text.startswith("23,83")


def test_only_a_follow_up_of_dates_alone_changes_the_dates() -> None:
    from assistant.followup import _with_changes

    earlier = "What is step 3 from 2024-04-01 to 2025-03-31?"
    changed = _with_changes(earlier, "and from 2025-04-01 to 2026-03-31?")
    assert changed == "What is step 3 from 2025-04-01 to 2026-03-31?"
    assert _with_changes("What are the SE 2 rates in 2012?", "and for 2013?") == (
        "What are the SE 2 rates in 2013?"
    )
    # "before the 2012 increase" asks another thing than the rates of 2012.
    assert (
        _with_changes("What are the SE 2 rates in 2012?", "and before the 2012 increase?") is None
    )
