"""Layouts of job postings, pay statements and statutes that the fourth held-out set showed
unread: labels alone on their line above their values, a title before its pay label, titles
listed under the grades of a pay table, columns named a line each, and the questions that
name a number's own label or one end of a range. Each rule on a small invented snippet of
its shape (and not)."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.grid_cells import named_column_grids
from assistant.grid_layouts import Grid, line_grids
from assistant.grids import grid_question, select_cells
from assistant.line_marks import run_on, with_value_below
from assistant.passage_layout import asked_labels, gives_label, states_field
from assistant.row_keys import row_keys
from assistant.service import Assistant
from assistant.titles import Series
from index.catalog import parse_standard
from index.class_facts import (
    ClassFacts,
    key_value_facts,
    stacked_label_facts,
    stacked_run_facts,
)
from index.extract import one_class_title
from index.load import unescape_symbols
from index.money import SALARY_RANGE, period_in
from index.pay_tables import graded_title_lines, pay_table_classes, titled_pay_lines
from index.types import SourceDocument

POSTING = """Ferry Deckhand

Port Authority of Halden

Overview

Open & closing dates
03/02/2026 to 03/16/2026
Salary
$21.40 to - $26.15 per hour
Pay scale & grade
WM 6
Location
Halden Harbor, ME
Announcement number
PAH-2026-0417
Control number
771203344
"""


def _document(text: str, title: str) -> SourceDocument:
    return SourceDocument(source="x.txt", title=title, text=text, content_hash="0", format="txt")


# --- the catalog --------------------------------------------------------------------------------


def test_a_label_alone_on_its_line_takes_the_value_on_the_next() -> None:
    pay = stacked_label_facts("Salary", "$21.40 to - $26.15 per hour")
    assert pay is not None
    assert (pay.salary_min, pay.salary_max, pay.salary_period) == ("$21.40", "$26.15", "hour")
    grade = stacked_label_facts("Pay scale & grade", "WM 6")
    assert grade is not None and grade.pay_grade == "WM 6"
    assert stacked_label_facts("Location", "Halden Harbor, ME") is None
    assert stacked_label_facts("Salary", "Salary: $1") is None  # a value line of its own label


def test_a_long_posting_title_names_its_class_by_the_line_its_head_is() -> None:
    title = "Ferry Deckhand (WM 6), Halden Terminal - Job announcement PAH-2026-0417"
    assert one_class_title(title, POSTING) == ("Ferry Deckhand", [])
    # A head the text never writes on a line of its own names no class.
    assert one_class_title(title, POSTING.replace("Ferry Deckhand\n", "")) is None


def test_a_posting_with_stacked_labels_gives_its_class_pay_and_grade() -> None:
    title = "Ferry Deckhand (WM 6), Halden Terminal - Job announcement PAH-2026-0417"
    [record] = parse_standard(_document(POSTING, title)).classes
    assert (record.title, record.pay_grade) == ("Ferry Deckhand", "WM 6")
    assert (record.salary_min, record.salary_max, record.salary_period) == (
        "$21.40",
        "$26.15",
        "hour",
    )


def test_key_value_lines_under_a_description_heading_describe_the_class() -> None:
    text = (
        "JOB DESCRIPTION\n\nJob Title:   Street Sweeper II\n\nPay Grade: 7\n"
        "Pay Rate: $17.05/hr - $22.90/hr\n\nESSENTIAL FUNCTIONS\n\n1. Sweeps streets.\n"
    )
    [record] = parse_standard(_document(text, "Street Sweeper II - Job Description")).classes
    assert (record.pay_grade, record.salary_min, record.salary_max) == ("7", "$17.05", "$22.90")
    assert record.salary_period == "hour"


def test_a_range_and_a_period_may_be_glued_to_their_figures() -> None:
    match = SALARY_RANGE.search("Pay Rate: $17.05/hr - $22.90/hr")
    assert match is not None and match.group("min", "max") == ("$17.05", "$22.90")
    assert period_in("$17.05/hr") == "hour"
    assert period_in("bring your own mo.") == "month"
    assert period_in("the amount/hrs") is None


def test_a_title_before_its_pay_label_is_a_class_with_that_pay() -> None:
    lines = [
        "Harbor Pilot I Salary: $48,120/year",
        "Individuals may progress up to $ 61,000/year.",
        "Harbor Pilot II Salary: $52,700/year",
        "Benefits: full package",
    ]
    rows = titled_pay_lines(lines)
    assert [(r.title, r.salary_min, r.salary_period) for r in rows] == [
        ("Harbor Pilot I", "$48,120", "year"),
        ("Harbor Pilot II", "$52,700", "year"),
    ]
    assert titled_pay_lines(["The starting salary: $48,120 for all new hires"]) == []


def test_titles_listed_under_the_grades_of_a_pay_table_take_those_grades() -> None:
    text = (
        "GRADE STEP 1 STEP 2\nKA 50,100 52,300\nKB 54,800 57,200\n"
        "(b) The ranges shall be for the positions in the following grades:\n"
        "KA Office of the treasurer senior cash analyst\nKB Board of tax appeals clerk\n"
        "KC Unknown grade clerk of works\n"
    )
    rows = pay_table_classes(text)
    listed = [(r.title, r.pay_grade) for r in rows if r.title not in ("KA", "KB")]
    assert listed == [
        ("Office of the treasurer senior cash analyst", "KA"),
        ("Board of tax appeals clerk", "KB"),
    ]
    # One such line alone is no list.
    grade_rows = [r for r in rows if r.title in ("KA", "KB")]
    assert graded_title_lines(["KA Office of the treasurer"], grade_rows) == []


# --- grids --------------------------------------------------------------------------------------


def test_columns_named_a_line_each_read_rows_of_a_key_and_its_amounts() -> None:
    lines = (
        "Following is the statement:\n\nMinimum per annum\n\nMaximum per annum\n\n£\n\n£\n\n"
        "Chief Clerk\n\n30,100\n\nSenior Clerk\n\n21,500\n\n24,900\n\nClerk\n\n9,300\n\n"
        "12,400\n\nOther grades are paid by agreement."
    ).splitlines()
    [grid] = named_column_grids(lines)
    assert grid.columns == ("Minimum per annum", "Maximum per annum")
    assert grid.heading == "Following is the statement:"
    # "Chief Clerk" has one amount for two columns: which one it is cannot be said.
    assert [(r.key, r.cells) for r in grid.rows] == [
        ("Senior Clerk", ("21,500", "24,900")),
        ("Clerk", ("9,300", "12,400")),
    ]


def _amounts(grid: Grid, question: str) -> list[str]:
    """The amounts of the cells a question selects in a grid, its grade keys read from it."""
    return [c.amount for c in select_cells(grid, grid_question(question, row_keys(question)))]


def test_a_pipe_table_keyed_by_pay_point_answers_a_point_and_a_date() -> None:
    lines = [
        "Pay point | With effect from 1 March 2021 |",
        "0 | £20,100 |",
        "1 | £22,400 |",
        "2 | £24,050 |",
    ]
    [grid] = line_grids(lines)
    assert grid.key_name == "Pay point"
    assert _amounts(grid, "What is pay point 1 with effect from 1 March 2021?") == ["£22,400"]
    assert _amounts(grid, "What is pay point 5 with effect from 1 March 2021?") == []


def test_a_zero_cell_is_empty_and_a_step_is_one_however_padded() -> None:
    lines = ["GRADE STEP 01 STEP 02 STEP 03", "KA 50,100 52,300 54,500", "KZ 0 0 71,000"]
    [grid] = line_grids(lines)
    assert [(r.key, r.cells) for r in grid.rows] == [
        ("KA", ("50,100", "52,300", "54,500")),
        ("KZ", ("", "", "71,000")),
    ]
    assert _amounts(grid, "what is step 2 of grade KA") == ["52,300"]
    assert _amounts(grid, "what is step 1 of grade KZ") == []


def test_grades_of_capital_letters_are_keys_after_a_grade_word() -> None:
    assert row_keys("What is step 2 of salary grade KB?") == [("salary grade", "kb")]
    assert row_keys("What is the APS 5 zone?") == [("aps", "5")]
    assert row_keys("pay grade AND step") == []


# --- what a question asks -----------------------------------------------------------------------


def test_a_number_asked_by_its_own_label_is_found_after_that_label() -> None:
    assert asked_labels("usajobs control number for the ferry deckhand?") == ["control"]
    assert asked_labels("What is the class number?") == []
    assert gives_label(["control"], "Announcement number PAH-2026-0417 Control number 771203344")
    assert gives_label(["control"], "Control number\n771203344")
    assert not gives_label(["control"], "Quality control is part of the job.")
    # A label that runs into its "#": "TAMRMS#: B05".
    assert asked_labels("What is the TAMRMS number of the motion?") == ["tamrms"]
    assert gives_label(["tamrms"], "TAMRMS#: B05")


def test_a_band_of_two_letter_groups_is_a_grade() -> None:
    assert states_field("grade", "Compensation Band: OS-OA08-Fiscal Year 2024-2025")
    assert states_field("grade", "Pay Band: GS-12")


def test_a_label_asked_in_full_is_found_as_its_abbreviation() -> None:
    labels = asked_labels("What is the reference number of the team leader post?")
    assert labels == ["reference", "ref"]
    assert gives_label(labels, "Special Workman (Team Leader): Water, Op die Berg (REF: TEC 501)")
    assert gives_label(labels, "REF: SADC/2/3/3/3")  # a reference in parts
    # An abbreviation with its full stops: "ADVT. No." of an advertisement number.
    advertised = asked_labels("What is the advertisement number of the recruitment?")
    assert gives_label(advertised, "ADVT. No. MAPS/01/2018-Rectt.")


def test_a_grade_in_roman_numerals_is_a_grade() -> None:
    assert states_field("grade", "graduates are appointed at Officer Grade VI")
    assert not states_field("grade", "the Grade Index of the post")


@pytest.fixture(scope="module")
def halden(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    starting = (
        "Marine Engineer - Job Posting\n\nCompetitive Title\nStarting Salary - Step A "
        "$61,120.40\n\nMINIMUM QUALIFICATIONS\n\nA marine engineering licence.\n"
    )
    return indexed(tmp_path_factory, "halden", {"deckhand.txt": POSTING, "engineer.txt": starting})


def test_a_starting_salary_does_not_answer_for_the_top_of_the_range(halden: Assistant) -> None:
    top = halden.ask("What is the top of the salary range for the Marine Engineer?")
    assert top.abstained and "maximum" in top.text and "$61,120.40" in top.text
    start = halden.ask("What is the starting salary for the Marine Engineer?")
    assert not start.abstained and "$61,120.40" in start.text


def test_a_labelled_number_of_a_posting_is_answered(halden: Assistant) -> None:
    answer = halden.ask("What is the control number of the ferry deckhand posting?")
    assert not answer.abstained and "771203344" in answer.text


def test_a_place_a_passage_names_is_indexed(halden: Assistant) -> None:
    answer = halden.ask("What is the announcement number for the ferry deckhand in Halden, ME?")
    assert "include none from" not in answer.text
    assert "PAH-2026-0417" in answer.text
    elsewhere = halden.ask("What is the salary of a ferry deckhand in Ohio?")
    assert "include none from Ohio" in elsewhere.text


# --- classes of one title in two documents ---------------------------------------------------

# The county's class the catalog reads; the city's only its passages state; a plan that
# names the title in passing beside another class's pay.
COUNTY_SPEC = (
    "Permit Clerk\n\nClass Code: PC1001\nSalary: $21.10 - $25.80 Hourly\n\nIssues permits.\n"
)
CITY_SPEC = (
    "Permit Clerk\n\nCity of Alderbrook\n\n"
    "This class is paid on pay grade 11 of the general pay plan, and issues permits.\n"
)
FEED_PLAN = (
    "Harbor Pay Plan\n\nHarbor Pilot: $50,000 - $60,000 a year.\n\n"
    "The Permit Clerk is supervised by the Records Manager.\n"
)


def test_html_line_breaks_left_in_a_text_layer_break_lines() -> None:
    text = "Harbor Pilot I <br />Harbor Pilot II <br /> <br />1 <br>2<BR/>"
    assert unescape_symbols(text) == "Harbor Pilot I\nHarbor Pilot II\n\n1\n2\n"


def test_spaces_read_as_daggers_are_spaces_again() -> None:
    assert unescape_symbols("Salary Range:†† ††† 11") == "Salary Range:       11"
    assert unescape_symbols("Salary† 5 ") == "Salary  5 "
    assert unescape_symbols("Salary†5") == "Salary†5"  # a footnote mark stays


def test_a_title_the_question_names_alone_is_answered_for_each_document(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    permits = indexed(
        tmp_path_factory,
        "permits",
        {"county.txt": COUNTY_SPEC, "city.txt": CITY_SPEC, "plan.txt": FEED_PLAN},
    )
    answer = permits.ask("What is the pay for a Permit Clerk?")
    assert "$21.10" in answer.text and "$25.80" in answer.text
    assert "pay grade 11" in answer.text
    # A document that only mentions the title in passing gives no figure for it.
    assert "$50,000" not in answer.text


# --- labels and lead-ins -------------------------------------------------------------------------


def test_a_section_name_with_a_colon_alone_on_its_line_is_a_heading() -> None:
    from index.structure import parse_blocks

    text = "Pay Range: II\nQualifications:\n- A driving licence\n- Two years of experience\n"
    kinds = [(b.kind, b.lines[0]) for b in parse_blocks(text)]
    assert ("heading", "Qualifications") in kinds
    # A label of pay or a label whose value follows is no heading.
    text = "Grade:\n\nC\n\nScale:\n\nClassified\n"
    assert all(b.kind != "heading" for b in parse_blocks(text))


def test_a_title_label_above_its_value_names_the_class() -> None:
    text = "Salary Information\n\nClassification:\n\nLock Keeper, Senior\n\nGrade:\n\nC\n"
    # The class is known by its title alone, the line below the label stating it.
    assert one_class_title("Lock keeper posting and pay information", text) == (
        "Lock Keeper, Senior",
        [ClassFacts("Lock Keeper, Senior", "Lock Keeper, Senior")],
    )


def test_a_grade_of_one_letter_or_a_roman_numeral_is_read_after_its_label() -> None:
    letter = stacked_label_facts("Grade:", "C")
    assert letter is not None and letter.pay_grade == "C"
    roman = stacked_label_facts("Pay Range:", "II")
    assert roman is not None and roman.pay_grade == "II"
    assert stacked_label_facts("Salary:", "C") is None


def test_an_hourly_rate_kept_to_four_places_is_pay() -> None:
    assert states_field("salary", "Payroll Officer 1 15.7017 37.5 F", "HOURLY RATE")


def test_a_figure_inside_a_hyphenated_code_is_no_amount() -> None:
    from index.money import TYPED_MONEY

    assert TYPED_MONEY.findall("announcement WA-828975-NW") == []
    assert TYPED_MONEY.findall("between 41,000-52,000 a year") == ["41,000", "52,000"]


def test_a_lead_in_is_read_with_its_lines_and_an_exclusion_leaves_its_subject_out(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    order = (
        "Salary Ranges for Harbor Masters\n\n"
        "  1. Effective April 1, 2016, the salary range for harbor masters, other than the Chief "
        "Pilot, is:\n\n    Minimum $105,000\n    Maximum $131,050\n"
    )
    harbor = indexed(tmp_path_factory, "order", {"order.txt": order})
    answer = harbor.ask("What is the salary range for harbor masters?")
    assert not answer.abstained and "$105,000" in answer.text and "$131,050" in answer.text
    from assistant.line_marks import excludes_subject
    from assistant.passages import stem

    line = "the salary range for harbor masters, other than the Chief Pilot, is:"
    assert excludes_subject(line, [stem("chief"), stem("pilot")])
    assert not excludes_subject(line, [stem("harbor"), stem("masters")])


def test_a_grade_cell_under_its_header_follows_the_title_the_header_puts_first() -> None:
    header = "Job Code Job Title Hours Per Week Position Classification (Pay Grade)"
    assert not states_field("grade", "126 Lock Keeper II", header)  # 126 is its code
    assert states_field("grade", "110 Deck Hand I 40 16", header)
    assert states_field("grade", "12 Deck Hand", "Grade Title")
    assert states_field("grade", "Grade: C") and states_field("grade", "Grade:\n\nC")
    assert not states_field("grade", "grade a paper")


def test_a_pay_scale_named_as_where_a_class_is_asks_nothing_of_its_pay() -> None:
    from assistant.query import detect_intents

    named = "what education is required for the custodian on the support personnel pay scale?"
    assert detect_intents(named) == ("qualifications",)
    assert "salary" in detect_intents("what is the pay scale and education for a custodian")
    # "within" a period of probation asks nothing of pay either.
    assert "salary" not in detect_intents("what training must be completed within probation")


def test_a_section_kind_is_named_at_a_words_start() -> None:
    from index.structure import section_kind

    assert section_kind("Principal Accountabilities") == "duties"
    assert section_kind("Knowledge, Skills and Abilities") == "knowledge_skills"


def test_a_one_word_title_after_an_organisations_initials_is_named() -> None:
    from assistant.titles import SeriesCatalog, find_mentions

    auditor = Series("Auditor", ("auditor",), "a")
    words = ["what", "does", "the", "tva", "oig", "auditor", "do"]
    named = find_mentions(words, SeriesCatalog([auditor]), frozenset({"tva", "oig"}))
    assert [m.series.name for m in named] == ["Auditor"]
    # Written in lower case, the word before may be part of a longer title.
    assert find_mentions(["construction", "auditor", "pay"], SeriesCatalog([auditor])) == []


def test_a_pay_matrix_row_keyed_by_level_is_quoted_alone(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    matrix = (
        "Harbor Pay Matrix\n\n"
        "Old Band / Scale | New Pay Level | Pay Scale (Starting and Last Basic Pay) |\n"
        "---|---|---|\n"
        "HB-1 5200–20200 | Level 1 | 18000 – 56900 |\n"
        "HB-2 9300–34800 | Level 2 | 35400 – 112400 |\n"
    )
    harbor = indexed(tmp_path_factory, "matrix", {"matrix.txt": matrix})
    answer = harbor.ask(
        "What is the starting and last basic pay for Level 2 of the harbor pay matrix?"
    )
    assert not answer.abstained and "35400 – 112400" in answer.text
    assert "18000" not in answer.text and "---|" not in answer.text


def test_labels_stacked_above_their_values_in_the_same_order() -> None:
    lines = "Level: 1\n\nBAND\n\nGRADE\n\nFLSA STATUS:\n\nB\n\n7\n\nExempt\n\nSUMMARY".split("\n")
    facts = stacked_run_facts(lines)
    assert [(f.pay_label, f.pay_grade) for f in facts] == [("Band", "B"), ("Grade", "7")]
    assert facts[1].quote == "GRADE\n\nFLSA STATUS:\n\nB\n\n7"  # verbatim, label to value
    # As many values as labels, each short: a list of headings is no run of labels.
    assert stacked_run_facts(["BAND", "GRADE", "Duties include many kinds of work"]) == []


def test_a_line_cut_mid_value_is_quoted_with_its_rest_past_blank_lines() -> None:
    text = "Date: January 2022 Reports To: County Administrator and\n\n\nLibrary Board\n\nPURPOSE"
    line = "Date: January 2022 Reports To: County Administrator and"
    assert run_on(text, line).endswith("County Administrator and\n\n\nLibrary Board")
    # A line that ends its sentence is quoted alone.
    assert run_on("Pay Level: 17 FLSA: Exempt\n\nLibrary Board", "Pay Level: 17 FLSA: Exempt") == (
        "Pay Level: 17 FLSA: Exempt"
    )


@pytest.mark.parametrize(
    ("line", "label", "grade"),
    [
        # Grades listed as one value: the class spans them all, not the first alone.
        ("Pay Band(s): 5, 6 and 7         (Salary Structure)", "Pay Band(s)", "5, 6 and 7"),
        # Keys and values joined by slashes: the last key is the last value's.
        ("Union/Salary Plan/Grade: AFSCME/LA-3", "Grade", "LA-3"),
        # A plan and its grade around a spaced dash, after a key of another field.
        ("Program: Administration Salary Grade: GS – 25", "Salary Grade", "GS – 25"),
    ],
)
def test_grade_values_as_postings_write_them(line: str, label: str, grade: str) -> None:
    facts = key_value_facts(line)
    assert facts is not None
    assert (facts.pay_label, facts.pay_grade) == (label, grade)


def test_a_federal_plan_series_and_grade_under_its_label() -> None:
    facts = stacked_label_facts("SERIES & GRADE:", "GS-0301-07")
    assert facts is not None and facts.pay_grade == "GS-0301-07"


def test_a_grade_followed_by_other_words_is_its_first_token() -> None:
    facts = key_value_facts("Pay Grade: 12, Step 3")
    assert facts is not None and facts.pay_grade == "12"


def test_a_title_alone_in_its_paragraph_labels_the_wage_scale_below_it() -> None:
    text = (
        "Student Helper\n\nStudent Helper I\n\nWage Scale: $14.20-15.95\n\nFiles papers.\n\n"
        "Student Helper II\n\nWage Scale: $14.45-17.25\n\nTrains helpers.\n"
    )
    records = parse_standard(_document(text, "Student Helper")).classes
    assert [(r.title, r.salary_min, r.salary_max) for r in records] == [
        ("Student Helper I", "$14.20", "15.95"),
        ("Student Helper II", "$14.45", "17.25"),
    ]


def test_a_bare_number_under_a_pay_label_is_no_grade() -> None:
    text = "Yard Labourer\n\nSalary:\n20\nWAGE RANGE: $20-$30/hr, based on experience\n"
    [record] = parse_standard(_document(text, "Yard Labourer")).classes
    assert record.pay_grade is None
    assert (record.salary_min, record.salary_max, record.salary_period) == ("$20", "$30", "hour")
    graded = stacked_label_facts("Pay Grade", "20")
    assert graded is not None and graded.pay_grade == "20"


def test_a_grade_after_the_posting_title_and_a_starting_rate_are_the_class_s() -> None:
    text = (
        "Grader Operator I – Grade 15\n\nPosition Details\n\nSalary: Starting at $18.82/hour.\n\n"
        "Status: Non-Exempt/Full-time\n"
    )
    [record] = parse_standard(_document(text, "Grader Operator I – Grade 15")).classes
    assert (record.title, record.pay_text) == ("Grader Operator I", "Grade 15")
    assert (record.salary_min, record.salary_max, record.salary_period) == ("$18.82", None, "hour")
    # A title the text never writes with its grade keeps no grade.
    elsewhere = text.replace("Grader Operator I – Grade 15", "Grader Operator I")
    [plain] = parse_standard(_document(elsewhere, "Grader Operator I – Grade 15")).classes
    assert plain.pay_grade is None


def test_a_value_with_the_next_label_run_on_after_it_is_read_without_it() -> None:
    pay = stacked_label_facts("Salary:", "$23.34 - $30.09 Hourly Location :")
    assert pay is not None
    assert (pay.salary_min, pay.salary_max, pay.salary_period) == ("$23.34", "$30.09", "hour")
    assert pay.quote == "Salary:\n$23.34 - $30.09 Hourly"  # as the source writes it
    assert stacked_label_facts("Salary:", "Canby, OR Job Type:") is None


def test_a_label_wrapped_over_two_lines_is_quoted_with_the_figure_below() -> None:
    text = "Estimated\n\nremuneration package\n\nR560 116,00 – R756 502,00 per annum\n\nJob purpose"
    assert with_value_below(text, "remuneration package").endswith("R756 502,00 per annum")
    # A short line in lower case over words is no label.
    prose = "drivers and\n\nother staff"
    assert with_value_below(prose, "drivers and") == "drivers and"
