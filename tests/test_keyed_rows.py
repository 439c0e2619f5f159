"""Pay tables whose rows are keyed by a grade the question names: a row written by its value
alone under a header that names the label (even in a later passage of a long table), grades of
letters ("Band F", "XE-B"), and a row carried on to a second line ("Maximum ..."). The
schedules are written here."""

from __future__ import annotations

import pytest
from conftest import stated
from test_passage_answers import indexed

from assistant.query import analyse
from assistant.row_keys import (
    has_row_key,
    keyed_by_value,
    other_step,
    question_keys,
    row_keys,
    row_under_key,
    starts_a_row,
    step_asked,
    writes_a_key_value,
    written_key,
)
from assistant.service import Assistant
from assistant.topic_answers import asks_when_why_whether
from index.catalog import ParsedStandard
from index.chunk import chunk_standard
from index.structure import Block, Section
from index.types import Chunk, SourceDocument


def _row(grade: int) -> str:
    base = 20000 + grade * 1100
    cells = "  ".join(str(base + step * 450) for step in range(5))
    return f"  {grade:<2} {cells}"


# Thirty rows: far longer than one passage, so the later rows lose the header's lines.
SPACED = "\n".join(
    [
        "Compensation Plan - Salary Schedule for the Clerical Unit",
        "",
        "  S.G.  ENTRY  STEP  STEP  STEP  TOP",
        "               1     2     3",
        *(_row(grade) for grade in range(1, 31)),
    ]
)
BANDS = """Pay Bands of the Harbour Authority

Pay Band Minimum Maximum
A $10,100 $15,100
B $12,200 $17,300
C $14,300 $19,500
D $16,400 $21,700
E $18,500 $23,900
F $20,600 $26,100
"""
TWO_LINES = """Salary schedules; pay grades of the professional group

Pay Grade Monthly Annual Bi-Weekly Hourly
X-A Minimum $1,000.00 $12,000.00 $461.54 $5.77
Maximum $2,000.00 $24,000.00 $923.08 $11.54
XE-B Minimum $3,000.00 $36,000.00 $1,384.62
Maximum $4,000.00 $48,000.00 $1,846.15
XE-C Minimum $5,000.00 $60,000.00 $2,307.69
Maximum $6,000.00 $72,000.00 $2,769.23
"""


# A grade a line with its amount, the grade's number zero-padded; and a table read a cell a line.
PADDED = """Temporary Employment at the Lakeshore Trust

Rangers, Guides, & Visitor Assistants

Salary:
GS-03 $13.00 per hour for the season
GS-04 $14.59
GS-05 $16.33
"""
CELLS = """Student Job Grades of the Campus Employment Office

Grade 1 |
$15.00 |
Entry-level position that involves routine work. |
Grade 2 |
$15.25 |
Requires basic knowledge of assigned tasks. |
"""

OFFICER = """Port Officer

Duties: patrols the wharves and keeps the dock log.
"""


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "spaced.txt": SPACED,
        "bands.txt": BANDS,
        "two-lines.txt": TWO_LINES,
        "port-officer.txt": OFFICER,
        "padded.txt": PADDED,
        "cells.txt": CELLS,
    }
    return indexed(tmp_path_factory, "keyed-rows", files)


@pytest.mark.parametrize(
    ("question", "key"),
    [("minimum for pay band F", ("pay band", "f")),  # one capital after a grade word
     ("max annual for XE-B", ("xe", "b")),  # capitals joined by a hyphen
     ("grade M-Hb biweekly", ("m", "hb")),  # one capital is a label before a hyphen
     ("O-3 monthly basic pay", ("o", "3"))],
)  # fmt: skip
def test_grades_of_letters_are_keys(question: str, key: tuple[str, str]) -> None:
    assert key in row_keys(question)


def test_capitals_before_a_key_are_its_label_not_a_key_of_their_own() -> None:
    assert row_keys("salary for county job group CPS B19?") == [("cps", "b19")]
    # A span of grades gives both ends; a span of years is no grade's.
    assert row_keys("civil servants in job grades 15 to 14") == [("grade", "15"), ("grade", "14")]
    assert row_keys("grades 5 to 10 years of service") == []


def test_a_row_whose_key_follows_its_scales_capitals_starts_with_that_key() -> None:
    block = ["Job Group | Salary (KES) |", "CPS B10 | 31,270 |", "CPS B09 | 38,270 |"]
    keys = row_keys("county job group b10 pay")
    assert keyed_by_value(block, 1, keys) and not keyed_by_value(block, 2, keys)


