"""What the web UI shows, as HTML, Markdown, text and table rows (app.py wires it to Gradio)."""

from __future__ import annotations

import html
import json
import logging
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import AssistantError
from assistant.retrieve import RetrievalFilter
from assistant.types import Answer, Citation, Turn
from index.errors import IndexError_
from index.types import Chunk, ClassRecord

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.server import DocumentStatus, ServerState
    from assistant.service import Assistant
    from evals.results import RunResult

log = logging.getLogger(__name__)

EXAMPLE_QUESTIONS = (
    "What is the salary range of a CPSS II?",
    "What are the requirements for CPS 2?",
    "What grade is CPS 1?",
    "What are the duties of a CPSS II?",
)
CATALOG_HEADERS = (
    "Jurisdiction",
    "Title",
    "Code",
    "Level",
    "Grade / group",
    "Salary min ($)",
    "Salary max ($)",
    "Source",
)
DOCUMENT_HEADERS = ("Document", "Title", "Jurisdiction", "Status", "Passages", "Last indexed")
FAILED_HEADERS = ("Case", "Kind", "Question", "Expected", "Missing", "Answer")
VIEWER_EMPTY = (
    '<div class="viewer-empty">Select a citation number such as <b>[1]</b> in an '
    "answer to read the cited passage in its source document.</div>"
)
CLASS_VIEWER_EMPTY = (
    '<div class="viewer-empty">Select a class in the table to read its standard here.</div>'
)
_MARKER = re.compile(r"\[(\d+)\]")


