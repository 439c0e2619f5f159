"""Words as people type them and tables as they are cut: an abbreviation no passage writes
("acct" of "Accounting Technician I"), read beside the question's other words, but never an
acronym of a document's name ("anu" is not "annual"); a compound typed as one word
("lineworker"); "level 1" of a class whose levels are its titles' ("Apprentice I"); a grade's
table under its own heading in a passage headed by a range of grades ("PX-01 to PX-03"), whose
steps end where its header says. And a posting that states no requirements: a line that only
uses the word ("rates based on the applicant's qualifications") does not answer what a class
requires; a line the question names by its label answers, whatever form its figure takes
("PAY RANGE: CP10-13-A"), a label whose value gives no figure does not."""

from __future__ import annotations

import pytest
from conftest import stated
from test_passage_answers import indexed

from assistant.line_subjects import only_notice, states_requirement
from assistant.passage_layout import table_headers
from assistant.row_keys import has_row_key, lacks_step
from assistant.service import Assistant
from assistant.titles import abbreviation_like

POSTING = """Accounting Technician I/II
Accounting Technician I: $22.05 - $27.11
Accounting Technician II: $24.31 - $29.88
Acceptable experience includes two years of clerical work.
Under general direction, keeps bookkeeping records and reconciles fiscal documents.
"""

LINE_WORK = """Apprentice Line Worker I-III
Pay is based on the level of certifications obtained.
- Apprentice I: $41,500.00-$43,250.00
- Apprentice II: $49,800.00-$52,100.00
- Apprentice III: $58,400.00-$61,900.00
The Apprentice Line Worker builds and maintains overhead power lines.
"""

RATES = """Rates of pay for levels PX-01 to PX-03
PX-01 – Annual rates of pay (in dollars)
Effective dates | Step 1 | Step 2 | Step 3 |
April 1, 2024 | 50,100 | 52,200 | 54,300 |
PX-02 – Annual rates of pay (in dollars)
Effective dates | Step 1 | Step 2 |
April 1, 2024 | 60,100 | 62,200 |
"""

ANALYST = """Budget Analyst VI - continuous recruitment
Salary: $6,012 - $8,890 monthly
Hiring rates will be based on availability of funds, the applicant's qualifications, and other
relevant factors.
Incumbents gain additional experience in state budgeting while reviewing agency requests.
"""


SPEC = """2H90
PAY
RANGE: CP10-13-A
HUMAN
RESOURCES PROFESSIONAL 1
This classification encompasses technical human resources work in classification.
Leave Allowance: As provided by the terms of service.
"""


@pytest.fixture(scope="module")
def postings(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(
        tmp_path_factory,
        "typed",
        {
            "accounting.txt": POSTING,
            "line-worker.txt": LINE_WORK,
            "px-rates.txt": RATES,
            "analyst.txt": ANALYST,
            "spec.txt": SPEC,
        },
    )


@pytest.mark.parametrize(
    ("question", "given", "not_given"),
    [
        # An abbreviation is read as the word its line writes beside the question's others.
        ("acct tech I pay range?", ["$22.05", "$27.11"], ["$24.31"]),
        # A compound typed as one word, and "level 2" the level of its title.
        ("apprentice lineworker level 2 pay", ["$49,800.00"], []),
        # A grade's own heading keys its rows under a passage heading of a range of grades.
        ("px-02 step 2 rate april 2024", ["62,200"], ["52,200"]),
        # A line named by its label answers whatever form its figure takes.
        ("hr professional 1 pay range?", ["CP10-13-A"], []),
    ],
    ids=["abbreviation", "compound-and-level", "grade-heading", "label-named"],
)
def test_a_question_typed_short_finds_its_line(
    postings: Assistant, question: str, given: list[str], not_given: list[str]
) -> None:
    answer = postings.ask(question)
    assert not answer.abstained
    assert all(figure in answer.text for figure in given)
    assert not any(figure in stated(answer) for figure in not_given)


def test_a_step_its_tables_header_does_not_name_is_not_answered(postings: Assistant) -> None:
    answer = postings.ask("px-02 step 3 rate april 2024")
    assert answer.abstained
    assert "54,300" not in stated(answer)


def test_a_key_at_the_end_of_a_range_keys_no_row() -> None:
    keys = [("px", "03")]
    assert not has_row_key("Rates of pay for levels PX-01 to PX-03", keys)
    assert not has_row_key("PX-03 through PX-05", keys)
    assert has_row_key("PX-03 – Annual rates of pay (in dollars)", keys)


def test_a_header_naming_its_steps_lacks_the_others() -> None:
    header = "Effective dates | Step 1 | Step 2 |"
    assert lacks_step(header, "3")
    assert not lacks_step(header, "2")
    assert not lacks_step(header, None)
    assert not lacks_step("Effective dates | Salary range |", "3")


def test_a_line_of_named_cells_heads_the_row_of_figures_below_it() -> None:
    block = [
        "Effective dates | Step 1 | Step 2 | Step 3 |",
        "April 1, 2024 | 50,100 | 52,200 | 54,300 |",
    ]
    assert table_headers(block)[1] == block[0]
    ruled = ["---|---|---|", "April 1, 2024 | 50,100 | 52,200 |"]
    assert table_headers(ruled)[1] == ""


@pytest.mark.parametrize(
    ("word", "shortens"), [("acct", True), ("oct", True), ("mgmt", True), ("car", False)]
)
def test_an_abbreviation_is_short_and_no_everyday_word(word: str, shortens: bool) -> None:
    assert abbreviation_like(word) is shortens


def test_a_line_that_only_names_qualifications_does_not_state_them(postings: Assistant) -> None:
    answer = postings.ask("What are the minimum qualifications for Budget Analyst VI?")
    assert answer.abstained
    assert "Hiring rates" not in stated(answer)
    assert "additional experience" not in stated(answer)


# The notice many US postings set above their requirements.
NOTICE = (
    "To perform this job successfully, an individual must be able to perform each essential "
    "duty satisfactorily. The requirements listed below are representative of the knowledge, "
    "skill, and/or ability required. Reasonable accommodations may be made to enable "
    "individuals with disabilities to perform the essential functions."
)


@pytest.mark.parametrize(
    ("line", "states"),
    [
        ("Two years of clerical experience.", True),
        ("Education: High school graduate or GED Experience: None required", True),
        ("Valid CDL Class A", True),
        ("If you have 5 or more GCSEs at Grade C, you can expect to enter as an AO", True),
        ("Two A levels or a matriculation certificate", True),
        ("while gaining additional experience and familiarity", False),
        ("based on the applicant's qualifications", False),
        (NOTICE, False),
        (f"{NOTICE} High school diploma or equivalent.", True),
    ],
)
def test_a_requirement_is_stated_by_its_marks(line: str, states: bool) -> None:
    assert states_requirement(line) is states


def test_the_notice_above_requirements_with_its_heading_is_no_requirement() -> None:
    assert only_notice(f"Minimum Qualifications {NOTICE}")
    assert not only_notice(f"{NOTICE} High school diploma or equivalent.")
    assert not only_notice("High school diploma or equivalent.")


def test_a_label_whose_value_gives_no_figure_does_not_answer_how_much(
    postings: Assistant,
) -> None:
    answer = postings.ask("How much is the leave allowance for the HR Professional 1?")
    assert answer.abstained
    assert stated(answer).startswith("The sources do not state")
