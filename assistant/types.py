"""What flows through the assistant: chat turns, citations, answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from index.types import Chunk


@dataclass(frozen=True)
class Turn:
    """One exchange of a conversation."""

    user: str
    assistant: str = ""


@dataclass(frozen=True)
class Citation:
    """Where a claim comes from: the document, its section and the exact quoted text."""

    source: str  # path relative to the sources folder
    section: str
    quote: str
    doc_title: str = ""
    jurisdiction: str | None = None
    chunk_id: str | None = None

    def readable_quote(self) -> str:
        """The quote with table cells (tab-separated) shown as "a | b | c"."""
        return "\n".join(
            " | ".join(cell.strip() for cell in line.split("\t") if cell.strip())
            for line in self.quote.splitlines()
        )

    def place(self) -> list[str]:
        """Where the citation points, as stated parts: document, jurisdiction, section."""
        parts = (self.doc_title or self.source, self.jurisdiction, self.section)
        return [p for p in parts if p]

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "section": self.section,
            "quote": self.quote,
            "doc_title": self.doc_title,
            "jurisdiction": self.jurisdiction,
        }


@dataclass(frozen=True)
class Answer:
    """An answer in prose with numbered citation markers ([1], [2]) into `citations`."""

    text: str
    citations: tuple[Citation, ...] = ()
    abstained: bool = False  # the sources do not hold what was asked (partial truth may follow)
    standalone_question: str = ""  # the question after follow-up resolution
    retrieved: tuple[Chunk, ...] = field(default=(), repr=False)  # ranked passages, for evals
    classes: tuple[str, ...] = ()  # titles of the classes the answer is about
    latency_ms: float = 0.0

    def plain_text(self, *, source_first: bool = False) -> str:
        """The answer, then each numbered citation and its quote: for a terminal or a clipboard.

        source_first names the file first (a terminal user opens it); otherwise the document,
        jurisdiction and section come first (a reader checks the standard).
        """
        lines = [self.text, ""]
        for number, citation in enumerate(self.citations, start=1):
            if source_first:
                where = f"{citation.source} - {citation.section}"
            else:
                where = f"{' - '.join(citation.place())} ({citation.source})"
            lines += [f"[{number}] {where}", f'    "{citation.readable_quote()}"']
        return "\n".join(lines).rstrip() + "\n"

    def to_json(self, case_id: str | None = None) -> dict[str, Any]:
        """The stable object of `ask --json` / `ask --jsonl` and the HTTP API."""
        payload: dict[str, Any] = {} if case_id is None else {"id": case_id}
        payload.update(
            {
                "answer": self.text,
                "abstained": self.abstained,
                "citations": [c.to_json() for c in self.citations],
                "latency_ms": round(self.latency_ms, 2),
                "standalone_question": self.standalone_question,
                "classes": list(self.classes),
                "retrieved": [
                    {"source": c.source, "section": c.section, "chunk_id": c.chunk_id}
                    for c in self.retrieved
                ],
            }
        )
        return payload
