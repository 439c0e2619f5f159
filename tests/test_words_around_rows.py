"""What names a line besides the line itself: a label alone above its values ("Hiring Range:"
over one range a level), the rest of a title that wraps around its row of figures, a grade code
written under a column head in another language, and the way a user puts a question (words the
document never writes, "in the Parks division", say nothing of which line is meant, while a
word before a title word the document writes does: "machine operator"). Each rule on an
invented page of that shape."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.passages import sentences
from assistant.service import Assistant

POSTING = """What are the responsibilities of the Seasonal Park Keeper I-II position at Wrenfield?
Hiring Range:
Level I $15.14 - $17.04 Hourly
Level II $16.69 - $18.78 Hourly
Job Summary:
The Seasonal Park Keeper maintains the grounds of the town's parks.

Duties may include mowing, trimming and litter pick-up. May be assigned as Snow Plow Operator
in winter.
"""

SCHEDULE = """Harlow Valley College District 2019-20 Management Salary Schedule Full Time Annual
Title Range Step 1 Step 2 Step 3 Step 4 Step 5

Director/Manager II/
2        145,664      148,577      151,549      154,580     157,672
Assoc. VP (672)

Director/Manager III/
3        136,580      139,311      142,098      144,939     147,838
Dean (670)
"""

TABLES = """JADUAL GAJI MINIMUM-MAKSIMUM BAGI PERKHIDMATAN PENGANGKUTAN
KOD GAJI GRED GAJI GAJI KADAR KENAIKAN
KOMPUTER SSM GAJI MINIMUM MAKSIMUM GAJI TAHUNAN
SSM401AA54000 A54 6,181.00 13,254.00 320.00
SSM401AA48000 A48 5,210.00 11,768.00 225.00
"""

BANDS = """Base pay bands 2022.
The locality rate for employees in Washington, D.C. (headquarters) is 23.31 percent. Employees
in band 90 do not receive a locality adjustment.
"""

ADVERT = """Municipal Manager Position
Annual Total Remuneration Package: Minimum – R1,152,941; Midpoint – R1,325,220; Maximum –
R1,495,499.
Term of Office: A fixed-term employment contract of five years.
"""

MANIFEST = """
posting.txt:
  title: Seasonal Park Keeper I-II - Town of Wrenfield posting
  jurisdiction: Town of Wrenfield
schedule.txt:
  title: Harlow Valley College District 2019-20 Final Management Salary Schedule (full time annual)
  jurisdiction: Harlow Valley College District
tables.txt:
  title: Jadual Gaji Minimum-Maksimum, Perkhidmatan Pengangkutan (monthly, from 1 July 2016)
  jurisdiction: Malaysia (federal public service)
advert.txt:
  title: Municipal Manager Position - annual total remuneration package
  jurisdiction: Thabazimbi Local Municipality
bands.txt:
  title: Consumer Lending Bureau base pay bands 2022
  jurisdiction: Consumer Lending Bureau
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(
        tmp_path_factory,
        "around",
        {
            "posting.txt": POSTING,
            "schedule.txt": SCHEDULE,
            "tables.txt": TABLES,
            "bands.txt": BANDS,
            "advert.txt": ADVERT,
            "manifest.yaml": MANIFEST,
        },
    )


def test_a_value_under_a_label_alone_is_named_by_the_label(pages: Assistant) -> None:
    answer = pages.ask("What is the hiring range for a Level II Seasonal Park Keeper in Wrenfield?")
    assert not answer.abstained
    assert "$16.69 - $18.78" in answer.text


def test_words_the_document_never_writes_may_be_the_way_a_user_puts_it(
    pages: Assistant,
) -> None:
    answer = pages.ask(
        "What is the midpoint, as advertised recently, of the annual total remuneration package "
        "for the Municipal Manager position?"
    )
    assert not answer.abstained
    assert "Midpoint – R1,325,220" in answer.text


def test_a_word_before_a_title_word_names_another_class(pages: Assistant) -> None:
    answer = pages.ask("wrenfield machine operator hourly rate?")
    assert answer.abstained
    assert "$16.69" not in answer.text.split("The passage nearest")[0]


def test_the_share_of_a_subject_a_document_must_write(pages: Assistant) -> None:
    reader = pages.composer.passages.reader
    question = "the remuneration package midpoint, as quoted, for the municipal manager"
    subject = reader.subject(["remuneration", "package", "quoted", "manager"])
    share = reader.written_share("advert.txt", subject, question)
    assert 0.5 <= share < 1.0  # "quoted" set aside
    # Next to a word of the subject the document writes, it would name another class.
    named = "the remuneration package of the quoted manager"
    assert reader.written_share("advert.txt", subject, named) == 1.0
    # Most of the subject unwritten: it is what is asked.
    nurse = reader.subject(["registered", "nurse", "package"])
    assert reader.written_share("advert.txt", nurse, "registered nurse in a package") == 1.0


def test_a_class_the_document_never_names_is_not_answered_by_its_lines(
    pages: Assistant,
) -> None:
    # Words weighing most of the question are what it asks, not the way it is put.
    assert pages.ask("What is the hourly range for a Registered Nurse in Wrenfield?").abstained
    # Words run up to a word the document writes name another class with it.
    assert pages.ask("What is the hiring range for a wrenfield park ranger keeper?").abstained


def test_a_pay_element_the_document_never_writes_is_not_its_base_rate(
    pages: Assistant,
) -> None:
    answer = pages.ask("What is the overtime rate for a Level II Park Keeper in Wrenfield?")
    assert answer.abstained


def test_the_end_of_a_progression_asked_is_the_line_marked_so() -> None:
    from assistant.line_marks import marks_end

    top = "5th/Final Progression (Top Pay): $27.93/hour (after 10,400 hours worked)."
    assert marks_end("maximum", top)
    assert not marks_end("minimum", top)
    assert not marks_end("maximum", "2nd Progression: $19.55/hour (after 4,160 hours worked).")
    assert not marks_end("maximum", "Top of range: $19.55 to $27.93 an hour")


def test_a_title_wrapped_around_its_row_under_step_columns(pages: Assistant) -> None:
    answer = pages.ask(
        "What was the Step 5 annual salary for a Director/Manager III/Dean in the Harlow Valley "
        "2019-20 management salary schedule?"
    )
    assert not answer.abstained
    assert "147,838" in answer.text
    assert "157,672" not in answer.text


def test_a_grade_code_finds_its_row_under_a_column_head_of_another_language(
    pages: Assistant,
) -> None:
    answer = pages.ask("What are the minimum and maximum monthly salaries for grade A54?")
    assert not answer.abstained
    assert "6,181.00" in answer.text and "13,254.00" in answer.text
    assert "5,210.00" not in answer.text


def test_a_sentence_goes_on_after_an_abbreviation_before_a_lower_case_word(
    pages: Assistant,
) -> None:
    assert sentences(BANDS.split("\n", 1)[1].replace("\n", " ")) == [
        "The locality rate for employees in Washington, D.C. (headquarters) is 23.31 percent.",
        "Employees in band 90 do not receive a locality adjustment.",
    ]
    answer = pages.ask("What is the locality rate for headquarters staff in Washington, D.C.?")
    assert not answer.abstained
    assert "23.31 percent" in answer.text
