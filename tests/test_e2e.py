"""End to end with the real packaged embedding model over the real Chroma store on the seeds."""

from __future__ import annotations

import pytest

from assistant.service import Assistant
from assistant.types import Turn

TX = "texas/certified-peer-support-specialist-ii.txt"
NY = "new-york/certified-peer-specialist-series.txt"

pytestmark = pytest.mark.slow


def test_cpss_ii_salary_range(real_assistant: Assistant) -> None:
    answer = real_assistant.ask(
        "What is the salary range for a Certified Peer Support Specialist II?"
    )
    assert "$30,840" in answer.text and "$46,798" in answer.text
    assert any(c.source == TX for c in answer.citations)
    assert not answer.abstained


def test_cps_2_requirements(real_assistant: Assistant) -> None:
    answer = real_assistant.ask("What are the requirements for CPS 2?")
    assert "current certification as an NYCPS by the NYPSCB" in answer.text
    assert "two years of post-certification experience" in answer.text
    assert any(c.source == NY and "Minimum Qualifications" in c.section for c in answer.citations)


def test_new_york_salary_abstains_on_dollars(real_assistant: Assistant) -> None:
    answer = real_assistant.ask("How much does a Certified Peer Specialist 2 earn in New York?")
    assert answer.abstained
    assert "Grade 14" in answer.text
    assert "$" not in answer.text


def test_salary_group_follow_up(real_assistant: Assistant) -> None:
    first = real_assistant.ask("What salary group is CPSS I?")
    assert "A10" in first.text
    second = real_assistant.ask(
        "and the next level up?", [Turn("What salary group is CPSS I?", first.text)]
    )
    assert "A12" in second.text


@pytest.mark.parametrize("token", ["4008", "A12", "5574200"])
def test_exact_tokens_retrieve_their_chunk_first(real_assistant: Assistant, token: str) -> None:
    top = real_assistant.retriever.search(f"what is {token}?")[0].chunk
    assert token in top.text


def test_passages_are_retrieved_for_the_named_class(real_assistant: Assistant) -> None:
    answer = real_assistant.ask("What are the duties of a Certified Peer Support Specialist II?")
    assert answer.retrieved[0].source == TX
    assert "Leads and/or monitors individual and group recovery sessions." in answer.text
