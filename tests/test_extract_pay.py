"""The pay-table layout rules (index.pay_tables and coded title blocks), on small snippets."""

from __future__ import annotations

from index.extract import paragraphs_of
from index.pay_tables import (
    amount_cell,
    cell_table_rows,
    dated_step_grids,
    heading_amount_rows,
    min_max_header_rows,
    pay_table_classes,
)
from index.titled_blocks import coded_title_classes

# --- what an amount cell is ------------------------------------------------------------------


def test_amount_cell_takes_signed_bare_and_cents_figures() -> None:
    assert amount_cell("$41,200") == "$41,200"
    assert amount_cell("52340") == "52340"
    assert amount_cell("18.75") == "18.75"
    assert amount_cell("88,120 *") == "88,120"


def test_amount_cell_refuses_years_percentages_and_words() -> None:
    assert amount_cell("2019") is None
    assert amount_cell("3.5%") is None
    assert amount_cell("Step 4") is None
    assert amount_cell("12") is None


# --- rows under a "Grade Minimum ... Maximum" header -------------------------------------------


def test_min_max_header_rows_read_grade_rows() -> None:
    lines = [
        "Annual Salary Ranges",
        "GRADE MINIMUM MIDPOINT MAXIMUM",
        "TEC 3 $40,100 $47,000 $53,900",
        "TEC 4 $44,000 $51,500 $59,000",
    ]
    rows = min_max_header_rows(lines)
    assert [(r.pay_grade, r.salary_min, r.salary_max) for r in rows] == [
        ("TEC 3", "$40,100", "$53,900"),
        ("TEC 4", "$44,000", "$59,000"),
    ]
    assert {r.salary_period for r in rows} == {"year"}
    assert rows[0].pay_columns == (
        ("MINIMUM", "$40,100"),
        ("MIDPOINT", "$47,000"),
        ("MAXIMUM", "$53,900"),
    )


def test_min_max_header_takes_the_columns_the_header_names() -> None:
    lines = ["Grade Midpoint Minimum Maximum", "7 $50,000 $40,000 $60,000"]
    (row,) = min_max_header_rows(lines)
    assert (row.salary_min, row.salary_max) == ("$40,000", "$60,000")
    assert row.title == "Grade 7"


def test_min_max_header_reads_rows_run_together_on_one_line() -> None:
    line = "Grade Minimum Maximum Records Clerk 21,400 27,900 Senior Records Clerk 25,100 31,800"
    rows = min_max_header_rows([line])
    assert [(r.title, r.salary_min, r.salary_max) for r in rows] == [
        ("Records Clerk", "21,400", "27,900"),
        ("Senior Records Clerk", "25,100", "31,800"),
    ]
    assert rows[0].salary_period is None  # nothing says the period


def test_min_max_header_refuses_years_points_and_falling_ranges() -> None:
    assert min_max_header_rows(["Grade Minimum Maximum", "5 2009 2012"]) == []
    assert min_max_header_rows(["Grade Minimum Maximum", "5 $60,000 $40,000"]) == []
    assert min_max_header_rows(["Points Minimum Maximum", "5 300 450"]) == []
    assert min_max_header_rows(["Grade Minimum Maximum", "Ordinance No. 2141 was adopted"]) == []


def test_min_max_header_columns_may_give_their_currency() -> None:
    lines = ["Pay Band Minimum (£) Maximum (£)", "1 £76,000 £117,800", "1A* £76,000 £128,900"]
    rows = min_max_header_rows(lines)
    assert [(r.title, r.pay_grade, r.salary_min, r.salary_max) for r in rows] == [
        ("Pay Band 1", "1", "£76,000", "£117,800"),
        ("Pay Band 1A", "1A", "£76,000", "£128,900"),
    ]


# --- a class's own grid: rows by effective date, columns by step -----------------------------


def test_dated_step_grids_read_each_class_at_its_latest_date() -> None:
    lines = [
        "XY-1 - Annual Rates of Pay (in dollars)",
        "Effective Date Step 1 Step 2 Step 3",
        "A) June 22, 2009 40100 41200 42300",
        "B) June 22, 2010 41000 42100 43200",
        "XY-2 - Annual Rates of Pay (in dollars)",
        "Effective Date Step 1 Step 2",
        "A) June 22, 2010 51000 53000",
        "B) June 22, 2009 50000 52000",
    ]
    rows = dated_step_grids(lines)
    assert [(r.code, r.salary_min, r.salary_max, r.salary_period) for r in rows] == [
        ("XY-1", "41000", "43200", "year"),
        ("XY-2", "51000", "53000", "year"),
    ]
    assert rows[0].quote == "B) June 22, 2010 41000 42100 43200"
    assert rows[1].pay_columns == (("Step 1", "51000"), ("Step 2", "53000"))


