"""The optional LLM writer: kept when grounded, replaced by the extractive draft when not."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from pydantic import Field

from assistant.chain import ChainInput, build_chain
from assistant.config import PROJECT_ROOT, Settings
from assistant.drafts import Draft
from assistant.errors import BackendUnavailable
from assistant.llm import LLMRewriter, load_prompt
from assistant.service import Assistant

QUESTION = "What is the salary range for a Certified Peer Support Specialist II?"
GROUNDED = "$30,840 - $46,798"


class RecordingChatModel(FakeListChatModel):
    """A fake chat model that keeps every prompt it is sent (and may fail instead)."""

    prompts: list[str] = Field(default_factory=list)
    failure: str | None = None

    def _call(self, messages: Any, *args: Any, **kwargs: Any) -> str:
        self.prompts.append(str(messages[-1].content))
        if self.failure:
            raise ConnectionError(self.failure)
        return super()._call(messages, *args, **kwargs)


def rewrite_with(
    assistant: Assistant, reply: str, question: str = QUESTION, failure: str | None = None
) -> tuple[Draft, RecordingChatModel]:
    """Run the chain with a fake chat model that answers `reply`: the draft and the model."""
    model = RecordingChatModel(responses=[reply], failure=failure)
    rewriter = LLMRewriter(model, PROJECT_ROOT / "prompts")
    chain = build_chain(
        assistant.class_index,
        assistant.retriever,
        assistant.composer,
        rewriter=rewriter,
    )
    return chain.invoke(ChainInput(question)).draft, model


def test_a_grounded_reply_is_kept_and_renumbered(fake_assistant: Assistant) -> None:
    reply = "Texas pays a Certified Peer Support Specialist II $30,840 - $46,798 [1]."
    draft, model = rewrite_with(fake_assistant, reply)
    assert draft.text == reply
    assert "$46,798" in draft.citations[0].quote
    assert len(model.prompts) == 1
    prompt = model.prompts[0]
    assert f"Question: {QUESTION}" in prompt and "[1] (Texas; texas/" in prompt


def test_markers_are_renumbered_in_order_of_use(fake_assistant: Assistant) -> None:
    passages = rewrite_with(fake_assistant, "x")[1].prompts[0].count("\n[")
    assert passages >= 2  # the cited row and retrieved passages after it
    reply = f"The Texas standard gives {GROUNDED} for this class [2][1]."
    draft, _ = rewrite_with(fake_assistant, reply)
    assert draft.text == f"The Texas standard gives {GROUNDED} for this class [1][2]."
    assert "$46,798" in draft.citations[1].quote and "$46,798" not in draft.citations[0].quote


def test_an_altered_figure_falls_back_to_the_extractive_answer(fake_assistant: Assistant) -> None:
    draft, model = rewrite_with(fake_assistant, "The range is $30,840 - $46,789 [1].")
    assert "$46,789" not in draft.text
    assert "$30,840 - $46,798" in draft.text
    assert len(model.prompts) == 1


def test_an_added_figure_fails_the_numeric_guard(
    fake_assistant: Assistant, caplog: pytest.LogCaptureFixture
) -> None:
    reply = f"A Certified Peer Support Specialist II earns {GROUNDED}, about $38,000 a year [1]."
    with caplog.at_level(logging.WARNING, logger="assistant.llm"):
        draft, model = rewrite_with(fake_assistant, reply)
    assert "$38,000" not in draft.text and GROUNDED in draft.text and not draft.abstained
    assert len(model.prompts) == 1
    assert "failed the numeric guard" in caplog.text


def test_a_backend_failure_falls_back(
    fake_assistant: Assistant, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="assistant.llm"):
        draft, model = rewrite_with(fake_assistant, "unused", failure="connection refused")
    assert GROUNDED in draft.text and len(model.prompts) == 1
    assert "LLM backend failed" in caplog.text and "connection refused" in caplog.text


def test_a_reply_citing_nothing_falls_back(fake_assistant: Assistant) -> None:
    draft, model = rewrite_with(fake_assistant, "It pays about $40,000.")
    assert "$30,840 - $46,798" in draft.text
    assert len(model.prompts) == 1


def test_an_abstention_is_never_handed_to_the_model(fake_assistant: Assistant) -> None:
    draft, model = rewrite_with(
        fake_assistant,
        "A CPS 2 in New York earns $30,840 - $46,798 [1].",
        "How much does a Certified Peer Specialist 2 earn in New York?",
    )
    assert draft.abstained and "$" not in draft.text
    assert model.prompts == []  # the model was never asked


@pytest.mark.parametrize(
    ("reply", "problem"),
    [
        ("[1] [2] [3] [4]", "says almost nothing"),  # bare markers: seen from SmolLM2-135M
        (
            "The passage is: [1]. The passage is: [1]. The passage is: [1]. The passage is: [1].",
            "repeats itself",
        ),
        (  # drops the minimum
            "A Certified Peer Support Specialist II earns up to $46,798 [1].",
            "dropped amounts of the grounded answer (30840)",
        ),
        (f"It pays {GROUNDED} [0].", "cited nothing valid"),
        (f"It pays {GROUNDED} [99].", "cited nothing valid"),
    ],
)
def test_replies_that_say_nothing_loop_or_drop_figures_fall_back(
    fake_assistant: Assistant, reply: str, problem: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="assistant.llm"):
        draft, model = rewrite_with(fake_assistant, reply)
    assert draft.text != reply
    assert "$30,840 - $46,798" in draft.text
    assert len(model.prompts) == 1
    assert f"LLM answer {problem}; using the extractive answer" in caplog.text


def test_a_reply_that_repeats_twice_or_has_four_words_is_kept(fake_assistant: Assistant) -> None:
    twice = f"It pays {GROUNDED} [1]. It pays {GROUNDED} [1]."
    assert rewrite_with(fake_assistant, twice)[0].text == twice
    four_words = f"Texas pays this class {GROUNDED} [1]."
    assert rewrite_with(fake_assistant, four_words)[0].text == four_words


def test_the_backend_needs_its_prompt_and_its_settings(tmp_path) -> None:
    with pytest.raises(BackendUnavailable, match="prompt template not found"):
        load_prompt("answer", tmp_path)
    assert "{passages}" in load_prompt("answer", PROJECT_ROOT / "prompts")
    with pytest.raises(BackendUnavailable):
        LLMRewriter.from_settings(Settings(answer_backend="openai"))
