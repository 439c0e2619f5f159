"""One chat session: its questions and answers, follow-up history, and the Markdown export."""

from __future__ import annotations

import logging
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import AssistantError
from assistant.retrieve import RetrievalFilter
from assistant.service import valid_text
from assistant.types import Answer, Citation, Turn
from index.errors import IndexError_
from web.render import answer_html, notice_html, partial_html

if TYPE_CHECKING:
    from assistant.service import Assistant

log = logging.getLogger(__name__)


@dataclass
class Exchange:
    """One question of a conversation and what came back (an answer or a readable error)."""

    question: str
    answer: Answer | None = None
    error: str | None = None
    filters: dict[str, str] = field(default_factory=dict)
    total_ms: float = 0.0


@dataclass
class Conversation:
    exchanges: list[Exchange] = field(default_factory=list)

    def turns(self) -> list[Turn]:
        """The history the assistant resolves follow-ups against (failed questions left out)."""
        return [Turn(e.question, e.answer.text) for e in self.exchanges if e.answer]

    def last_answered(self) -> Exchange | None:
        return next((e for e in reversed(self.exchanges) if e.answer), None)

    def citation(self, key: str) -> Citation | None:
        """The citation a link "#cite-<exchange>-<number>" points at."""
        match = re.fullmatch(r"(\d+)-(\d+)", key.strip())
        if not match:
            return None
        index, number = int(match[1]), int(match[2])
        if index >= len(self.exchanges) or self.exchanges[index].answer is None:
            return None
        citations = self.exchanges[index].answer.citations  # type: ignore[union-attr]
        return citations[number - 1] if 1 <= number <= len(citations) else None

    def ask(
        self,
        assistant: Callable[[], Assistant],
        question: str,
        jurisdiction: str = "",
        source: str = "",
    ) -> Iterator[str]:
        """Answer the next question: the answer's HTML as it grows, the finished one last.

        Problems become a readable notice in the chat; unexpected ones are logged in full.
        """
        filters = {k: v for k, v in (("jurisdiction", jurisdiction), ("document", source)) if v}
        question = valid_text(question)  # kept for the export and feedback, which write it
        exchange, history = Exchange(question, filters=filters), self.turns()
        self.exchanges.append(exchange)
        yield partial_html("")
        started = time.perf_counter()
        try:
            narrow = RetrievalFilter(jurisdiction or None, source or None) if filters else None
            answering = assistant()
            # A long chat sends its latest turns: the limits are for requests, not for people.
            recent = answering.recent_history(history)
            for text, answer in answering.stream(question, recent, narrow):
                exchange.answer = answer  # every piece of the text comes with the whole answer
                yield partial_html(text)
            exchange.total_ms = (time.perf_counter() - started) * 1000
        except (AssistantError, IndexError_) as error:
            exchange.answer, exchange.error = None, str(error)
        except Exception:  # a message in the chat, not a traceback; the log keeps the details
            log.exception("answering %r failed", question)
            exchange.answer = None
            exchange.error = "Something went wrong while answering. The error has been logged."
        if exchange.answer is None:
            yield notice_html(exchange.error or "No answer.")
            return
        log.info("answered in %.0f ms", exchange.total_ms)
        yield answer_html(len(self.exchanges) - 1, exchange.answer, exchange.total_ms)

    def exchange_of_message(self, index: int) -> Exchange | None:
        """The exchange a chat message belongs to (each adds a question and an answer)."""
        return self.exchanges[index // 2] if 0 <= index // 2 < len(self.exchanges) else None

    def write_markdown(self, status_line: str = "") -> Path:
        """The conversation as a Markdown file in a fresh temporary folder."""
        path = Path(tempfile.mkdtemp(prefix="conversation-")) / "conversation.md"
        path.write_text(conversation_markdown(self, status_line), encoding="utf-8")
        return path


def conversation_markdown(conversation: Conversation, status_line: str = "") -> str:
    lines = ["# Conversation with the classification assistant", ""]
    if status_line:
        lines += [f"_{status_line}_", ""]
    for exchange in conversation.exchanges:
        # A question's own line breaks would start new Markdown blocks (a heading, a list).
        lines += [f"## {' '.join(valid_text(exchange.question).split())}", ""]
        if exchange.filters:
            lines += [
                "Filters: " + ", ".join(f"{k} = {v}" for k, v in exchange.filters.items()),
                "",
            ]
        if exchange.answer is None:
            lines += [f"> {exchange.error or 'no answer'}", ""]
            continue
        lines += [exchange.answer.text, ""]
        for number, citation in enumerate(exchange.answer.citations, start=1):
            quote = citation.readable_quote().replace("\n", " ")
            lines.append(
                f"{number}. **{citation.doc_title or citation.source}**"
                f"{f' ({citation.jurisdiction})' if citation.jurisdiction else ''}, "
                f'{citation.section}, `{citation.source}`: "{quote}"'
            )
        lines.append("")
    return "\n".join(lines)
