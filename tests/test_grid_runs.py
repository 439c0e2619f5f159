"""A pay grid run into one line of text among other words: rows of a grade's short name and as
many amounts, under a run of numbered column marks written earlier in the line ("Steps a b c").
The schedule is written here."""

from __future__ import annotations

import pytest

from assistant.grid_runs import run_grid
from assistant.grids import GridQuestion, read_grids, select_cells

SCHEDULE = (
    "Effective: July 1, 2014 HARBOUR CLERICAL SALARY SCHEDULE (8 hr work day) (Non-Exempt) "
    "Classification/Hourly Rate Experience Steps a b c d e Initial Placement for Years of "
    "Experience 0-3 4 5 A 10.75 11.15 11.65 12.15 12.65 B 11.65 12.05 12.55 13.05 13.55 "
    "C 12.00 12.40 12.90 13.40 13.90 JOB TITLES: A Assistant, General B Clerk, Records"
)


def test_the_rows_and_the_numbered_columns_are_read_from_the_line() -> None:
    grid = run_grid(SCHEDULE)
    assert grid is not None
    assert grid.header == "Steps a b c d e"
    assert grid.columns == ("Step a", "Step b", "Step c", "Step d", "Step e")
    assert [row.key for row in grid.rows] == ["A", "B", "C"]
    assert grid.rows[1].cells == ("11.65", "12.05", "12.55", "13.05", "13.55")
    assert grid.rows[1].quote == "B 11.65 12.05 12.55 13.05 13.55"


def test_the_grade_and_step_asked_select_one_cell() -> None:
    asked = GridQuestion((("grade", "b"),), (), (), "step e", ())
    cells = [cell for grid in read_grids(SCHEDULE) for cell in select_cells(grid, asked)]
    assert [(c.row.key, c.column, c.amount) for c in cells] == [("B", "Step e", "13.55")]


@pytest.mark.parametrize(
    "line",
    [
        # No run of marks names the columns.
        "Rates A 10.75 11.15 11.65 12.15 12.65 B 11.65 12.05 12.55 13.05 13.55",
        # One row only.
        "Steps a b c d e A 10.75 11.15 11.65 12.15 12.65 then prose",
        # Marks that do not count up.
        "Steps a c d e f A 10.75 11.15 11.65 12.15 12.65 B 11.65 12.05 12.55 13.05 13.55",
        # Rows of different widths.
        "Steps a b c d e A 10.75 11.15 11.65 12.15 12.65 B 11.65 12.05 12.55",
    ],
)
def test_a_line_without_marks_or_rows_of_one_width_is_no_grid(line: str) -> None:
    assert run_grid(line) is None