@dataclass
class Exchange:
    """One question of a conversation and what came back (an answer or a readable error)."""

    question: str
    answer: Answer | None = None
    error: str | None = None
    filters: dict[str, str] = field(default_factory=dict)
    first_token_ms: float = 0.0
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
        exchange, history = Exchange(question, filters=filters), self.turns()
        self.exchanges.append(exchange)
        yield partial_html("")
        started = time.perf_counter()
        try:
            narrow = RetrievalFilter(jurisdiction or None, source or None) if filters else None
            for text, answer in assistant().stream(question, history, narrow):
                elapsed = (time.perf_counter() - started) * 1000
                exchange.first_token_ms = exchange.first_token_ms or elapsed
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
        log.info(
            "answered in %.0f ms, first words after %.0f ms",
            exchange.total_ms,
            exchange.first_token_ms,
        )
        yield answer_html(
            len(self.exchanges) - 1, exchange.answer, exchange.first_token_ms, exchange.total_ms
        )

    def exchange_of_message(self, index: int) -> Exchange | None:
        """The exchange a chat message belongs to (each adds a question and an answer)."""
        return self.exchanges[index // 2] if 0 <= index // 2 < len(self.exchanges) else None

    def write_markdown(self, status_line: str = "") -> Path:
        """The conversation as a Markdown file in a fresh temporary folder."""
        path = Path(tempfile.mkdtemp(prefix="conversation-")) / "conversation.md"
        path.write_text(conversation_markdown(self, status_line), encoding="utf-8")
        return path


def readable_quote(quote: str) -> str:
    """A quote with table cells (tab-separated) shown as "a | b | c"."""
    return "\n".join(
        " | ".join(cell.strip() for cell in line.split("\t") if cell.strip())
        for line in quote.splitlines()
    )


def _text_html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _with_links(text: str, exchange: int, count: int) -> str:
    """Escaped answer text whose [n] markers link to citation n of this exchange."""

    def link(match: re.Match[str]) -> str:
        number = int(match[1])
        if not 1 <= number <= count:
            return match[0]
        return (
            f'<a href="#cite-{exchange}-{number}" class="cite-ref" '
            f'title="Show source {number}">[{number}]</a>'
        )

    return _MARKER.sub(link, _text_html(text))


def answer_html(
    exchange: int, answer: Answer, first_token_ms: float = 0.0, total_ms: float = 0.0
) -> str:
    """The answer, its numbered citations (each expands to its quote) and how long it took.

    One HTML block without blank lines, so the chat's Markdown renderer leaves it alone.
    """
    parts = [
        f'<div class="answer{" abstained" if answer.abstained else ""}">'
        f"{_with_links(answer.text, exchange, len(answer.citations))}</div>"
    ]
    if answer.citations:
        parts.append('<div class="citations"><div class="citations-title">Sources</div>')
        for number, citation in enumerate(answer.citations, start=1):
            where = " · ".join(
                html.escape(p)
                for p in (
                    citation.doc_title or citation.source,
                    citation.jurisdiction or "",
                    citation.section,
                )
                if p
            )
            parts.append(
                f'<details class="cite"><summary><a href="#cite-{exchange}-{number}" '
                f'class="cite-link" title="Show in the source viewer">[{number}]</a> '
                f'<span class="cite-where">{where}</span></summary>'
                f'<blockquote class="cite-quote">{_text_html(readable_quote(citation.quote))}'
                "</blockquote></details>"
            )
        parts.append("</div>")
    if total_ms:
        parts.append(
            f'<div class="answer-meta">First words after {first_token_ms:.0f} ms; '
            f"complete after {total_ms:.0f} ms.</div>"
        )
    return "".join(parts)


def partial_html(text: str) -> str:
    return f'<div class="answer streaming">{_text_html(text)}</div>'


def notice_html(message: str) -> str:
    return f'<div class="notice" role="alert">{_text_html(message)}</div>'


def answer_text(question: str, answer: Answer) -> str:
    """The answer with its citations as plain text, for the clipboard."""
    lines = [f"Q: {question}", "", answer.text, ""]
    for number, citation in enumerate(answer.citations, start=1):
        where = " - ".join(
            p
            for p in (
                citation.doc_title or citation.source,
                citation.jurisdiction,
                citation.section,
            )
            if p
        )
        lines += [
            f"[{number}] {where} ({citation.source})",
            f'    "{readable_quote(citation.quote)}"',
        ]
    return "\n".join(lines).rstrip() + "\n"


def conversation_markdown(conversation: Conversation, status_line: str = "") -> str:
    lines = ["# Conversation with the classification assistant", ""]
    if status_line:
        lines += [f"_{status_line}_", ""]
    for exchange in conversation.exchanges:
        lines += [f"## {exchange.question}", ""]
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
            quote = readable_quote(citation.quote).replace("\n", " ")
            lines.append(
                f"{number}. **{citation.doc_title or citation.source}**"
                f"{f' ({citation.jurisdiction})' if citation.jurisdiction else ''}, "
                f'{citation.section}, `{citation.source}`: "{quote}"'
            )
        lines.append("")
    return "\n".join(lines)


# --- the source viewer ------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentInfo:
    source: str
    title: str
    jurisdiction: str = ""
    date: str = ""
    publisher: str = ""


def document_info(
    source: str, catalog: Iterable[ClassRecord], chunks: Iterable[Chunk]
) -> DocumentInfo:
    """Title, jurisdiction, date and publisher of a document, from its catalog entries."""
    record = next((r for r in catalog if r.source == source), None)
    chunk = next((c for c in chunks if c.source == source), None)
    return DocumentInfo(
        source=source,
        title=(record.doc_title if record else "") or (chunk.doc_title if chunk else source),
        jurisdiction=(record.jurisdiction if record else None)
        or (chunk.jurisdiction if chunk else None)
        or "",
        date=(record.date if record else None) or "",
        publisher=(record.publisher if record else None) or "",
    )


def _document_header(info: DocumentInfo) -> str:
    facts = [
        ("Jurisdiction", info.jurisdiction or "not stated"),
        ("Date", info.date or "not stated"),
    ]
    if info.publisher:
        facts.append(("Publisher", info.publisher))
    rows = "".join(f"<dt>{k}</dt><dd>{html.escape(v)}</dd>" for k, v in facts)
    return (
        f'<div class="doc-title">{html.escape(info.title)}</div><dl class="doc-facts">{rows}'
        f'<dt>File</dt><dd><a href="/api/sources/{html.escape(info.source)}" '
        f'target="_blank" rel="noopener">{html.escape(info.source)}</a></dd></dl>'
    )


def _marked(text: str, quote: str) -> str:
    """Escaped text with the quoted span (if it occurs) wrapped in <mark>."""
    if quote and quote in text:
        before, _, after = text.partition(quote)
        return f"{html.escape(before)}<mark>{html.escape(quote)}</mark>{html.escape(after)}"
    if quote and text.strip() and text.strip() in quote:
        return f"<mark>{html.escape(text)}</mark>"
    return html.escape(text)


def _passages_html(chunks: Sequence[Chunk], quote: str) -> str:
    """Passages in document order; rows of a table under one header become one table."""
    parts: list[str] = []
    table_header: str | None = None
    for chunk in sorted(chunks, key=lambda c: c.position):
        if chunk.table_header and "\t" in chunk.text:
            if chunk.table_header != table_header:
                if table_header is not None:
                    parts.append("</tbody></table>")
                cells = "".join(
                    f"<th>{html.escape(c.strip())}</th>" for c in chunk.table_header.split("\t")
                )
                parts.append(f'<table class="viewer-table"><thead><tr>{cells}</tr></thead><tbody>')
                table_header = chunk.table_header
            hit = bool(quote) and (quote in chunk.text or chunk.text.strip() in quote)
            cells = "".join(f"<td>{html.escape(c.strip())}</td>" for c in chunk.text.split("\t"))
            parts.append(f'<tr class="{"hit" if hit else ""}">{cells}</tr>')
            continue
        if table_header is not None:
            parts.append("</tbody></table>")
            table_header = None
        parts.append(f'<p class="passage">{_marked(chunk.text, quote)}</p>')
    if table_header is not None:
        parts.append("</tbody></table>")
    return "".join(parts)


def section_chunks(chunks: Iterable[Chunk], citation: Citation) -> list[Chunk]:
    """The passages of the cited section (the passage holding the quote, failing that)."""
    chunks = list(chunks)
    found = [c for c in chunks if c.source == citation.source and c.section == citation.section]
    if not found:
        found = [
            c
            for c in chunks
            if c.source == citation.source
            and (c.chunk_id == citation.chunk_id or citation.quote in c.text)
        ][:1]
    return found


def citation_page(assistant: Assistant, conversation: Conversation, key: str) -> str:
    """The viewer for the citation a link "#cite-<exchange>-<number>" points at."""
    citation = conversation.citation(key)
    if citation is None:
        return VIEWER_EMPTY
    chunks = assistant.library.chunks
    return citation_view(
        citation,
        section_chunks(chunks, citation),
        document_info(citation.source, assistant.catalog, chunks),
    )


def class_page(assistant: Assistant, row: Sequence[Any]) -> str:
    """The viewer for a row of the catalog table."""
    key = catalog_key(row)
    record = next((r for r in assistant.catalog if catalog_key(catalog_row(r)) == key), None)
    if record is None:
        return CLASS_VIEWER_EMPTY
    chunks = assistant.library.chunks
    described = [c for c in chunks if c.source == record.source and record.title in c.classes]
    return class_view(record, described, document_info(record.source, assistant.catalog, chunks))


def citation_view(citation: Citation, section_chunks: Sequence[Chunk], info: DocumentInfo) -> str:
    """The cited section of its document, the quoted span highlighted."""
    body = _passages_html(section_chunks, citation.quote)
    if "<mark>" not in body and 'class="hit"' not in body:
        # The quote was not found verbatim in the section's passages: show it on its own.
        body = f'<p class="passage"><mark>{html.escape(citation.quote)}</mark></p>' + body
    return (
        f'<div class="viewer">{_document_header(info)}'
        f'<div class="viewer-section">{html.escape(citation.section)}</div>{body}</div>'
    )


def class_view(record: ClassRecord, chunks: Sequence[Chunk], info: DocumentInfo) -> str:
    """A class of the catalog: its facts with their quotes, then its sections."""
    facts = [
        ("Code", record.code),
        (record.pay_label or "Grade", record.pay_grade),
        ("Salary", record.salary_text),
        ("Level", record.level_label),
    ]
    rows = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in facts if v)
    fields: dict[str, list[str]] = {}  # one line often states the title, code and grade
    for evidence in record.evidence:
        fields.setdefault(evidence.quote, []).append(evidence.field.replace("_", " "))
    quotes = "".join(
        f'<li><span class="fact">{html.escape(", ".join(names))}:</span> '
        f"{html.escape(readable_quote(quote))}</li>"
        for quote, names in fields.items()
    )
    sections: dict[str, list[Chunk]] = {}
    for chunk in sorted(chunks, key=lambda c: c.position):
        sections.setdefault(chunk.section, []).append(chunk)
    body = "".join(
        f'<div class="viewer-section">{html.escape(name)}</div>{_passages_html(group, "")}'
        for name, group in sections.items()
    )
    return (
        f'<div class="viewer"><div class="class-title">{html.escape(record.title)}</div>'
        f'<dl class="doc-facts">{rows}</dl>'
        + (f'<ul class="evidence">{quotes}</ul>' if quotes else "")
        + '<div class="viewer-caption">Source document</div>'
        + _document_header(info)
        + body
        + "</div>"
    )


