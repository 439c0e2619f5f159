"""Tables copied a cell a line, put back into rows; a row found by the value of any of its
columns ("spinal column point 12"); a grade's key line kept with its step rows when a long
table is cut into passages; step rows numbered "(1)"; a code typed with an O for its zero.
The tables are written here."""

from __future__ import annotations

import pytest
from conftest import stated
from test_keyed_rows import cut_as_one_paragraph
from test_passage_answers import indexed

from assistant.row_keys import (
    another_in_column,
    keyed_by_value,
    keyed_in_column,
    other_step,
    row_keys,
    row_under_key,
)
from assistant.service import Assistant
from index.reflow import rejoin_cell_lines, wrapped_bars_closed

# A web table pasted as text: a cell a line, blank lines between.
_CELLS = [("KA", 2, "21,100"), ("K1", 2, "21,100"), ("K1", 3, "21,540"), ("K2", 3, "21,540")]
_CELLS += [("K2", 4, "22,010"), ("K3", 5, "22,480"), ("K3", 6, "22,950"), ("K3", 7, "23,420")]
CELL_A_LINE = "\n\n".join(
    [
        "Support Staff Pay Scales 2025",
        "Below are the pay scales for support staff this year.",
        "Grade",
        "Pay Point",
        "Annual Salary (£)",
        *(f"{grade}\n\n{point}\n\n{salary}" for grade, point, salary in _CELLS),
        "Note: point 1 is no longer used.",
    ]
)


def test_a_table_written_a_cell_a_line_is_read_a_row_a_line() -> None:
    text = rejoin_cell_lines(CELL_A_LINE)
    assert "Grade\tPay Point\tAnnual Salary (£)" in text
    assert "K1\t3\t21,540\nK2\t3\t21,540" in text
    # The text around the table is kept as it was.
    assert "Below are the pay scales for support staff this year." in text
    assert "Note: point 1 is no longer used." in text


def test_a_header_that_leaves_out_the_key_column_heads_rows_keyed_first() -> None:
    """The header names the pay columns only; each row's key comes first. Read with the
    header's width, every row would end with the next row's key."""
    rows = [("SES 3", "$357,000", "$397,484"), ("SES 2", "$263,750", "$403,449")]
    rows += [("EL 1", "$99,408", "$136,172"), ("APS 6", "$78,700", "$94,058")]
    cells = [cell for row in rows for cell in row]
    text = rejoin_cell_lines("\n\n".join(["Minimum Salary", "Maximum Salary", *cells, "Other"]))
    assert text.startswith("\tMinimum Salary\tMaximum Salary\nSES 3\t$357,000\t$397,484\n")
    assert "APS 6\t$78,700\t$94,058\n\nOther" in text


def test_a_cells_bar_wrapped_onto_a_line_of_its_own_closes_that_cell() -> None:
    """A page's table copied a cell a line, each cell ending in "|"; where a row's last cell
    lost its bar to the next line ("Master" / "|"), the rows are still read."""
    header = ["Positions |", "Hourly |", "Monthly |", "Annual |", "Recommended Certification |"]
    rows = [
        ["Operator I Basic |", "21.1578 |", "$3,667.34 |", "$44,008.12 |", "-", "|"],
        ["Operator I 12 Month |", "22.2111 |", "$3,849.92 |", "$46,199.00 |", "Basic |"],
        ["Operator II 24 Month |", "23.3216 |", "$4,042.41 |", "$48,508.96 |", "Master", "|"],
        ["Supervisor Basic |", "31.3130 |", "$5,427.59 |", "$65,131.07 |", "Master |"],
    ]
    text = "\n".join(
        ["Dispatch Pay Plan FY 2022-2023", *header, *(cell for row in rows for cell in row)]
    )
    read = rejoin_cell_lines(wrapped_bars_closed(text))
    assert "Operator I Basic | 21.1578 | $3,667.34 | $44,008.12 | - |\n" in read
    assert "Operator II 24 Month | 23.3216 | $4,042.41 | $48,508.96 | Master |\n" in read
    # A run of bar lines is a row's edge in another layout: left as it is.
    assert wrapped_bars_closed("Grade |\nA\n|\n|\nB") == "Grade |\nA\n|\n|\nB"


