"""Lines the reader must take whole or leave: levels a posting lists one a line with their pay
("- Apprentice IV: $71,620.00-$75,583.00"), which no catalog rule reads as classes; a lead-in
ending in ":" with its list; a line cut mid-sentence with the lines it runs on into; a row of the
grade asked that states no figure. And questions that weigh two figures ("how much higher", "how
did it change"), whose weighing words are no subject; the assistant never says that no class of
a place matches when a line of its standard writes the class asked."""

from __future__ import annotations

import re

import pytest
import yaml
from test_passage_answers import indexed

from assistant.line_marks import run_on
from assistant.query import analyse
from assistant.quotes import continued, with_revision
from assistant.reader import Reading
from assistant.service import Assistant
from index.types import Chunk

POSTING = """Apprentice Line Worker I-IV
About the Job
This posting encompasses all Apprentice levels in the Training Program from Level I-Level IV.
Pay will be based on level of certifications, hours obtained, and experience.
- Apprentice I: $44,990.00-$47,132.00
- Apprentice II: $55,680.00-$59,687.00
- Apprentice III: $63,650.00-$67,614.00
- Apprentice IV: $71,620.00-$75,583.00
Job Summary:
The Apprentice Line Worker is a non-supervisory position in the construction and maintenance
of power systems.
"""

SCALE = """Master Pay Scale
Point | 31 March 2024 | From 1 April 2024
49 | 142,840 | 147,125
48 | 137,875 | 142,010
47 | 133,090 | 137,085
"""

QUALIFICATIONS = """Group Qualification Standard for Records Positions
The following table shows the amounts of education and experience required.
GS-5 4-year course of study leading to a bachelor's degree
None 1 year equivalent to at least GS-4
GS-9 master's or equivalent graduate degree
None 1 year equivalent to at least GS-7
"""