# --- tables -----------------------------------------------------------------------------------


def salary_number(text: str | None) -> float | None:
    """ "$30,840" -> 30840.0, so that the catalog sorts salaries as numbers."""
    if not text:
        return None
    digits = re.sub(r"[^\d.]", "", text)
    try:
        return float(digits)
    except ValueError:
        return None


def catalog_row(record: ClassRecord) -> list[Any]:
    level = record.level_label or (str(record.level) if record.level is not None else "")
    return [
        record.jurisdiction or "",
        record.title,
        record.code or "",
        level,
        record.pay_text or "",
        salary_number(record.salary_min),
        salary_number(record.salary_max),
        f"[{record.source.rsplit('/', 1)[-1]}](/api/sources/{record.source})",
    ]


def catalog_key(row: Sequence[Any]) -> tuple[str, str, str]:
    """What identifies a catalog row: jurisdiction, title, code."""
    return (str(row[0] or ""), str(row[1] or ""), str(row[2] or ""))


def document_row(document: DocumentStatus) -> list[Any]:
    status = f"{document.status}: {document.detail}" if document.detail else document.status
    return [
        document.source,
        document.title,
        document.jurisdiction,
        status,
        document.chunks,
        document.indexed_at,
    ]


def failed_rows(run: RunResult) -> list[list[str]]:
    return [
        [
            r.case.id,
            r.case.kind,
            r.case.question,
            ", ".join(r.case.expected),
            r.answer.error or ", ".join(r.scores.facts_missing),
            r.answer.text,
        ]
        for r in run.results
        if not r.passed
    ]


