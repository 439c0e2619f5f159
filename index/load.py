"""Read standards (.txt, .md, .html, .pdf, .docx, .csv, .tsv, .xlsx) from a sources folder into
SourceDocuments."""

from __future__ import annotations

import hashlib
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from index import formats
from index.bullet_tables import bullet_rows_as_table
from index.errors import SourceReadError, SourcesNotFound
from index.jurisdictions import jurisdiction_of_publisher
from index.reflow import (
    alternating_pairs_joined,
    bare_labels_joined,
    bullets_rejoined,
    dot_leaders_as_tabs,
    join_stacked_headers,
    labels_unglued,
    pipe_rows_by_header,
    pipe_rows_joined,
    rejoin_cell_lines,
    run_in_labels_parted,
    spaced_rows_as_tabs,
    stacked_labels_joined,
    trailing_labels_shifted,
    wrapped_bars_closed,
)
from index.structure import HEADLINE_CODE, smart_title
from index.types import SourceDocument

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (
    ".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx", ".csv", ".tsv", ".xlsx",
)  # fmt: skip

# Markdown-style escapes that some exports put before symbols ("\$27,910").
_ESCAPED_SYMBOL = re.compile(r"\\([$%&#])")
# Lines that name the publisher or the kind of document, never the class.
_NOT_A_TITLE = re.compile(
    r"^(?:.*\b(?:department|division|office|bureau|commission|agency|board|human resources)\b.*"
    r"|(?:city|county|state|town|township|village|commonwealth|borough|district) of\b.*"
    r"|(?:classification|qualification) standards?\b.*|class specifications?|job descriptions?"
    r"|position descriptions?|job specifications?|[\w .#]+:.*)$",
    re.IGNORECASE,
)
# "Class Title: Senior Planner" names the class outright.
_TITLE_LINE = re.compile(
    r"^(?:class|job|position|classification|working)?\s*title\s*:\s*(?P<title>[^\t]+?)\s*$",
    re.IGNORECASE,
)
# A federal series designation in a title ("..., GS-0303") is not a code line.
_SERIES_DESIGNATION = re.compile(r"\b[A-Z]{2}-\d{4}\b")
_MD_EMPHASIS = re.compile(r"\*\*|__")
# "Revised: 09/2023", "Effective Date<TAB>07/01/2023"; a line may hold more than one.
_DATE_LABELS = (
    "revised",
    "revision date",
    "effective date",
    "effective",
    "adopted",
    "date",
    "established",
)
_DATE_LABEL = r"(?P<label>Date|Revised|Revision Date|Effective(?: Date)?|Established|Adopted)"
_DATE_LINE = re.compile(rf"^\s*{_DATE_LABEL}\s*(?::|\t)", re.IGNORECASE)
_DATE_PAIR = re.compile(
    rf"{_DATE_LABEL}\s*(?::|\t)\s*(?P<date>[^\t]+?)(?=\s+[A-Za-z]+:|\t|\s*$)", re.IGNORECASE
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
    for found in find_sources(sources_dir):
        try:
            found.refuse_link()
            result.documents.append(
                read_document(found.path, found.source, manifest.get(found.source, {}))
            )
        except SourceReadError as error:
            log.warning("skipped %s: %s", found.source, error)
            result.skipped.append(SkippedSource(found.source, str(error)))
    return result


@dataclass(frozen=True)
class FoundFile:
    """A supported file of the sources folder, as the folder lists it (no link followed)."""

    path: Path
    source: str  # its path in the folder, with "/": the name the index knows it by
    link: bool  # a symbolic link: never read, wherever it points
    stat: os.stat_result | None  # of the file itself; None for a link

    def refuse_link(self) -> None:
        """Raise SourceReadError for a link: a link to /etc/passwd must not put its lines
        into answers."""
        if self.link:
            raise SourceReadError("a link, or a file outside the sources folder: not read")


def find_sources(sources_dir: Path) -> list[FoundFile]:
    """Supported files under sources_dir, recursively, in a stable order; hidden files and
    folders are ignored, and linked folders are not entered (what is found this way lies
    inside the folder). One directory listing per folder, and no other call per file than
    the stat the listing already holds: 10,000 standards are listed in a fraction of a
    second."""
    found: list[FoundFile] = []

    def walk(folder: Path, prefix: tuple[str, ...]) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                parts = (*prefix, entry.name)
                if entry.is_dir(follow_symlinks=False):
                    walk(folder / entry.name, parts)
                    continue
                link = entry.is_symlink()
                suffix = os.path.splitext(entry.name)[1].lower()
                if suffix in SUPPORTED_SUFFIXES and (link or entry.is_file(follow_symlinks=False)):
                    stat = None if link else entry.stat(follow_symlinks=False)
                    found.append(FoundFile(folder / entry.name, "/".join(parts), link, stat))

    walk(sources_dir, ())
    return sorted(found, key=lambda f: f.source.split("/"))


def discover(sources_dir: Path) -> list[Path]:
    """The paths of find_sources (links included: they are listed, and refused when read)."""
    return [f.path for f in find_sources(sources_dir)]


# libyaml's safe loader where PyYAML was built with it: 6.1 s -> 1.1-1.7 s for the manifest of
# 10,000 standards; the same documents either way.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_manifest(path: Path) -> dict[str, dict[str, Any]]:
    """Optional per-file facts (jurisdiction, publisher, date, title) keyed by relative path."""
    if not path.is_file():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER) or {}
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
    try:
        text = unescape_symbols(_text_of(raw, suffix, relative))
    except SourceReadError:
        raise
    except Exception as error:  # a parser's own error (lxml, pypdf): one bad file skips itself
        log.debug("parser error in %s", relative, exc_info=True)
        raise SourceReadError(f"could not be parsed ({type(error).__name__})") from error
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = trailing_labels_shifted(labels_unglued(bullets_rejoined(bullet_rows_as_table(text))))
    text = run_in_labels_parted(pipe_rows_by_header(text))
    text = join_stacked_headers(dot_leaders_as_tabs(wrapped_bars_closed(text)))
    text = spaced_rows_as_tabs(text)
    text = rejoin_cell_lines(text)
    text = alternating_pairs_joined(stacked_labels_joined(pipe_rows_joined(text)))
    text = bare_labels_joined(text)
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


