"""A two-part question of prose gets a sentence on each part: news reports and minutes answer
"what did they vote, and who is ...?" in two sentences, and the answer composed for the whole
question quotes one. The report is written here."""

from __future__ import annotations

import pytest
from test_asked_fields import chunk, first_line_draft
from test_passage_answers import indexed

from assistant.asked_parts import with_parts_asked
from assistant.drafts import Draft
from assistant.passages import Rarity
from assistant.query import QueryAnalysis
from assistant.retrieve import ChunkLibrary
from assistant.service import Assistant

REPORT = """Ferndale Board Keeps Higher Clerk Salary

With the departure of former Town Clerk Ann Perle last year, the board formed a committee to \
lead the search for a new clerk.

The 4-2 vote on Monday was prompted by a request from one finance member to lower the line item \
from $61,000 to $55,000.

Deputy clerk Mara Ostby, who has stepped into the town clerk post in the interim, said the amount \
was placed in the budget to give the search room.

The board also approved new carpets for the library annex.
"""

QUESTION = "What was the board's vote on the line item, and who is the interim town clerk?"
INTERIM = (
    "Deputy clerk Mara Ostby, who has stepped into the town clerk post in the interim, said the "
    "amount was placed in the budget to give the search room."
)


def analysis(question: str, keywords: tuple[str, ...]) -> QueryAnalysis:
    return QueryAnalysis(question=question, keywords=keywords)


def test_the_part_the_answer_leaves_out_adds_its_sentence() -> None:
    one = chunk(REPORT)
    draft = first_line_draft(one, INTERIM)
    keywords = ("board", "vote", "line", "item", "interim", "town", "clerk")
    answer = with_parts_asked(
        analysis(QUESTION, keywords), draft, ChunkLibrary([one]), Rarity([one])
    )
    assert "4-2 vote on Monday" in answer.text
    assert [c.quote for c in answer.citations][1].startswith("The 4-2 vote on Monday")
    # The sentence already quoted is not quoted again, and nothing off the question is added.
    assert answer.text.count("Mara Ostby") == 1 and "carpets" not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "What was the board's vote on the line item?",  # one thing asked
        "Who is the interim clerk and the deputy?",  # "and" opens no new question
    ],
)
def test_a_question_of_one_part_is_left_as_it_is(question: str) -> None:
    one = chunk(REPORT)
    draft = first_line_draft(one, INTERIM)
    keywords = ("board", "vote", "line", "item", "interim", "town", "clerk", "deputy")
    assert (
        with_parts_asked(analysis(question, keywords), draft, ChunkLibrary([one]), Rarity([one]))
        is draft
    )


def test_a_document_of_several_classes_or_an_abstention_is_left_as_it_is() -> None:
    several = chunk(REPORT, classes=("Clerk", "Deputy Clerk"))
    draft = first_line_draft(several, INTERIM)
    keywords = ("board", "vote", "line", "item", "interim", "town", "clerk")
    library, rarity = ChunkLibrary([several]), Rarity([several])
    assert with_parts_asked(analysis(QUESTION, keywords), draft, library, rarity) is draft
    abstained = Draft("The sources do not say.", (), abstained=True)
    assert with_parts_asked(analysis(QUESTION, keywords), abstained, library, rarity) is abstained


@pytest.fixture(scope="module")
def ferndale(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(tmp_path_factory, "ferndale", {"clerk-salary.txt": REPORT})


def test_the_assistant_answers_both_parts(ferndale: Assistant) -> None:
    answer = ferndale.ask(QUESTION)
    assert not answer.abstained
    assert "4-2" in answer.text and "Mara Ostby" in answer.text


def test_a_two_part_follow_up_leans_on_the_question_before() -> None:
    from assistant.class_index import ClassIndex
    from assistant.followup import resolve
    from assistant.types import Turn

    earlier = [Turn("What salary did Ferndale hire its new town clerk at?", "$61,000 [1].")]
    analysis = resolve("how many applied and what was the vote?", earlier, ClassIndex([]))
    assert "Ferndale" in analysis.question and "vote" in analysis.question
    # A question that names its own subject in each part stands alone.
    own = resolve(
        "how many wardens retired and what was the harbour vote?", earlier, ClassIndex([])
    )
    assert "Ferndale" not in own.question
