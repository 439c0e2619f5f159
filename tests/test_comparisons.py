"""A question that weighs two subjects is answered for both: when the answer to the whole
question speaks of one only, the other is asked on its own with the same question words, and
the two answers stand one after the other, each with its citations."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.citations import Citation
from assistant.comparisons import _alone, completed, merged, subject_parts
from assistant.drafts import Draft
from assistant.service import Assistant

WEIGHED = "Which starts higher per hour, the Harbor Marina Attendant or a Ridgeline bus operator?"


def _cited(quote: str, title: str) -> Draft:
    citation = Citation(source=f"{title}.txt", section=title, quote=quote, doc_title=title)
    return Draft(f'{title}: "{quote}" [1]', (citation,), abstained=False)


MARINA = _cited("Salary: $21.08 per hour", "Harbor Marina Attendant posting")
BUS = _cited("Starting at $18.33 per hour", "Ridgeline bus operator notice")


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (WEIGHED, ["the Harbor Marina Attendant", "a Ridgeline bus operator"]),
        (
            "Compare the top hourly rate of the Lewes receptionist with the Sechelt labourer.",
            ["Compare the top hourly rate of the Lewes receptionist", "the Sechelt labourer"],
        ),
        (
            "Compare the council's offer to admin and professional staff with its offer to "
            "tradespeople.",
            [
                "Compare the council's offer to admin and professional staff",
                "its offer to tradespeople",
            ],
        ),
        (
            "How much more does a recruit with a degree start at than a recruit without one?",
            ["How much more does a recruit with a degree start at", "a recruit without one"],
        ),
        (
            "At the port, how does the attendant's rate compare with a bus operator's?",
            ["how does the attendant's rate", "a bus operator's"],
        ),
        ("What is the salary range for a Bus Operator?", []),
        ("Does the posting ask for more than two years of experience?", []),
        ("Which pays more, a clerk I, a clerk II or a clerk III?", []),
        (
            "Compare the pay for the Tree Warden jobs in Ashby, Brill and Coles Hill.",
            ["Compare the pay for the Tree Warden jobs in Ashby", "Brill", "Coles Hill"],
        ),
        (
            "Which has the longest week: the Ashby warden, the Brill ranger or the Coles porter?",
            [
                "Which has the longest week: the Ashby warden",
                "the Brill ranger",
                "the Coles porter",
            ],
        ),
    ],
)
def test_the_two_subjects_of_a_question_that_weighs_them(question: str, parts: list[str]) -> None:
    assert subject_parts(question) == parts


def test_one_subject_is_asked_with_the_question_words_less_those_that_weigh() -> None:
    parts = subject_parts(WEIGHED)
    assert _alone(WEIGHED, parts, 1) == "What starts per hour, the a Ridgeline bus operator?"
    compared = "Compare the pay grades of Missouri's Accounts Clerk and Mississippi's Clerk II."
    alone = _alone(compared, subject_parts(compared), 1)
    assert alone.startswith("What is the pay grades of") and "Missouri" not in alone
    assert "Mississippi's Clerk II" in alone
    # The words that ask after the other subject stay; its level does not.
    steps = "lineman apprentice 1st step vs 5th step percentage"
    assert _alone(steps, subject_parts(steps), 0).endswith("1st step step percentage")
    levels = "Which pays more, the Salisbury Maintenance Worker or Ayr's Maintenance Worker I?"
    assert not _alone(levels, subject_parts(levels), 0).endswith(" I?")


def test_subjects_in_parallel_after_a_preposition_keep_the_question_s_own_words() -> None:
    question = "How do entry to the Isle of Man Civil Service at AO and at AA grade differ?"
    alone = _alone(question, subject_parts(question), 1)
    assert alone == "How do entry to the Isle of Man Civil Service at AA grade differ?"


def test_the_subject_left_out_is_answered_beside_the_other() -> None:
    asked: list[str] = []

    def ask(question: str) -> Draft:
        asked.append(question)
        return BUS

    answer = completed(WEIGHED, MARINA, ask)
    assert asked and "Harbor" not in asked[0]
    assert "$21.08" in answer.text and "$18.33" in answer.text
    assert answer.citations == MARINA.citations + BUS.citations
    assert answer.text.endswith("[2]") and not answer.abstained


def test_an_answer_that_speaks_of_both_is_kept_as_it_is() -> None:
    both = merged([MARINA, BUS])
    assert completed(WEIGHED, both, lambda q: pytest.fail(f"asked again: {q}")) is both


def test_one_document_s_title_does_not_speak_of_both_subjects() -> None:
    title = "Assistantships - stipends of teaching assistants and research assistants"
    citation = Citation(
        source="ga.txt", section="Stipends", quote="Teaching: $7,500", doc_title=title
    )
    teaching = Draft(f'{title}: "Teaching: $7,500" [1]', (citation,), abstained=False)
    research = _cited("Research: $4,500", "Research assistant stipend")
    question = "How does the teaching assistant stipend compare with a research assistant?"
    assert completed(question, teaching, lambda q: research).citations[-1] == research.citations[0]


def test_a_subject_whose_own_answer_abstains_leaves_the_answer_as_it_is() -> None:
    nothing = Draft("The sources do not say.", (), abstained=True)
    assert completed(WEIGHED, MARINA, lambda q: nothing) is MARINA
    # An abstention is replaced only when both subjects find an answer of their own.
    assert completed(WEIGHED, nothing, lambda q: MARINA) is nothing


MARINA_POSTING = """Harbor Marina Attendant - Port of Kelso posting
Salary: $21.08 per hour, full-time.
Keeps the docks, fuel station and boat slips in order.
"""

BUS_NOTICE = """Ridgeline Transit bus operator hiring notice
During training pay is $11.25 per hour. Starting at $18.33 per hour once training is passed,
rising to $25.40 at the top rate after three years.
"""


@pytest.fixture(scope="module")
def two_postings(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"marina.txt": MARINA_POSTING, "bus.txt": BUS_NOTICE}
    return indexed(tmp_path_factory, "weighed", files)


def test_both_subjects_are_answered_from_their_own_documents(two_postings: Assistant) -> None:
    answer = two_postings.ask(WEIGHED)
    assert not answer.abstained
    assert "$21.08" in answer.text and "$18.33" in answer.text
    assert {c.source for c in answer.citations} == {"marina.txt", "bus.txt"}


THREE = "Compare the pay for the Tree Warden jobs in Ashby, Brill and Coles Hill."


def test_one_of_several_subjects_is_asked_with_the_words_before_the_first() -> None:
    parts = subject_parts(THREE)
    assert _alone(THREE, parts, 1) == "What is the pay for the Tree Warden jobs in Brill."
    assert _alone(THREE, parts, 2) == "What is the pay for the Tree Warden jobs in Coles Hill."


def test_each_subject_of_several_left_out_is_answered_beside_the_others() -> None:
    ashby = _cited("Salary: $40,000", "Ashby tree warden")
    others = {"Brill": _cited("Pay: $41,500", "Brill tree warden"),
              "Coles Hill": _cited("Pay: $18.20 an hour", "Coles Hill tree warden")}  # fmt: skip
    asked: list[str] = []

    def ask(question: str) -> Draft:
        asked.append(question)
        return next(d for place, d in others.items() if place in question)

    answer = completed(THREE, ashby, ask)
    assert len(asked) == 2 and not any("Ashby" in q for q in asked)
    assert all(figure in answer.text for figure in ("$40,000", "$41,500", "$18.20"))


def test_the_other_subject_is_the_words_after_the_last_preposition_before_it() -> None:
    question = "How do the pay points of Ashby's Tree Warden and Park Ranger posts compare?"
    parts = subject_parts(question)
    assert _alone(question, parts, 1) == "How do the pay points of Park Ranger posts compare?"
    # A dash stands inside a title, not after the words that ask.
    dashed = "Compare the pay of Ashby's Resource Manager - Forester with Brill's Forester I."
    alone = _alone(dashed, subject_parts(dashed), 1)
    assert alone == "What is the pay of Brill's Forester I."


def test_a_title_written_only_under_a_rank_the_subject_lacks_does_not_speak_of_it() -> None:
    """ "The Court Interpreter" beside "the Senior Court Interpreter": lines of Senior Court
    Interpreter posts alone leave it out, and it is asked on its own."""
    senior = _cited(
        "Salary: R325 101 – R382 959 per annum",
        "Senior Court Interpreter (x3 posts) - a Department of Justice notice",
    )
    plain = _cited(
        "SALARY: R228 321 – R268 950 per annum",
        "Court Interpreter Positions at the Department of Justice",
    )
    question = (
        "How does the Senior Court Interpreter salary compare with the Court Interpreter "
        "salary at the Department of Justice?"
    )
    answer = completed(question, senior, lambda q: plain)
    assert "R228 321" in answer.text and "R325 101" in answer.text
    # Both titles written unranked and ranked: both are spoken of.
    both = merged([senior, plain])
    assert completed(question, both, lambda q: pytest.fail(f"asked again: {q}")) is both


def test_a_subject_named_before_words_both_share_is_answered_for_its_name() -> None:
    """ "hillsborough vs charlotte county sheriff crossing guard hourly pay": an answer of
    Hillsborough's sheriff's office holds most of the second part's words (county, sheriff,
    crossing guard), but not the name that tells it apart; nor does "traffic warden pay
    thiruvananthapuram vs fetakgomo" asked of Fetakgomo speak of Thiruvananthapuram."""
    hillsborough = _cited(
        "$21.53 Hourly", "Area Crossing Guard - Hillsborough County Sheriff's Office"
    )
    charlotte = _cited("Hourly Rate $15.00", "School Crossing Guard - Charlotte County Sheriff")
    asked: list[str] = []

    def ask(question: str) -> Draft:
        asked.append(question)
        return charlotte

    question = "hillsborough vs charlotte county sheriff crossing guard hourly pay"
    answer = completed(question, hillsborough, ask)
    assert asked and "hillsborough" not in asked[0]
    assert "$21.53" in answer.text and "$15.00" in answer.text
    wardens = _cited("Remuneration: R 242,994.53 P/A", "Traffic Warden - Fetakgomo Tubatse")
    daily = _cited("a daily wage of Rs 500", "Traffic wardens man Thiruvananthapuram roads")
    both = completed(
        "traffic warden pay thiruvananthapuram vs fetakgomo tubatse", wardens, lambda q: daily
    )
    assert "Rs 500" in both.text and "R 242,994.53" in both.text