def test_prose_letters_are_not_keys() -> None:
    assert row_keys("is there a band a person can join?") == []
    assert row_keys("what does the TSA E pay") == []  # an acronym's letter other than A-D
    assert row_keys("bands L and M, min and max") == [("band", "l"), ("band", "m")]


def test_a_letter_typed_in_lower_case_is_a_key_the_passages_write() -> None:
    passages = ["From 1 July the starting rate in Grade B will be $15.16 per hour."]
    assert question_keys("grade b starting rate", (), passages) == [("grade", "b")]
    assert question_keys("grade b starting rate", (), ["grade b is not written as a key"]) == []
    assert question_keys("is there a band a clerk can join", (), ["Band A $1"]) == []


def test_a_plural_label_lists_the_keys_it_gives() -> None:
    line = "Bands 16 and 17 £66,110 to £72,581 and £72,740 to £80,398"
    assert has_row_key(line, [("band", "16")]) and has_row_key(line, [("band", "17")])
    assert has_row_key("Grades 4, 5 and 6: $30,000", [("grade", "5")])
    assert not has_row_key("Bands 161 and 17", [("band", "16")])


def test_a_row_written_by_its_value_is_keyed_by_the_header_naming_its_label() -> None:
    block = ["S.G.  HR  STEP  STEP", "5  20575 21308 22041", "6  21768 22530 23292"]
    assert keyed_by_value(block, 1, [("salary grade", "5")])  # "S.G." is its initials
    assert not keyed_by_value(block, 2, [("salary grade", "5")])
    assert keyed_by_value(["5  20575 21308"], 0, [("sg", "5")], carried="S.G. HR STEP")
    assert keyed_by_value(block, 1, [("grade", "5")])  # the initials of a grade label
    # Under a header that names no grade, "5" may be a step, a count or a page.
    assert not keyed_by_value(["Step Amount", "5  20575"], 1, [("band", "5")])
    # A row of figures, not a header line of step numbers.
    assert not keyed_by_value(["S.G. STEP STEP", "1  2  3  4"], 1, [("salary grade", "1")])


def test_a_long_table_cut_into_passages_carries_its_header() -> None:
    document = SourceDocument(
        source="spaced.txt", title="Salary Schedule", text=SPACED, content_hash="0", format="txt"
    )
    lines = SPACED.splitlines()
    section = Section(
        path=("Salary Schedule",), kind="other", blocks=[Block("paragraph", lines[2:])]
    )
    parsed = ParsedStandard(document=document, sections=[section], classes=[], recognised=False)
    chunks = chunk_standard(parsed, max_chars=300)
    assert len(chunks) > 2
    assert chunks[0].table_header is None
    for chunk in chunks[1:]:
        assert chunk.table_header == "S.G.  ENTRY  STEP  STEP  STEP  TOP\n1     2     3"
        assert chunk.text in SPACED


# A pipe table of a key and one figure a row, far longer than one passage, under prose.
PIPES = "\n".join(
    [
        "The Salary Grade system of the Harbour Republic sets a monthly minimum for each grade.",
        "Each grade has several steps, set out in another schedule.",
        "Salary Grade | Minimum Monthly Salary (HRD) |",
        "---|---|",
        *(f"{grade} | {10000 + grade * 1234:,} |" for grade in range(1, 41)),
    ]
)


def test_a_long_pipe_table_cut_into_passages_carries_its_pipe_header() -> None:
    chunks = cut_as_one_paragraph("pipes.txt", "Salary Grades", PIPES)
    assert len(chunks) > 2
    for chunk in chunks[1:]:
        assert chunk.table_header == "Salary Grade | Minimum Monthly Salary (HRD) |"


@pytest.fixture(scope="module")
def pipes(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "pipe-rows", {"harbour-grades.txt": PIPES})


def test_a_grade_typed_short_is_answered_from_its_row_in_a_later_passage(
    pipes: Assistant,
) -> None:
    answer = pipes.ask("sg 24 min monthly pay")
    assert not answer.abstained and f"{10000 + 24 * 1234:,}" in answer.text
    assert "Which class do you mean" not in answer.text
    # The table has no steps: no row answers for a step of the grade.
    stepped = pipes.ask("sg 33 step 3 monthly salary")
    assert stepped.abstained and f"{10000 + 33 * 1234:,}" not in stepped.text


def test_the_row_of_the_grade_asked_is_found_in_a_later_passage(tables: Assistant) -> None:
    answer = tables.ask("What is the entry rate for salary grade 27 on the clerical schedule?")
    assert not answer.abstained
    assert str(20000 + 27 * 1100) in answer.text
    assert str(20000 + 26 * 1100) not in answer.text  # not the row above it
    assert "S.G." in answer.text  # the header names the columns