def evaluation_markdown(
    run: RunResult, gate_failures: Sequence[str], warnings: Sequence[str] = ()
) -> tuple[str, str]:
    """The summary (with the gate's verdict) and the per-kind table of an evaluation run."""
    from evals.report import kind_table, summary_table

    summary = run.summary
    gate = (
        "**Gate: passed**" if not gate_failures else "**Gate: FAILED**: " + "; ".join(gate_failures)
    )
    head = [f"### `{run.dataset}`: {summary.passed} of {summary.cases} cases passed", "", gate, ""]
    head += [f"- warning: {w}" for w in warnings]
    return (
        "\n".join([*head, "", *summary_table(run)]),
        "\n".join(["### By kind", "", *kind_table(run)]),
    )


@dataclass(frozen=True)
class IndexOverview:
    """What every tab shows of the index, read once after it changes."""

    status: str
    jurisdictions: list[tuple[str, str]]
    documents: list[tuple[str, str]]
    catalog: list[list[Any]]
    sources: list[list[Any]]
    deletable: list[str]


def index_overview(state: ServerState) -> IndexOverview:
    try:
        assistant = state.assistant()
        chunks, catalog = assistant.library.chunks, assistant.catalog
    except IndexError_:
        chunks, catalog = [], []
    titles = {c.source: c.doc_title for c in chunks}
    documents = state.documents()
    return IndexOverview(
        status=state.status_line(),
        jurisdictions=[
            ("All jurisdictions", ""),
            *((j, j) for j in sorted({c.jurisdiction or "" for c in chunks} - {""})),
        ],
        documents=[("All documents", ""), *((f"{titles[s]} ({s})", s) for s in sorted(titles))],
        catalog=[catalog_row(r) for r in catalog],
        sources=[document_row(d) for d in documents],
        deletable=[d.source for d in documents],
    )


def builtin_datasets(folder: Path) -> list[tuple[str, str]]:
    """The evaluation sets that ship with the project: (file name, path)."""
    found = sorted(p for p in folder.glob("*") if p.suffix in (".yaml", ".yml", ".jsonl"))
    return [(p.name, str(p)) for p in found]


def run_evaluation(
    assistant: Assistant, settings: Settings, path: Path
) -> tuple[str, str, list[list[str]], list[str]]:
    """Run a QA file through the evaluation harness: summary, per-kind table, failed cases
    and the written report files (JSON, Markdown). Raises DatasetError for a bad file."""
    from evals.config import Thresholds
    from evals.dataset import facts_missing_from_sources, load_dataset
    from evals.report import write_reports
    from evals.runner import AssistantSystem, Contender, describe_settings, run_systems

    dataset = load_dataset(path)
    thresholds = Thresholds()
    contender = Contender(AssistantSystem(assistant), 0.0, describe_settings(settings))
    run = run_systems([contender], dataset, thresholds.retrieval_k, progress=False)[0]
    failures = thresholds.failures(run.summary)
    folder = settings.data_dir / "evals" / f"{path.stem}-{datetime.now():%Y%m%d-%H%M%S}"
    written = write_reports(folder, run, None, failures)
    warnings = facts_missing_from_sources(dataset, settings.sources_dir)
    summary, kinds = evaluation_markdown(run, failures, warnings)
    return summary, kinds, failed_rows(run), [str(written["json"]), str(written["markdown"])]


