"""Pay grids read whole from a document, in the layouts flattening leaves, and the one cell a
question's grade, step, date or extreme selects."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_passage_answers import indexed

from assistant.grids import (
    amounts_in,
    cells_holding,
    columns_written,
    grid_question,
    read_grids,
    select_cells,
    titles_written,
)
from assistant.row_keys import row_keys
from assistant.service import Assistant

# A row a line, one table per grade, rows by effective date (as archived rate pages write it).
ROW_A_LINE = """Harbour Pilots (HP) Annual Rates of Pay

HP-1 - Annual Rates of Pay (in dollars)
Effective Date Step 1 Step 2 Step 3
$) June 1, 2019 40100 41200 42300
A) June 1, 2020 40900 42000 43100
HP-2 - Annual Rates of Pay (in dollars)
Effective Date Step 1 Step 2
$) June 1, 2019 50100 51200
A) June 1, 2020 50900 52000
"""
# A cell a line under a rule, columns by effective date, several pay points per grade.
CELL_A_LINE = """Schedule 3 - Pay Rates
Pay rate as at 1 July 2021 |
2.0% increase: From 1 July 2022 |
|
---|---|---|
HB1 |
$61,000 |
$62,220 |
HB1 |
$63,000 |
$64,260 |
HB2 |
$70,000 |
$71,400 |
"""
# A stream of cells split by "|" lines, with a second key column.
CELL_STREAM = """Salary Table 2031-ZZ
Hourly Basic (B) and Overtime (O) Rates by Grade and Step
Grade |
B/O |
Step 1 |
Step 2 |
Step 3
|
1
|
B
|
10.50 |
10.90 |
11.30
|
O
|
15.75 |
16.35 |
16.95
|
2
|
B
|
12.00 |
12.40 |
12.80
"""


def test_each_layout_is_read_into_rows_and_named_columns() -> None:
    first, second = read_grids(ROW_A_LINE)
    assert first.heading == "HP-1 - Annual Rates of Pay (in dollars)"
    assert first.columns == ("Step 1", "Step 2", "Step 3")
    assert first.rows[1].key == "A) June 1, 2020" and first.rows[1].cells[2] == "43100"
    assert second.columns == ("Step 1", "Step 2") and len(second.rows) == 2

    (dated,) = read_grids(CELL_A_LINE)
    assert dated.columns == ("Pay rate as at 1 July 2021", "2.0% increase: From 1 July 2022")
    assert [r.key for r in dated.rows] == ["HB1", "HB1", "HB2"]
    assert dated.rows[2].cells == ("$70,000", "$71,400")

    (stream,) = read_grids(CELL_STREAM)
    assert stream.key_name == "Grade B/O"
    assert [r.key for r in stream.rows] == ["1 B", "1 O", "2 B"]  # "O" keeps its grade
    assert stream.rows[1].cells == ("15.75", "16.35", "16.95")


def test_prose_and_one_line_tables_are_not_grids() -> None:
    prose = "Grade 7 staff earn 41,225 to 57,452 and Grade 6 staff 51,544 to 69,940.\nAO 1 2"
    assert read_grids(prose) == []


@pytest.mark.parametrize(
    ("question", "keys", "amounts"),
    [
        ("HP-2 step 1 effective June 1, 2020?", [("hp", "2")], ["50900"]),
        ("What is the HP-1 step 3 rate in 2019?", [("hp", "1")], ["42300"]),
        ("top HP-1 rate in 2020", [("hp", "1")], ["43100"]),
        ("HP-1 step 3 in 2025?", [("hp", "1")], []),  # a date the grid does not hold
        ("HP-1 step 9 in 2020?", [("hp", "1")], []),  # a step it does not have
    ],
)
def test_a_row_a_line_grid_answers_by_grade_date_and_step(
    question: str, keys: list[tuple[str, str]], amounts: list[str]
) -> None:
    asked = grid_question(question, keys)
    found = [c.amount for grid in read_grids(ROW_A_LINE) for c in select_cells(grid, asked)]
    assert found == amounts


def test_a_date_column_and_an_extreme_pick_one_cell() -> None:
    (grid,) = read_grids(CELL_A_LINE)
    top = grid_question("highest HB1 rate from 1 July 2022", [("hb", "1")])
    assert [c.amount for c in select_cells(grid, top)] == ["$64,260"]
    bottom = grid_question("lowest HB1 pay point as at jul 2021", [("hb", "1")])
    assert [c.amount for c in select_cells(grid, bottom)] == ["$61,000"]


def test_a_bare_grade_under_a_grade_column_and_a_date_of_the_whole_table() -> None:
    (grid,) = read_grids(CELL_STREAM)
    asked = grid_question("ZZ-1 overtime step 3 in the 2031 table", [("zz", "1")])
    assert select_cells(grid, asked) == []  # 2031 is in the title only: no date cell holds it
    cells = select_cells(grid, asked, document="Salary Table 2031-ZZ")
    assert [(c.row.key, c.amount) for c in cells] == [("1 B", "11.30"), ("1 O", "16.95")]


@pytest.fixture(scope="module")
def pilots(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "pilots", {"hp-rates.txt": ROW_A_LINE})


def test_the_answer_gives_the_cell_with_its_row_columns_and_table_cited(pilots: Assistant) -> None:
    answer = pilots.ask("What is the HP-2 step 2 rate effective June 1, 2020?")
    assert not answer.abstained
    assert answer.text.startswith('52000 ("Step 2", A) June 1, 2020)'), answer.text
    quotes = [c.quote for c in answer.citations]
    assert "HP-2 - Annual Rates of Pay (in dollars)" in quotes
    assert "A) June 1, 2020 50900 52000" in quotes
    assert "Effective Date Step 1 Step 2" in quotes


def test_an_amount_is_found_in_its_row_and_column() -> None:
    assert amounts_in("which grade and step pays 101,010 in 2024?") == ["101,010"]
    assert amounts_in("step 3 of grade 12 in 2024") == []  # small numbers and years
    (grid,) = read_grids(CELL_STREAM)
    (cell,) = cells_holding(grid, amounts_in("Which grade and step pays 16.35?"))
    assert (cell.row.key, cell.column) == ("1 O", "Step 2")


def test_which_step_pays_an_amount_is_answered_by_its_cell(pilots: Assistant) -> None:
    answer = pilots.ask("Which HP step pays 51,200?")
    assert answer.text.startswith('51200 ("Step 2", $) June 1, 2019)'), answer.text


ONE_LINE = """Salary ranges for the three sites are in the tables below.
£ Grade Minimum Maximum Clerical Officer (CO) 14,000 18,000 Harbour Officer (HO) 18,500 26,000
£ Grade Minimum Maximum CO 15,000 19,000 HO 19,500 27,250
"""


def test_a_table_on_one_line_is_read_row_by_row() -> None:
    first, second = read_grids(ONE_LINE)
    assert first.columns == ("Minimum", "Maximum") and first.key_name == "£ Grade"
    assert [r.key for r in first.rows] == ["Clerical Officer (CO)", "Harbour Officer (HO)"]
    assert second.rows[1].quote == "HO 19,500 27,250"
    # its heading is the line above both tables, not the first table
    assert second.heading == "Salary ranges for the three sites are in the tables below."


def test_an_acronym_names_its_row_in_every_table() -> None:
    asked = grid_question("whats the HO max", [])
    found = [c.amount for grid in read_grids(ONE_LINE) for c in select_cells(grid, asked)]
    assert found == ["26,000", "27,250"]
    assert grid_question("whats the ho max", []).names == ()  # lower case is a word


def test_every_grade_named_must_have_a_cell(pilots: Assistant) -> None:
    """HP-3 is in no table: "HP-1 and HP-3" is not answered by HP-1's cell alone."""
    answer = pilots.ask("Compare the step 1 rates of HP-1 and HP-3 effective June 1, 2020.")
    assert not answer.text.startswith('40900 ("Step 1"'), answer.text