def test_a_row_may_be_keyed_by_a_long_title() -> None:
    titles = ["Trainee APS (Technical)", "Graduate APS (APS Level 4)"]
    titles += ["Border Force Officer Recruit Trainee Programme (APS Level 2)", "ICT Cadet"]
    cells = [cell for title in titles for cell in (title, "$50,801", "$57,152")]
    header = ["APS classification level", "Minimum Salary", "Maximum Salary"]
    text = rejoin_cell_lines("\n\n".join([*header, *cells]))
    assert "Border Force Officer Recruit Trainee Programme (APS Level 2)\t$50,801\t$57,152" in text


@pytest.mark.parametrize(
    "text",
    [
        # Labels above their values are not a table's columns.
        "Class Title:\n\nCUSTODIAN\n\nClass Code:\n\n3101\n\nSalary:\n\n$40,000.00",
        # A list of codes and titles: a code is no column's name.
        "Occ. Code 7140100\n\nOPERATOR 1, GRADE 8\n\n7140100\n\nOPERATOR 2, GRADE 10\n\n"
        "7140200\n\nOPERATOR 3, GRADE 12\n\n7140300\n\nOPERATOR 4, GRADE 14",
        # Two rows are not enough to tell a table from a list.
        "Grade\n\nSalary\n\nA1\n\n21,100\n\nA2\n\n22,200",
        # Rows that change shape are not one table.
        "Grade\n\nSalary\n\nA1\n\n21,100\n\n22,200\n\nA2\n\nA3\n\n23,300",
    ],
)
def test_what_is_not_a_table_written_a_cell_a_line_is_left_alone(text: str) -> None:
    assert rejoin_cell_lines(text) == text


def test_a_row_is_keyed_by_the_value_of_the_column_a_question_names() -> None:
    header = "Grade\tSpinal Column Point (SCP)\tBasic Salary (£)"
    keys = row_keys("basic salary at spinal column point 12")
    assert keyed_in_column("H5\t12\t27,711", header, keys)
    assert keyed_in_column("H5\t12\t27,711", header, [("scp", "12")])
    assert not keyed_in_column("H5\t13\t28,163", header, keys)
    assert not keyed_in_column("H12\t4\t28,163", header, keys)  # "12" of another column
    assert not keyed_in_column("H5 12 27,711", header, keys)  # no cells to align


@pytest.fixture(scope="module")
def scales(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "cell-tables", {"support-staff.txt": CELL_A_LINE})


def test_the_row_of_the_point_asked_answers(scales: Assistant) -> None:
    answer = scales.ask("What is the annual salary at pay point 6 on the support staff scales?")
    assert not answer.abstained
    assert "22,950" in answer.text
    assert "22,480" not in answer.text and "23,420" not in answer.text


def test_the_rows_of_the_grade_asked_answer(scales: Assistant) -> None:
    answer = scales.ask("support staff grade K3 pay")
    assert not answer.abstained
    assert "22,480" in answer.text and "23,420" in answer.text
    assert "21,100" not in answer.text


def test_a_grades_key_line_stays_with_its_step_rows_in_a_long_table() -> None:
    lines = [
        f"AB{grade}\n1 {40000 + grade * 900:,} {40300 + grade * 900:,} {40600 + grade * 900:,}"
        f"\n2 {40450 + grade * 900:,} {40750 + grade * 900:,} {41050 + grade * 900:,}"
        for grade in range(20)
    ]
    text = "\n".join(lines)
    chunks = cut_as_one_paragraph("steps.txt", "Salary steps", text, max_chars=120)
    assert len(chunks) > 3
    for chunk in chunks:
        assert chunk.text in text
        last = chunk.text.splitlines()[-1]
        assert not last.startswith("AB"), chunk.text  # never cut from its rows


