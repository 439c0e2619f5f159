"""Up or down a reporting line: "who supervises X?" is answered by the line that names the post
above X ("Supervisor: ..."), "who does X supervise?" by the one that names those below it
("Subordinates: ..."); a question that asks that and something more gets a sentence for each.
The postings are written here."""

from __future__ import annotations

import pytest
from test_passage_answers import indexed

from assistant.citations import CitationBook
from assistant.drafts import Draft
from assistant.reporting_lines import other_way_up, same_way_up, with_post_above
from assistant.retrieve import ChunkLibrary
from assistant.service import Assistant
from index.types import Chunk

POSTING = """Harbor Crew Supervisor

Location: Lakemoor County Marine Department
Posted: 03/02/2026

Work Unit:    Marine Operations

Supervisor:    Port Operations Manager

Title:   Harbor Crew Supervisor

Pay Grade:     12        $19.10 - $26.40 hourly

Subordinates: Deckhands (6)

Position overview: The purpose of this position is to lead the daily work of the harbor crew in mooring, dredging and dock repair.
"""  # noqa: E501

RECRUITMENT = """Marina Director
Town of Lakeport, Maine
Salary: $98,500 - $121,000

Lakeport is a coastal town with a working harbor and a busy summer season. Lakeport employs 140 FTEs and runs an annual budget of about $60 million.
Under the direction of the Town Manager, the Marina Director plans and directs the operations of the town marina and its moorings. The Marina Director directly supervises two or more employees and is responsible for the marina budget.
"""  # noqa: E501

TRUST_PORT = """Vacancy: Harbourmaster

Package £51,750

Deadline: 02/11/2026

Full description
The Harbourmaster leads the safe running of the estuary and its pilotage service. He or she will lead a small team comprising a part time administration officer and a part time finance officer.
The successful candidate will report to the Board of Trustees and will also attend meetings as an ex-officio Board member.
"""  # noqa: E501


@pytest.fixture(scope="module")
def port(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return indexed(
        tmp_path_factory,
        "port",
        {
            "harbor-crew-supervisor.txt": POSTING,
            "marina-director.txt": RECRUITMENT,
            "harbourmaster.txt": TRUST_PORT,
        },
    )


def _body(text: str) -> str:
    return text.split("The passage nearest to the question")[0]


def test_who_supervises_a_post_is_the_line_naming_the_post_above(port: Assistant) -> None:
    answer = port.ask("Who supervises the Harbor Crew Supervisor?")
    assert not answer.abstained
    assert "Supervisor: Port Operations Manager" in " ".join(answer.text.split())
    assert "Subordinates" not in _body(answer.text)


def test_who_a_post_supervises_is_the_line_naming_the_posts_below(port: Assistant) -> None:
    answer = port.ask("who does the harbor crew supervisor supervise")
    assert not answer.abstained
    assert "Subordinates: Deckhands (6)" in answer.text
    assert "Port Operations Manager" not in _body(answer.text)


def test_each_question_of_a_question_gets_its_own_sentence(port: Assistant) -> None:
    answer = port.ask(
        "Who does the Lakeport Marina Director report to, and how many employees does "
        "Lakeport have?"
    )
    assert not answer.abstained
    assert "Under the direction of the Town Manager" in answer.text
    assert "Lakeport employs 140 FTEs" in answer.text


def test_who_a_post_works_under_adds_the_sentence_naming_the_post_above(port: Assistant) -> None:
    answer = port.ask("Who does the Lakeport Marina Director work under?")
    assert not answer.abstained
    assert "Under the direction of the Town Manager" in answer.text


@pytest.mark.parametrize(
    ("question", "line", "other", "same"),
    [
        ("who does the clerk supervise?", "Supervisor: City Manager", True, False),
        ("who does the clerk supervise?", "Subordinates: Aides (2)", False, True),
        ("who supervises the clerk?", "Subordinates: Aides (2)", True, False),
        ("who does the clerk report to?", "Reports to: City Manager", False, True),
        ("who reports to the city manager?", "Reports To: Mayor", True, False),
        (
            "what is the clerk's boss called?",
            "Under the supervision of the Mayor, ...",
            False,
            True,
        ),
        ("what does the clerk do?", "Supervisor: City Manager", False, False),
        ("what programs does the weed supervisor manage?", "Supervisor: Director", False, False),
        ("who is the technician's supervisor?", "Supervisor: Weed Supervisor", False, True),
        (
            "who supervises the clerk?",
            "Maintains records of the supervisor's meetings.",
            False,
            False,
        ),
    ],
)
def test_which_way_up_a_line_names_a_post(
    question: str, line: str, other: bool, same: bool
) -> None:
    assert other_way_up(question, line) is other
    assert same_way_up(question, line) is same


def test_an_answer_quoting_a_post_s_other_lines_gains_the_one_naming_the_post_above() -> None:
    passage = Chunk(
        chunk_id="h#0", source="harbourmaster.txt", doc_title="Vacancy: Harbourmaster",
        section="Full description", section_kind="description", text=TRUST_PORT, position=0,
        content_hash="h", jurisdiction="Lakemoor Harbour Trustees",
    )  # fmt: skip
    book = CitationBook()
    team = "He or she will lead a small team comprising a part time administration officer"
    draft = Draft(f'"{team}" {book.cite_chunk(passage, team)}', tuple(book.citations), False)
    library = ChunkLibrary([passage])
    asked = "who does the harbour master report to and what team do they lead"
    added = with_post_above(asked, draft, library)
    assert "will report to the Board of Trustees" in added.text
    assert added.citations[0].quote == team
    # Not when the question asks no one above the post, nor for an abstention.
    assert with_post_above("what team does the harbour master lead", draft, library) == draft
    unsure = Draft("The sources do not say.", (), True)
    assert with_post_above(asked, unsure, library) == unsure
