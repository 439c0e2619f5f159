"""Layouts and questions the forty-seventh held-out set showed unread: a posting whose list
items each follow a hyphen alone on its line, a section's name over its list with no colon, a
"Starting Salary" labelled apart from the scale, allowances named with no amount, a figure's
note under it, field words typed one slip away, a follow-up that names a level alone, two
classes specified one per standard and compared on what no heading names. Each rule on a small
invented snippet of its shape (and not)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_passage_answers import indexed

from assistant.passages import stem
from assistant.query import detect_intents
from assistant.row_keys import key_line_above
from assistant.service import Assistant
from assistant.types import Turn
from assistant.typos import respelt_field_words, respelt_keywords
from index.catalog import parse_standard
from index.class_facts import key_value_facts
from index.load import read_document
from index.reflow import bullets_rejoined
from index.structure import parse_blocks

# A vacancy copied from a job site: every list item under a hyphen alone on its line.
VACANCY = """Records Assistant Grade II – 12 Vacancies
Organization:
Location: Moravale, Northshire
Application Deadline: March 3, 2026
Qualifications & Experience
For External Applicants:
-
Education:
-
Pass five subjects at the national certificate exam.
-
For Internal Applicants:
-
Eligibility: Permanent employees in RL-2 or RL-1 classes with at least 4 years of service.
Salary & Benefits
-
Salary Scale: Rs. 38,110 – 71,250 (RA-2-1)
-
Starting Salary: Rs. 35,020/- (as per Circular No. 04/2026)
-
Other Benefits: Approved government allowances
How to Apply
-
Deadline: March 3, 2026, at 2:00 PM
"""


def test_a_hyphen_alone_over_words_is_a_bullet_and_in_a_table_an_empty_cell() -> None:
    joined = bullets_rejoined("Education:\n-\nPass five subjects\n-\n-\nMathematics")
    assert joined.splitlines() == ["Education:", "- Pass five subjects", "-", "- Mathematics"]
    cells = "$44,008.12 |\n-\n|\nStep\n-\n12"
    assert bullets_rejoined(cells) == cells  # an empty cell and a bare number stay apart


def test_a_list_items_label_states_its_fact() -> None:
    facts = key_value_facts("- Salary Scale: Rs. 38,110 – 71,250 (RA-2-1)")
    assert facts is not None and facts.salary_min == "Rs. 38,110"


def test_a_sections_name_over_a_list_heads_it() -> None:
    blocks = parse_blocks("Location: Moravale\nSalary & Benefits\n- Salary Scale: Rs. 38,110")
    assert [b.kind for b in blocks] == ["paragraph", "heading", "paragraph"]
    prose = parse_blocks("The work is hard\n- and it pays")  # no section's name
    assert [b.kind for b in prose] == ["paragraph"]
    form = parse_blocks("Job summary\n- Main area\n- Medicine")  # a form's fields, a line each
    assert [b.kind for b in form] == ["paragraph"]


def test_a_vacancy_listed_under_lone_hyphens_has_its_class_read(tmp_path: Path) -> None:
    path = tmp_path / "vacancy.txt"
    path.write_text(VACANCY, encoding="utf-8")
    parsed = parse_standard(read_document(path, "vacancy.txt", {}))
    assert [(r.title, r.salary_min, r.salary_max) for r in parsed.classes] == [
        ("Records Assistant Grade II", "Rs. 38,110", "71,250")
    ]


@pytest.fixture(scope="module")
def vacancy(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "vacancy", {"records-assistant.txt": VACANCY})


def test_a_starting_salary_labelled_apart_from_the_scale_answers_for_the_start(
    vacancy: Assistant,
) -> None:
    answer = vacancy.ask("What starting salary does a new Records Assistant Grade II get?")
    assert "Rs. 35,020" in answer.text and not answer.abstained
    scale = vacancy.ask("What is the salary scale of a Records Assistant Grade II?")
    assert "Rs. 38,110 – 71,250" in scale.text


def test_allowances_named_without_an_amount_are_not_the_salary(vacancy: Assistant) -> None:
    answer = vacancy.ask("How much are the allowances paid to a Records Assistant Grade II?")
    assert answer.abstained and "38,110" not in answer.text.split("What they say")[0]
    assert "Approved government allowances" in answer.text


# Two classes of one series specified one per standard, the county's name noted apart.
FIRST = """Road Crew Operator I (#QX0651)
$25.98-$31.58 Hourly / $4,503.58-$5,474.14 Monthly

Under immediate supervision performs skilled work in the operation of road equipment.
"""
SECOND = """Road Crew Operator II (#QX0652)
$28.65-$34.83 Hourly / $4,966.00-$6,037.20 Monthly

Under general supervision, performs skilled work; may act as lead worker over others.
"""
MANIFEST = """road-crew-operator-i.txt:
  jurisdiction: Larch County, Oregon (the text names the county once)
road-crew-operator-ii.txt:
  jurisdiction: Larch County, Oregon (the text names no county)
"""


@pytest.fixture(scope="module")
def series(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "road-crew-operator-i.txt": FIRST,
        "road-crew-operator-ii.txt": SECOND,
        "manifest.yaml": MANIFEST,
    }
    return indexed(tmp_path_factory, "series", files)


def test_a_level_named_alone_after_a_class_moves_to_that_level_in_another_standard(
    series: Assistant,
) -> None:
    earlier = Turn(user="What's the hourly rate for a Larch County Road Crew Operator I?")
    answer = series.ask("and for the II?", history=[earlier])
    assert "$28.65-$34.83" in answer.text and "$25.98" not in answer.text


def test_a_comparison_of_what_no_heading_names_quotes_each_sentence_on_it(
    series: Assistant,
) -> None:
    answer = series.ask(
        "How does the supervision of a Road Crew Operator I compare with a Road Crew Operator II?"
    )
    assert "Under immediate supervision" in answer.text
    assert "Under general supervision" in answer.text
    assert "describes this class only by the line above" not in answer.text


RATES = """Pay Rates for 2024

Grade Level I - Pay Rate: $10.45*/hour
(*Increases each January to match prevailing minimum wage)

Opportunities that require little previous experience. Students are highly-supervised.

Grade Level II – Pay Rate: $11.91/hour
(Increases each January by the same percentage as Grade Level I)

Opportunities that may require related experience. Student workers are moderately-supervised.
"""


@pytest.fixture(scope="module")
def rates(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    manifest = "student-rates.txt:\n  title: Student Wage Levels\n  jurisdiction: Fenwick College\n"
    files = {"student-rates.txt": RATES, "manifest.yaml": manifest}
    return indexed(tmp_path_factory, "rates", files)


def test_a_figures_note_is_quoted_with_it(rates: Assistant) -> None:
    answer = rates.ask("What is the pay rate for Grade Level I at Fenwick College?")
    assert "$10.45*/hour (*Increases each January to match prevailing minimum wage)" in answer.text


def test_a_field_word_typed_one_slip_away_reads_as_the_word(rates: Assistant) -> None:
    assert respelt_field_words("grade levle 2 salray") == "grade level 2 salary"
    assert respelt_field_words("Levee Worker grade") == "Levee Worker grade"  # a word of its own
    assert respelt_field_words("Leval pay", known={"leval"}) == "Leval pay"  # an indexed name
    assert respelt_field_words("what does Dr. Stepp earn") == "what does Dr. Stepp earn"
    assert respelt_field_words("Salray of a clerk") == "Salary of a clerk"
    answer = rates.ask("grade levle 2 student wage")
    assert "$11.91" in answer.text and "$10.45" not in answer.text


def test_a_line_keyed_above_a_sentence_is_the_key_it_is_written_under() -> None:
    keys = [("level", "2")]
    below = "Student workers are moderately-supervised."
    assert key_line_above(RATES, below, keys).startswith("Grade Level II")
    assert key_line_above(RATES, "Pay Rates for 2024", keys) == ""


def test_supervised_asks_for_supervision_and_a_valued_grade_level_asks_no_grade() -> None:
    assert detect_intents("how closely are grade level ii workers supervised") == ("supervision",)


# A news sidebar that pays ranked posts: no line is the unranked title's.
SIDEBAR = """The numbers

Six deputy executive directors will oversee sales, marketing and finance.

SALARY: $110,000 to $145,000

Forty managers will report to the deputy executive directors.

SALARY: $50,000 to $90,000
"""


def test_a_title_written_only_under_a_rank_is_another_post(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    manifest = (
        "sidebar.txt:\n  title: The numbers - lottery salaries (six deputy executive directors,"
        " forty managers)\n  jurisdiction: Calder Lottery\n"
    )
    news = indexed(tmp_path_factory, "sidebar", {"sidebar.txt": SIDEBAR, "manifest.yaml": manifest})
    deputy = news.ask("What salary does the Calder Lottery pay its deputy executive directors?")
    assert "$110,000 to $145,000" in deputy.text
    chief = news.ask("What salary does the Calder Lottery pay its executive director?")
    assert chief.abstained  # the passage nearest may follow, as what the sources hold


# Each class a record of labelled lines, the code's label naming it.
RECORDS = """Pay Ranges
- Category: Student Aide I
Job Code: SD I
Minimum: $7.25
Midpoint: $8.00
Maximum: $8.50
- Category: Student Aide II
Job Code: SD II
Minimum: $8.00
Midpoint: $9.00
Maximum: $10.00
"""


def test_a_record_of_labelled_lines_is_of_the_class_its_code_names() -> None:
    from assistant.passage_layout import owner_line

    block = RECORDS.splitlines()[1:]  # the heading stands in a block of its own
    assert owner_line(block, block.index("Midpoint: $9.00"), "salary", "") == "Job Code: SD II"
    assert owner_line(block, block.index("Midpoint: $8.00"), "salary", "") == "Job Code: SD I"
    past = ["Midpoint: $7.00", "Maximum: $7.50", "Midpoint: $8.00"]  # the record before it
    assert owner_line(past, 2, "salary", "") == ""


def test_a_labelled_maximum_is_the_top_of_the_range_it_completes() -> None:
    facts = key_value_facts("- Maximum Basic Salary: Rs. 115700")
    assert facts is not None and facts.salary_max == "Rs. 115700" and facts.salary_min is None
    text = (
        "Pay Matrix Table Level 16\n- Revised Pay Level: 16\n"
        "- Minimum Basic Salary: Rs. 36400\n- Maximum Basic Salary: Rs. 115700\n"
    )
    from index.extract import paragraphs_of
    from index.titled_blocks import titled_key_value_classes

    read = titled_key_value_classes(list(paragraphs_of(text)))
    assert [f.salary_max for f in read if f.salary_max] == ["Rs. 115700"]


MATRIX = """Pay Matrix Table Level 16
- Revised Pay Level: 16
- Minimum Basic Salary: Rs. 36400
- Maximum Basic Salary: Rs. 115700
"""


def test_a_range_whose_ends_two_lines_state_cites_both(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    matrix = indexed(tmp_path_factory, "matrix", {"matrix-16.txt": MATRIX})
    answer = matrix.ask("What is the salary range of Pay Matrix Table Level 16?")
    assert "Rs. 36400 - Rs. 115700" in answer.text
    assert {c.quote for c in answer.citations} >= {
        "Minimum Basic Salary: Rs. 36400",
        "Maximum Basic Salary: Rs. 115700",
    }


PAY_SCALE = """Revised Pay Scale 2022

For MP-II officers, their basic pay on a minimum note is Rs 110000 and Rs 176000 is their maximum.

For MP-III officers, their basic pay on a minimum note is Rs 73000 and Rs 120000 is their maximum.
"""


def test_a_grade_in_numerals_the_text_writes_for_others_only_is_not_stated(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    scale = indexed(tmp_path_factory, "mp-scale", {"pay-scale.txt": PAY_SCALE})
    asked = scale.ask("What is the basic pay range for MP-I officers?")
    assert "110000" not in asked.text and "73000" not in asked.text
    assert "110000" in scale.ask("What is the basic pay range for MP-II officers?").text


def test_a_line_of_pay_or_a_note_titles_no_document(tmp_path: Path) -> None:
    path = tmp_path / "rates.txt"
    path.write_text("(*Rates rise each January)\nGrade Level I - Pay Rate: $10.45/hour\n")
    assert read_document(path, "rates.txt", {}).title != "Grade Level I - Pay Rate: $10.45/hour"
    assert not read_document(path, "rates.txt", {}).title.startswith("(")


PARA_POSTING = """Date Posted : 2/20/2026
Closing Date : 02/26/2026
Position : Special Education Para - Support Center
Rate : PESPA Level 3
Hours : 6.95 hours per day

SPECIAL EDUCATION PARA EDUCATOR - SUPPORT CENTER
The program serves students with a variety of disabilities in special education classrooms.
To be eligible for employment, candidates must meet the following criteria:
- Be at least eighteen years of age.
- Hold a high school diploma or its equivalent.
Additionally, candidates must fulfill ONE of the following conditions:
- Hold an associate degree or higher from an accredited college or university.
- Earn 72 quarter credits or 48 semester credits at the 100 level or higher from a college.
"""


def test_how_many_is_answered_by_the_line_counting_the_noun(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from assistant.label_answers import _counts
    from assistant.passages import stem

    assert _counts("- Earn 72 quarter credits or 48 semester credits", {stem("credits")})
    assert not _counts("at the 100 level or higher from a college", {stem("credits")})
    manifest = "para.txt:\n  title: Special Education Paraeducator\n  jurisdiction: Fircrest\n"
    files = {"para.txt": PARA_POSTING, "manifest.yaml": manifest}
    posting = indexed(tmp_path_factory, "para", files)
    answer = posting.ask(
        "How many college credits can stand in for an associate degree at Fircrest?"
    )
    assert "72 quarter credits or 48 semester credits" in answer.text


def test_a_valued_grade_in_a_how_question_leaves_it_a_pay_question() -> None:
    assert detect_intents("how does kenyon's grade level i student rate change each year") == (
        "salary",
    )


def test_a_title_keys_every_line_only_when_it_names_one_key_of_its_label() -> None:
    from assistant.topic_answers import _titled_for

    assert _titled_for("Clerical Officer - Grade III, regional competition", [("grade", "iii")])
    assert not _titled_for("Wage Guide for Grade Levels I and II", [("level", "i")])


BOARD_POSTING = """SCHOOL BUS DRIVER TRAINEE at Larkspur Valley School District

Application Deadline

Continuous

Date Posted
8/13/2025
Contact
Mary Lou Masters
Number of Openings
18
"""


def test_each_part_of_a_question_gets_its_labelled_line_without_a_colon(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    board = indexed(tmp_path_factory, "board", {"bus-driver-trainee.txt": BOARD_POSTING})
    answer = board.ask(
        "When is the application deadline for the Larkspur Valley bus driver trainee posting, "
        "and when was it posted?"
    )
    assert "Continuous" in answer.text and "8/13/2025" in answer.text


def test_a_term_run_into_its_definition_gets_its_colon() -> None:
    from index.reflow import labels_unglued

    assert labels_unglued("Dearness allowanceNPR 5,000 per month") == (
        "Dearness allowance: NPR 5,000 per month"
    )
    assert labels_unglued("General retirement age58 years") == "General retirement age: 58 years"
    assert labels_unglued("Reference basic pay (from 2079)Kharidar ~NPR 32,902") == (
        "Reference basic pay (from 2079): Kharidar ~NPR 32,902"
    )
    for kept in ("The JavaScript developer", "Old McDonald Farm", "Uses iPhone apps daily"):
        assert labels_unglued(kept) == kept


def test_an_iso_currency_code_before_an_amount_makes_it_money() -> None:
    from index.money import ONE_AMOUNT

    for written in ("NPR 43,689", "UGX 500,000", "MYR 3,000"):
        match = ONE_AMOUNT.search(f"Basic pay {written} per month")
        assert match is not None and match.group(0) == written
    assert ONE_AMOUNT.search("SES 3 and APS 6") is None


def test_a_keyword_typed_one_slip_from_a_word_the_passages_hold_reads_as_it() -> None:
    """ "trafic warden" of a Traffic Warden posting: a word no passage holds and English does
    not use, one slip from one word the passages hold; an unknown name, a word English uses
    (the surname "Levey", one slip from "levee") and a slip from two held words stay as typed."""
    held = {stem(w): 3 for w in ("traffic", "warden", "levee", "clerk", "cleek")}
    assert respelt_keywords(("trafic", "warden"), held) == ("traffic", "warden")
    assert respelt_keywords(("fetakgomo", "levey"), held) == ("fetakgomo", "levey")
    assert respelt_keywords(("cleerk",), held) == ("cleerk",)  # clerk or cleek
    assert respelt_keywords(("trafic",), {stem("traffic"): 1}) == ("trafic",)  # held once
