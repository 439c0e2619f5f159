"""A posting's lead names the post its labelled lines are of: "Salary Range: $58,300-$93,100"
of an announcement headed "Harbour Authority of Kell / Office of Marine Safety / ... / Vessel
Inspector" is that post's pay, asked with the words of the lead ("the marine safety
inspector"), though the line names none of them. A page that labels two posts' pay gives
neither to the words of its lead. The postings are written here."""

from __future__ import annotations

from assistant.citations import CitationBook
from assistant.class_index import ClassIndex
from assistant.passage_answers import PassageAnswers
from assistant.passages import Rarity
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
