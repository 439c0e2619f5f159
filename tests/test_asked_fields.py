"""A question that asks several labelled fields of one document gets the line of each: the
labels as job descriptions and postings write them (one line, label over value, "|" cells),
matched by the words of each part of the question. The pages are written here."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.asked_fields import labelled_lines, with_fields_asked
from assistant.citations import CitationBook
from assistant.drafts import Draft
from assistant.retrieve import ChunkLibrary
from assistant.service import Assistant
from index.types import Chunk

DESCRIPTION = """Job Description Code: 7Q.114

Division/Department: Facility Services

Pay Type: Hourly; Non-Exempt

Contract Work Year: 245 Days

Reports To: Building Supervisor

Hours per week:

37.5

FLSA Status:

Non Exempt
"""

ADVERT = """| Posting date: | 02 March 2026 |
|---|---|
| Closing date: | 16 March 2026 |
| Location: | Ashgrove Depot, AG4 2PL |
| Job type: | Fixed term |
"""


def chunk(text: str, source: str = "harbour/porter.txt", classes: tuple[str, ...] = ()) -> Chunk:
    return Chunk(f"{source}#0", source, "Porter", "Porter", "heading", text, 0, "h", None, classes)


def first_line_draft(one: Chunk, line: str) -> Draft:
    book = CitationBook()
    return Draft(f'Porter: "{line}" {book.cite_chunk(one, line)}', tuple(book.citations), False)


def test_labelled_lines_read_one_line_stacked_and_cell_labels() -> None:
    quotes = [x.quote for x in labelled_lines([chunk(DESCRIPTION), chunk(ADVERT)])]
    assert "Reports To: Building Supervisor" in quotes
    assert "FLSA Status:\n\nNon Exempt" in quotes
    assert "Hours per week:\n\n37.5" in quotes
    assert "| Closing date: | 16 March 2026 |" in quotes
    assert "| Location: | Ashgrove Depot, AG4 2PL |" in quotes


def test_each_part_of_the_question_adds_its_labelled_line() -> None:
    one = chunk(DESCRIPTION)
    draft = first_line_draft(one, "Contract Work Year: 245 Days")
    question = "porter - pay type, contract work year and who do they report to"
    answer = with_fields_asked(question, draft, ChunkLibrary([one]))
    assert "Pay Type: Hourly; Non-Exempt" in answer.text
    assert "Reports To: Building Supervisor" in answer.text
    # The line the answer quoted already is not quoted twice.
    assert answer.text.count("Contract Work Year") == 1
    assert [c.quote for c in answer.citations][1:] == [
        "Pay Type: Hourly; Non-Exempt",
        "Reports To: Building Supervisor",
    ]


def test_question_words_ask_for_the_labels_they_stand_for() -> None:
    one = chunk(ADVERT)
    draft = first_line_draft(one, "| Job type: | Fixed term |")
    answer = with_fields_asked(
        "When does it close, and where is the job?", draft, ChunkLibrary([one])
    )
    assert "16 March 2026" in answer.text and "Ashgrove Depot, AG4 2PL" in answer.text
    overtime = with_fields_asked(
        "How many hours a week, and is it overtime-eligible?",
        first_line_draft(chunk(DESCRIPTION), "Hours per week:\n\n37.5"),
        ChunkLibrary([chunk(DESCRIPTION)]),
    )
    assert "FLSA Status: Non Exempt" in overtime.text
    exempt = with_fields_asked(
        "Is the porter exempt, and how long is its work year?",
        first_line_draft(chunk(DESCRIPTION), "Contract Work Year: 245 Days"),
        ChunkLibrary([chunk(DESCRIPTION)]),
    )
    assert "FLSA Status: Non Exempt" in exempt.text


@pytest.mark.parametrize(
    "question",
    [
        "What is the contract work year of a porter?",  # one thing asked
        "What are the pay type and the work year of a porter?",  # of several classes
    ],
)
def test_one_field_or_a_document_of_several_classes_is_left_as_it_is(question: str) -> None:
    one = chunk(DESCRIPTION, classes=("Porter", "Senior Porter"))
    draft = first_line_draft(one, "Contract Work Year: 245 Days")
    assert with_fields_asked(question, draft, ChunkLibrary([one])) is draft


def test_a_question_of_one_part_gains_the_label_its_question_word_stands_for() -> None:
    one = chunk(ADVERT)
    draft = first_line_draft(one, "| Location: | Ashgrove Depot, AG4 2PL |")
    answer = with_fields_asked("Is the porter job permanent?", draft, ChunkLibrary([one]))
    assert "| Job type: | Fixed term |" in [c.quote for c in answer.citations]
    # "when" stands for the dates; the question's own word says which.
    closing = with_fields_asked("When does the porter job close?", draft, ChunkLibrary([one]))
    assert "16 March 2026" in closing.text and "02 March 2026" not in closing.text
    # A label of the question's own words alone is the line it was answered by.
    same = with_fields_asked("What is the job type of the porter?", draft, ChunkLibrary([one]))
    assert same is draft


def test_an_abstention_gains_no_lines() -> None:
    one = chunk(DESCRIPTION)
    draft = Draft("The sources do not say.", (), abstained=True)
    assert with_fields_asked("pay type and reports to?", draft, ChunkLibrary([one])) is draft


@pytest.fixture(scope="module")
def ashgrove(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    text = "Porter\n\n" + DESCRIPTION + "\nESSENTIAL DUTIES\nMoves equipment between wards.\n"
    return indexed(tmp_path_factory, "ashgrove", {"porter.txt": text})


def test_the_assistant_answers_each_field_asked(ashgrove: Assistant) -> None:
    answer = ashgrove.ask(
        "Porter: what is the pay type, the contract work year and the reporting line?"
    )
    assert not answer.abstained
    for line in ("Hourly; Non-Exempt", "245 Days", "Building Supervisor"):
        assert line in answer.text


PAY_LINES = """Posting Type: Full-time
PREFERRED HIRING RANGE: $48,147 - 60,184/year
FULL SALARY RANGE: $48,147 - 75,230/year (2024 rates)
"""


def test_a_comparison_of_two_fields_of_one_class_quotes_each() -> None:
    one = chunk(PAY_LINES)
    draft = first_line_draft(one, "PREFERRED HIRING RANGE: $48,147 - 60,184/year")
    question = "How does a Porter's preferred hiring range compare with its full salary range?"
    answer = with_fields_asked(question, draft, ChunkLibrary([one]))
    assert "FULL SALARY RANGE: $48,147 - 75,230/year (2024 rates)" in answer.text
    assert answer.text.count("PREFERRED HIRING RANGE") == 1
