"""The retrieval chain as runnables: condense a follow-up, retrieve, compose, numeric guard."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableConfig, RunnableLambda

from assistant.answer import ExtractiveComposer
from assistant.asked_fields import with_fields_asked
from assistant.asked_parts import with_parts_asked
from assistant.class_answers import section_kinds
from assistant.class_index import ClassIndex
from assistant.comparisons import completed
from assistant.deadline_lacking import with_deadline_said
from assistant.drafts import Draft
from assistant.empty_headings import without_empty_headings
from assistant.followup import resolve
from assistant.guard import unsupported_numbers
from assistant.query import QueryAnalysis
from assistant.reporting_lines import with_post_above
from assistant.retrieve import REQUEST_FIELDS, RetrievalFilter, from_document, per_request
from assistant.row_keys import row_keys
from assistant.types import Turn
from assistant.typos import respelt_keywords
from index.store import ScoredChunk
from index.vocab import intents

log = logging.getLogger(__name__)

# Words added to the retrieval query so the sections that answer an intent rank high.
# At most so many table rows of the grade a question names lead its passages.
_KEYED_ROWS = 8
# A place with at most this many documents has its passages read for a question that names it.
_PLACE_READ = 3
_SECTION_WORDS = {i.name: i.retrieval for i in intents().values() if i.retrieval}


@dataclass(frozen=True)
class ChainInput:
    question: str
    history: Sequence[Turn] = ()
    filter: RetrievalFilter | None = None


@dataclass(frozen=True)
class ChainResult:
    draft: Draft
    analysis: QueryAnalysis
    retrieved: Sequence[ScoredChunk]


# An optional second writer (an LLM) that rewrites the grounded draft; see assistant/llm.py.
Rewriter = Callable[[ChainInput, QueryAnalysis, Sequence[ScoredChunk], Draft], Draft]


def build_chain(
    index: ClassIndex,
    retriever: BaseRetriever,
    composer: ExtractiveComposer,
    rewriter: Rewriter | None = None,
) -> Runnable[ChainInput, ChainResult]:
    """ChainInput -> ChainResult. Each step is a small function; this wires them together.

    Any LangChain retriever over this index can stand in for the hybrid one: it is invoked
    with the request's filter and focus passages as configurable fields (kept by a retriever
    that has them), and what it returns is filtered again here.
    """
    titles = tuple(r.title for r in index.records)
    library = composer.library
    searcher = per_request(retriever)

    def condense(request: ChainInput) -> dict[str, Any]:
        analysis = composer.name_documents(resolve(request.question, request.history, index))
        # "fetakgomo tubatse trafic warden": a slip read as the word the passages hold.
        keywords = respelt_keywords(analysis.keywords, composer.rarity.frequency)
        analysis = replace(analysis, keywords=keywords)
        if request.filter and request.filter.jurisdiction:
            kept = [r for r in analysis.classes if r.jurisdiction == request.filter.jurisdiction]
            analysis = analysis.with_classes(kept)
        return {"request": request, "analysis": analysis}

    def retrieve(state: dict[str, Any], config: RunnableConfig) -> dict[str, Any]:
        analysis, request = state["analysis"], state["request"]
        focus = tuple(library.focus(analysis.classes, section_kinds(analysis.intents)))
        if not focus and analysis.naming:
            # No class named, a document named ("at FERC"): its passages on the question's words.
            named = analysis.naming.most_named()
            focus = tuple(composer.names.passages_about(named, analysis.keywords))
        if not focus and not analysis.classes and analysis.jurisdictions:
            # No class named, a place named ("corvallis 911 telecommunicator top step pay"):
            # the passages of that place's few documents on the question's words.
            placed = composer.names.of_places(analysis.jurisdictions)
            if len(placed) <= _PLACE_READ:
                focus = tuple(composer.names.passages_about(placed, analysis.keywords))
        if not analysis.classes:
            # "SCP 12", "grade H4": the rows of the grade asked, in the documents named if any.
            named = analysis.naming.named if analysis.naming else {}
            rows = library.keyed_rows(row_keys(analysis.question), named, _KEYED_ROWS)
            focus = (*rows, *focus)
        request_fields = {
            REQUEST_FIELDS["filter"]: request.filter,
            REQUEST_FIELDS["focus"]: focus,
        }
        configurable = {**config.get("configurable", {}), **request_fields}
        documents = searcher.invoke(
            retrieval_query(analysis), {**config, "configurable": configurable}
        )
        found = [from_document(d, library) for d in documents]
        if request.filter:
            found = [s for s in found if request.filter.matches(s.chunk)]
        return {**state, "retrieved": found}

    def compose(state: dict[str, Any]) -> ChainResult:
        analysis, retrieved = state["analysis"], state["retrieved"]
        composed = composer.compose(analysis, retrieved)
        draft = guard(composed, analysis.question, titles, allow_question_numbers=True)
        if draft is not composed and (read := composer.read_passages(analysis, retrieved)):
            draft = guard(read, analysis.question, titles, allow_question_numbers=True)
        # "Eligibility/Other Requirements:" ending the document answers nothing.
        draft = without_empty_headings(draft, library)
        # "pay type, contract work year and who do they report to?": each field's line.
        draft = with_fields_asked(analysis.question, draft, library)
        # "what was the vote on the line item, and who is the interim administrator?"
        draft = with_parts_asked(analysis, draft, library, composer.rarity)
        # "who does the harbour master report to?": the sentence naming the post above.
        draft = with_post_above(analysis.question, draft, library)
        # "the application deadline": lines that say no date do not give it.
        draft = with_deadline_said(analysis.question, draft, library)
        draft = composer.with_nearest_passage(analysis, retrieved, draft)
        if rewriter is not None:
            draft = rewriter(state["request"], analysis, retrieved, draft)
        return ChainResult(draft, analysis, retrieved)

    answer = RunnableLambda(condense) | RunnableLambda(retrieve) | RunnableLambda(compose)

    def weigh(request: ChainInput, config: RunnableConfig) -> ChainResult:
        """The answer; for a question that weighs two subjects, with the one it leaves out
        asked on its own (see assistant/comparisons.py)."""
        result = answer.invoke(request, config)

        def alone(question: str) -> Draft:
            return answer.invoke(ChainInput(question, (), request.filter), config).draft

        draft = completed(result.analysis.question, result.draft, alone)
        return result if draft is result.draft else replace(result, draft=draft)

    return RunnableLambda(weigh).with_config(run_name="classification_answer")


def retrieval_query(analysis: QueryAnalysis) -> str:
    """The standalone question, plus the full titles and section names it implies."""
    extra = [r.title for r in analysis.classes]
    extra += [_SECTION_WORDS[i] for i in analysis.intents if i in _SECTION_WORDS]
    return " ".join([analysis.question, *dict.fromkeys(extra)])


def guard(
    draft: Draft, question: str, titles: Sequence[str] = (), *, allow_question_numbers: bool
) -> Draft:
    """Replace an answer holding a number that its citations do not contain by an abstention."""
    invented = unsupported_numbers(
        draft.text,
        # A cited passage's heading and the place it names are part of what it shows the
        # reader ("the circular names no country - its Public Service Act, Cap. 29, ...").
        (f"{c.doc_title}\n{c.jurisdiction or ''}\n{c.section}\n{c.quote}" for c in draft.citations),
        question if allow_question_numbers else "",
        titles,
    )
    if not invented:
        return draft
    log.warning("numeric guard replaced an answer: %s not in the cited text", ", ".join(invented))
    return replace(
        draft,
        abstained=True,
        unsure=True,
        citations=(),
        text=(
            "The sources do not give a figure I can verify for this question, so I will not state "
            "one. Please check the standard itself."
        ),
    )