# --- API docs ---------------------------------------------------------------------------------


def openapi_html(spec: dict[str, Any]) -> str:
    """A self-contained page documenting the API (the usual Swagger page loads from a CDN)."""
    info = spec.get("info", {})
    out = [
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(info.get('title', 'API'))}</title><style>{_DOCS_CSS}</style>"
        f"</head><body><main><h1>{html.escape(info.get('title', 'API'))} "
        f"<small>{html.escape(str(info.get('version', '')))}</small></h1>"
        f"<p>{html.escape(info.get('description', ''))}</p><p>Machine-readable: "
        "<a href='/openapi.json'>/openapi.json</a> (OpenAPI). The chat UI is at "
        "<a href='/'>/</a>.</p>"
    ]
    for path, methods in spec.get("paths", {}).items():
        for method, operation in methods.items():
            out.append(
                f"<section><h2><span class='method'>{method.upper()}</span> "
                f"<code>{html.escape(path)}</code></h2>"
                f"<p><b>{html.escape(operation.get('summary', ''))}</b></p>"
                f"<p class='pre'>{html.escape(operation.get('description', ''))}</p>"
            )
            for parameter in operation.get("parameters", []):
                out.append(
                    f"<p>Parameter <code>{html.escape(parameter['name'])}</code> "
                    f"({html.escape(parameter.get('in', ''))}"
                    f"{', required' if parameter.get('required') else ''})</p>"
                )
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body:
                out.append(
                    "<h3>Request body</h3><pre>"
                    f"{html.escape(json.dumps(body['schema'], indent=2))}</pre>"
                )
            out.append("<h3>Responses</h3><ul>")
            for code, response in operation.get("responses", {}).items():
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                shown = f" <code>{html.escape(json.dumps(schema))}</code>" if schema else ""
                out.append(
                    f"<li><b>{html.escape(str(code))}</b> "
                    f"{html.escape(response.get('description', ''))}{shown}</li>"
                )
            out.append("</ul></section>")
    schemas = spec.get("components", {}).get("schemas", {})
    if schemas:
        out.append("<section><h2>Schemas</h2>")
        for name, schema in schemas.items():
            out.append(
                f"<h3 id='{html.escape(name)}'>{html.escape(name)}</h3>"
                f"<pre>{html.escape(json.dumps(schema, indent=2))}</pre>"
            )
        out.append("</section>")
    out.append("</main></body></html>")
    return "".join(out)


_DOCS_CSS = (
    "body{font-family:system-ui,sans-serif;margin:0;background:#f8fafc;color:#0f172a}"
    "main{max-width:960px;margin:0 auto;padding:24px}section{background:#fff;"
    "border:1px solid #e2e8f0;border-radius:8px;padding:8px 20px;margin:16px 0}"
    "pre{background:#f1f5f9;padding:12px;border-radius:6px;overflow:auto}"
    ".method{background:#1d4ed8;color:#fff;border-radius:4px;padding:2px 8px;"
    "font-size:.8em}.pre{white-space:pre-wrap}small{color:#64748b;font-size:.5em}"
)


# --- page style and behaviour -----------------------------------------------------------------