def test_an_amount_given_finds_the_row_that_holds_it(tables: Assistant) -> None:
    amount = str(20000 + 12 * 1100 + 2 * 450)
    answer = tables.ask(
        f"which salary grade on the clerical schedule has a step 2 rate of {amount}?"
    )
    assert f"12 {20000 + 12 * 1100}" in " ".join(answer.text.split())
    assert str(20000 + 11 * 1100) not in answer.text  # the row alone, not the passage


def test_a_band_named_by_a_letter_is_answered_from_its_row(tables: Assistant) -> None:
    answer = tables.ask("What is the minimum for Harbour Authority pay band F?")
    assert "$20,600" in answer.text
    assert "$18,500" not in answer.text


def test_a_class_the_table_does_not_name_gets_no_row(tables: Assistant) -> None:
    # "Officer" names another document than the one the question names most: it is the
    # class asked, which the band table lacks, not a name of a document to look in.
    question = "Which pay band is a Harbour Authority Officer in?"
    analysis = tables.composer.name_documents(analyse(question, tables.class_index))
    assert "officer" in analysis.keywords and "harbour" not in analysis.keywords
    answer = tables.ask(question)
    assert answer.abstained
    assert "$10,100" not in stated(answer) and "$20,600" not in stated(answer)


def test_a_row_carried_onto_a_second_line_gives_its_maximum(tables: Assistant) -> None:
    answer = tables.ask("professional group XE-B max annual salary")
    assert "$48,000.00" in answer.text
    assert "$72,000.00" not in answer.text


def test_an_empty_cell_of_the_period_asked_is_not_stated(tables: Assistant) -> None:
    answer = tables.ask("what is the hourly minimum for professional group grade XE-B?")
    assert answer.abstained
    assert "$5.77" not in stated(answer)


def test_a_question_may_open_with_a_clause_of_its_own() -> None:
    assert asks_when_why_whether("Under the 2003 code, can an employee keep a higher rate?")
    assert not asks_when_why_whether("In Texas, what is the salary of a clerk?")


@pytest.mark.parametrize(
    ("question", "about_text"),
    [
        ("How are the appointment salaries of harbor pilots normally set?", True),
        ("How did the harbor clerk rate rise with experience?", True),
        ('What does a "Scale Bar" row mean in the grade tables?', True),
        ("How much does a harbor pilot earn?", False),
        ("How much was the latest pay award for council staff?", False),
        ("How much wider is each grade than the one below?", True),
        ("What is the salary range for a harbor pilot?", False),
    ],
)
def test_how_a_figure_comes_about_is_asked_of_the_text(question: str, about_text: bool) -> None:
    assert asks_when_why_whether(question) is about_text


def test_the_row_of_the_step_asked_under_a_key_on_its_own_line() -> None:
    block = ["HAO5", "1 66,904 68,704", "2 68,959 70,759", "3 71,138 72,938", "HAO6", "1 75,608"]
    keys = row_keys("HAO5 step 3 salary")
    assert step_asked("HAO5 step 3 salary") == "3"
    assert row_under_key(block, 0, keys, "3") == "3 71,138 72,938"
    assert row_under_key(block, 0, keys, "7") == ""  # no such step: no row
    assert row_under_key(block, 0, keys) == "1 66,904 68,704"
    # A key over one row of figures: its steps are columns, the row is the answer.
    assert row_under_key(["O-6", "5,094.00 5,596.20 5,963.40"], 0, [("o", "6")], "2") != ""
    assert other_step("2 68,959 70,759", "3") and not other_step("3 71,138", "3")


def test_a_scales_acronym_before_a_grade_label_names_its_table() -> None:
    question = "What is the salary at step 1 of NAPSS grade level 7?"
    assert ("napss", "7") in question_keys(question, ())
    assert ("napss", "7") not in row_keys(question)  # the catalog's grades keep their labels
    block = ["NAPSS 7 Salary Scale", "Step Amount (N)", "1  1277667.00", "2  1306546.00"]
    assert row_under_key(block, 0, [("napss", "7")], "2") == "2  1306546.00"


def test_a_grade_asked_by_number_is_written_in_roman_numerals_too() -> None:
    assert has_row_key("Administrative Officer (Grade VII)", [("grade", "7")])
    assert has_row_key("Grade 07", [("grade", "7")])
    assert not has_row_key("Grade VIII", [("grade", "7")])
    assert not has_row_key("Grade 17", [("grade", "7")])


def test_a_list_of_the_whole_table_heads_no_row() -> None:
    assert not has_row_key("grade levels 1, 7, 8, 10 and 15", [("level", "7")])
    assert has_row_key("grades 4, 5 and 6", [("grade", "5")])


