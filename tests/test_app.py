"""The web app without a browser: what the UI renders, the chat turn, feedback, and the app."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.service import Assistant
from assistant.types import Answer, Citation
from tests.conftest import make_settings
from web import render as ui
from web.conversation import Conversation
from web.feedback import Feedback, append_feedback, feedback_path, read_feedback
from web.state import ServerState
from web.tables import catalog_row, class_key, run_evaluation

TEXAS = "texas/certified-peer-support-specialist-ii.txt"
NEW_YORK = "new-york/certified-peer-specialist-series.txt"
SALARY = "What is the salary range of a Certified Peer Support Specialist II?"


def ask(
    assistant: Assistant, conversation: Conversation, question: str, **filters: str
) -> list[str]:
    return list(conversation.ask(lambda: assistant, question, **filters))


def test_a_chat_turn_streams_then_shows_the_answer_with_numbered_citations(
    fake_assistant: Assistant,
) -> None:
    conversation = Conversation()

    steps = ask(fake_assistant, conversation, SALARY)

    assert len(steps) >= 3 and 'class="answer streaming"' in steps[1]
    final = steps[-1]
    assert "$30,840 - $46,798" in final
    assert '<a href="#cite-0-1" class="cite-ref"' in final  # the [1] in the text
    assert '<a href="#cite-0-1" class="cite-link"' in final and '<details class="cite">' in final
    assert "<blockquote" in final and "4008 | A12 | $30,840 - $46,798" in final
    assert "\n\n" not in final  # one HTML block for Markdown
    assert " ms" not in final  # timings are for the About panel, not every answer
    exchange = conversation.exchanges[0]
    assert exchange.answer is not None and exchange.total_ms >= exchange.first_words_ms > 0


def test_follow_ups_use_the_earlier_turns(fake_assistant: Assistant) -> None:
    conversation = Conversation()
    ask(fake_assistant, conversation, "What salary group is CPSS I?")

    ask(fake_assistant, conversation, "and the next level up?")

    assert conversation.turns()[0].user == "What salary group is CPSS I?"
    assert "A12" in conversation.exchanges[1].answer.text  # type: ignore[union-attr]


def test_filters_narrow_retrieval_to_one_jurisdiction(fake_assistant: Assistant) -> None:
    conversation = Conversation()

    ask(fake_assistant, conversation, "What are the duties?", jurisdiction="New York")

    answer = conversation.exchanges[0].answer
    assert answer is not None and conversation.exchanges[0].filters == {"jurisdiction": "New York"}
    assert answer.retrieved and {c.jurisdiction for c in answer.retrieved} == {"New York"}


def test_a_bad_question_becomes_a_notice_not_a_traceback(fake_assistant: Assistant) -> None:
    conversation = Conversation()

    steps = ask(fake_assistant, conversation, "x" * 5000)

    assert 'class="answer notice" role="status"' in steps[-1] and "the limit is" in steps[-1]
    assert conversation.exchanges[0].answer is None and conversation.turns() == []


def test_a_missing_index_becomes_a_notice(tmp_path: Path) -> None:
    state = ServerState(make_settings(tmp_path))
    conversation = Conversation()

    steps = list(conversation.ask(state.assistant, SALARY))

    assert "No standards are indexed yet" in steps[-1]


def test_a_citation_opens_its_section_with_the_quote_highlighted(
    fake_assistant: Assistant,
) -> None:
    conversation = Conversation()
    ask(fake_assistant, conversation, "What are the requirements for CPS 2?")

    page = ui.citation_page(fake_assistant, conversation, "0-1")

    assert "Certified Peer Specialist Series" in page and "New York" in page
    assert "<dt>Date</dt><dd>4/2024</dd>" in page
    assert re.search(r"<mark>[^<]*two years of post-certification experience", page)
    assert ui.citation_page(fake_assistant, conversation, "0-99") == ui.VIEWER_EMPTY
    assert ui.citation_page(fake_assistant, conversation, "junk") == ui.VIEWER_EMPTY


def test_a_cited_table_row_is_highlighted_in_its_table(fake_assistant: Assistant) -> None:
    conversation = Conversation()
    ask(fake_assistant, conversation, SALARY)

    page = ui.citation_page(fake_assistant, conversation, "0-1")

    assert '<table class="viewer-table">' in page
    assert re.search(r'<tr class="hit"><td>CERTIFIED PEER SUPPORT SPECIALIST II</td>', page)


def test_a_quote_not_found_in_its_section_is_still_shown() -> None:
    citation = Citation("a.txt", "Pay", "Grade 9 only", doc_title="A")

    page = ui.citation_view(citation, [], ui.DocumentInfo("a.txt", "A"))

    assert "<mark>Grade 9 only</mark>" in page and "not stated" in page


def test_the_catalog_lists_every_class_and_a_row_opens_its_standard(
    fake_assistant: Assistant,
) -> None:
    rows = [catalog_row(r) for r in fake_assistant.catalog]
    cpss2 = next(r for r in rows if r[0] == "Certified Peer Support Specialist II")
    record = next(r for r in fake_assistant.catalog if r.title == cpss2[0])

    assert cpss2 == [
        "Certified Peer Support Specialist II",
        "Texas",
        "4008",
        "2",
        "Salary Group A12",
        "$30,840",  # money as the source writes it
        "$46,798",
        "not stated",  # the seed gives no pay period
        TEXAS,
    ]
    page = ui.class_page(fake_assistant, class_key(record))
    assert "Certified Peer Support Specialist II" in page
    assert "$30,840 - $46,798 (pay period not stated)" in page
    assert "EXAMPLES OF WORK PERFORMED" in page
    assert ui.class_page(fake_assistant, "Mars%23Astronaut") == ui.CLASS_VIEWER_EMPTY


def test_copy_and_export_hold_the_answers_and_their_citations(fake_assistant: Assistant) -> None:
    conversation = Conversation()
    ask(fake_assistant, conversation, SALARY)
    ask(fake_assistant, conversation, "x" * 5000)
    exchange = conversation.last_answered()
    assert exchange is not None and exchange.answer is not None

    text = ui.answer_text(exchange.question, exchange.answer)
    markdown = conversation.write_markdown("2 documents").read_text(encoding="utf-8")

    assert text.startswith(f"Q: {SALARY}\n") and "$30,840 - $46,798" in text
    assert "[1] Certified Peer Support Specialist II - Texas" in text
    assert f"## {SALARY}" in markdown and "_2 documents_" in markdown
    assert "1. **Certified Peer Support Specialist II** (Texas)" in markdown
    assert "the limit is" in markdown  # the failed question is kept with its message


def test_feedback_is_appended_to_the_configured_log(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    answer = Answer("Grade 11 [1].", (Citation("ny.txt", "Pay", "Grade 11"),))
    path = feedback_path(settings)

    append_feedback(path, Feedback.about("up", "grade of CPS 1?", answer, " clear ", {}))
    append_feedback(path, Feedback.about("down", "max for CPSS II?", answer))

    assert path == settings.data_dir / "feedback.jsonl"
    entries = read_feedback(path)
    assert [e["rating"] for e in entries] == ["up", "down"]
    assert entries[0]["comment"] == "clear" and entries[0]["citations"][0]["quote"] == "Grade 11"
    assert all(json.loads(line) for line in path.read_text().splitlines())
    with pytest.raises(ValueError):
        Feedback.about("meh", "q", answer)  # type: ignore[arg-type]


def test_the_feedback_log_can_be_put_elsewhere(tmp_path: Path) -> None:
    settings = make_settings(tmp_path).model_copy(
        update={"feedback_path": tmp_path / "ratings.jsonl"}
    )

    assert feedback_path(settings) == tmp_path / "ratings.jsonl"


def test_an_evaluation_runs_through_the_harness_and_writes_its_reports(
    fake_assistant: Assistant, tmp_path: Path
) -> None:
    qa = tmp_path / "mini.jsonl"
    qa.write_text(
        json.dumps(
            {
                "id": "s",
                "kind": "salary",
                "question": SALARY,
                "sources": [TEXAS],
                "expected": ["$30,840", "$46,798"],
            }
        )
        + "\n"
        + json.dumps(
            {
                "id": "g",
                "kind": "grade",
                "question": "What grade is CPS 1?",
                "sources": [NEW_YORK],
                "expected": ["Grade 12"],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    settings = fake_assistant.settings.model_copy(update={"data_dir": tmp_path / "data"})

    summary, kinds, failed, reports = run_evaluation(fake_assistant, settings, qa)

    assert "1 of 2 cases passed" in summary and "Gate: FAILED" in summary
    assert "| salary" in kinds and "| grade" in kinds
    assert [row[0] for row in failed] == ["g"]
    assert [Path(p).name for p in reports] == ["report.json", "report.md"]
    assert all(Path(p).exists() for p in reports)


def test_the_app_serves_the_ui_and_the_api_on_one_server(fake_assistant: Assistant) -> None:
    from web.app import create_app

    state = ServerState(fake_assistant.settings, fake_assistant)
    with TestClient(create_app(state)) as client:
        page = client.get("/")
        config = client.get("/config").json()
        health = client.get("/api/health")

    assert page.status_code == 200 and "Classification Assistant" in config["title"]
    labels = {c.get("props", {}).get("label") for c in config["components"]}
    assert {"Chat", "Catalog", "Sources", "Evaluate", "Your question", "Jurisdiction"} <= labels
    assert health.json()["status"] == "ok"
    assert "googleapis" not in page.text and "cdn." not in page.text


def test_uploads_and_deletions_are_hidden_on_a_non_loopback_address(
    fake_assistant: Assistant,
) -> None:
    from web.app import create_app

    public = fake_assistant.settings.model_copy(update={"host": "0.0.0.0"})
    with TestClient(create_app(ServerState(public, fake_assistant))) as client:
        config = client.get("/config").json()

    values = [str(c.get("props", {}).get("value")) for c in config["components"]]
    assert any("Uploads and deletions are switched off" in v for v in values)
