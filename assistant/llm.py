"""Optional LLM answer writer: rewords the grounded draft, kept only if it passes the checks."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from langchain_core.language_models import BaseChatModel

from assistant.chain import ChainInput, guard
from assistant.config import Settings
from assistant.drafts import Draft
from assistant.errors import BackendUnavailable
from assistant.guard import number_tokens
from assistant.query import QueryAnalysis
from assistant.types import Citation
from index.money import ONE_AMOUNT
from index.store import ScoredChunk

log = logging.getLogger(__name__)
_MARKER = re.compile(r"\[(\d+)\]")
_EXTRA_PASSAGES = 3
_MIN_WORDS = 4
_MAX_REPEATS = 3


def load_prompt(name: str, prompts_dir: Path) -> str:
    """A prompt template by name, read at call time so edits apply without a restart."""
    path = prompts_dir / f"{name}.md"
    if not path.is_file():
        raise BackendUnavailable(f"prompt template not found: {path}")
    return path.read_text(encoding="utf-8")


class LLMRewriter:
    """Asks a chat model to write the answer from numbered passages; falls back to the draft."""

    def __init__(self, model: BaseChatModel, prompts_dir: Path) -> None:
        self.model = model
        self.prompts_dir = prompts_dir

    @classmethod
    def from_settings(cls, settings: Settings) -> LLMRewriter:
        try:
            from langchain_openai import ChatOpenAI
        except ImportError as error:
            raise BackendUnavailable(
                "the openai backend needs langchain-openai: pip install -e '.[openai]'"
            ) from error
        if not settings.llm_base_url:
            raise BackendUnavailable("set ASSISTANT_LLM_BASE_URL for the openai backend")
        model = ChatOpenAI(
            base_url=settings.llm_base_url,
            model=settings.llm_model,
            api_key=settings.llm_api_key or "not-needed",
            timeout=settings.llm_timeout_s,
            temperature=0,
        )
        return cls(model, settings.prompts_dir)

    def __call__(
        self,
        request: ChainInput,
        analysis: QueryAnalysis,
        retrieved: Sequence[ScoredChunk],
        draft: Draft,
    ) -> Draft:
        if draft.abstained or not draft.citations:
            return draft  # never let a model answer what the sources do not hold
        passages = list(draft.citations)
        quoted = {c.quote for c in passages}
        for hit in retrieved:
            if len(passages) >= len(draft.citations) + _EXTRA_PASSAGES:
                break
            if hit.chunk.text not in quoted:
                passages.append(
                    Citation(
                        hit.chunk.source,
                        hit.chunk.section,
                        hit.chunk.text,
                        hit.chunk.doc_title,
                        hit.chunk.jurisdiction,
                        hit.chunk.chunk_id,
                    )
                )
        numbered = "\n".join(
            f"[{n}] ({p.jurisdiction or 'unknown jurisdiction'}; {p.source}; {p.section}) {p.quote}"
            for n, p in enumerate(passages, start=1)
        )
        prompt = load_prompt("answer", self.prompts_dir).format(
            question=analysis.question, passages=numbered
        )
        try:
            reply = self.model.invoke(prompt)
        except Exception as error:  # any backend failure falls back to the grounded draft
            log.warning("LLM backend failed, using the extractive answer: %s", error)
            return draft
        return self._checked(str(reply.content).strip(), passages, analysis, draft)

    def _checked(
        self, text: str, passages: list[Citation], analysis: QueryAnalysis, draft: Draft
    ) -> Draft:
        """Renumber the cited passages; keep the text only if it says something, keeps every
        dollar amount of the grounded draft, and holds no figure its citations do not."""
        problem = _reply_problem(text, len(passages), draft)
        if problem:
            log.warning("LLM answer %s; using the extractive answer", problem)
            return draft
        used = [int(n) for n in _MARKER.findall(text)]
        order = list(dict.fromkeys(used))
        renumbered = _MARKER.sub(lambda m: f"[{order.index(int(m.group(1))) + 1}]", text)
        candidate = replace(draft, text=renumbered, citations=tuple(passages[n - 1] for n in order))
        titles = [r.title for r in analysis.classes]
        checked = guard(candidate, analysis.question, titles, allow_question_numbers=False)
        if checked.abstained:
            log.warning("LLM answer failed the numeric guard; using the extractive answer")
            return draft
        return checked


def _amounts(text: str) -> set[str]:
    """Dollar amounts as digits: "$30,840" -> "30840"."""
    return {
        number for match in ONE_AMOUNT.finditer(text) for number in number_tokens(match.group())
    }


def _reply_problem(text: str, passages: int, draft: Draft) -> str | None:
    """Why a model's reply cannot replace the draft, or None when it can.

    Seen with a small local model (SmolLM2-135M): replies of bare markers ("[1] [2] [3]"),
    a sentence looping until the token limit, and dollar amounts dropped or altered.
    """
    used = [int(n) for n in _MARKER.findall(text)]
    if not used or any(not 0 < n <= passages for n in used):
        return "cited nothing valid"
    words = re.findall(r"[A-Za-z]{2,}", _MARKER.sub(" ", text))
    if len(words) < _MIN_WORDS:
        return "says almost nothing"
    lines = [line.strip() for line in re.split(r"(?<=[.:;])\s+|\n+", text) if line.strip()]
    if any(count >= _MAX_REPEATS for count in Counter(lines).values()):
        return "repeats itself"
    dropped = _amounts(draft.text) - _amounts(text)
    if dropped:
        return f"dropped amounts of the grounded answer ({', '.join(sorted(dropped))})"
    return None
