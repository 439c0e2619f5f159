"""A posting named by its place and asked of one of its parts: "who does the pellham clerk
report to?" of a clerk posting whose record's title lists what it covers ("... (duties,
reporting, pay)") and whose reporting line is far down; another township's clerk posting sits
beside it. The postings and their manifest are written here."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.citations import CitationBook
from assistant.class_index import ClassIndex
from assistant.passage_answers import PassageAnswers
from assistant.passages import Rarity
from assistant.query import analyse
from assistant.service import Assistant
from index.store import ScoredChunk
from index.types import Chunk

PELLHAM = """Municipal Clerk / Library Chief Executive Officer

Township of Pellham
Post Date: May 2, 2024
Apply Before: May 30, 2024

Job Overview

Location

Pine Harbour

Salary

$48.20

Province

Ontario

Category

Administration & Operations

Commitment

Full Time

Job Description

Municipal Clerk / Library Chief Executive Officer

We are seeking a driven individual who thrives in a culture of collaboration and progression to carry out the Clerk's office services and the library's programs for a growing community on the shores of the bay, with its marinas, trails and heritage sites.

We are seeking an adaptable leader to deliver the office's services and the library's programs.

Our team members are collaborators who modernise local government and serve the community.

The successful candidate will enjoy a culture of learning, progression and shared purpose.

Reporting to the Chief Administrative Officer, the Municipal Clerk/Library Chief Executive Officer performs all statutory duties under the Municipal Act. The position manages functions such as records management, cemeteries, lottery licensing and municipal elections.
"""  # noqa: E501

GLENWOOD = """Township Clerk

Glenwood Township
Compensation: 98,500-112,300

The Township Clerk leads the Clerk's Division and the statutory duties of the Clerk under the Municipal Act.
"""  # noqa: E501

MANIFEST = """pellham-clerk-posting.txt:
  title: Municipal Clerk / Library Chief Executive Officer - township job posting (dates, overview, duties, reporting, pay)
  jurisdiction: Township of Pellham, Ontario
glenwood-township-clerk.txt:
  title: Township Clerk - township job posting (compensation, division)
  jurisdiction: Glenwood Township, Ontario
"""  # noqa: E501


@pytest.fixture(scope="module")
def townships(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "manifest.yaml": MANIFEST,
        "pellham-clerk-posting.txt": PELLHAM,
        "glenwood-township-clerk.txt": GLENWOOD,
    }
    return indexed(tmp_path_factory, "townships", files)


def test_the_line_of_what_is_asked_answers_though_the_title_lists_it(
    townships: Assistant,
) -> None:
    answer = townships.ask("Who does the Pellham Municipal Clerk/Library CEO report to?")
    assert "Reporting to the Chief Administrative Officer" in answer.text
    assert all(c.source == "pellham-clerk-posting.txt" for c in answer.citations)


def test_a_place_typed_in_lower_case_names_its_posting(townships: Assistant) -> None:
    answer = townships.ask("what functions is the pellham clerk responsible for")
    assert "cemeteries" in answer.text
    assert "Glenwood" not in answer.text.split("\n")[0]


def test_the_words_that_do_not_name_the_post_say_what_is_asked() -> None:
    """Every word of the question is in the posting's title, "reporting" among them: the
    line that writes "report" answers, not every line of the posting."""
    title = "Municipal Clerk - township job posting (duties, reporting, pay)"
    texts = [
        "Municipal Clerk\n\nPine Harbour Township",
        "We are seeking an adaptable leader for the municipal office.\n\n"
        "Reporting to the CAO, the Municipal Clerk performs statutory duties.",
    ]
    chunks = [
        Chunk(f"t/clerk.txt#{n}", "t/clerk.txt", title, "", "other", text, n, "h")
        for n, text in enumerate(texts)
    ]
    analysis = analyse("Who does the Municipal Clerk report to?", ClassIndex([]))
    book = CitationBook()
    answer = PassageAnswers(Rarity(chunks), chunks).answer(
        analysis, [ScoredChunk(c, 1.0) for c in chunks], book
    )
    assert answer is not None and not answer[1]
    assert [c.quote for c in book.citations] == [
        "Reporting to the CAO, the Municipal Clerk performs statutory duties."
    ]
