"""Numbered citations for one answer: each distinct quoted passage gets one number."""

from __future__ import annotations

from assistant.types import Citation
from index.types import Chunk, ClassRecord, Evidence


class CitationBook:
    """Collects the citations of one answer and hands out their [n] markers."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []

    def cite(self, citation: Citation) -> str:
        for number, existing in enumerate(self.citations, start=1):
            if (existing.source, existing.quote) == (citation.source, citation.quote):
                return f"[{number}]"
        self.citations.append(citation)
        return f"[{len(self.citations)}]"

    def cite_chunk(self, chunk: Chunk, quote: str | None = None) -> str:
        return self.cite(
            Citation(
                source=chunk.source,
                section=chunk.section,
                quote=quote or chunk.text,
                doc_title=chunk.doc_title,
                jurisdiction=chunk.jurisdiction,
                chunk_id=chunk.chunk_id,
            )
        )

    def cite_evidence(
        self, record: ClassRecord, evidence: Evidence, chunk: Chunk | None = None
    ) -> str:
        return self.cite(
            Citation(
                source=record.source,
                section=evidence.section,
                quote=evidence.quote,
                doc_title=record.doc_title,
                jurisdiction=record.jurisdiction,
                chunk_id=chunk.chunk_id if chunk else None,
            )
        )
