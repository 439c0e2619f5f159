"""Pay lines of postings as their pages set them out. A posting's lead names the post its
labelled lines are of: "Salary Range: $58,300-$93,100" of an announcement headed "Harbour
Authority of Kell / Office of Marine Safety / ... / Vessel Inspector" is that post's pay, asked
with the words of the lead ("the marine safety inspector"), though the line names none of them;
a page that labels two posts' pay gives neither to the words of its lead. A rate followed by
"plus overtime" is the base rate; the line that writes the amounts asked says whose they are;
a line that pays another role ("Presiding Officers will be paid ...") is not the pay of the
role asked. The postings are written here."""

from __future__ import annotations

import pytest

from assistant.citations import CitationBook
from assistant.class_index import ClassIndex
from assistant.line_subjects import paid_to_another_role
from assistant.passage_answers import PassageAnswers
from assistant.passages import Rarity, stem
from assistant.query import analyse
from index.store import ScoredChunk
from index.types import Chunk

ANNOUNCEMENT = (
    "Harbour Authority of Kell\nOffice of Marine Safety\nCareers\n\nAnnouncement: MS 24-07\n\n"
    "Vessel Inspector\n\nOpening Date: May 2, 2024\n\nSalary Range: $58,300-$93,100\n\n"
    "Inspections are carried out at every berth of the harbour."
)
TWO_POSTS = (
    "Harbour Authority of Kell\nOffice of Marine Safety\nCareers\n\n"
    "Deck Officer\nSalary Range: $61,000-$70,000\n\n"
    "Berthing Clerk\nSalary Range: $41,000-$48,000\n"
)


def answer(text: str, question: str, title: str = "Careers - posting") -> tuple[str, bool]:
    """The quoted lines and whether the passages left the question unanswered, for one
    posting of that text."""
    chunk = Chunk("kell/posting.txt#0", "kell/posting.txt", title, "", "other", text, 0, "h")
    book = CitationBook()
    found = PassageAnswers(Rarity([chunk]), [chunk]).answer(
        analyse(question, ClassIndex([])), [ScoredChunk(chunk, 1.0)], book
    )
    quoted = "\n".join(c.quote for c in book.citations)
    return quoted, found is None or found[1]


def test_the_one_labelled_salary_is_the_pay_of_the_post_its_lead_names() -> None:
    quoted, abstained = answer(ANNOUNCEMENT, "salary for the marine safety inspector")
    assert not abstained
    assert quoted == "Salary Range: $58,300-$93,100"


def test_a_page_that_labels_two_posts_pay_gives_neither_to_its_lead() -> None:
    quoted, abstained = answer(TWO_POSTS, "salary for the marine safety inspector")
    assert abstained
    assert "$61,000" not in quoted and "$41,000" not in quoted


def test_pay_with_overtime_added_is_the_base_rate() -> None:
    """ "$17.72/hour plus overtime paid at ...": the rate is the post's, the overtime besides."""
    text = (
        "Deputy Poll Officer\n\nPrincipal Tasks\n\n  • Opens the polling station on time\n\n"
        "Remuneration\n\n$17.72/hour plus overtime paid at a rate of one and a half times the "
        "hourly rate worked in excess of eight hours in one day\n"
    )
    title = "Deputy Poll Officer - election job description"
    quoted, abstained = answer(text, "What's the pay for a deputy poll officer?", title)
    assert not abstained
    assert quoted.startswith("$17.72/hour plus overtime")


def test_which_employer_pays_an_amount_is_answered_by_the_line_that_writes_it() -> None:
    """Two notices of election work: the one that writes the amounts asked answers, not the
    one whose line covers the question's words better."""
    aec = Chunk(
        "aec.txt#0",
        "aec.txt",
        "Electoral commission to hire election workers",
        "",
        "other",
        "Employees will be paid between $25.54 to $48.29 per hour.",
        0,
        "h",
    )
    bc = Chunk("bc.txt#0", "bc.txt", "Elections body looking for people", "", "other",
               "The electoral body pays election workers $200.00 per day.", 0, "h")  # fmt: skip
    chunks = [bc, aec]
    book = CitationBook()
    question = "Which electoral body advertised election work at $25.54 to $48.29 per hour?"
    found = PassageAnswers(Rarity(chunks), chunks).answer(
        analyse(question, ClassIndex([])), [ScoredChunk(c, 1.0) for c in chunks], book
    )
    assert found is not None and not found[1]
    assert [c.source for c in book.citations] == ["aec.txt"]


@pytest.mark.parametrize(
    ("line", "subject", "another"),
    [
        ("Presiding Officers will be paid an hourly rate of £17.72 pro rata.", "poll clerks", True),
        ("Election judges receive $135, while other workers earn $105.", "constables", True),
        ("Poll Clerk fee - £229.85", "poll clerks", False),
        # The role asked is named, though another comes first.
        ("Library Technicians earn $20; Library Assistants earn $18.", "library assistant", False),
        # No role asked: nothing to tell apart.
        ("Presiding Officers will be paid £17.72.", "herefordshire polling", False),
    ],
)
def test_a_line_that_pays_another_role_is_not_the_roles_asked(
    line: str, subject: str, another: bool
) -> None:
    assert paid_to_another_role(line, [stem(w) for w in subject.split()]) is another


def test_a_role_named_as_other_than_who_is_paid_pays_no_one() -> None:
    wage = "Wage is determined by the Library Director at time of hire. It starts at $22/hour."
    assert not paid_to_another_role(wage, [stem("adult"), stem("services"), stem("assistant")])
    listed = "- Lifeguard Level II Pay Range: $15.95 – $19.12 per hour"
    assert not paid_to_another_role(listed, [stem("technical"), stem("assistant")])
