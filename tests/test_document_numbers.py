"""The number a document gives itself, asked for by the kind of document: the line that
writes it is quoted; a question that names a document by its number asks something else."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.document_numbers import number_asked
from assistant.service import Assistant

RESOLUTION = (
    "051-06 - Resolution - Adopting a Step Schedule for the Harbour ClerkRESOLUTION .NO. 051-06\n"
    "A RESOLUTION of the City of Harbour adopting a step schedule for the Harbour Clerk.\n"
    "Step 1 $14.89 Step 2 $15.60 Step 3 $16.28\n"
)
ORDER = (
    "S.I. No. 441/1994 - Harbour Police Pay Order, 1994.\n"
    "The annual pay of an Inspector shall be 24,210.\n"
)


@pytest.fixture(scope="module")
def numbered(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"harbour-clerk-resolution.txt": RESOLUTION, "harbour-police-pay-order.txt": ORDER}
    return indexed(tmp_path_factory, "document-numbers", files)


def test_the_number_of_a_resolution_is_quoted_from_its_line(numbered: Assistant) -> None:
    answer = numbered.ask("What is the number of the Harbour resolution that set the clerk steps?")
    assert not answer.abstained and "051-06" in answer.text and answer.citations


def test_a_number_written_by_initials_answers_for_the_kind_written_out(
    numbered: Assistant,
) -> None:
    answer = numbered.ask(
        "What is the statutory instrument number of the Harbour Police Pay Order?"
    )
    assert not answer.abstained and "441/1994" in answer.text


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What is the number of the County of Elgin by-law on road pay?", "by-law"),
        ("statutory instrument number of the pay order?", "statutory instrument"),
        ("What's the posting number of the town's Animal Shelter Worker job?", "posting"),
        ("the vacancy no. for the court usher job", "vacancy"),
        # The question names the document by its number: it asks something else.
        ("What is the hourly rate of a clerk in Municipal Order No. 1005?", None),
        ("What is the salary of a clerk?", None),
    ],
)
def test_which_questions_ask_for_a_documents_number(question: str, kind: str | None) -> None:
    assert number_asked(question) == kind
