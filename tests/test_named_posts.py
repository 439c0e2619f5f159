"""Posts named in a list, shares of a rate and labels a question names: a list of example posts
with their bands ("• Nurse – Band 5") read for a post, a band, a claim and a comparison whose
employer's name holds an "and"; apprentice steps as shares of a rate, looked up by step and
by share; a posting's "Reference Number:12.046" in a document with no class known; a duty
table copied a cell a line between "|" lines. The pages are written here."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.comparisons import subject_parts
from assistant.passage_layout import table_headers
from assistant.query import detect_intents, is_claim, normalise_question
from assistant.row_keys import row_keys
from assistant.service import Assistant
from index.catalog import parse_standard
from index.reflow import pipe_rows_joined
from index.types import SourceDocument

BANDS = """Terms of Employment

Pay: Each post is banded by its duties. Listed below are examples of posts and their band.

  • Porter – Band 1
  • Ward Clerk – Band 2
  • Therapy Assistants – Band 2 or Band 3 depending on range of duties
  • Midwife – Band 5
  • Dietitian - Band 6

Working Hours: Full time posts work 37½ hours.
"""

STEPS = """Line Apprenticeship

Wages based on percentage of the Journeyworker Rate. Current Journeyworker Rate is $41.10.
1st Step       (0 – 1000 hrs)           55%
2nd Step      (1001 – 2000 hrs)     60%
3rd Step      (2001 – 3000 hrs)     70%
4th Step      (3001 – 4000 hrs)     80%

Incentive Pays:
- $120 per month for Bilingual Certification
Longevity Pay: 3.5% after 12 years of service
Shift Differential Pay: 2% for swing shift
"""

POSTING = """Job Details

Position Title:Meter Reader Trainee
Reference Number:77.310
Division:Utilities
Position Description:SALARY RANGE: $4210 to $5630 per month (26 pay periods annually)

The normal work schedule is Monday through Friday.
"""

MANIFEST = """
bands.txt:
  title: Terms of Employment - example posts and their bands
  jurisdiction: Northfield Health and Social Care Trust
steps.txt:
  title: Line Apprenticeship - wage steps as a share of the journeyworker rate
  jurisdiction: Kestrel Valley Electrical Training Fund
posting.txt:
  title: Meter Reader Trainee - monthly salary range, work schedule and duties
  jurisdiction: City of Ashgrove, Oregon
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(
        tmp_path_factory,
        "named-posts",
        {"bands.txt": BANDS, "steps.txt": STEPS, "posting.txt": POSTING, "manifest.yaml": MANIFEST},
    )


def test_a_salary_code_is_a_code_and_a_tag_question_is_a_claim() -> None:
    assert detect_intents(normalise_question("What salary code is the Clerk assigned?")) == (
        "code",
    )
    assert "salary" in detect_intents(normalise_question("salary and code of the Clerk"))
    assert is_claim("Midwives start on Band 6, don't they?")
    assert not is_claim("What band does a Midwife start on?")


def test_a_spaced_dash_parts_words_and_a_list_item_heads_no_table() -> None:
    assert row_keys("which starts on a higher band - a Midwife or a Dietitian?") == []
    assert row_keys("ME-H") == [("me", "h")]
    block = [line for line in BANDS.splitlines() if line.strip()]
    therapy = next(line for line in block if "Therapy" in line)
    assert therapy not in table_headers(block)


def test_a_which_or_question_names_its_subjects_after_the_frame() -> None:
    parts = subject_parts(
        "At the Northfield Health and Social Care Trust, which starts on a higher band - a "
        "Midwife or a Dietitian?"
    )
    assert parts == ["a Midwife", "a Dietitian"]


def test_the_post_asked_is_answered_by_its_list_item(pages: Assistant) -> None:
    answer = pages.ask("At the Northfield Health and Social Care Trust, what band is a Dietitian?")
    assert not answer.abstained
    assert "Dietitian - Band 6" in answer.text
    assert "Porter" not in answer.text


def test_a_comparison_across_an_employer_named_with_and_answers_both(pages: Assistant) -> None:
    answer = pages.ask(
        "At the Northfield Health and Social Care Trust, which starts on a higher band - a "
        "Midwife or a Dietitian?"
    )
    assert not answer.abstained
    assert "Midwife – Band 5" in answer.text and "Dietitian - Band 6" in answer.text


