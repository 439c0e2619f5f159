"""Layouts job boards and scanned schedules print: a field's label alone on its line with its
value below it, past a blank line and with no colon ("Control number" / "" / "555072500"), a
bulleted label that a passage must not cut off from its value, and a step schedule whose header
is written a cell a paragraph ("Step DAILY RATE" / "ANNUAL" / "SALARY") over rows that are
paragraphs of their own. The pages are written here."""

from __future__ import annotations

import pytest
from conftest import stated
from test_passage_answers import indexed

from assistant.passage_layout import states_field
from assistant.reader import header_over_rows
from assistant.row_keys import question_keys
from assistant.service import Assistant
from index.catalog import parse_standard
from index.chunk import chunk_standard
from index.reflow import trailing_labels_shifted
from index.structure import parse_blocks
from index.types import SourceDocument

ANNOUNCEMENT = """Survey Clerk announcement SC-2031-0007

Survey Clerk Ext Job in NATIONWIDE

Overview

Open & closing dates: 02/01/2031 to 12/31/2031

Pay scale & grade: GG 03 - 04

Salary: $14.10 to $19.75 per hour

  • Appointment type

    Temporary - This is a time-limited appointment with a Not to Exceed (NTE) 13-month limit.

  • Work schedule

    Intermittent - Work is scheduled as the survey load requires.

Announcement number

SC-2031-0007

Control number

771204300
"""

# Rows a paragraph each under a header a cell a paragraph, as a PDF's text layer gives it.
STEP_ROWS = "\n\n".join(f"{step} ${300 + step * 2}.25 {55000 + step * 400:,}" for step in range(31))
SCHEDULE = f"""Lakeside Unified School District 2031-2032 Compensation Plan

BACHELOR'S Schedule

Teachers, Nurses and Librarians

Step DAILY RATE

ANNUAL

SALARY

{STEP_ROWS}
"""


