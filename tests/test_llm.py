"""The optional LLM writer: kept when grounded, replaced by the extractive draft when not."""

from __future__ import annotations

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant.config import PROJECT_ROOT
from assistant.llm import LLMRewriter
from assistant.service import Assistant

QUESTION = "What is the salary range for a Certified Peer Support Specialist II?"


def rewrite_with(assistant: Assistant, reply: str, question: str = QUESTION):
    """Run the chain with a fake chat model that answers `reply`."""
    from assistant.chain import ChainInput, build_chain

    rewriter = LLMRewriter(FakeListChatModel(responses=[reply]), PROJECT_ROOT / "prompts")
    chain = build_chain(
        assistant.class_index,
        assistant.retriever,
        assistant.composer,
        rewriter=rewriter,
    )
    return chain.invoke(ChainInput(question)).draft


def test_a_grounded_reply_is_kept_and_renumbered(fake_assistant: Assistant) -> None:
    reply = "Texas pays a Certified Peer Support Specialist II $30,840 - $46,798 [1]."
    draft = rewrite_with(fake_assistant, reply)
    assert draft.text == reply
    assert "$46,798" in draft.citations[0].quote


def test_an_altered_figure_falls_back_to_the_extractive_answer(fake_assistant: Assistant) -> None:
    draft = rewrite_with(fake_assistant, "The range is $30,840 - $46,789 [1].")
    assert "$46,789" not in draft.text
    assert "$30,840 - $46,798" in draft.text


def test_a_reply_citing_nothing_falls_back(fake_assistant: Assistant) -> None:
    draft = rewrite_with(fake_assistant, "It pays about $40,000.")
    assert "$30,840 - $46,798" in draft.text


def test_an_abstention_is_never_handed_to_the_model(fake_assistant: Assistant) -> None:
    draft = rewrite_with(
        fake_assistant,
        "A CPS 2 in New York earns $30,840 - $46,798 [1].",
        "How much does a Certified Peer Specialist 2 earn in New York?",
    )
    assert draft.abstained and "$" not in draft.text


@pytest.mark.parametrize(
    "reply",
    [
        "[1] [2] [3] [4]",  # bare markers: seen from SmolLM2-135M
        "The passage is: [1]. The passage is: [1]. The passage is: [1]. The passage is: [1].",
        "A Certified Peer Support Specialist II earns up to $46,798 [1].",  # drops the minimum
    ],
)
def test_replies_that_say_nothing_loop_or_drop_figures_fall_back(
    fake_assistant: Assistant, reply: str
) -> None:
    draft = rewrite_with(fake_assistant, reply)
    assert draft.text != reply
    assert "$30,840 - $46,798" in draft.text