def test_a_heading_that_names_the_key_asked_does_not_key_another_grades_row() -> None:
    from assistant.reader import _heads_another_row

    keys = row_keys("fdic cm-00 max base salary")
    assert _heads_another_row("CG-01 | $24,596 | $38,878 |", keys)
    assert not _heads_another_row("CM-00 | $131,914 | $252,834 |", keys)
    assert not _heads_another_row("The top of the range is $252,834.", keys)


def test_a_grade_typed_glued_or_unpadded_finds_its_zero_padded_row(tables: Assistant) -> None:
    for question in ("lakeshore gs4 ranger hourly?", "GS-4 hourly rate of a Lakeshore ranger?"):
        answer = tables.ask(question)
        assert "$14.59" in answer.text, question
        assert "$16.33" not in answer.text


def test_a_grade_with_its_amount_on_the_line_below_is_quoted_with_it(tables: Assistant) -> None:
    answer = tables.ask("What hourly rate does the campus pay a Grade 2 student employee?")
    assert not answer.abstained
    assert "$15.25" in answer.text and "$15.00" not in answer.text


def test_a_grade_no_table_has_gets_no_figure(tables: Assistant) -> None:
    answer = tables.ask("What did a GS-09 seasonal ranger earn per hour?")
    assert answer.abstained and "$" not in answer.text


@pytest.mark.parametrize(
    ("question", "written"),
    [("a GS-09 ranger", "GS-09"), ("GS5 in Arkansas", "GS5"), ("pay band 5", "pay band 5")],
)
def test_a_key_is_named_back_as_the_question_writes_it(question: str, written: str) -> None:
    assert written_key(question, row_keys(question)[0]) == written


def test_rows_cut_right_under_their_pipe_header_carry_it_and_the_tables_title() -> None:
    rows = [
        f"October 1, {year} | {50000 + year:,} | {52000 + year:,} |" for year in range(2010, 2040)
    ]
    text = "\n".join(
        ["HR-01 – Annual rates of pay (in dollars)", "Effective dates | Step 1 | Step 2 |", *rows]
    )
    chunks = cut_as_one_paragraph("hr.txt", "Rates of pay", text)
    assert len(chunks) > 2
    for chunk in chunks[1:]:
        assert chunk.table_header == (
            "HR-01 – Annual rates of pay (in dollars)\nEffective dates | Step 1 | Step 2 |"
        )


def test_a_key_value_is_written_as_its_own_word_or_level() -> None:
    assert writes_a_key_value("Apprentice I: $44,990.00", row_keys("apprentice level 1 pay"))
    assert writes_a_key_value("Job group A7 Clerks", [("group", "a7")])
    assert not writes_a_key_value("Job group A70 Clerks", [("group", "a7")])
    assert not writes_a_key_value("Job group A1 and A2", [("group", "a7")])


def test_a_grade_numbered_with_a_letter_after_it_is_a_key() -> None:
    """ "Pay Band 1A", "Grade 10a": a number and a letter name a grade; "band a" of prose does
    not."""
    assert row_keys("What is the maximum for Pay Band 1A?") == [("band", "1a")]
    assert row_keys("Grade 10a at Swansea") == [("grade", "10a")]
    assert starts_a_row("1A* £76,000 £128,900", row_keys("maximum for pay band 1A"))
    assert row_keys("a band a little wider") == []


def test_rows_keyed_by_a_code_with_its_level_in_numerals_carry_their_pipe_header() -> None:
    """ "Student Assistant II | SA II | $8.00 | $9.00 | $10.00 |": a code written with its level
    ("SA II") is a key cell, so the rows are a table's and carry its header past a cut."""
    levels = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"] * 4
    rows = [
        f"Student Assistant {n} | SA {n} | $8.{i:02d} | $9.{i:02d} |" for i, n in enumerate(levels)
    ]
    text = "\n".join(["Category | Job Code | Minimum | Midpoint |", "---|---|---|---|", *rows])
    chunks = cut_as_one_paragraph("sa.txt", "Pay ranges", text)
    assert len(chunks) > 2
    for chunk in chunks[1:]:
        assert chunk.table_header == "Category | Job Code | Minimum | Midpoint |"


def cut_as_one_paragraph(source: str, title: str, text: str, max_chars: int = 300) -> list[Chunk]:
    """The passages of a text read as one paragraph of a section named after its title."""
    document = SourceDocument(source=source, title=title, text=text, content_hash="0", format="txt")
    section = Section(path=(title,), kind="other", blocks=[Block("paragraph", text.splitlines())])
    parsed = ParsedStandard(document=document, sections=[section], classes=[], recognised=False)
    return chunk_standard(parsed, max_chars=max_chars)
