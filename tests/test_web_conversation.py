"""The web app's conversation without a browser: one state, saved and reopened, the page's own
replies (another language, nothing to follow up), questions back narrowed to the filters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.service import Assistant
from assistant.types import Answer, Citation
from index.types import ClassRecord
from web.conversation import Conversation, NothingToExport
from web.language import reads_as_english
from web.questions_back import narrowed
from web.render import answer_html
from web.saved import forgotten, remembered, reopened, saved_choices

BACK = Answer(
    "Which class do you mean? Your question matches: Certified Peer Specialist 1 (New York) [1]; "
    "Certified Peer Support Specialist II (Texas) [2].",
    (Citation("ny.txt", "Pay", "CPS 1, Grade 11"), Citation("tx.txt", "Pay", "CPSS II A12")),
    classes=("Certified Peer Specialist 1", "Certified Peer Support Specialist II"),
)


def ask(assistant: Assistant, talk: Conversation, question: str, **filters: str) -> str:
    return list(talk.ask(lambda: assistant, question, **filters))[-1]


def test_a_conversation_survives_its_json_and_shows_the_same_chat(
    fake_assistant: Assistant,
) -> None:
    talk = Conversation()
    ask(fake_assistant, talk, "What grade is CPS 1?")
    ask(fake_assistant, talk, "and the next level up?")

    again = Conversation.from_json(json.loads(json.dumps(talk.to_json())))

    assert again.messages() == talk.messages() and again.id == talk.id
    assert again.turns() == talk.turns() and "Grade 14" in again.turns()[1].assistant
    assert again.citation("0-1") == talk.citation("0-1")


def test_saved_conversations_are_listed_reopened_and_deleted(fake_assistant: Assistant) -> None:
    first, second = Conversation(), Conversation()
    ask(fake_assistant, first, "What grade is CPS 1?")
    ask(fake_assistant, second, "What grade is CPS 2?")

    saved = remembered(remembered(None, first), second)
    saved = remembered(saved, Conversation())  # started over: nothing to keep yet

    assert [label.split(" (")[0] for label, _ in saved_choices(saved)] == [
        "What grade is CPS 2?",
        "What grade is CPS 1?",
    ]
    assert reopened(saved, first.id).messages() == first.messages()
    assert reopened(saved).exchanges == []  # the current one is the new, empty conversation
    left = forgotten(saved, first.id)
    assert [i for _, i in saved_choices(left)] == [second.id]
    assert reopened({"conversations": [{"id": "x", "exchanges": [{}]}]}, "x").exchanges == []


def test_an_empty_conversation_says_there_is_nothing_to_export() -> None:
    with pytest.raises(NothingToExport, match="nothing to export"):
        Conversation().write_markdown()


def test_a_follow_up_with_no_earlier_question_asks_which_class(
    fake_assistant: Assistant,
) -> None:
    talk = Conversation()

    shown = ask(fake_assistant, talk, "and the next level up?")

    assert "no earlier question" in shown and "Which class do you mean?" in shown
    assert talk.turns() == []  # nothing for a later follow-up to lean on


@pytest.mark.parametrize(
    "question",
    [
        "¿Cuál es el salario de un especialista certificado de apoyo entre pares?",
        "Quel est le salaire d'un CPSS II ?",
        "Was ist das Gehalt für CPS 2?",
        "Какая зарплата у CPS 2?",
    ],
)
def test_a_question_in_another_language_is_told_english_only(
    fake_assistant: Assistant, question: str
) -> None:
    talk = Conversation()

    shown = ask(fake_assistant, talk, question)

    assert not reads_as_english(question)
    assert "only read questions in English" in shown and "do not cover" not in shown


@pytest.mark.parametrize(
    "question",
    ["What is the salary range of a CPSS II?", "grade of CPS 1", "4008", "x" * 50, "Café Aide?"],
)
def test_english_questions_are_read(question: str) -> None:
    assert reads_as_english(question)


def test_a_question_back_keeps_the_classes_of_the_jurisdiction_chosen() -> None:
    catalog = [
        _record("Certified Peer Specialist 1", "New York", "ny.txt"),
        _record("Certified Peer Support Specialist II", "Texas", "tx.txt"),
    ]

    answer, choices = narrowed(BACK, catalog, "New York")

    assert choices == ("Certified Peer Specialist 1",)
    assert "Texas" not in answer.text and "In New York" in answer.text
    assert [c.source for c in answer.citations] == ["ny.txt"] and "[1]" in answer.text
    assert narrowed(BACK, catalog)[1] == tuple(BACK.classes)  # no filter: every class
    nothing, none = narrowed(BACK, catalog, "Ohio")
    assert none == () and "matches no class in Ohio" in nothing.text


def test_the_choices_of_a_question_back_are_buttons_that_ask_again(
    fake_assistant: Assistant,
) -> None:
    talk = Conversation()

    shown = ask(fake_assistant, talk, "salary range for a CPSS II?", jurisdiction="New York")

    assert 'class="choice" role="button"' in shown and "#ask-0-1" in shown
    assert "(Texas)" not in shown
    title = talk.choice("0-1")
    assert title is not None and title.startswith("Certified Peer Specialist")
    answered = ask(fake_assistant, talk, title, jurisdiction="New York")
    assert "Grade 1" in answered


def test_duties_the_source_lists_are_shown_as_a_list(fake_assistant: Assistant) -> None:
    talk = Conversation()

    shown = ask(fake_assistant, talk, "What are the duties of a CPSS II?")

    assert '<div class="answer-label">Examples of Work Performed:</div><ul><li>' in shown
    assert "<li>Leads and/or participates in team meetings.</li>" in shown


def test_a_prose_answer_stays_prose() -> None:
    answer = Answer("Minimum Qualifications: two years [1]", (Citation("a", "b", "two years"),))

    assert "<ul>" not in answer_html(0, answer)


def _record(title: str, jurisdiction: str, source: str) -> ClassRecord:
    return ClassRecord(source=source, title=title, jurisdiction=jurisdiction)


def test_feedback_comments_share_their_rating_id(tmp_path: Path) -> None:
    from web.feedback import Feedback, append_feedback, read_feedback

    log = tmp_path / "feedback.jsonl"
    rating = Feedback.about("up", "q", BACK)
    append_feedback(log, rating)
    append_feedback(log, Feedback.about("up", "q", BACK, "clear", rating_id=rating.id))

    entries = read_feedback(log)
    assert entries[0]["id"] == entries[1]["id"] and entries[1]["comment"] == "clear"
