"""Numbered citations: one number per distinct quoted passage of one answer."""

from __future__ import annotations

from conftest import Seeds

from assistant.citations import CitationBook
from assistant.types import Citation


def test_the_same_quote_of_the_same_source_keeps_its_number() -> None:
    book = CitationBook()
    first = Citation("a.txt", "S", "quote one")
    assert book.cite(first) == "[1]"
    assert book.cite(Citation("a.txt", "Other section", "quote one")) == "[1]"
    assert book.cite(Citation("b.txt", "S", "quote one")) == "[2]"
    assert book.cite(Citation("a.txt", "S", "quote two")) == "[3]"
    assert book.cite(first) == "[1]"
    assert [c.source for c in book.citations] == ["a.txt", "b.txt", "a.txt"]


def test_a_chunk_is_cited_whole_or_by_a_quote(seeds: Seeds) -> None:
    chunk = seeds.library.chunks[2]
    book = CitationBook()
    assert book.cite_chunk(chunk) == "[1]"
    assert book.cite_chunk(chunk, chunk.text[:20]) == "[2]"
    whole, part = book.citations
    assert whole == Citation(
        chunk.source, chunk.section, chunk.text, chunk.doc_title, chunk.jurisdiction, chunk.chunk_id
    )
    assert part.quote == chunk.text[:20] and part.chunk_id == chunk.chunk_id


def test_evidence_is_cited_with_its_record_and_chunk(seeds: Seeds) -> None:
    record = seeds.record("Certified Peer Support Specialist II")
    evidence = record.evidence_for("salary")
    assert evidence is not None
    chunk = seeds.library.containing(record.source, evidence.quote)
    book = CitationBook()
    assert book.cite_evidence(record, evidence, chunk) == "[1]"
    assert book.cite_evidence(record, evidence) == "[1]"
    cited = book.citations[0]
    assert (cited.source, cited.section, cited.quote) == (
        record.source,
        evidence.section,
        evidence.quote,
    )
    assert (cited.doc_title, cited.jurisdiction) == (record.doc_title, "Texas")
    assert chunk is not None and cited.chunk_id == chunk.chunk_id
    other = CitationBook()
    other.cite_evidence(record, evidence)
    assert other.citations[0].chunk_id is None