DATED = """PX-01 - Annual rates of pay (in dollars)
Effective dates | Step 1 | Step 2 |
October 1, 2021 | 50,100 | 52,200 |
October 1, 2022 | 51,100 | 53,200 |
PX-02 - Annual rates of pay (in dollars)
Effective dates | Step 1 | Step 2 |
October 1, 2021 | 60,100 | 62,200 |
October 1, 2022 | 61,100 | 63,200 |
"""


def test_a_date_the_question_gives_is_no_title_of_a_row_keyed_by_it() -> None:
    """Rows keyed by their effective dates: "PX-04 effective October 1, 2021" writes a row's
    key, which names no class, so no PX-01 or PX-02 row answers for PX-04."""
    grids = read_grids(DATED)
    assert [r.key for r in grids[0].rows] == ["October 1, 2021", "October 1, 2022"]
    question = "step 1 rate for PX-04 effective October 1, 2021"
    assert titles_written(question, grids) == ()
    asked = grid_question(question, row_keys(question))
    assert [c.amount for grid in grids for c in select_cells(grid, asked)] == []


def test_a_period_the_table_does_not_give_is_said_with_the_one_it_does(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    assistant = indexed(tmp_path_factory, "hourly", {"zz-hourly.txt": CELL_STREAM})
    answer = assistant.ask("What is the annual salary for ZZ-2 step 3?")
    assert answer.abstained
    assert answer.text.startswith("The sources give no yearly rate for this; the table gives")
    assert "12.80" in answer.text  # the hourly cell, said as hourly


BY_EXPERIENCE = """Harbour pay points

Band 2

<2 years' experience  £21,000
2-5 years             £23,500
5+ years              £26,000

Examples of roles at band 2: deckhand.
"""


def test_pay_by_years_of_experience_is_read_under_its_band() -> None:
    (grid,) = read_grids(BY_EXPERIENCE)
    assert grid.heading == "Band 2"
    assert [r.key for r in grid.rows] == ["<2 years' experience", "2-5 years", "5+ years"]
    for question, amount in [
        ("band 2 pay with 3 yrs experience?", "£23,500"),
        ("Band 2 pay at 1 year?", "£21,000"),
        ("band 2 after 7 years", "£26,000"),
    ]:
        asked = grid_question(question, [("band", "2")])
        assert [c.amount for c in select_cells(grid, asked)] == [amount], question


def test_an_experience_bracket_is_answered_with_its_line(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    assistant = indexed(tmp_path_factory, "experience", {"harbour-pay.txt": BY_EXPERIENCE})
    answer = assistant.ask("What does Band 2 pay with 3 years' experience?")
    assert answer.text.startswith("£23,500 (2-5 years)"), answer.text
    assert "2-5 years             £23,500" in [c.quote for c in answer.citations]


# The columns' label on one line and their letters on the next, blank lines between rows.
TWO_LINE_HEADER = """Sec. 12.3.4 - Pay Plan

Range Step Step Step

No. A B C

7 2,100 2,200 2,300

8 2,400 2,500 2,600
"""
# Named pay columns, each grade's rows by pay period, the grade written on the first only.
PERIOD_ROWS = """Grade | Minimum | Maximum | |
4 | Hourly | 11.10 | 16.20 |
Bi-weekly | 888.00 | 1,296.00 | |
Annual | 23,088.00 | 33,696.00 | |
5 | Hourly | 12.10 | 17.20 |
Bi-weekly | 968.00 | 1,376.00 | |
Annual | 25,168.00 | 35,776.00 | |
"""
# Scales: a title line, then the points of its scale and nothing else.
SCALES = """Revised scales

Clerical Officer (PPC)
30,100 – 31,200 – 32,300¹

Higher Clerical Officer (PPC)
35,100 – 36,200 – 37,300 – 38,400²
"""


def test_columns_lettered_under_a_label_on_the_line_above() -> None:
    (grid,) = read_grids(TWO_LINE_HEADER)
    assert (grid.key_name, grid.columns) == ("Range No.", ("Step A", "Step B", "Step C"))
    asked = grid_question("Under sec. 12.3.4, range 8 step B per month?", [("range", "8")])
    assert [c.amount for c in select_cells(grid, asked)] == ["2,500"]
    assert amounts_in("Under Sec. 12.3.4, which range pays 2,500?") == ["2,500"]


def test_a_row_of_a_pay_period_continues_the_grade_above() -> None:
    (grid,) = read_grids(PERIOD_ROWS)
    assert [r.key for r in grid.rows][:3] == ["4 Hourly", "4 Bi-weekly", "4 Annual"]
    hourly_max = grid_question("hourly max for grade 5", [("grade", "5")])
    assert [c.amount for c in select_cells(grid, hourly_max)] == ["17.20"]
    both = grid_question("annual minimum and maximum of grade 4", [("grade", "4")])
    assert sorted(c.amount for c in select_cells(grid, both)) == ["23,088.00", "33,696.00"]
    compared = grid_question("biweekly min grade 4 vs grade 5", [("grade", "4"), ("grade", "5")])
    assert [c.amount for c in select_cells(grid, compared)] == ["888.00", "968.00"]
    # A period alone selects nothing in a grid whose rows do not name periods.
    (lettered,) = read_grids(TWO_LINE_HEADER)
    assert select_cells(lettered, grid_question("monthly range 7", [("range", "7")])) == []


def test_a_scale_is_a_row_named_by_its_title_written_out() -> None:
    grids = read_grids(SCALES)
    assert [g.rows[0].key for g in grids] == [
        "Clerical Officer (PPC)",
        "Higher Clerical Officer (PPC)",
    ]
    question = "lowest and highest points of the Clerical Officer (PPC) scale"
    titles = titles_written(question, grids)
    assert titles == ("Clerical Officer (PPC)",)  # not every "(PPC)" title, not the longer one
    asked = replace(grid_question(question, []), titles=titles, names=())
    cells = [c.amount for grid in grids for c in select_cells(grid, asked)]
    assert sorted(cells) == ["30,100", "32,300"]
    assert [c.row.key for g in grids for c in cells_holding(g, ["38,400"])] == [
        "Higher Clerical Officer (PPC)"
    ]
    # Two titles come back in the order the question writes them, whatever the hash seed.
    both = "the Higher Clerical Officer (PPC) top against the Clerical Officer (PPC) top"
    assert titles_written(both, grids) == (
        "Higher Clerical Officer (PPC)",
        "Clerical Officer (PPC)",
    )


def test_a_named_middle_column_and_several_grades_after_one_label() -> None:
    grades = (
        "Salary Grade Minimum Midpoint Maximum\n"
        "4 $30,000 $35,000 $40,000\n"
        "5 $33,000 $38,500 $44,000\n"
    )
    (grid,) = read_grids(grades)
    assert grid.columns == ("Minimum", "Midpoint", "Maximum")
    keys = row_keys("Compare the maximum salaries of staff grades 4 and 5.")
    assert keys == [("grade", "4"), ("grade", "5")]
    compared = grid_question("Compare the maximum salaries of staff grades 4 and 5.", keys)
    assert [c.amount for c in select_cells(grid, compared)] == ["$40,000", "$44,000"]
    middle = grid_question("what is the midpoint of salary grade 5", row_keys("salary grade 5"))
    assert [c.amount for c in select_cells(grid, middle)] == ["$38,500"]
    # A grade the table does not have selects nothing.
    absent = grid_question("maximum for salary grade 21", row_keys("salary grade 21"))
    assert select_cells(grid, absent) == []


# A table flattened to one cell a line with nothing to mark it: header cells, then each row's
# number and title, then its amounts.
LONE_CELLS = """Bus Driver Wage Schedule

Steps

Group

Classification

0

1

2

10-01

ROUTE DRIVER

20.10

20.60

21.10

10-02

ROUTE DRIVER TRAINER

21.10

21.65

22.20
"""


def test_a_table_of_one_cell_a_line_is_read_into_rows_by_title() -> None:
    (grid,) = read_grids(LONE_CELLS)
    assert grid.columns == ("Step 0", "Step 1", "Step 2")
    assert [r.key for r in grid.rows] == ["10-01 ROUTE DRIVER", "10-02 ROUTE DRIVER TRAINER"]
    question = "step 1 rate for a route driver trainer"
    titles = titles_written(question, [grid])
    assert titles == ("10-02 ROUTE DRIVER TRAINER",)  # not the shorter title inside it
    asked = replace(grid_question(question, []), titles=titles, names=())
    assert [c.amount for c in select_cells(grid, asked)] == ["21.65"]


def test_columns_in_roman_numerals_and_rows_with_empty_or_missing_cells() -> None:
    bands = (
        "Band Level I Level II Level III\n"
        "Trades $3,100 $3,400 -\n"
        "Crafts $2,900 $3,150\n"  # a cell left out: which one cannot be known
        "Clerical $2,500 $2,700 $2,950\n"
    )
    (grid,) = read_grids(bands)
    assert grid.columns == ("Level I", "Level II", "Level III")
    assert [r.key for r in grid.rows] == ["Trades", "Clerical"]
    for question, found in (
        ("clerical band level ii rate", ["$2,700"]),
        ("trades band level iii rate", []),  # an empty cell answers nothing
    ):
        titles = titles_written(question, [grid])
        asked = replace(
            grid_question(question, []),
            titles=titles,
            names=(),
            columns=columns_written(question, [grid]),
        )
        assert [c.amount for c in select_cells(grid, asked)] == found


def test_an_empty_cell_of_the_row_and_column_asked_is_said_with_its_row(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bands = (
        "2019 Target Rates of Pay (monthly)\n"
        "Band Level I Level II Level III\n"
        "Harbor Trades $3,100 $3,400 -\n"
        "Harbor Clerical $2,500 $2,700 $2,950\n"
    )
    assistant = indexed(tmp_path_factory, "bands", {"bands.txt": bands})
    empty = assistant.ask("What is the 2019 target rate for Harbor Trades Level III?")
    assert empty.abstained and "$" not in empty.text.split(":")[0]
    assert 'no "Level III" amount for Harbor Trades' in empty.text
    given = assistant.ask("What is the 2019 target rate for Harbor Clerical Level III?")
    assert not given.abstained and "$2,950" in given.text


# Rows grouped under a grade that only each group's first line names (a spine of points).
GROUPED = """Northbridge College pay spine (from 1 August 2030)

Grade Point Salary
Grade 1
4 20,110
5 20,480
Grade 2      6 20,950
7 21,400
Disc* 21,890
Grade 3
No automatic
increments
8 22,300
9 22,910
"""


def test_rows_grouped_under_a_grade_named_once_are_a_grid_per_grade() -> None:
    grids = read_grids(GROUPED)
    assert [(g.heading, g.key_name) for g in grids] == [
        ("Grade 1", "point"),
        ("Grade 2", "point"),
        ("Grade 3", "point"),
    ]
    assert [(r.key, r.cells) for r in grids[1].rows] == [
        ("6", ("20,950",)),
        ("7", ("21,400",)),
        ("Disc*", ("21,890",)),
    ]
    assert grids[1].rows[0].quote == "Grade 2      6 20,950"  # as the document writes it


@pytest.mark.parametrize(
    ("question", "amounts"),
    [
        ("grade 2 spine point 7 salary?", ["21,400"]),
        ("Which grade is point 9 in?", ["22,910"]),  # only Grade 3 has a point 9
        ("grade 3 point 10 salary?", []),  # no such point
    ],
)
def test_a_point_of_a_grade_is_the_row_keyed_by_it_in_that_grade(
    question: str, amounts: list[str]
) -> None:
    assert _selected(GROUPED, question) == amounts


def _selected(text: str, question: str) -> list[str]:
    """The amounts of the cells a question selects in the grids of a text."""
    asked = grid_question(question, row_keys(question))
    return [c.amount for grid in read_grids(text) for c in select_cells(grid, asked)]


def test_grade_lines_in_prose_or_a_single_group_without_a_key_are_not_grouped_grids() -> None:
    prose = "Grade 6 is the journey level.\nGrade 7 staff lead.\n21 28,759\n"
    lone = "Salary table\nGrade 4\n11 22,681\n12 23,144\n"
    assert read_grids(prose) == []
    assert read_grids(lone) == []


# Grades across a line, each with its amounts one a line below, in a bill's numbered gutter.
ACROSS = """  1 17 general assembly is set in accordance with the following salary
  1 18 schedule:
  1 19 #10          #11         #12
  1 20 $17,368.00   $18,283.20  $19,198.40
  1 21       8.35         8.79        9.23
  1 22
  1 23 #13          #14
  1 24 $20,134.40   $21,216.00
  1 25       9.68        10.20
"""


def test_grades_across_with_their_amounts_below_are_a_row_each() -> None:
    grids = read_grids(ACROSS)
    first, second = [g for g in grids if g.whole_rows]
    assert [(r.key, r.cells) for r in first.rows] == [
        ("10", ("$17,368.00", "8.35")),
        ("11", ("$18,283.20", "8.79")),
        ("12", ("$19,198.40", "9.23")),
    ]
    assert first.heading == "schedule:" and first.key_name == "grade"
    assert first.header == "1 19 #10          #11         #12"  # as the document writes it
    assert second.rows[1].quote in ACROSS  # quoted as written, line numbers and all
    assert second.rows[1].cells == ("$21,216.00", "10.20")


@pytest.mark.parametrize(
    ("question", "amounts"),
    [
        ("annual salary for grade 14?", ["$21,216.00", "10.20"]),  # the whole row: unnamed
        ("grade 11 hourly rate", ["$18,283.20", "8.79"]),
        ("grade 15 annual salary", []),
    ],
)
def test_a_grade_asked_of_grades_across_gets_its_whole_row(
    question: str, amounts: list[str]
) -> None:
    assert _selected(ACROSS, question) == amounts


def test_a_cell_a_line_stream_of_empty_amounts_is_not_grades_across() -> None:
    stream = "Grade Over 2 Over 3\nO-9\n0.00\n0.00\nO-8\n0.00\n0.00\n"
    assert not [g for g in read_grids(stream) if g.whole_rows]


def test_grades_across_named_by_letters_keep_them() -> None:
    text = "Monthly rates\nGS-5       GS-6\n$3,100.00  $3,400.00\n"
    (grid,) = [g for g in read_grids(text) if g.whole_rows]
    assert [(r.key, r.cells) for r in grid.rows] == [
        ("GS-5", ("$3,100.00",)),
        ("GS-6", ("$3,400.00",)),
    ]
    assert _selected(text, "GS-6 monthly rate") == ["$3,400.00"]


# A web table pasted a cell a line, each cell opened by a "|", one header cell wrapped.
MARKED_CELLS = """Harbour Board pay review, published 3 March 2031
In full: the new structure
|Post
|Monthly pay FY 2029/2030
|Monthly pay FY 2030/2031
|Pay target
(FY 2032/2033)
|Share of target reached
|Chief Pilot (HB1)
|1,200,000
|1,500,000
|2,000,000
|75
|Deputy Pilot (Senior) (HB2)
|900,000
|1,000,000
|1,600,000
|62
|Deputy Pilot (Junior) (HB2)
|700,000
|800,000
|1,600,000
|50
"""


def test_cells_opened_by_a_bar_are_rows_under_their_wrapped_header() -> None:
    (grid,) = read_grids(MARKED_CELLS)
    assert grid.key_name == "Post" and grid.heading == "In full: the new structure"
    assert grid.columns[2] == "Pay target (FY 2032/2033)"  # the wrapped cell joined
    assert [(r.key, r.cells[-1]) for r in grid.rows] == [
        ("Chief Pilot (HB1)", "75"),  # a bare share is a figure of its row
        ("Deputy Pilot (Senior) (HB2)", "62"),
        ("Deputy Pilot (Junior) (HB2)", "50"),
    ]
    assert grid.rows[0].quote in MARKED_CELLS


@pytest.mark.parametrize(
    ("question", "amounts"),
    [
        # The title's dates select the column, though the document's title holds a year too.
        ("Chief Pilot (HB1) monthly pay in FY 2030/2031?", ["1,500,000"]),
        # The title written without its brackets is still its row, not its neighbour's.
        ("deputy pilot junior HB2 pay 2029", ["700,000"]),
        ("Chief Pilot (HB1) pay in 2027?", []),  # a year no column holds
    ],
)
def test_a_row_title_and_a_column_date_select_one_cell(question: str, amounts: list[str]) -> None:
    assert _selected_as_answered(MARKED_CELLS, question) == amounts


# Grades' codes across the header, the words before them one more column's name, rows keyed
# by their place from the top of the range; a row short of a cell is left out.
CODE_COLUMNS = """Counsel pay ranges
With effect from 1 May 2030
  Pupil Counsel K1 K2
Top-2 21000 40100 52200
Top-1   44300 55900
Top 23900 47800 59600
With effect from 1 May 2031
  Pupil Counsel K1 K2
Top-2 21500 41000 53400
Top 24500 48900 61000
"""


def test_a_header_of_grade_codes_names_the_columns_of_its_rows() -> None:
    first, second = read_grids(CODE_COLUMNS)
    assert first.columns == ("Pupil Counsel", "K1", "K2")
    assert [r.key for r in first.rows] == ["Top-2", "Top"]
    assert second.heading == "With effect from 1 May 2031"


@pytest.mark.parametrize(
    ("question", "amounts"),
    [
        ("What is the maximum of the K1 range from 1 May 2031?", ["48900"]),
        ("K1 vs K2 top pay from May 2030", ["47800", "59600"]),
        ("What is the K3 maximum from 1 May 2030?", []),
    ],
)
def test_a_grade_that_is_a_column_is_read_down_it(question: str, amounts: list[str]) -> None:
    assert _selected_as_answered(CODE_COLUMNS, question) == amounts


def _selected_as_answered(text: str, question: str) -> list[str]:
    """The amounts of the cells a question selects in the grids of a text, with the titles
    and columns it writes out, as the grid answers read them."""
    grids = read_grids(text)
    asked = grid_question(question, row_keys(question))
    titles = titles_written(question, grids)
    asked = replace(asked, titles=titles, names=() if titles else asked.names)
    asked = replace(asked, columns=columns_written(question, grids))
    return [c.amount for grid in grids for c in select_cells(grid, asked)]


# A bill's table pasted a cell a line: a header over three rows ("from", "to", "until"), then
# each office and its two amounts, the office's line read as the heading of a passage of its
# amounts (the section's paragraphs fill a passage before it).
_OFFICES = [
    ("Harbour Master", "$150,100", "$154,600"),
    ("Deputy Harbour Master", "$120,200", "$123,800"),
    ("Pilotage Secretary", "$120,200", "$123,800"),
    ("Moorings Officer", "$98,400", "$101,300"),
]
BILL_TABLE = "\n\n".join(
    [
        "2031 Session",
        "Harbour Bill - HC12 (Enrolled)",
        "Officer Compensation",
        "Item 4-6.01",
        "§ 4-6.00 POSITIONS AND EMPLOYMENT\n",
        "§ 4-6.01 OFFICER COMPENSATION\n",
        "a. The pay of each officer of the Commission shall be fixed at the rate the Commission"
        " approves in writing, and no increase shall be made except with its written approval"
        " first obtained or under the rules it has made. Where an officer is appointed to fill"
        " a vacancy in a post whose salary this act specifies, the Commission may fix that"
        " salary at a lower amount within the level than is specified. Where a post is created"
        " by another act but not specified by this act, the Commission may fix its salary under"
        " this subsection.\n",
        "b. Annual salaries of the officers below shall be paid in the amounts shown.\n",
        " ",
        "July 1, 2031",
        "July 1, 2032",
        " ",
        "to",
        "to",
        " ",
        "June 30, 2032",
        " June 30, 2033",
        *(f"     \n\n{office}\n\n{first}\n\n{second}" for office, first, second in _OFFICES),
    ]
)


def test_a_header_over_several_rows_names_each_column_with_its_span() -> None:
    (grid,) = read_grids(BILL_TABLE)
    assert grid.columns == ("July 1, 2031 to June 30, 2032", "July 1, 2032 to June 30, 2033")
    assert grid.key_name == ""
    assert [(r.key, *r.cells) for r in grid.rows] == _OFFICES


@pytest.fixture(scope="module")
def bill(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "bill", {"harbour-commission-act.txt": BILL_TABLE})


@pytest.mark.parametrize(
    ("question", "office", "amount", "absent"),
    [
        # The bill's number in the question names the document, not a grade of the table; the
        # Deputy's passage holds the same amounts, but is not the Secretary's.
        (
            "What does HC12 pay the Pilotage Secretary from July 1, 2032?",
            "Pilotage Secretary",
            "$123,800",
            "$120,200",
        ),
        (
            "harbour master salary july 1 2031 to june 30 2032",
            "Harbour Master",
            "$150,100",
            "$154,600",
        ),
    ],
)
def test_an_office_read_as_a_heading_is_still_its_row(
    bill: Assistant, question: str, office: str, amount: str, absent: str
) -> None:
    answer = bill.ask(question)
    assert not answer.abstained, answer.text
    assert amount in answer.text and absent not in answer.text.split("(")[0]
    # The office is cited by the passage of its amounts, whose section it heads.
    assert any(amount in c.quote and office in c.section for c in answer.citations)