@pytest.fixture(scope="module")
def boards(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(
        tmp_path_factory,
        "job-board-layouts",
        {"survey-clerk.txt": ANNOUNCEMENT, "lakeside-schedule.txt": SCHEDULE},
    )


def test_a_label_over_its_value_without_a_colon_answers_for_that_label(
    boards: Assistant,
) -> None:
    answer = boards.ask("What is the control number of the Survey Clerk announcement SC-2031-0007?")
    assert not answer.abstained
    assert "771204300" in stated(answer)


def test_a_bulleted_label_ending_a_passage_opens_the_next_with_its_value() -> None:
    """A passage that would end on "• Appointment type" after a labelled value leaves the
    label to the next passage, with the value it names."""
    offices = (f"Location {n}: Regional office number {n} of the survey" for n in range(10))
    filler = "\n\n".join(offices)
    text = ANNOUNCEMENT.replace("Overview\n", f"Overview\n\n{filler}\n")
    document = SourceDocument("survey.txt", "Survey Clerk", text, "0", "txt")
    chunks = chunk_standard(parse_standard(document), 700)
    label = next(c for c in chunks if "Appointment type" in c.text)
    assert "Temporary - This is a time-limited appointment" in label.text
    words = " ".join(text.split())
    assert all(" ".join(c.text.split()) in words for c in chunks)


def test_a_header_written_a_cell_a_paragraph_heads_no_section() -> None:
    blocks = parse_blocks(SCHEDULE)
    kinds = {block.lines[0]: block.kind for block in blocks}
    assert kinds["Step DAILY RATE"] == kinds["ANNUAL"] == kinds["SALARY"] == "paragraph"
    # A heading alone over its rows, and a heading over a line of prose, stay headings.
    assert kinds["BACHELOR'S Schedule"] == "heading"
    alone = parse_blocks("GRADE TABLE\n\n1 $40,100 $50,200\n\n2 $42,300 $52,900\n")
    assert alone[0].kind == "heading"


def test_the_header_over_rows_a_paragraph_each_is_read() -> None:
    assert header_over_rows(SCHEDULE) == "Step DAILY RATE\nANNUAL\nSALARY"
    assert header_over_rows("Pay is set by the board.\n\nNo table here.") == ""


def test_a_step_is_the_row_key_only_where_the_steps_are_the_first_column() -> None:
    question = "What is step 10 on the Lakeside bachelor's schedule?"
    assert question_keys(question, (), [SCHEDULE]) == [("step", "10")]
    columns = "Grade Step 1 Step 2 Step 3\n10 $40,100 $41,200 $42,300"
    assert question_keys(question, (), [columns]) == []


def test_a_step_row_under_a_header_of_cells_answers_with_its_figures(boards: Assistant) -> None:
    answer = boards.ask(
        "On Lakeside's 2031-2032 Bachelor's schedule, what are the daily rate and annual "
        "salary at step 10?"
    )
    assert not answer.abstained
    assert "$320.25 59,000" in stated(answer)
    assert "$322.25" not in stated(answer)  # step 11's row is not step 10's


def test_a_step_past_the_schedule_gets_no_other_rows_figures(boards: Assistant) -> None:
    answer = boards.ask("What does step 40 pay on Lakeside's 2031-2032 Bachelor's schedule?")
    said = stated(answer)
    assert not any(f"{55000 + step * 400:,}" in said for step in range(31))


POSTING_BOARD = """Pine Valley County, CA
Salary :
$41,120.50 - $52,880.25 Annually Location :
Pine Valley, CA Job Type:
Full-Time Department:
Public Works Opening Date:
03/02/2031 Closing Date:
3/16/2031 5:00 PM Pacific Bargaining Unit:
GENERAL
Under general supervision, performs a variety of routine office support duties.
"""


def test_labels_ending_each_line_are_put_back_before_their_values() -> None:
    lines = trailing_labels_shifted(POSTING_BOARD).splitlines()
    assert lines[1:8] == [
        "Salary: $41,120.50 - $52,880.25 Annually",
        "Location: Pine Valley, CA",
        "Job Type: Full-Time",
        "Department: Public Works",
        "Opening Date: 03/02/2031",
        "Closing Date: 3/16/2031 5:00 PM Pacific",
        "Bargaining Unit: GENERAL",
    ]
    assert lines[8].startswith("Under general supervision")
    # One label at a line's end is a sentence's word, not a shifted form.
    prose = "The hours are set by the Department:\nMonday to Friday.\n"
    assert trailing_labels_shifted(prose) == prose


def test_a_posting_boards_field_is_answered_with_its_own_value(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Not the value the line above its label holds: the closing date sits on the line that
    ends with "Bargaining Unit:"."""
    board = indexed(tmp_path_factory, "posting-board", {"office-assistant.txt": POSTING_BOARD})
    said = stated(board.ask("what bargaining unit is the pine valley office assistant in"))
    assert "Bargaining Unit: GENERAL" in said
    assert "3/16/2031" not in said


STARTING_SALARIES = "Click on the Starting Salary to see the 12 steps for that job.\n\n" + (
    "Job TitleStarting Salary\n"
    + "\n".join(
        f"{title}${amount}"
        for title, amount in [
            ("Library Aide", "19,717"),
            ("Librarian I", "37,293"),
            ("Librarian II", "41,114"),
            ("Library Technician III", "33,825"),
        ]
    )
)


def test_a_title_glued_to_its_amount_is_read_as_its_row() -> None:
    """A table whose cells lost their borders: "Librarian I$37,293" under "Job TitleStarting
    Salary"; the quote stays as the page writes it."""
    text = STARTING_SALARIES
    parsed = parse_standard(SourceDocument("library.txt", "Library Services", text, "0", "txt"))
    read = {r.title: (r.salary_min, r.evidence[0].quote) for r in parsed.classes}
    assert read["Librarian I"] == ("$37,293", "Librarian I$37,293")
    assert read["Library Technician III"] == ("$33,825", "Library Technician III$33,825")
    assert len(read) == 4


def test_a_step_asked_of_a_page_that_gives_no_steps_is_not_its_one_rate(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The page gives each class's starting salary and says the steps are elsewhere: step 12
    is not stated, and the one rate is said to be that, not the step's pay."""
    library = indexed(tmp_path_factory, "starting-salaries", {"library.txt": STARTING_SALARIES})
    answer = library.ask("What does a Librarian II earn at the top step (step 12)?")
    assert answer.abstained
    assert "one rate" in stated(answer)


def test_the_zip_code_closing_a_posting_boards_address_is_no_pay() -> None:
    address = "Tuolumne County, CA, San Francisco, California, United States, 94199"
    assert not states_field("salary", address)
    assert not states_field("salary", "Location 153 Lake Merced Blvd Daly City, 94015")
    assert states_field("salary", "Salary: 94199 per year")


GRADE_PAY = """Officer Pay and Benefits

Officers are rewarded for their time on the job.

| Grade | Base Salary | Locality | Total |
| GS-5 | $34,916 | $16,004 | $50,920 |
| GS-7 | $38,503 | $17,649 | $56,152 |
| GS-9 | $47,097 | $21,589 | $68,686 |
"""


def test_a_step_asked_of_a_table_that_names_no_steps_is_not_claimed(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The grade's row is what the page states, shown as such; its figures are no step's."""
    pay = indexed(tmp_path_factory, "grade-pay", {"officer-pay.txt": GRADE_PAY})
    answer = pay.ask("What does a GS-7 officer earn at step 10?")
    assert answer.abstained
    assert "$38,503" in answer.text  # what the page does say, for the reader to judge
    assert not pay.ask("What does a GS-7 officer earn?").abstained


def test_a_label_of_pay_words_before_each_title_is_no_part_of_it() -> None:
    text = (
        "Assistant/Associate Planner\n\n"
        "Base Salary Asst. Planner: $6,188 – $7,521\n\n"
        "Base Salary Assoc. Planner: $6,675 – $8,112\n"
    )
    parsed = parse_standard(SourceDocument("planner.txt", "Planner", text, "0", "txt"))
    assert {r.title: r.salary_text for r in parsed.classes} == {
        "Asst. Planner": "$6,188 - $7,521",
        "Assoc. Planner": "$6,675 - $8,112",
    }
