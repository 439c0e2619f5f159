"""Pages that lost their lines: a "|" table whose rows a page wrapped over several lines, a
circular whose sections ran into one paragraph with their labels in capitals, and an agenda
report whose only figures are its own reference numbers. The pages are written here."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.open_answers import _states_figure
from assistant.reader import months_alone, question_words
from assistant.service import Assistant
from index.reflow import pipe_rows_by_header, run_in_labels_parted

VACANCIES = """MINISTRY OF WORKS
The Ministry hereby invites applicants for the following positions:
POST | MINIMUM REQUIREMENTS | SALARY BAND |
---|---|---|
1. District Officer - Northern District (Re-advertisement) |
Mandatory
|
BAND F ($41,100 - $55,900) |
2. Planning Analyst - Planning Division | Degree in Economics
|
BAND H ($28,350 - $39,870) |
3. Daily Paid Messenger - Head Office |
Education and Qualification
|
$31.75 per day of work |
Application Details
All applications are to be received no later than 4:00pm.
"""

CIRCULAR = (
    "C I R C U L A R No: 4/12 FROM: CHIEF ESTABLISHMENT OFFICER TO: Heads of Departments DATE: "
    "2019-03-01 Details Regarding the Vacant Post of Ferry Deckhand, Marine Unit. Applications "
    "are invited from suitably qualified persons for appointment to the post of Ferry Deckhand. "
    "QUALIFICATIONS: A primary school leaving certificate. A boat handling licence would be an "
    "asset. DUTIES AND RESPONSIBILITIES: Moors and unmoors the vessel. Keeps the deck clean and "
    "safe. Assists passengers with boarding. Performs any other related duties as required. "
    "SKILLS AND ABILITIES: Ability to swim. Ability to work shifts. "
    "SALARY SCALE: M12-7: $19,440.00 x 610.20 - $24,321.60 APPOINTMENT: The appointment may be "
    "permanent or temporary.\n"
)

AGENDA = (
    "AGENDA REPORT TO: The Honorable Council FROM: Director DATE: May 2, 2001 SUBJECT: "
    "Recommended Job Description for Records Clerk and Amendment of the Salary Plan, Rescinding "
    "Resolution No. 01 -2231 and Resolution No. 01 -2232. DISCUSSION There is not currently a "
    "Records Clerk job description and salary range in the Classification Plan, and one is "
    "requested to be added. The report that sets the range will follow.\n"
)

MANIFEST = """
vacancies.txt:
  title: Ministry of Works vacancies - posts, requirements and salary bands or daily rates
  jurisdiction: Government of Tavira (Ministry of Works)