UI_CSS = """
.gradio-container {max-width: 1400px !important; margin: 0 auto;}
#app-header h1 {font-size: 1.45rem; margin: 0;}
#app-header p {margin: 2px 0 0; color: var(--body-text-color-subdued);}
#status-line {font-size: .85rem; color: var(--body-text-color-subdued);}
#status-line p {margin: 0;}
.hidden-control {display: none !important;}
.answer {line-height: 1.55;}
.answer.abstained {border-left: 3px solid #d97706; padding-left: 8px;}
.answer.streaming::after {content: "▍"; opacity: .6;}
a.cite-ref, a.cite-link {font-weight: 600; text-decoration: none; color: var(--color-accent);}
a.cite-ref:hover, a.cite-link:hover, a.cite-ref:focus, a.cite-link:focus {
  text-decoration: underline;}
.citations {margin-top: 10px; border-top: 1px solid var(--border-color-primary);
  padding-top: 6px; font-size: .9em;}
.citations-title {font-weight: 600; font-size: .8em; text-transform: uppercase;
  letter-spacing: .04em; color: var(--body-text-color-subdued); margin-bottom: 2px;}
details.cite {margin: 2px 0;}
details.cite summary {cursor: pointer;}
.cite-where {color: var(--body-text-color);}
blockquote.cite-quote {margin: 4px 0 6px 18px; padding: 4px 10px;
  border-left: 3px solid var(--color-accent); background: var(--background-fill-secondary);
  font-size: .95em;}
.answer-meta {margin-top: 6px; font-size: .78em; color: var(--body-text-color-subdued);}
.notice {color: #b45309;}
#viewer .viewer {max-height: 600px; overflow-y: auto; padding-right: 6px;}
#viewer, #class-viewer {border: 1px solid
  var(--border-color-primary); border-radius: var(--radius-lg); padding: 14px 16px;
  background: var(--background-fill-primary);}
.viewer-empty {color: var(--body-text-color-subdued); padding: 24px 4px;}
.doc-title, .class-title {font-size: 1.1rem; font-weight: 600; margin-bottom: 4px;}
dl.doc-facts {display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px;
  margin: 6px 0 10px; font-size: .9em;}
dl.doc-facts dt {color: var(--body-text-color-subdued);}
dl.doc-facts dd {margin: 0;}
.viewer-section {font-weight: 600; margin: 14px 0 6px; padding-bottom: 2px;
  border-bottom: 1px solid var(--border-color-primary);}
p.passage {white-space: pre-wrap; margin: 6px 0; line-height: 1.5;}
mark {background: #fde68a; color: inherit; padding: 0 1px; border-radius: 2px;}
table.viewer-table {border-collapse: collapse; width: 100%; font-size: .88em; margin: 6px 0;}
table.viewer-table th, table.viewer-table td {border: 1px solid var(--border-color-primary);
  padding: 4px 6px; text-align: left;}
table.viewer-table tr.hit td {background: #fde68a;}
ul.evidence {font-size: .9em; padding-left: 18px;}
ul.evidence .fact {color: var(--body-text-color-subdued); font-size: .85em;}
footer {display: none !important;}
.data-table [role=gridcell], .data-table [role=columnheader], .data-table input {
  font-family: var(--font) !important;}
#class-viewer {margin-top: 12px;}
.viewer-caption {margin-top: 16px; font-size: .75em; text-transform: uppercase;
  letter-spacing: .04em; color: var(--body-text-color-subdued);}
.eval-table {overflow-x: auto;}
.eval-table table {font-size: .85em;}
.eval-table th {white-space: normal; word-break: normal; vertical-align: bottom;}
.eval-table td {white-space: nowrap; word-break: normal;}
.eval-table th, .eval-table td {border-color: var(--border-color-primary) !important;
  padding: 4px 10px !important;}
"""

# Citation links live inside chat messages, which Gradio sanitises (no inline handlers), so one
# listener on the document hands the clicked link's key to a hidden textbox and button.
UI_HEAD = """<script>
document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('a[href^="#cite-"]');
  if (!link) return;
  event.preventDefault();
  event.stopPropagation();
  const box = document.querySelector('#cite-key textarea, #cite-key input');
  const button = document.querySelector('#cite-open');
  if (!box || !button) return;
  box.value = link.getAttribute('href').slice(6);
  box.dispatchEvent(new Event('input', {bubbles: true}));
  setTimeout(() => button.click(), 0);
}, true);
// Gradio labels a chat message with its raw content, which for answers is HTML: screen readers
// get the text instead.
const readableLabels = () => document.querySelectorAll(
  '[data-testid=bot][aria-label*="<"]').forEach((message) => {
    message.setAttribute('aria-label', 'Answer: ' + message.innerText.trim().slice(0, 2000));
  });
new MutationObserver(readableLabels).observe(document.documentElement,
  {subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label']});
window.classificationCopy = async (text) => {
  try { await navigator.clipboard.writeText(text); return; } catch (error) {}
  const area = document.createElement('textarea');
  area.value = text; document.body.appendChild(area); area.select();
  document.execCommand('copy'); area.remove();
};
</script>"""
