"""What the web UI shows of answers and sources, as HTML and text (app.py wires it to Gradio)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from assistant.types import Answer, Citation
from index.types import Chunk, ClassRecord
from web.tables import catalog_record, pay_period, source_url

if TYPE_CHECKING:
    from assistant.service import Assistant

# Shown until an index exists to draw examples from (assistant.examples does then).
EXAMPLE_QUESTIONS = (
    "What is the salary range of a CPSS II?",
    "What are the requirements for CPS 2?",
    "What grade is CPS 1?",
    "What are the duties of a CPSS II?",
)
VIEWER_EMPTY = (
    '<div class="viewer-empty">Select a citation number such as <b>[1]</b> in an '
    "answer to read the cited passage in its source document.</div>"
)
CLASS_VIEWER_EMPTY = (
    '<div class="viewer-empty">Select a class in the table to read its standard here.</div>'
)
_MARKER = re.compile(r"\[(\d+)\]")


def readable_quote(quote: str) -> str:
    """A quote with table cells (tab-separated) shown as "a | b | c"."""
    return Citation(source="", section="", quote=quote).readable_quote()


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


def answer_html(exchange: int, answer: Answer, choices: Sequence[str] = ()) -> str:
    """The answer (lists where its source lists), its numbered citations (each expands to its
    quote) and, for a question back, one button per class it offers.

    One HTML block without blank lines, so the chat's Markdown renderer leaves it alone.
    """
    parts = [
        f'<div class="answer{" abstained" if answer.abstained else ""}">'
        f"{_answer_body(answer, exchange)}</div>"
    ]
    if choices:
        parts.append('<div class="choices" role="group" aria-label="Ask about one class">')
        parts += [
            f'<a href="#ask-{exchange}-{number}" class="choice" role="button">'
            f"{html.escape(title)}</a>"
            for number, title in enumerate(choices, start=1)
        ]
        parts.append("</div>")
    if answer.citations:
        parts.append('<div class="citations"><div class="citations-title">Sources</div>')
        for number, citation in enumerate(answer.citations, start=1):
            where = " · ".join(html.escape(p) for p in _place(citation))
            # The link sits beside the summary, not in it: a control inside a control is
            # one that keyboards and screen readers cannot reach reliably.
            parts.append(
                f'<div class="cite-entry"><a href="#cite-{exchange}-{number}" '
                f'class="cite-link" title="Show source {number} in the source viewer">'
                f"[{number}]</a> "
                f'<details class="cite"><summary><span class="cite-where">{where}</span>'
                f'</summary><blockquote class="cite-quote">'
                f"{_text_html(citation.readable_quote())}</blockquote></details></div>"
            )
        parts.append("</div>")
    return "".join(parts)


def _place(citation: Citation) -> list[str]:
    """Document, jurisdiction and section, without a section that repeats the title."""
    parts = citation.place()
    title = (citation.doc_title or "").strip().lower()
    return [p for i, p in enumerate(parts) if i == 0 or p.strip().lower() != title]


# "Examples of Work Performed: <the passage> [2]": a passage the answer quotes under its label.
_QUOTED = re.compile(r"^(?P<label>[^:\n]{2,80}): (?P<text>.+) \[(?P<number>\d+)\]$", re.DOTALL)
_ENDS_CITED = re.compile(r"\[\d+\]$")


def _listed(paragraphs: Sequence[str]) -> list[str]:
    """The items of a passage that its source sets out as a list: one per paragraph or "- "
    line; [] for a passage written as prose (one paragraph)."""
    items = [p.strip().removeprefix("- ").strip() for p in paragraphs if p.strip()]
    return items if len(items) > 1 else []


def _logical_lines(text: str) -> list[str]:
    """The answer's lines, a quoted passage whose list items run over several lines as one."""
    lines: list[str] = []
    for line in text.split("\n"):
        open_passage = (
            bool(lines)
            and _QUOTED.match(lines[-1] + " [0]") is not None
            and not _ENDS_CITED.search(lines[-1])
        )
        if open_passage and (line.startswith("- ") or "\n" in lines[-1]):
            lines[-1] += "\n" + line
        else:
            lines.append(line)
    return lines


def _words(text: str) -> str:
    return " ".join(text.replace("\n- ", " ").removeprefix("- ").split())


