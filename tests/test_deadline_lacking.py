"""A deadline asked is answered by a line that says when (a date, a month, a weekday, "open
until filled"); to an answer whose lines say none of it, the line of its document that labels
the deadline is added, and when there is none the answer abstains and shows its lines."""

from __future__ import annotations

import pytest

from assistant.deadline_lacking import deadline_not_stated, with_deadline_said
from assistant.drafts import Draft
from assistant.retrieve import ChunkLibrary
from assistant.types import Citation
from index.types import Chunk


def cited(*quotes: str) -> list[Citation]:
    return [Citation("p.txt", "Posting", quote) for quote in quotes]


@pytest.mark.parametrize(
    "quote",
    [
        "Closing Date: 11/13/2024 5:00 PM Pacific",
        "Applications close on Friday",
        "Open until filled",
        "Apply before 30 June 2025",
        "Application Deadline: 2026-03-01",
        "- Closing date: 02-Feb-2026",
        "Closing Date 2023/12/19",
        "Closes 26 Mar 2020",
    ],
)
def test_a_line_that_says_when_answers_a_deadline(quote: str) -> None:
    assert deadline_not_stated("What's the application deadline?", cited(quote)) is None


def test_lines_that_say_no_date_do_not_answer_a_deadline() -> None:
    lines = cited("• City Clerk • Ann Arbor, MI, USA • 63,000 - $80,000 • Salary • Full Time")
    assert deadline_not_stated("What's the closing date for the clerk job?", lines)
    assert deadline_not_stated("When does the clerk posting close?", lines)
    # Not asked for a deadline: the lines stand.
    assert deadline_not_stated("What does the clerk job pay?", lines) is None


@pytest.mark.parametrize(
    "question",
    [
        "By what date did applications for the Animal Control Officer have to be sent?",
        "by when must resumes be received for the clerk job",
        "When are applications due for the clerk?",
    ],
)
def test_a_date_asked_of_applications_asks_for_the_deadline(question: str) -> None:
    lines = cited("The Town is seeking a person to serve as Animal Control Officer.")
    assert deadline_not_stated(question, lines)


def test_a_licence_held_by_a_time_asks_no_deadline() -> None:
    lines = cited("Must have valid driver's license; shall obtain a Class A CDL within 3 months.")
    question = "What driver's licence does the Maintenance Worker I need, and by when?"
    assert deadline_not_stated(question, lines) is None


def test_the_title_of_a_document_with_no_headings_says_no_deadline() -> None:
    """A document with no headings is cited under its title, which may give the month it was
    published: that is no deadline."""
    line = "The Town is seeking a person to serve as Animal Control Officer."
    title = "Town seeking Animal Control Officer (June 2020)"
    untitled = [Citation("p.txt", title, line, doc_title=title)]
    assert deadline_not_stated("When do applications close?", untitled)
    headed = [Citation("p.txt", "Closing Date: June 12, 2020", line, doc_title=title)]
    assert deadline_not_stated("When do applications close?", headed) is None


POSTING = (
    "Closing Date: 11/07/2017 11:59 PM EST\n\nCourt Interpreter Scheduler\n\n"
    "The Court Interpreter Scheduler ensures interpreter services are provided."
)


def draft_quoting(line: str, text: str) -> tuple[Draft, ChunkLibrary]:
    chunk = Chunk("t/p.txt#0", "t/p.txt", "Court Interpreter Scheduler", "", "other", text, 0, "h")
    quoted = Citation("t/p.txt", "Posting", line, chunk_id=chunk.chunk_id)
    return Draft(f'"{line}" [1]', (quoted,), abstained=False), ChunkLibrary([chunk])


def test_the_line_that_labels_the_deadline_is_added_to_lines_that_say_no_date() -> None:
    line = "The Court Interpreter Scheduler ensures interpreter services are provided."
    draft, library = draft_quoting(line, POSTING)
    answered = with_deadline_said("When did applications close for the scheduler?", draft, library)
    assert not answered.abstained
    assert "Closing Date: 11/07/2017 11:59 PM EST" in answered.text
    # A document that labels no deadline: the answer abstains and shows what it quoted.
    draft, library = draft_quoting(line, POSTING.split("\n\n", 1)[1])
    refused = with_deadline_said("When did applications close for the scheduler?", draft, library)
    assert refused.abstained and line in refused.text


def test_a_deadline_label_over_its_date_is_added_with_the_date() -> None:
    line = "The Manager Zoology leads the zoology teams."
    text = (
        "THIS IS A PERMANENT, FULL-TIME POSITION\n\nAPPLICATIONS FOR THIS POSITION CLOSE AT\n"
        "MIDDAY ON TUESDAY, 17 MARCH 2026\n\nJob Description\n" + line
    )
    draft, library = draft_quoting(line, text)
    answered = with_deadline_said("When do applications close for the role?", draft, library)
    assert not answered.abstained
    assert "CLOSE AT MIDDAY ON TUESDAY, 17 MARCH 2026" in answered.text
