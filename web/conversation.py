"""One chat session: its questions and answers, follow-up history, the chat it shows, the
Markdown export, and the JSON the browser keeps it in."""

from __future__ import annotations

import logging
import re
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import AssistantError
from assistant.query import analyse
from assistant.retrieve import RetrievalFilter
from assistant.service import valid_text
from assistant.types import Answer, Citation, Turn
from index.errors import IndexError_
from web.language import ENGLISH_ONLY, reads_as_english
from web.questions_back import narrowed
from web.render import answer_html, notice_html, partial_html

if TYPE_CHECKING:
    from assistant.service import Assistant

log = logging.getLogger(__name__)

# Words that point back at an earlier question ("and the next level up?", "what is its code?").
_LEANING_WORDS = frozenset("it its it's that those these them they their same".split())
NOTHING_TO_FOLLOW = (
    "There is no earlier question in this conversation to follow up on. Which class do you "
    "mean? Please ask again with its title or code, for example: “{example}”"
)


class NothingToExport(AssistantError):
    """An export of a conversation that has no questions yet."""


@dataclass
class Exchange:
    """One question of a conversation and what came back (an answer or a readable message)."""

    question: str
    answer: Answer | None = None
    error: str | None = None
    filters: dict[str, str] = field(default_factory=dict)
    total_ms: float = 0.0
    first_words_ms: float = 0.0
    choices: tuple[str, ...] = ()  # the classes a question back offers, as titles

    def to_json(self) -> dict[str, Any]:
        answer = self.answer
        return {
            "question": self.question,
            "error": self.error,
            "filters": self.filters,
            "total_ms": round(self.total_ms, 1),
            "first_words_ms": round(self.first_words_ms, 1),
            "choices": list(self.choices),
            "answer": None
            if answer is None
            else {
                "text": answer.text,
                "abstained": answer.abstained,
                "classes": list(answer.classes),
                "standalone_question": answer.standalone_question,
                "citations": [c.to_json() | {"chunk_id": c.chunk_id} for c in answer.citations],
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Exchange:
        saved = data.get("answer")
        answer = None
        if isinstance(saved, dict):
            answer = Answer(
                text=str(saved["text"]),
                citations=tuple(Citation(**c) for c in saved.get("citations", [])),
                abstained=bool(saved.get("abstained")),
                standalone_question=str(saved.get("standalone_question", "")),
                classes=tuple(saved.get("classes", [])),
            )
        return cls(
            question=str(data["question"]),
            answer=answer,
            error=data.get("error"),
            filters={str(k): str(v) for k, v in dict(data.get("filters") or {}).items()},
            total_ms=float(data.get("total_ms") or 0),
            first_words_ms=float(data.get("first_words_ms") or 0),
            choices=tuple(data.get("choices") or ()),
        )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Conversation:
    exchanges: list[Exchange] = field(default_factory=list)
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    started: str = field(default_factory=_now)

    @property
    def title(self) -> str:
        """What the list of past conversations calls it: its first question, shortened."""
        if not self.exchanges:
            return "New conversation"
        first = " ".join(self.exchanges[0].question.split())
        return first if len(first) <= 60 else first[:57].rstrip() + "…"

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

    def choice(self, key: str) -> str | None:
        """The class a choice link "#ask-<exchange>-<number>" of a question back offers."""
        match = re.fullmatch(r"(\d+)-(\d+)", key.strip())
        if not match or int(match[1]) >= len(self.exchanges):
            return None
        choices = self.exchanges[int(match[1])].choices
        number = int(match[2])
        return choices[number - 1] if 1 <= number <= len(choices) else None

    def messages(self) -> list[dict[str, str]]:
        """The chat as the page shows it: every question, then its answer or message."""
        shown: list[dict[str, str]] = []
        for index, exchange in enumerate(self.exchanges):
            shown.append({"role": "user", "content": exchange.question})
            shown.append({"role": "assistant", "content": exchange_html(index, exchange)})
        return shown

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
            answering = assistant()
            exchange.error = _page_reply(answering, question, bool(history))
            if exchange.error is None:
                narrow = RetrievalFilter(jurisdiction or None, source or None) if filters else None
                # A long chat sends its latest turns: the limits are for requests, not for people.
                recent = answering.recent_history(history)
                for text, answer in answering.stream(question, recent, narrow):
                    exchange.answer = answer  # every piece of the text comes with the whole answer
                    if not exchange.first_words_ms:
                        exchange.first_words_ms = (time.perf_counter() - started) * 1000
                    yield partial_html(text)
                exchange.total_ms = (time.perf_counter() - started) * 1000
                if exchange.answer is not None:
                    exchange.answer, exchange.choices = narrowed(
                        exchange.answer, answering.catalog, jurisdiction, source
                    )
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
        yield exchange_html(len(self.exchanges) - 1, exchange)

    def exchange_of_message(self, index: int) -> Exchange | None:
        """The exchange a chat message belongs to (each adds a question and an answer)."""
        return self.exchanges[index // 2] if 0 <= index // 2 < len(self.exchanges) else None

    def write_markdown(self, status_line: str = "") -> Path:
        """The conversation as a Markdown file in a fresh temporary folder; NothingToExport
        while it has no questions."""
        if not self.exchanges:
            raise NothingToExport("There is nothing to export yet: ask a question first.")
        path = Path(tempfile.mkdtemp(prefix="conversation-")) / "conversation.md"
        path.write_text(conversation_markdown(self, status_line), encoding="utf-8")
        return path

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "started": self.started,
            "title": self.title,
            "exchanges": [e.to_json() for e in self.exchanges],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Conversation:
        return cls(
            exchanges=[Exchange.from_json(e) for e in data.get("exchanges", [])],
            id=str(data.get("id") or uuid.uuid4().hex),
            started=str(data.get("started") or _now()),
        )


def exchange_html(index: int, exchange: Exchange) -> str:
    if exchange.answer is None:
        return notice_html(exchange.error or "No answer.")
    return answer_html(index, exchange.answer, exchange.choices)


def _example_title(assistant: Assistant) -> str:
    """A class of the index to word an example question with."""
    named = (r.title for r in assistant.catalog if not r.names_only_its_grade)
    return next(named, "<class title>")


def _page_reply(assistant: Assistant, question: str, has_history: bool) -> str | None:
    """What the page says itself instead of asking the assistant: a question in another
    language, or a follow-up with no earlier question to follow."""
    assistant.validate(question)  # a question over the limit is refused before it is read
    if not reads_as_english(question):
        return ENGLISH_ONLY.format(example=_example_title(assistant))
    if has_history:
        return None
    analysis = analyse(question, assistant.class_index)
    words = re.findall(r"[\w']+", question.lower())
    leans = bool(analysis.relative_level) or (words[:1] in (["and"], ["also"]))
    if not analysis.names_a_class and (leans or _LEANING_WORDS & set(words)):
        return NOTHING_TO_FOLLOW.format(example=f"What grade is {_example_title(assistant)}?")
    return None


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