@pytest.fixture(scope="module")
def ashcombe(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    manifest = {
        "posting.txt": {"title": "Apprentice Line Worker I-IV", "jurisdiction": "City of Ashcombe"},
        "scale.txt": {"title": "Master Pay Scale", "jurisdiction": "Harbour Territory"},
        "quals.txt": {"title": "Group Qualification Standard for Records Positions"},
    }
    files = {"posting.txt": POSTING, "scale.txt": SCALE, "quals.txt": QUALIFICATIONS}
    files["manifest.yaml"] = yaml.safe_dump(manifest)
    return indexed(tmp_path_factory, "ashcombe", files)


def test_levels_listed_with_their_pay_answer_for_the_levels_asked(ashcombe: Assistant) -> None:
    answer = ashcombe.ask(
        "How much higher is the top of Ashcombe's Apprentice IV range than Apprentice I?"
    )
    assert not answer.abstained
    assert "$75,583.00" in answer.text and "$47,132.00" in answer.text
    assert "$59,687.00" not in answer.text  # Apprentice II was not asked


def test_a_class_a_line_of_the_place_writes_is_never_called_absent(ashcombe: Assistant) -> None:
    open_answers = ashcombe.composer.open
    retrieved = ashcombe.retriever.search("Apprentice IV Ashcombe")
    asked = analyse("What is the top salary of an Apprentice IV in Ashcombe?", ashcombe.class_index)
    assert open_answers._place_writes_class(asked, retrieved)
    # A level the posting does not list, or a class it never names, is not written.
    fifth = analyse("What is the top salary of an Apprentice V in Ashcombe?", ashcombe.class_index)
    assert not open_answers._place_writes_class(fifth, retrieved)
    manager = analyse("What is the top salary of a Manager IV in Ashcombe?", ashcombe.class_index)
    assert not open_answers._place_writes_class(manager, retrieved)


def test_words_that_weigh_two_figures_are_not_what_is_asked(ashcombe: Assistant) -> None:
    answer = ashcombe.ask(
        "How did Master Pay Scale point 49 change between 31 March 2024 and 1 April 2024?"
    )
    assert not answer.abstained
    assert "142,840" in answer.text and "147,125" in answer.text
    # "Higher", "change", "more" weigh what is asked; a passage need not write them.
    composer = ashcombe.composer
    for question, subject in [
        ("Which starts higher per hour, the lineworker or the groundskeeper?", "lineworker"),
        ("How did the lineworker rate change in 2024?", "lineworker"),
        ("Which earns more at the top, a lineworker or a groundskeeper?", "groundskeeper"),
    ]:
        topic = composer._topic_words(analyse(question, ashcombe.class_index))
        assert subject in topic
        assert not {"higher", "change", "more"} & set(topic)


def test_a_row_of_the_grade_asked_that_states_no_figure_is_no_answer(ashcombe: Assistant) -> None:
    question = "What is the salary for a GS-9 position under the records qualification standard?"
    answer = ashcombe.ask(question)
    assert answer.abstained
    assert re.search(r"(?:do not state a|states no) salary", answer.text)
    assert "class asked" not in answer.text  # no class was asked; a grade was
    # The words that name the document ("qualification standard") ask for no qualifications.
    asked = ashcombe.composer.name_documents(analyse(question, ashcombe.class_index))
    assert asked.intents == ("salary",)


def test_a_lead_in_is_quoted_with_its_whole_list() -> None:
    items = [
        f"- Example {n}: work that included study and analysis of support services."
        for n in range(1, 9)
    ]
    text = "\n".join(["Examples of qualifying experience include:", *items])
    chunk = Chunk(
        "q.txt#0", "q.txt", "Support Specialist", "Qualifications", "qualifications", text, 0, "0"
    )
    lead = Reading(chunk, "Examples of qualifying experience include:", 1.0, 1.0, 1.0, False, 0)
    assert continued(lead).quote == text  # past the reach of a sentence's run-on
    sentence = Reading(chunk, items[0], 1.0, 1.0, 1.0, False, 0)
    assert items[-1] not in continued(sentence).quote


def test_a_clause_after_a_semicolon_is_quoted_from_its_sentence_s_start() -> None:
    text = (
        "Crews keep roads safe. Candidates must be at least 18 years of age; possess a high "
        "school diploma or GED; and possess a valid license."
    )
    chunk = Chunk("g.txt#0", "g.txt", "Technician", "Overview", "description", text, 0, "0")
    clause = Reading(chunk, "possess a high school diploma or GED;", 1.0, 1.0, 1.0, False, 0)
    assert continued(clause).quote.startswith("Candidates must be at least 18 years of age;")
    # a sentence of its own keeps its start
    opening = Reading(chunk, "Crews keep roads safe.", 1.0, 1.0, 1.0, False, 0)
    assert continued(opening).quote.startswith("Crews keep roads safe.")


def test_a_line_cut_mid_sentence_is_quoted_with_the_lines_it_runs_on_into() -> None:
    text = "Reports To: County Administrator and\nLibrary Board\nFLSA: Exempt\n"
    assert run_on(text, "Reports To: County Administrator and") == (
        "Reports To: County Administrator and\nLibrary Board"
    )
    assert run_on(text, "FLSA: Exempt") == "FLSA: Exempt"  # a whole line stays as it is
    wrapped = "Patrols the grounds to\ndeter vandalism, theft and\nother crimes.\nNext duty."
    assert run_on(wrapped, "Patrols the grounds to").endswith("other crimes.")


def test_a_lead_in_takes_its_items_set_apart_by_blank_lines() -> None:
    text = (
        "Pilots are assigned to the following roles:\n\nHarbor Pilot I\n\nHarbor Pilot II\n\n"
        "Harbor Pilot III\n\nWhile all pilots are in the harbor group, each role differs.\n"
    )
    chunk = Chunk("q.txt#0", "q.txt", "Pilot Guide", "Roles", "description", text, 0, "0")
    lead = Reading(chunk, "Pilots are assigned to the following roles:", 1.0, 1.0, 1.0, False, 0)
    quote = continued(lead).quote
    assert quote.endswith("Harbor Pilot III")
    assert "While all pilots" not in quote
    # A paragraph of prose after the lead-in is not a list of items.
    prose = "The duties follow:\n\nPilots guide vessels. They also board ships.\n\nHarbor Pilot I\n"
    chunk = Chunk("p.txt#0", "p.txt", "Pilot Guide", "Duties", "duties", prose, 0, "0")
    lead = Reading(chunk, "The duties follow:", 1.0, 1.0, 1.0, False, 0)
    assert "Harbor Pilot I" not in continued(lead).quote


def test_a_lead_in_takes_its_numbered_items_set_apart_by_blank_lines() -> None:
    text = (
        "Knowledge of:\n\n1. basic plumbing repairs.\n\n2. basic equipment maintenance.\n\n"
        "3. standard custodial procedures and practices.\n\nSkill in:\n\n1. operating tools.\n"
    )
    chunk = Chunk("k.txt#0", "k.txt", "Custodian", "Knowledge", "qualifications", text, 0, "0")
    quote = continued(Reading(chunk, "Knowledge of:", 1.0, 1.0, 1.0, False, 0)).quote
    assert quote.endswith("3. standard custodial procedures and practices.")
    assert "Skill in" not in quote


def test_a_sentence_revising_the_figure_before_it_is_quoted_with_it() -> None:
    text = (
        "Previously, those earning up to N$60,000 annually qualified for loans of N$220,000. "
        "This has been increased to N$400,000. Transport allowances stay as they are."
    )
    chunk = Chunk("n.txt#0", "n.txt", "Pay news", "Housing", "other", text, 0, "0")
    line = "Previously, those earning up to N$60,000 annually qualified for loans of N$220,000."
    revised = with_revision(Reading(chunk, line, 1.0, 1.0, 1.0, True, 0))
    assert revised.quote == f"{line} This has been increased to N$400,000."
    after = Reading(chunk, "Transport allowances stay as they are.", 1.0, 1.0, 1.0, False, 0)
    assert with_revision(after).quote == after.quote  # nothing revises it