def test_step_rows_numbered_in_brackets_are_steps() -> None:
    block = ["SM1", "(1) 107,632 109,423", "(2) 112,944 114,744", "SM2 121,378 123,178"]
    assert row_under_key(block, 0, [("sm", "1")], "2") == "(2) 112,944 114,744"
    assert other_step("(2) 112,944 114,744", "1") and not other_step("(1) 107,632", "1")


def test_a_line_naming_another_step_by_the_word_is_not_the_step_asked() -> None:
    assert other_step("Police Officer Step 2$70,220", "1")
    assert not other_step("Police Officer Step 2$70,220", "2")
    assert not other_step("Step 1 Step 2 Step 3", "2")  # a header of steps names it too
    assert not other_step("Pay Type 9 Step 00 01 02 03 WA5 $22,118", "12")  # steps listed
    assert not other_step("Police Recruit $57,290", "1")  # names no step: judged elsewhere


@pytest.fixture(scope="module")
def police(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    text = (
        "Salary and Compensations\n\nThe current starting pay for a Police Recruit is $57,290 "
        "annually. Police Officer pay progression is based on a nine-step pay scale.\n\n"
        "Police Officer Step 1\nPolice Officer Step 2$70,220\nPolice Officer Step 3$73,590\n"
    )
    return indexed(tmp_path_factory, "police-steps", {"police-pay.txt": text})


def test_a_step_the_lines_do_not_give_is_not_stated(police: Assistant) -> None:
    """Step 5 of a page that names steps 1 to 3: neither another step's line nor a line that
    names no step ("The current starting pay ...") states it."""
    answer = police.ask("What is the Police Officer Step 5 salary?")
    assert answer.abstained
    assert "$73,590" in police.ask("What is the Police Officer Step 3 salary?").text


@pytest.mark.parametrize(
    ("question", "key"),
    [("anuo8 step 2 salary", ("anu", "08")), ("ANU08 step 2", ("anuo", "8"))],
)
def test_an_o_typed_for_a_zero_in_a_code_is_read_both_ways(
    question: str, key: tuple[str, str]
) -> None:
    assert key in row_keys(question)


def test_a_grade_with_a_hyphen_has_no_o_read_as_zero() -> None:
    assert row_keys("what does GS-09 pay") == [("gs", "09")]


def test_a_pipe_header_split_over_lines_above_its_rule_keys_rows_by_value() -> None:
    block = [
        "Bureau base pay band ranges",
        "Pay grade |",
        "Equivalent |",
        "Min | Mid | Max |",
        "---|---|---|---|---|",
        "52 | GS-12 | $78,888 | $96,638 | $114,387 |",
        "53 | GS-13 | $90,953 | $114,636 | $138,318 |",
    ]
    keys = row_keys("pay grade 53 range")
    assert keyed_by_value(block, 6, keys)
    assert not keyed_by_value(block, 5, keys)


# A posting that says what the work is and what it pays, and nothing of what it requires.
POSTING = """Account Clerk III - employment opportunity

Definition
Under general direction, to have day-to-day responsibility for the accounts payable unit.

Salary
$3,513.94 - $4,271.22 / Month
"""


@pytest.fixture(scope="module")
def posting(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "posting", {"account-clerk.txt": POSTING})


@pytest.mark.parametrize(
    "question",
    [
        "What education and experience does an Account Clerk III need?",
        "does the account clerk III need a driver's license or any certificate?",
    ],
)
def test_what_a_class_requires_is_not_answered_by_its_definition(
    posting: Assistant, question: str
) -> None:
    answer = posting.ask(question)
    assert answer.abstained, answer.text
    assert "day-to-day" not in stated(answer)


def test_what_the_class_does_is_still_answered_by_its_definition(posting: Assistant) -> None:
    answer = posting.ask("What does the Account Clerk III do?")
    assert not answer.abstained
    assert "accounts payable" in answer.text


RANGES = """Staff salary grade ranges

Salary Grade Minimum Midpoint Maximum
PSS 3 $45,672 $64,002 $82,332
PSS 4 $50,244 $70,356 $90,468
"""


@pytest.fixture(scope="module")
def ranges(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "ranges", {"pss-ranges.txt": RANGES})


def test_a_range_without_a_period_is_no_pay_for_a_period_it_could_not_be(ranges: Assistant) -> None:
    answer = ranges.ask("What's the hourly rate for PSS 3?")
    assert answer.abstained
    assert "without saying for what period" in answer.text
    assert not ranges.ask("What is the salary range for PSS 3?").abstained


def test_a_head_noun_one_typo_away_names_no_class() -> None:
    from assistant.class_index import ClassIndex
    from assistant.query import analyse
    from index.types import ClassRecord

    index = ClassIndex([ClassRecord(source="s.txt", title="Accountant -Collections")])
    assert analyse("corrections range 21 step 8 as of june 15 2018?", index).classes == ()
    assert analyse("collections pay?", index).classes != ()


POSTING_LABELS = """Government Vacancies Enquiry System
Job Number: 48318
Job Title: Clerical Aide
Salary: Master Pay Scale Point 1 (HK$15,180 per month)
Entry Requirements: Candidates should have :

(a) completed Secondary 4 with Mathematics;

(b) Chinese word processing speed of 15 words per minute.
"""


@pytest.fixture(scope="module")
def labelled(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "inline-labels", {"clerical-aide.txt": POSTING_LABELS})


def test_a_section_labelled_inside_a_line_is_described(labelled: Assistant) -> None:
    answer = labelled.ask("What are the minimum qualifications for a Clerical Aide?")
    assert "does not describe" not in answer.text
    assert "Secondary 4" in answer.text
    assert "Job Number" not in answer.text  # the passage from its label on


def test_a_pipe_tables_key_row_heads_its_stage_rows() -> None:
    from assistant.row_keys import step_asked

    block = ["| Grade Pay | 4600 |", "| Level | 16 |", "| 1 | 36400 |", "| 2 | 37500 |"]
    assert step_asked("pay at stage 2 of pay matrix level 16") == "2"
    assert row_under_key(block, 1, [("level", "16")], "2") == "| 2 | 37500 |"


def test_a_comparison_gives_the_column_it_names_for_each_class(ranges: Assistant) -> None:
    answer = ranges.ask("How do the midpoints of PSS 3 and PSS 4 compare?")
    assert "$64,002" in answer.text and "$70,356" in answer.text


PAY_BANDS = """Effective September 1, 2024
| SALARY SCHEDULE | MINIMUM | MIDPOINT | MAXIMUM |
| QRB1 | $27,075 | $28,700 | $30,325 |
| QRB2 | $27,675 | $29,300 | $30,925 |
| QRB3 | $28,275 | $29,900 | $31,525 |
"""
# A manifest that names the employer takes the question to the passages, not the grid reader.
BANDS_MANIFEST = """qrb-schedule.txt:
  title: Salary Schedule QRB - college pay band table
  jurisdiction: Fenmoor College
"""


def test_a_midpoint_named_by_the_rows_header_is_stated(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    files = {"qrb-schedule.txt": PAY_BANDS, "manifest.yaml": BANDS_MANIFEST}
    bands = indexed(tmp_path_factory, "bands", files)
    answer = bands.ask("What are the minimum, midpoint and maximum of QRB2 at Fenmoor College?")
    assert not answer.abstained and "do not state a midpoint" not in answer.text
    assert "$29,300" in answer.text


# An award's table copied from a page: a cell a line, each ending in "|", a line of units under
# the header, eight rows of two keys and four amounts.
_AWARD_ROWS = [(g, lv, 30000 + g * 4000 + n * 900) for g in (1, 2) for n, lv in enumerate("ABCD")]
AWARD = "\n".join(
    [
        "1. By deleting the table appearing in clause 12.1 and inserting the following:",
        "Officer |",
        "Work value level |",
        "Minimum annual rate |",
        "Minimum fortnightly rate |",
        "Minimum hourly rate |",
        "Minimum casual hourly rate |",
        "$ |",
        "$ |",
        "$ |",
        "$ | ||",
        *(
            f"Grade {g} |\n{lv} |\n{pay:,} |\n{pay / 26:.2f} |\n{pay / 1976:.2f} |\n"
            f"{pay / 1976 * 1.25:.2f} |"
            for g, lv, pay in _AWARD_ROWS
        ),
        "2. By deleting the table appearing in clause 12.2.",
    ]
)


def test_a_wide_table_of_cells_ending_in_bars_is_read_a_row_a_line() -> None:
    text = rejoin_cell_lines(AWARD)
    lines = text.splitlines()
    assert lines[1].startswith("Officer | Work value level | Minimum annual rate |")
    assert lines[2] == "$ | $ | $ | $ | ||"  # the units under the header, a line of their own
    assert lines[3] == "Grade 1 | A | 34,000 | 1307.69 | 17.21 | 21.51 |"
    assert len(lines) == 1 + 2 + len(_AWARD_ROWS) + 1
    # Only the white space between the cells changed.
    assert text.split() == AWARD.split()


# A page's table with blank lines between its cells: the key column unnamed, an empty cell
# (a lone space) in each row.
SCHEDULE = "\n\n".join(
    [
        "SECTION 1: SCHEDULE OF SALARY GRADES",
        " ",
        *(f"STEP {n}" for n in range(3)),
        "OPEN RANGE",
        "MAX",
        *(
            f"{grade}\n\n{20000 + grade * 100:,}\n\n{21000 + grade * 100:,}\n\n"
            f"{22000 + grade * 100:,}\n\n \n\n{30000 + grade * 100:,}"
            for grade in range(25, 30)
        ),
        "SECTION 2: LONGEVITY",
    ]
)


def test_a_tables_empty_cells_keep_its_columns_in_line() -> None:
    text = rejoin_cell_lines(SCHEDULE)
    assert "\tSTEP 0\tSTEP 1\tSTEP 2\tOPEN RANGE\tMAX" in text
    assert "26\t22,600\t23,600\t24,600\t\t32,600" in text
    assert "SECTION 2: LONGEVITY" in text


def test_two_rows_are_not_read_as_one_wider_row() -> None:
    dates = [("October 1, 2021", "39,677 to 58,789"), ("October 1, 2022", "40,173 to 59,524")]
    dates += [("October 1, 2023", "41,788 to 61,917"), ("October 1, 2024", "43,150 to 63,935")]
    text = "\n".join(
        ["Rates of pay for levels HR-01 to HR-07", "HR-01 – Annual rates of pay (in dollars)"]
        + ["Effective Dates |", "Salary range |"]
        + [f"{date} |\n{pay} |" for date, pay in dates]
    )
    rows = rejoin_cell_lines(text).splitlines()
    assert rows[2] == "Effective Dates | Salary range |"
    assert rows[3] == "October 1, 2021 | 39,677 to 58,789 |"


def test_a_table_whose_rows_run_on_in_another_shape_is_left_alone() -> None:
    # A title with one amount, then titles with two: no three rows of one shape end it.
    cells = ["Minimum per annum", "Maximum per annum", "£", "£", "Secretary", "35,695"]
    cells += ["Deputy Secretary", "31,668", "Assistant Secretary", "24,744", "27,641"]
    cells += ["Principal", "18,783", "22,005"]
    text = "\n\n".join(cells)
    assert rejoin_cell_lines(text) == text


def test_a_row_of_another_value_in_the_column_a_key_names_is_another_row() -> None:
    header = "Officer | Work value level | Minimum annual rate |\n$ | ||"
    keys = [("grade", "4"), ("level", "d")]
    assert another_in_column("Grade 4 | A | 50,355 |", header, keys)
    assert not another_in_column("Grade 4 | D | 52,355 |", header, keys)
    # A comparison asks for either value of a label.
    both = [("level", "2"), ("level", "3")]
    plan = "Pay band | Pay level | Pay scale |"
    assert not another_in_column("PB-1 | Level 3 | 21700 |", plan, both)
    assert another_in_column("PB-1 | Level 4 | 25500 |", plan, both)


@pytest.fixture(scope="module")
def award(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "award", {"officers-award.txt": AWARD})


def test_a_level_the_table_does_not_have_gets_no_other_levels_row(award: Assistant) -> None:
    answer = award.ask("What is the minimum annual rate for Grade 2, work value level C?")
    assert not answer.abstained and f"{30000 + 2 * 4000 + 2 * 900:,}" in answer.text
    absent = award.ask("What is the minimum annual rate for Grade 2, work value level E?")
    assert absent.abstained  # the rows of levels A to D are no answer for level E


@pytest.fixture(scope="module")
def schedule(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "grade-schedule", {"salary-grades-2008.txt": SCHEDULE})


def test_a_grade_under_an_unnamed_key_column_is_read_at_the_step_asked(
    schedule: Assistant,
) -> None:
    answer = schedule.ask("What is the Step 0 salary for grade 26?")
    assert not answer.abstained and answer.text.startswith('22,600 ("STEP 0", 26)')
    top = schedule.ask("What is the maximum of salary grade 27 in the 2008 plan (2008-06-09/O-12)?")
    assert not top.abstained and "32,700" in top.text


def test_the_end_of_a_documents_number_is_no_grade() -> None:
    assert row_keys("grade 47 in the pay plan (2008-06-09/O-12)") == [("grade", "47")]
    assert ("au", "1") in row_keys("AU-1 step 3")


# A pipe table of several amount columns named by words, its rows keyed by a bare level.
PACKAGES = "\n".join(
    [
        "Remuneration at the Harbour Shire",
        "The table below shows this breakdown at each level.",
        "LEVEL | TOTAL REMUNERATION PACKAGE | SALARY | SUPER (11.5%) | LEAVE LOADING (17.5%) |",
        *(
            f"{n} | ${50000 + n * 7000:,}.00 | ${44000 + n * 6000:,}.00 | ${5000 + n * 690:,}.00 |"
            f" ${900 + n * 100:,}.00 |"
            for n in range(1, 8)
        ),
    ]
)


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "packages", {"harbour-shire-remuneration.txt": PACKAGES})


def test_a_column_named_by_some_of_its_words_is_the_one_asked(packages: Assistant) -> None:
    package = packages.ask("harbour shire level 6 total package?")
    assert not package.abstained and package.text.startswith("$92,000.00")
    loading = packages.ask("What is the leave loading amount for Level 2?")
    assert not loading.abstained and loading.text.startswith("$1,100.00")


def test_a_row_keyed_by_a_bare_number_is_named_with_its_key_column(packages: Assistant) -> None:
    answer = packages.ask("Which level has a salary of $86,000.00?")
    assert "LEVEL 7" in answer.text


def test_a_line_of_spaces_between_two_cells_is_no_cell_of_its_own() -> None:
    # Only a line of spaces between blank lines is an empty cell; here it is page noise.
    text = "Grade\nSalary\nA1\n21,100\n \nA2\n22,200\nA3\n23,300"
    assert "A2\t22,200" in rejoin_cell_lines(text)