circular.txt:
  title: Vacant post of Ferry Deckhand - qualifications, duties, skills and salary scale
  jurisdiction: Tavira public service (the circular's Public Service Act, Cap. 31)
agenda.txt:
  title: Agenda report - Records Clerk job description and salary plan resolutions
  jurisdiction: City of Marlow Bay, California
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(
        tmp_path_factory,
        "run-in-sections",
        {
            "vacancies.txt": VACANCIES,
            "circular.txt": CIRCULAR,
            "agenda.txt": AGENDA,
            "manifest.yaml": MANIFEST,
        },
    )


def test_a_wrapped_pipe_row_is_joined_until_it_holds_the_headers_cells() -> None:
    lines = pipe_rows_by_header(VACANCIES).splitlines()
    assert (
        "1. District Officer - Northern District (Re-advertisement) | Mandatory | "
        "BAND F ($41,100 - $55,900) |"
    ) in lines
    assert "3. Daily Paid Messenger - Head Office | Education and Qualification | " in " ".join(
        lines
    )
    # What follows the table is not a row: its lines stay as they were.
    assert "Application Details" in lines
    assert "All applications are to be received no later than 4:00pm." in lines


def test_a_pipe_table_without_wrapped_rows_is_unchanged() -> None:
    table = "Title | Grade |\n---|---|\nClerk | 4 |\nAnalyst | 7 |\n"
    assert pipe_rows_by_header(table) == table


def test_run_in_labels_start_lines_and_prose_labels_head_their_text() -> None:
    lines = run_in_labels_parted(CIRCULAR).splitlines()
    assert "QUALIFICATIONS:" in lines
    assert "DUTIES AND RESPONSIBILITIES:" in lines
    assert "SALARY SCALE: M12-7: $19,440.00 x 610.20 - $24,321.60" in lines
    # A short line with a label or two stays whole.
    assert run_in_labels_parted("GRADE: 7 SALARY: $40,000\n") == "GRADE: 7 SALARY: $40,000\n"


def test_a_post_in_a_wrapped_row_is_answered_by_its_band(pages: Assistant) -> None:
    answer = pages.ask("What salary band is the Planning Analyst post at the Ministry of Works?")
    assert not answer.abstained
    assert "BAND H ($28,350 - $39,870)" in answer.text


def test_a_daily_rate_in_a_wrapped_row_is_its_posts(pages: Assistant) -> None:
    answer = pages.ask("ministry of works daily paid messenger - how much per day?")
    assert not answer.abstained
    assert "$31.75 per day of work" in answer.text


def test_a_run_in_circular_answers_its_scale_and_qualifications(pages: Assistant) -> None:
    scale = pages.ask("What is the salary scale for the post of Ferry Deckhand?")
    assert not scale.abstained, scale.text
    assert "$19,440.00 x 610.20 - $24,321.60" in scale.text
    # The place the citation names holds a figure ("Cap. 31") that its quote does not: the
    # guard does not take it for an invented number.
    assert "Cap. 31" in scale.text
    needs = pages.ask("What qualifications does a Ferry Deckhand need?")
    assert not needs.abstained
    assert "A primary school leaving certificate." in needs.text
    assert "Moors and unmoors" not in needs.text


def test_a_reference_number_is_no_salary(pages: Assistant) -> None:
    subject = AGENDA.split("SUBJECT: ")[1].split(". DISCUSSION")[0]
    assert not _states_figure(subject, asks_code=False)
    assert _states_figure(subject, asks_code=True)
    assert _states_figure("Rescinding Resolution No. 7, the range is 2450 - 3100.", asks_code=False)
    answer = pages.ask("What is the recommended salary range for Marlow Bay's Records Clerk?")
    assert answer.abstained, answer.text


OPENINGS = """Personnel Department

Department Mission:
To maintain an environment where teamwork and respect are standard practices.

Fire Application:

Police Application:
EVerify
204417

CURRENT EMPLOYMENT OPPORTUNITIES:

LINE COOK

Annual Starting Salary: 31,200

Deadline: Application at all times

High school diploma or GED; must possess and maintain a valid food handler card. Must be able
to lift 50 pounds.

GROUNDSKEEPER

FULL TIME
SALARY: 28,900
DEADLINE: Until filled
"""

OPENINGS_MANIFEST = """
openings.txt:
  title: Personnel Department - department mission, application forms and current openings
    (Line Cook with annual starting salary and deadline; Groundskeeper with salary and deadline)
  jurisdiction: City of Alder Springs, Georgia
"""


@pytest.fixture(scope="module")
def openings(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(
        tmp_path_factory,
        "openings",
        {"openings.txt": OPENINGS, "manifest.yaml": OPENINGS_MANIFEST},
    )


def test_a_class_heading_a_block_is_asked_of_its_block(openings: Assistant) -> None:
    # The title names both openings; the page heads a block with each: the salary asked is
    # the one under the heading the question names.
    answer = openings.ask("What salary does the City of Alder Springs list for its Groundskeeper?")
    assert not answer.abstained, answer.text
    assert "28,900" in answer.text
    assert "31,200" not in answer.text
    assert "204417" not in answer.text
    cook = openings.ask("What is the annual starting salary of an Alder Springs line cook?")
    assert "31,200" in cook.text
    assert "28,900" not in cook.text


def test_a_month_without_its_day_is_no_subject() -> None:
    assert months_alone("What did the minister announce in January 2025?") == {"january"}
    # A date a table heads its columns with is kept: "from 11 July 2019", "April 1, 2024".
    assert months_alone("anuo8 step 2 salary from 11 july 2019?") == set()
    assert months_alone("What is the April 1, 2024 rate?") == set()


def test_requirements_under_another_class_heading_are_not_the_class_asked(
    openings: Assistant,
) -> None:
    asked = openings.ask(
        "What are the minimum qualifications for the Groundskeeper job at Alder Springs?"
    )
    assert asked.abstained, asked.text
    assert "food handler" not in asked.text.split("\n")[0]
    cook = openings.ask("What are the minimum qualifications for the Line Cook at Alder Springs?")
    assert "food handler card" in cook.text


def test_now_says_when_not_what() -> None:
    # "how much do constables earn now": "now" is no word the answering line must hold.
    assert {"now", "today", "presently"} <= question_words()


RELEASE = """Joint news release with the Harbour Workers' Union
The Council and the union have ratified a new three-year collective agreement. The agreement
will expire on December 31, 2027.
In addition to a general wage increase, the revised agreement includes improvements to other
provisions: shift premiums; travel allowances; and market adjustments.
The new collective agreement includes:
- Yearly salary increases totalling 6 per cent over three years.
- From January 1, 2026, shift premiums will be increased from $1.10 per hour to $1.85 per hour.
- From 2026, weekend premiums will be increased from $1.20 per hour to $1.90 per hour.
"""

RELEASE_MANIFEST = """
release.txt:
  title: Harbour Workers' Union and Port Council ratify new collective agreement - term, salary
    increases, shift and weekend premiums and market adjustments (joint news release, 2025)
  jurisdiction: Port Council of Kelby
"""


def test_pay_a_title_lists_is_asked_of_its_text(tmp_path_factory: pytest.TempPathFactory) -> None:
    # "shift premiums" names the release only through what its title lists: it is what is
    # asked, and the line that states it answers.
    release = indexed(
        tmp_path_factory, "release", {"release.txt": RELEASE, "manifest.yaml": RELEASE_MANIFEST}
    )
    answer = release.ask(
        "What did the 2025 Port Council collective agreement do to shift premiums?"
    )
    assert "from $1.10 per hour to $1.85 per hour" in answer.text, answer.text
