"""Lines that name their class by its level or by a table's cells: "The salary range for level
III is ..." in a posting for levels II and III answers for level III (and not for level II);
"1.173 | Legal Assistant | VI | 23 |" gives Legal Assistant its class code, the cell before
its title, though the pay schedule's "VI" in the next cell reads like a level."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.line_marks import code_before_title
from assistant.service import Assistant
from assistant.word_indexes import asked_values, value_tokens

POSTING = (
    "Harbour Crane Mechanic II/III - Halden Port Works\n"
    "About the Job\n"
    "This recruitment is for Level II and III.\n"
    "The salary range for level II is $1,835.20 - $2,459.20 biweekly ($22.94 - $30.74 per hour).\n"
    "The salary range for level III is $1,928.80 - $2,584.80 biweekly ($24.11 - $32.31 per hour).\n"
    "DEFINITION\n"
    "Under general (Harbour Crane Mechanic II) supervision, maintains and repairs cranes.\n"
)
LISTING = (
    "Job Titles and Salaries\n"
    "1.100 | General Administrative Series | Pay Schedule | Grade |\n"
    "1.165 | Harbour Records Officer | I | 26 |\n"
    "1.173 | Harbour Legal Assistant | VI | 23 |\n"
    "1.190 | Harbour Claims Assistant | VI | 24 |\n"
)

# A schedule of one series whose levels head their own lines, each over its labelled range.
SCHEDULE = (
    "Harbour Technician - Casual Compensation Schedule\n"
    "Grade: TECH\n"
    "Level I\n"
    "Pay Range: $15.95 per hour\n"
    "Work is performed under direct supervision.\n"
    "Examples:\n"
    "- Lifeguard\n"
    "Level II\n"
    "Pay Range: $15.95 - $19.12 per hour\n"
    "Work is performed under general supervision.\n"
    "Level III\n"
    "Pay Range: $15.95 - $24.95 per hour\n"
    "Duties include planning the work of others.\n"
)


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"crane-mechanic-posting.txt": POSTING, "job-titles.txt": LISTING}
    return indexed(tmp_path_factory, "level-lines", files)


def test_a_line_naming_the_level_asked_answers_for_it(harbour: Assistant) -> None:
    answer = harbour.ask("harbour crane mechanic III hourly pay")
    assert not answer.abstained
    assert "$24.11 - $32.31" in answer.text
    assert "$22.94" not in answer.text  # level II's line is not quoted with it


@pytest.fixture(scope="module")
def schedule(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "level-headings", {"technician-schedule.txt": SCHEDULE})


def test_a_level_heading_names_the_level_of_the_lines_under_it(schedule: Assistant) -> None:
    answer = schedule.ask("What is the hourly pay range for a Level II Harbour Technician?")
    assert not answer.abstained and "$15.95 - $19.12" in answer.text
    assert "$24.95" not in answer.text  # level III's range, under its own heading


def test_a_listing_cell_before_the_title_is_its_code(harbour: Assistant) -> None:
    answer = harbour.ask("harbour legal assistant class code")
    assert not answer.abstained and "1.173" in answer.text


@pytest.mark.parametrize(
    ("line", "coded"),
    [
        ("1.173 | Harbour Legal Assistant | VI | 23 |", True),
        ("1.190 | Harbour Claims Assistant | VI | 24 |", False),  # another title
        ("21.08 | Harbour Legal Assistant |", False),  # money, not a code
    ],
)
def test_a_code_in_the_cell_before_a_title(line: str, coded: bool) -> None:
    assert code_before_title(line, ["harbour", "legal", "assistant"]) is coded


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("which progression pays $24.58/hr", {"24.58"}),
        ("Step 5 $30,840.00 and code 4268K1", {"30840", "30840.00", "4268k1"}),
        ("a 2.5% increase", {"2.5%"}),  # a share, as "which step earns 75%?" gives one
    ],
)
def test_the_values_a_line_must_hold(text: str, tokens: set[str]) -> None:
    assert value_tokens(text) == tokens


def test_a_question_gives_an_amount_with_cents_as_money() -> None:
    assert asked_values("which progression pays $24.58/hr") == {"24.58"}
    assert asked_values("In UCD's guide, which grade does Rate 3 (€25.25) line up with?") == {
        "25.25"
    }
    # A section's number is no amount: "165.33" is read as any other figure is.
    assert "165.33" not in asked_values("Which paygrade is the clerk under ordinance 165.33?")


def test_two_levels_compared_are_read_as_the_subjects_levels(schedule: Assistant) -> None:
    """ "... a Level I Harbour Technician compare with Level III": the second part names only a
    level, which is the same subject's."""
    answer = schedule.ask(
        "How does the hourly pay range of a Level I Harbour Technician compare with Level III?"
    )
    assert "$15.95 per hour" in answer.text and "$15.95 - $24.95" in answer.text
    assert "$19.12" not in answer.text  # level II's range is not asked
