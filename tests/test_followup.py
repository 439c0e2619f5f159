"""Follow-ups resolve against the history and the catalog."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.class_index import ClassIndex
from assistant.followup import _with_changes, resolve
from assistant.query import analyse
from assistant.types import Turn
from index.catalog import parse_standard
from index.load import load_sources
from index.types import ClassRecord
from tests.conftest import SEED_SOURCES


@pytest.fixture(scope="module")
def index() -> ClassIndex:
    documents = load_sources(SEED_SOURCES).documents
    return ClassIndex([r for d in documents for r in parse_standard(d).classes])


def test_next_level_up_keeps_the_question(index: ClassIndex) -> None:
    analysis = resolve(
        "and the next level up?", [Turn("What salary group is CPSS I?", "A10")], index
    )
    assert [r.title for r in analysis.classes] == ["Certified Peer Support Specialist II"]
    assert analysis.intents == ("pay_grade",)
    assert "Certified Peer Support Specialist II" in analysis.question


def test_what_about_another_state_maps_to_its_counterpart(index: ClassIndex) -> None:
    analysis = resolve(
        "what about New York?", [Turn("What is the salary range for CPSS II?", "...")], index
    )
    assert [(r.title, r.jurisdiction) for r in analysis.classes] == [
        ("Certified Peer Specialist 2", "New York")
    ]
    assert analysis.intents == ("salary",)


def test_a_new_intent_keeps_the_class(index: ClassIndex) -> None:
    analysis = resolve("and its duties?", [Turn("what group is CPS 1 in?", "...")], index)
    assert [r.title for r in analysis.classes] == ["Certified Peer Specialist 1"]
    assert analysis.intents == ("duties",)


def test_follow_ups_chain_over_several_turns(index: ClassIndex) -> None:
    history = [Turn("What salary group is CPSS I?"), Turn("and the next level up?")]
    analysis = resolve("what about New York?", history, index)
    assert [r.title for r in analysis.classes] == ["Certified Peer Specialist 2"]


def test_a_self_contained_question_ignores_the_history(index: ClassIndex) -> None:
    analysis = resolve(
        "What are the requirements for CPS 1?", [Turn("What salary group is CPSS II?")], index
    )
    assert [r.title for r in analysis.classes] == ["Certified Peer Specialist 1"]
    assert analysis.question == "What are the requirements for CPS 1?"


def test_no_level_above_the_top_gives_no_class(index: ClassIndex) -> None:
    analysis = resolve("and the next level up?", [Turn("What salary group is CPSS II?")], index)
    assert analysis.classes == ()


def test_a_follow_up_changes_the_value_it_names(index: ClassIndex) -> None:
    earlier = [Turn("What is GS-9 step 1 in the 2024 Buffalo table?", "62620 [1]")]
    analysis = resolve("and step 10?", earlier, index)
    assert analysis.question == "What is GS-9 step 10 in the 2024 Buffalo table?"
    unchanged = resolve("and its hourly rate?", earlier, index)
    assert unchanged.question.startswith("What is GS-9 step 1 in the 2024 Buffalo table?")
    # A grade of letters and digits glued is changed for one of the same shape.
    grouped = [Turn("What is the salary for job group ZQ B04 in Kenya?", "99,900 [1]")]
    assert resolve("and B03?", grouped, index).question == (
        "What is the salary for job group ZQ B03 in Kenya?"
    )


def test_a_follow_up_on_a_class_reads_passages_for_that_class(index: ClassIndex) -> None:
    analysis = resolve("what does it cost per year?", [Turn("grade of CPSS I?", "A10")], index)
    assert "certified" in analysis.keywords and "cost" in analysis.keywords


def test_a_when_follow_up_about_an_unknown_class_does_not_ask_its_salary(
    index: ClassIndex,
) -> None:
    history = [Turn("What salary does the harbor board list for the Dredge Pilot vacancy?", "")]
    analysis = resolve("when does it close?", history, index)
    assert analysis.intents == ()
    assert "Dredge Pilot" in analysis.question and "salary" not in analysis.question


def test_what_about_another_date_asks_on_about_the_same_row(index: ClassIndex) -> None:
    earlier = [Turn("What was Master Pay Scale point 10 as at 31 March 2024?", "25,815 [1]")]
    analysis = resolve("what about from 1 april 2024?", earlier, index)
    assert "point 10" in analysis.question and "1 april 2024" in analysis.question


def _record(title: str) -> ClassRecord:
    return ClassRecord(source="clerks.txt", title=title, jurisdiction="Trinity County")


def test_a_rank_written_after_a_comma_is_asked_for_in_either_order() -> None:
    ranks = ClassIndex([_record("Account Clerk I"), _record("Account Clerk, Senior")])
    for question in ("pay of a senior account clerk", "account clerk senior pay"):
        assert [r.title for r in analyse(question, ranks).classes] == ["Account Clerk, Senior"]
    # "the senior level" names the class titled so, not the level above the one asked.
    analysis = resolve("and the senior level?", [Turn("pay of Account Clerk I?", "...")], ranks)
    assert [r.title for r in analysis.classes] == ["Account Clerk, Senior"]


def test_the_next_grade_up_moves_the_grade_the_earlier_question_gave() -> None:
    from assistant.followup import _next_value

    assert _next_value("What is the FDIC CG-09 range?", "and the next grade up?", 1) == (
        "What is the FDIC CG-10 range?"
    )
    assert _next_value("GS-9 step 1 pay", "and the next step?", 1) == "GS-9 step 2 pay"
    assert _next_value("GS-9 step 1 pay", "the grade below?", -1) == "GS-8 step 1 pay"
    assert _next_value("What is the pay?", "and the next grade up?", 1) is None


def test_a_follow_up_asking_another_period_keeps_it(index: ClassIndex) -> None:
    analysis = resolve(
        "and monthly?", [Turn("What is the salary range for CPSS II?", "...")], index
    )
    assert "monthly" in analysis.question


def test_another_class_named_in_a_follow_up_is_asked_for_the_same_period() -> None:
    first = replace(_record("Police Dispatcher 1"), level=1)
    dispatchers = ClassIndex([first, _record("Police Dispatcher Supervisor")])
    history = [Turn("What is the monthly pay for a Police Dispatcher 1?", "...")]
    analysis = resolve("what about the police dispatcher supervisor?", history, dispatchers)
    assert [r.title for r in analysis.classes] == ["Police Dispatcher Supervisor"]
    assert "salary" in analysis.intents and "monthly" in analysis.question


def test_a_follow_up_asking_who_or_when_does_not_ask_the_pay_again(index: ClassIndex) -> None:
    history = [Turn("What is the salary range for CPSS II?", "...")]
    analysis = resolve("who does that job report to?", history, index)
    assert analysis.intents == () and [r.title for r in analysis.classes] == [
        "Certified Peer Support Specialist II"
    ]
    assert analysis.question.startswith("who does that job report to")
    assert "Certified Peer Support Specialist II" in analysis.question
    openings = resolve("how many openings are there and what union is it under?", history, index)
    assert openings.intents == ()
    assert openings.question.startswith("how many openings are there")


@pytest.mark.parametrize(
    ("earlier", "follow_up", "changed"),
    [
        (
            "What is the 1st progression rate for a ferry operator?",
            "what about the 2nd one",
            "What is the 2nd progression rate for a ferry operator?",
        ),
        (
            "What is the clerk's rate after 3 years of employment?",
            "and after 2 yrs?",
            "What is the clerk's rate after 2 years of employment?",
        ),
        (
            "What is the longevity pay with 3 years of service?",
            "and 5 years?",
            "What is the longevity pay with 5 years of service?",
        ),
        (
            "What is GS-9 step 1 in the Buffalo table?",
            "and step 10?",
            "What is GS-9 step 10 in the Buffalo table?",
        ),
        ("What is the salary for grade 5?", "and the second one?", None),
    ],
)
def test_a_follow_up_changes_the_ordinal_or_count_it_gives(
    earlier: str, follow_up: str, changed: str | None
) -> None:
    assert _with_changes(earlier, follow_up) == changed


def test_that_series_is_the_one_the_answer_spoke_of() -> None:
    def pilot(source: str, place: str, code: str) -> ClassRecord:
        return ClassRecord(
            source=source, title="Harbor Pilot I", jurisdiction=place, series="Harbor Pilot",
            level=1, code=code,
        )  # fmt: skip

    pilots = ClassIndex([pilot("a.txt", "Alderbrook", "HP01"), pilot("b.txt", "Estover", "7701")])
    question = "What is the code for Harbor Pilot I?"
    # The question matched both; its answer gave Estover's code: "that series" is Estover's.
    history = [Turn(question, "Harbor Pilot I is 7701 [1].")]
    analysis = resolve("how many levels are in that series?", history, pilots)
    assert [r.jurisdiction for r in analysis.classes] == ["Estover"]
    # An answer that speaks of both leaves both.
    both = [Turn(question, "Harbor Pilot I (Alderbrook) is HP01 [1]; (Estover) 7701 [2].")]
    analysis = resolve("how many levels are in that series?", both, pilots)
    assert {r.jurisdiction for r in analysis.classes} == {"Alderbrook", "Estover"}


def test_a_follow_up_asking_in_words_of_its_own_does_not_ask_the_pay_again(
    index: ClassIndex,
) -> None:
    # "the posting dates", "vacation and leave": asked of the same class, not its salary.
    history = [Turn("What is the salary range for CPSS II?", "...")]
    dates = resolve("what were the posting dates?", history, index)
    assert dates.intents == () and [r.title for r in dates.classes] == [
        "Certified Peer Support Specialist II"
    ]
    assert dates.question == "what were the posting dates - Certified Peer Support Specialist II?"
    unknown = [Turn("What is the starting hourly rate for a Alder Schools building custodian?", "")]
    leave = resolve("what about vacation and leave", unknown, index)
    assert leave.intents == () and "custodian" in leave.question
    assert "rate" not in leave.question
    # A follow-up that changes the level still asks what was asked.
    assert resolve("and level 1?", history, index).intents == ("salary",)


def test_a_class_of_the_same_document_is_named_by_the_words_that_set_it_apart() -> None:
    journey = ClassRecord(
        source="ops.txt", title="Equipment Operator - Journey 1", level=1, salary_min="$25.51"
    )
    sub = ClassRecord(
        source="ops.txt", title="Equipment Operator - Sub-Journey 2", level=2, salary_min="$22.88"
    )
    other = ClassRecord(source="x.txt", title="Sub-Journey Painter 2", level=2)
    index = ClassIndex([journey, sub, other])
    history = [Turn("What does the state pay an Equipment Operator - Journey 1?", "")]
    analysis = resolve("and for sub-journey 2?", history, index)
    # "sub" of "sub-journey" is no "substitute": nothing here asks for qualifications.
    assert [r.title for r in analysis.classes] == [sub.title]
    assert analysis.intents == ("salary",)


def test_a_word_read_as_a_place_with_no_counterpart_keeps_the_class() -> None:
    toronto = ClassRecord(
        source="t.txt", title="Tree Nursery Technician", jurisdiction="City of Toronto, Ontario"
    )
    places = ["Maple Union Free School District, New York", "City of Toronto, Ontario"]
    index = ClassIndex([toronto], places)
    earlier = [Turn("What is the hourly rate for the Tree Nursery Technician?", "$36.00 [1]")]
    analysis = resolve("what's the union affiliation for it?", earlier, index)
    assert [r.title for r in analysis.classes] == ["Tree Nursery Technician"]
    # It asks a thing of its own, not the pay asked before.
    assert analysis.intents == () and "affiliation" in analysis.question
    # Moved to a place by its own words, a class with no counterpart there is not kept.
    moved = resolve("and in Maple Union?", earlier, index)
    assert moved.classes == ()