def _text_of(raw: bytes, suffix: str, relative: str) -> str:
    if suffix == ".pdf":
        return formats.pdf_text(raw)
    if suffix == ".docx":
        return formats.docx_text(raw)
    if suffix == ".xlsx":
        return formats.xlsx_text(raw)
    if suffix in (".csv", ".tsv"):
        return formats.csv_text(_decode(raw, relative))
    if suffix in (".html", ".htm"):
        return formats.html_text(_decode(raw, relative))
    if suffix in (".md", ".markdown"):
        return formats.markdown_text(_decode(raw, relative))
    return _decode(raw, relative)


# A dagger next to another or to a space is a non-breaking space decoded as Mac Roman; a dagger
# of its own ("Salary†") is a footnote mark and stays.
_MOJIBAKE_SPACE = re.compile(r"†(?=[†\s])|(?<=[†\s])†")


# "Clerk Typist I <br />Clerk Steno I <br />": an HTML line break left in a page's text layer.
_HTML_BREAK = re.compile(r"[ \t]*<br\s*/?>[ \t]?", re.IGNORECASE)


def unescape_symbols(text: str) -> str:
    """ "\\$27,910" as some exports write it -> "$27,910"; spaces decoded as daggers
    ("Salary Range:†† †††††††† 13", a non-breaking space read as Mac Roman) -> spaces; and
    "<br />" tags left in a text layer -> the line breaks they stand for."""
    text = _HTML_BREAK.sub("\n", text)
    return _MOJIBAKE_SPACE.sub(" ", _ESCAPED_SYMBOL.sub(r"\1", text))


def guess_title(text: str) -> str | None:
    """The class a "Class Title:" line names, or else the first line that reads like a class or
    series title; ALL CAPS set in title case."""
    for line in text.splitlines():
        line = _MD_EMPHASIS.sub("", line.strip().lstrip("#")).strip()
        labelled = _TITLE_LINE.match(line)
        if labelled:
            return smart_title(labelled.group("title"))
        headline = HEADLINE_CODE.match(line)
        if headline:
            return smart_title(headline.group("title"))  # "ELECTRICIAN 6121"
        if (
            not re.search(r"[A-Za-z]{2}", line)  # "$ | $ | $": units, not a title
            or "\t" in line
            or len(line) > 120
            or _NOT_A_TITLE.match(line)
            or line.startswith(("-", "*", "•", "("))  # a list's item, a note
            or re.search(r"\d{3,}", _SERIES_DESIGNATION.sub("", line))
            or re.search(r"[$£€]\s?\d", line)  # "Grade Level I - Pay Rate: $10.45*/hour"
        ):
            continue
        return smart_title(line)
    return None


def _find_date(text: str) -> str | None:
    """The date of the current version: a revision before an adoption or establishment."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        if _DATE_LINE.match(line):
            for match in _DATE_PAIR.finditer(line):
                found.setdefault(match.group("label").lower(), match.group("date").strip())
    for label in _DATE_LABELS:
        if label in found:
            return found[label]
    return None


def _decode(raw: bytes, relative: str) -> str:
    if b"\x00" in raw[:4096]:
        raise SourceReadError("binary content where text was expected")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as error:
            raise SourceReadError(f"neither UTF-8 nor Windows-1252 text: {error.reason}") from error
        log.warning("%s: decoded as Windows-1252, not UTF-8: check its characters", relative)
    if _looks_binary(text):
        raise SourceReadError("binary content where text was expected")
    return text


def _looks_binary(text: str) -> bool:
    """Control characters other than line breaks and tabs are rare in text and common in binary."""
    sample = text[:4096]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f")
    return controls > max(2, len(sample) // 100)