def test_a_band_given_asks_which_post_holds_it(pages: Assistant) -> None:
    answer = pages.ask("Which post at the Northfield Health and Social Care Trust is in Band 1?")
    assert not answer.abstained
    assert "Porter – Band 1" in answer.text


def test_a_band_claimed_is_checked_against_the_posts_line(pages: Assistant) -> None:
    answer = pages.ask(
        "Dietitians at the Northfield Health and Social Care Trust start on Band 5, don't they?"
    )
    assert not answer.abstained
    assert "Dietitian - Band 6" in answer.text


def test_a_share_of_a_rate_is_a_percentage(pages: Assistant) -> None:
    answer = pages.ask(
        "What share of the journeyworker rate does a first-step line apprentice earn at Kestrel "
        "Valley?"
    )
    assert not answer.abstained
    assert "55%" in answer.text


def test_a_percentage_given_asks_for_its_step(pages: Assistant) -> None:
    answer = pages.ask("At which step does a Kestrel Valley line apprentice earn 70% of the rate?")
    assert not answer.abstained
    assert "3rd Step" in answer.text
    assert "4th Step" not in answer.text


def test_two_steps_compared_are_both_answered(pages: Assistant) -> None:
    answer = pages.ask("kestrel valley line apprentice 1st step vs 4th step percentage")
    assert "55%" in answer.text and "80%" in answer.text


def test_a_pay_element_asked_is_its_line_with_a_percentage(pages: Assistant) -> None:
    answer = pages.ask("What longevity pay does the Kestrel Valley training fund give?")
    assert not answer.abstained
    first = answer.text.split("\n")[0]
    assert "Longevity Pay: 3.5% after 12 years of service" in first


def test_a_label_the_question_names_answers_in_a_document_of_no_class(pages: Assistant) -> None:
    answer = pages.ask("What reference number did the City of Ashgrove give its meter reader job?")
    assert not answer.abstained
    assert "77.310" in answer.text


def test_a_label_whose_value_the_question_gives_is_no_answer(pages: Assistant) -> None:
    answer = pages.ask("Which division is reference number 77.310 in?")
    assert "Division:Utilities" in answer.text or answer.abstained
    assert '"Reference Number:77.310"' not in answer.text


def test_a_work_schedule_in_the_title_is_no_schedule_of_classes() -> None:
    document = SourceDocument(
        source="posting.txt",
        title="Meter Reader Trainee - monthly salary range, work schedule and duties",
        text=POSTING,
        content_hash="x",
        format="txt",
    )
    classes = parse_standard(document).classes
    assert [record.title for record in classes] == ["Meter Reader Trainee"]
    assert "$4210" in (classes[0].salary_text or "")


DUTIES = "\n".join(
    [
        "DUTY",
        "|",
        "ESSENTIAL DUTIES",
        "|",
        "|",
        "|",
        "1.",
        "|",
        "Helps the teacher with classroom instruction.",
        "|",
        "Daily",
        "65%",
        "|",
        "|",
        "|",
        "2.",
        "|",
        "Monitors behaviour outside the classroom.",
        "|",
        "Daily",
        "15%",
        "|",
        "|",
    ]
)


def test_a_table_a_cell_a_line_between_bars_is_read_a_row_a_line() -> None:
    joined = pipe_rows_joined(DUTIES)
    assert "1. | Helps the teacher with classroom instruction. | Daily 65%" in joined
    assert "2. | Monitors behaviour outside the classroom. | Daily 15%" in joined
    # Before the first run of bars the lines are no row: a header, labels, prose.
    assert joined.startswith("DUTY\n|\nESSENTIAL DUTIES\n")
    # A single bar between lines with no run around them changes nothing.
    assert pipe_rows_joined("A\n|\nB") == "A\n|\nB"


def test_what_a_claim_likens_its_subject_to_is_not_asked(pages: Assistant) -> None:
    answer = pages.ask(
        "Dietitians at the Northfield Health and Social Care Trust start on Band 1 like porters, "
        "don't they?"
    )
    assert not answer.abstained
    assert answer.text.split("\n")[0].endswith('"• Dietitian - Band 6" [1]')


def test_a_document_paying_in_shares_answers_a_rate_with_its_share(pages: Assistant) -> None:
    answer = pages.ask("kestrel valley line apprentice 2nd step rate")
    assert not answer.abstained
    assert "2nd Step" in answer.text and "60%" in answer.text
