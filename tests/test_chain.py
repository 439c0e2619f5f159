"""The chain: the numeric guard stands between any composer and the user, and any LangChain
retriever can stand in for the hybrid one, with the request's filter kept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from conftest import stated
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.answer import ExtractiveComposer
from assistant.chain import ChainInput, build_chain
from assistant.drafts import Draft
from assistant.query import QueryAnalysis
from assistant.retrieve import (
    REQUEST_FIELDS,
    ChunkLibrary,
    RetrievalFilter,
    as_document,
    from_document,
    per_request,
)
from assistant.service import Assistant
from index.store import ScoredChunk

SALARY = "What is the salary range for a Certified Peer Support Specialist II?"
TX = "texas/certified-peer-support-specialist-ii.txt"
NY = "new-york/certified-peer-specialist-series.txt"


def _altered(draft: Draft) -> Draft:
    return replace(draft, text=draft.text.replace("$46,798", "$46,789"))


class InventingComposer(ExtractiveComposer):
    """Writes the grounded answer, then changes one figure: what the guard is for."""

    def compose(self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk]) -> Draft:
        return _altered(super().compose(analysis, retrieved))


class InventingReader(InventingComposer):
    """Changes the figure in the reader's quoted lines too."""

    def read_passages(
        self, analysis: QueryAnalysis, retrieved: Sequence[ScoredChunk]
    ) -> Draft | None:
        read = super().read_passages(analysis, retrieved)
        return _altered(read) if read else None


def run(assistant: Assistant, composer: ExtractiveComposer, retriever: BaseRetriever | None = None):
    chain = build_chain(assistant.class_index, retriever or assistant.retriever, composer)
    return chain.invoke(ChainInput(SALARY))


def test_an_invented_figure_is_never_shown(fake_assistant: Assistant) -> None:
    honest = run(
        fake_assistant, ExtractiveComposer(fake_assistant.library, fake_assistant.class_index)
    )
    assert "$46,798" in honest.draft.text and not honest.draft.abstained

    # The composed answer is refused; the lines that state the figure are quoted instead.
    inventing = InventingComposer(fake_assistant.library, fake_assistant.class_index)
    result = run(fake_assistant, inventing)
    assert "46,789" not in result.draft.text and not result.draft.abstained
    assert "$46,798" in result.draft.text
    assert any("$46,798" in c.quote for c in result.draft.citations)

    # When the quoted lines are altered too, nothing is stated: at most the passage nearest
    # to the question is shown after the refusal, quoted whole as it is indexed.
    result = run(
        fake_assistant, InventingReader(fake_assistant.library, fake_assistant.class_index)
    )
    assert result.draft.abstained
    said = stated(result.draft)
    assert "46,789" not in result.draft.text and "$" not in said
    assert "will not state one" in said
    indexed = {c.text for c in fake_assistant.library.chunks}
    assert all(c.quote in indexed for c in result.draft.citations)


class EveryChunk(BaseRetriever):
    """A plain LangChain retriever with no filter or focus: every chunk, in document order."""

    library: ChunkLibrary

    model_config = ConfigDict(arbitrary_types_allowed=True)

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [as_document(ScoredChunk(c, 0.0)) for c in self.library.chunks]


def test_any_langchain_retriever_stands_in_and_the_filter_still_holds(
    fake_assistant: Assistant,
) -> None:
    composer = ExtractiveComposer(fake_assistant.library, fake_assistant.class_index)
    stand_in = EveryChunk(library=fake_assistant.library)
    assert per_request(stand_in) is stand_in  # nothing to configure
    chain = build_chain(fake_assistant.class_index, stand_in, composer)

    everything = chain.invoke(ChainInput(SALARY)).retrieved
    assert [s.chunk for s in everything] == fake_assistant.library.chunks
    assert "$30,840 - $46,798" in chain.invoke(ChainInput(SALARY)).draft.text

    new_york = chain.invoke(ChainInput(SALARY, filter=RetrievalFilter(jurisdiction="New York")))
    assert new_york.retrieved and {s.chunk.source for s in new_york.retrieved} == {NY}


def test_the_hybrid_retriever_takes_filter_and_focus_through_invoke(
    fake_assistant: Assistant,
) -> None:
    retriever = per_request(fake_assistant.retriever)
    query = "salary range"
    plain = retriever.invoke(query)
    assert len(plain) == fake_assistant.retriever.k
    assert {d.metadata["source"] for d in plain} == {TX, NY}

    only_ny = {REQUEST_FIELDS["filter"]: RetrievalFilter(source=NY)}
    documents = retriever.invoke(query, {"configurable": only_ny})
    assert documents and {d.metadata["source"] for d in documents} == {NY}

    last = fake_assistant.library.chunks[-1]
    focus = {REQUEST_FIELDS["focus"]: (last,)}
    assert retriever.invoke("zzz unrelated", {"configurable": focus})[0].id == last.chunk_id
    # the configured copy leaves the shared retriever as it was
    assert fake_assistant.retriever.filter is None and fake_assistant.retriever.focus == ()


def test_focus_passages_never_hide_the_searchs_own_best(fake_assistant: Assistant) -> None:
    """Passages of the classes the catalog matched lead, but the best passages the search
    itself finds stay: another standard may hold the answer the catalog does not know."""
    retriever = fake_assistant.retriever
    query = "What is the salary range for a Certified Peer Support Specialist II?"
    searched = retriever.search(query)
    focus = [c for c in fake_assistant.library.chunks if c.source == NY]
    focused = [s.chunk for s in retriever.search(query, focus=focus)]
    assert len(focused) == retriever.k
    best_elsewhere = [s.chunk for s in searched if s.chunk.source != NY][: retriever.open_k]
    assert best_elsewhere and all(c in focused for c in best_elsewhere)
    assert sum(c.source == NY for c in focused) >= retriever.k - retriever.open_k


def test_documents_convert_back_to_the_indexed_chunks(fake_assistant: Assistant) -> None:
    library = fake_assistant.library
    chunk = library.chunks[2]
    document = as_document(ScoredChunk(chunk, 0.25))
    assert document.page_content == chunk.text and document.id == chunk.chunk_id
    assert from_document(document, library) == ScoredChunk(chunk, 0.25)
    # a document of this index that the library has not loaded: read from its metadata
    unknown = Document(page_content=chunk.text, id="elsewhere#1", metadata=chunk.to_metadata())
    converted = from_document(unknown, ChunkLibrary([]))
    assert converted.chunk == replace(chunk, chunk_id="elsewhere#1") and converted.score == 0.0