def _answer_body(answer: Answer, exchange: int) -> str:
    """The answer's lines as HTML: a quoted passage that its source lists becomes a list,
    lines starting "- " become list items, the rest stay lines."""
    out: list[str] = []
    bullets: list[str] = []

    def close() -> None:
        if bullets:
            out.append(f"<ul>{''.join(bullets)}</ul>")
            bullets.clear()

    count = len(answer.citations)
    for line in _logical_lines(answer.text):
        quoted = _QUOTED.match(line)
        number = int(quoted["number"]) if quoted else 0
        cited = answer.citations[number - 1].quote if 1 <= number <= count else ""
        items = _listed(cited.splitlines())
        if quoted and items and _words(" ".join(items)) == _words(quoted["text"]):
            close()
            marker = _with_links(f"[{number}]", exchange, count)
            rows = "".join(f"<li>{html.escape(item)}</li>" for item in items[:-1])
            rows += f"<li>{html.escape(items[-1])} {marker}</li>"
            label = html.escape(quoted["label"])
            out.append(f'<div class="answer-label">{label}:</div><ul>{rows}</ul>')
        elif line.startswith("- "):
            bullets.append(f"<li>{_with_links(line[2:], exchange, count)}</li>")
        else:
            close()
            out.append(f"<div>{_with_links(line, exchange, count)}</div>" if line else "<br>")
    close()
    return "".join(out)


def partial_html(text: str) -> str:
    return f'<div class="answer streaming">{_text_html(text)}</div>'


def notice_html(message: str) -> str:
    """A message of the page instead of an answer (a refused question, a failure)."""
    return f'<div class="answer notice" role="status">{_text_html(message)}</div>'


def answer_text(question: str, answer: Answer) -> str:
    """The answer with its citations as plain text, for the clipboard."""
    return f"Q: {question}\n\n{answer.plain_text()}"


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
    return (
        f'<div class="doc-title">{html.escape(info.title)}</div>'
        f'<dl class="doc-facts">{_facts_html(facts)}'
        f'<dt>File</dt><dd><a href="{html.escape(source_url(info.source))}" '
        f'target="_blank" rel="noopener">{html.escape(info.source)}</a></dd></dl>'
    )


def _facts_html(facts: Iterable[tuple[str, str | None]]) -> str:
    """The stated facts as the terms and descriptions of a <dl>."""
    return "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in facts if v)


def _cells_html(tag: str, line: str) -> str:
    """The tab-separated cells of a table line, each in <th> or <td>."""
    return "".join(f"<{tag}>{html.escape(cell.strip())}</{tag}>" for cell in line.split("\t"))


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
                parts.append(
                    '<table class="viewer-table"><thead>'
                    f"<tr>{_cells_html('th', chunk.table_header)}</tr></thead><tbody>"
                )
                table_header = chunk.table_header
            hit = bool(quote) and (quote in chunk.text or chunk.text.strip() in quote)
            parts.append(f'<tr class="{"hit" if hit else ""}">{_cells_html("td", chunk.text)}</tr>')
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


class CitedConversation(Protocol):
    """What the viewer needs of a conversation: its citations by link key."""

    def citation(self, key: str) -> Citation | None: ...


def citation_page(assistant: Assistant, conversation: CitedConversation, key: str) -> str:
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


def class_page(assistant: Assistant, key: str) -> str:
    """The viewer for the class a catalog link ("#class-<key>") points at."""
    record = catalog_record(assistant.catalog, key)
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


def _salary_with_period(record: ClassRecord) -> str | None:
    """ "$30,840 - $46,798 (yearly)"; the period as the source states it, or that it does not."""
    period = pay_period(record)
    if not record.salary_text:
        return None
    return f"{record.salary_text} ({'pay period not stated' if period == 'not stated' else period})"


def class_view(record: ClassRecord, chunks: Sequence[Chunk], info: DocumentInfo) -> str:
    """A class of the catalog: its facts with their quotes, then its sections."""
    facts = [
        ("Code", record.code),
        (record.pay_label or "Grade", record.pay_grade),
        ("Salary", _salary_with_period(record)),
        ("Level", record.level_label),
    ]
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
        f'<dl class="doc-facts">{_facts_html(facts)}</dl>'
        + (f'<ul class="evidence">{quotes}</ul>' if quotes else "")
        + '<div class="viewer-caption">Source document</div>'
        + _document_header(info)
        + body
        + "</div>"
    )