def test_dated_step_grids_need_a_code_above_and_dates_down_the_side() -> None:
    no_code = ["Annual Rates of Pay", "Effective Date Step 1 Step 2", "June 22, 2010 41000 42100"]
    assert dated_step_grids(no_code) == []
    grades = ["XY-1 - Annual Rates of Pay", "Grade Step 1 Step 2", "5 41000 42100"]
    assert dated_step_grids(grades) == []


# --- one cell per line ----------------------------------------------------------------------------


_STEP_TABLE = """Hourly Rates by Grade and Step
Grade
|
Step 1
|
Step 2
|
Step 3
|
4
|
21.10 |
22.40 |
23.75 |
5
|
23.90 |
25.05 |
26.30 |
"""


def test_cell_table_rows_read_each_grade_from_first_to_last_step() -> None:
    rows = cell_table_rows(_STEP_TABLE.splitlines())
    assert [(r.pay_grade, r.salary_min, r.salary_max, r.salary_period) for r in rows] == [
        ("4", "21.10", "23.75", "hour"),
        ("5", "23.90", "26.30", "hour"),
    ]
    assert all(r.quote in _STEP_TABLE for r in rows)
    # Each step under its column's name, as the header writes it, for "grade 5 step 2".
    assert [name for name, _ in rows[1].pay_columns][:2] == ["Step 1", "Step 2"]
    assert rows[1].pay_columns[0][1] == "23.90" and rows[1].pay_columns[-1][1] == "26.30"


def test_cell_table_rows_read_repeated_keys_as_pay_points() -> None:
    text = (
        "Rates (per annum)\nFrom 1 July |\nFrom 1 January |\n"
        "OFF1 |\n$50,000 |\n$51,000 |\nOFF1 |\n$53,000 |\n$54,000 |\n"
        "OFF2 |\n$58,000 |\n$59,000 |\nOFF2 |\n$61,000 |\n$62,500 |\n"
    )
    rows = cell_table_rows(text.splitlines())
    assert [(r.title, r.salary_min, r.salary_max, r.salary_period) for r in rows] == [
        ("OFF1", "$50,000", "$53,000", "year"),
        ("OFF2", "$58,000", "$61,000", "year"),
    ]
    assert all(r.quote in text for r in rows)


def test_cell_table_rows_refuse_rows_of_the_wrong_width() -> None:
    text = "Grade\n|\nStep 1\n|\nStep 2\n|\n4\n|\n21.10 |\n5\n|\n23.90 |\n25.05 |\n"
    assert cell_table_rows(text.splitlines()) == []


# --- a band heading and its amount lines ---------------------------------------------------------


def test_heading_amount_rows_read_a_band_and_its_lines() -> None:
    lines = ["Band 3", "", "Entry  £21,000", "After 2 years  £22,500", "", "Roles at band 3 ..."]
    (row,) = heading_amount_rows(lines)
    assert (row.pay_label, row.pay_grade, row.salary_min, row.salary_max) == (
        "Band",
        "3",
        "£21,000",
        "£22,500",
    )


def test_heading_amount_rows_refuse_a_single_or_falling_amount() -> None:
    assert heading_amount_rows(["Band 3", "Entry £21,000", "Text follows."]) == []
    assert heading_amount_rows(["Band 3", "Entry £23,000", "Later £21,000"]) == []
    assert heading_amount_rows(["Band 3", "Rose 4.5% in 2021 $12", "Grew 2% $10"]) == []


def test_pay_tables_read_nothing_from_prose_with_numbers() -> None:
    text = (
        "Ordinance 2015-42 amends section 3.\n"
        "Grade 12 positions score 450 - 600 points.\n"
        "Salaries rose 3.2% in 2019 and 2.5% in 2020.\n"
    )
    assert pay_table_classes(text) == []


# --- "Title (#CODE)" blocks, several in one paragraph -----------------------------------------


def test_coded_title_blocks_each_get_their_own_first_range_and_period() -> None:
    text = (
        "PARK RANGER I (#PR1 )\n"
        "$20.00-$25.00 hourly / $3,466.67-$4,333.33 monthly\n"
        "PARK RANGER II (#PR2 )\n"
        "$22.00-$27.50 hourly / $3,813.33-$4,766.67 monthly\n"
    )
    rows = coded_title_classes(list(paragraphs_of(text)))
    pay = [(r.title, r.salary_min, r.salary_max, r.salary_period) for r in rows if r.salary_min]
    assert pay == [
        ("Park Ranger I", "$20.00", "$25.00", "hour"),
        ("Park Ranger II", "$22.00", "$27.50", "hour"),
    ]
