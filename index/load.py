"""Read standards (.txt, .md, .html, .pdf, .docx) from a sources folder into SourceDocuments."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from index.errors import SourceReadError, SourcesNotFound
from index.jurisdictions import jurisdiction_of_publisher
from index.types import SourceDocument

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx")

# Markdown-style escapes that some exports put before symbols ("\$27,910").
_ESCAPED_SYMBOL = re.compile(r"\\([$%&#])")
# Lines that name the publisher or the kind of document, never the class.
_NOT_A_TITLE = re.compile(
    r"^(?:.*\b(?:department|division|office|bureau|commission|agency|board)\b.*"
    r"|classification standard|class specification|job description|position description"
    r"|[\w .#]+:.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SkippedSource:
    source: str
    reason: str


@dataclass
class LoadResult:
    documents: list[SourceDocument] = field(default_factory=list)
    skipped: list[SkippedSource] = field(default_factory=list)


def load_sources(sources_dir: Path, manifest_name: str = "manifest.yaml") -> LoadResult:
    """Read every supported file under sources_dir; unreadable ones are logged and skipped."""
    if not sources_dir.is_dir():
        raise SourcesNotFound(f"sources folder not found: {sources_dir}")
    manifest = load_manifest(sources_dir / manifest_name)
    result = LoadResult()
    for path in discover(sources_dir):
        relative = path.relative_to(sources_dir).as_posix()
        try:
            result.documents.append(read_document(path, relative, manifest.get(relative, {})))
        except SourceReadError as error:
            log.warning("skipped %s: %s", relative, error)
            result.skipped.append(SkippedSource(relative, str(error)))
    return result


def discover(sources_dir: Path) -> list[Path]:
    """Supported files under sources_dir, recursively, in a stable order; hidden files ignored."""
    found = []
    for path in sorted(sources_dir.rglob("*")):
        relative = path.relative_to(sources_dir)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.suffix.lower() in SUPPORTED_SUFFIXES:
            found.append(path)
    return found


def load_manifest(path: Path) -> dict[str, dict[str, Any]]:
    """Optional per-file facts (jurisdiction, publisher, date, title) keyed by relative path."""
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        log.warning("ignored manifest %s: %s", path, error)
        return {}
    if not isinstance(data, dict):
        log.warning("ignored manifest %s: expected a mapping of file paths", path)
        return {}
    return {str(key): value for key, value in data.items() if isinstance(value, dict)}


def read_document(path: Path, relative: str, facts: dict[str, Any]) -> SourceDocument:
    """One source file as a SourceDocument; raises SourceReadError when it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceReadError(f"cannot read file: {error.strerror or error}") from error
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        text = _pdf_text(raw)
    elif suffix == ".docx":
        text = _docx_text(raw)
    elif suffix in (".html", ".htm"):
        text = _html_text(_decode(raw))
    else:
        text = _decode(raw)
    text = _ESCAPED_SYMBOL.sub(r"\1", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise SourceReadError("no text found (empty file, or a scanned PDF without a text layer)")
    return SourceDocument(
        source=relative,
        title=str(facts.get("title") or guess_title(text) or path.stem.replace("-", " ").title()),
        text=text,
        content_hash=hashlib.sha256(raw).hexdigest(),
        format=suffix.lstrip("."),
        jurisdiction=facts.get("jurisdiction") or jurisdiction_of_publisher(text),
        publisher=facts.get("publisher"),
        date=str(facts["date"]) if facts.get("date") else _find_date(text),
    )


def guess_title(text: str) -> str | None:
    """The first line that reads like a class or series title."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if (not line or "\t" in line or len(line) > 120 or _NOT_A_TITLE.match(line)
                or re.search(r"\d{3,}", line)):
            continue
        return line
    return None


def _find_date(text: str) -> str | None:
    match = re.search(r"^\s*(?:Date|Revised|Effective(?: Date)?|Established)\s*:\s*(.+)$",
                      text, re.IGNORECASE | re.MULTILINE)
    return match.group(1).strip() if match else None


def _decode(raw: bytes) -> str:
    if b"\x00" in raw[:4096]:
        raise SourceReadError("binary content where text was expected")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as error:
        raise SourceReadError(f"neither UTF-8 nor Windows-1252 text: {error.reason}") from error
    log.warning("decoded as Windows-1252, not UTF-8: check the characters of this file")
    return text


def _pdf_text(raw: bytes) -> str:
    from io import BytesIO

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(BytesIO(raw))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise SourceReadError(f"corrupt PDF: {error}") from error
    return "\n\n".join(pages)


def _docx_text(raw: bytes) -> str:
    """Paragraphs and tables in document order; table cells joined by tabs, one row a line."""
    from io import BytesIO
    from zipfile import BadZipFile

    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(BytesIO(raw))
    except (BadZipFile, KeyError, ValueError) as error:
        raise SourceReadError(f"corrupt Word file: {error}") from error
    lines: list[str] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(element, document).text)
        elif tag == "tbl":
            table = Table(element, document)
            lines.append("")
            for row in table.rows:
                lines.append("\t".join(cell.text.strip() for cell in row.cells))
            lines.append("")
    return "\n".join(lines)


def _html_text(html: str) -> str:
    """Visible text, one block a line; table rows become tab-separated lines."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "noscript", "head"]):
        hidden.decompose()
    lines: list[str] = []
    blocks = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "dt", "dd", "caption", "pre")
    for element in soup.find_all([*blocks, "br"]):
        if element.name == "br":
            continue
        if element.find_parent(blocks):  # nested blocks are read with their parent
            continue
        if element.name == "tr":
            cells = [cell.get_text(" ", strip=True) for cell in element.find_all(["th", "td"])]
            lines.append("\t".join(cells))
            continue
        text = " ".join(element.get_text(" ", strip=True).split())
        if element.name == "li":
            text = f"- {text}"
        if element.name.startswith("h") or element.name in ("p", "caption", "dt"):
            lines.append("")
        lines.append(text)
    if not any(line.strip() for line in lines):  # no block markup: plain text in a page
        return soup.get_text("\n")
    return "\n".join(lines)
