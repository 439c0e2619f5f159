"""The running server's state: its one Assistant and the sources folder the Sources tab changes."""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from assistant.config import Settings
from assistant.errors import AssistantError
from assistant.indexing import ensure_index
from assistant.service import Assistant
from index.build import IndexSummary, verify_index
from index.errors import IndexError_, IndexNotBuilt
from index.load import SUPPORTED_SUFFIXES, SkippedSource, find_sources

log = logging.getLogger(__name__)

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
UPLOAD_SUFFIXES = SUPPORTED_SUFFIXES  # what can be indexed can be uploaded
UPLOAD_FOLDER = "uploads"  # uploads land in <sources>/uploads/
NO_INDEX = (
    "No standards are indexed yet. Run `python -m assistant index` (or `make run`), "
    "or add a standard in the Sources tab."
)


class SourcesLocked(AssistantError):
    """Uploads and deletions are switched off (a read-only deployment)."""


class BadUpload(AssistantError):
    """An uploaded file that cannot become a source (wrong type, unreadable)."""


@dataclass(frozen=True)
class DocumentStatus:
    """One file of the sources folder as the Sources tab lists it."""

    source: str
    title: str
    jurisdiction: str
    status: str  # "indexed", "indexed, no classes recognised", "skipped", "not indexed yet"
    detail: str
    chunks: int
    indexed_at: str
    protected: bool = False  # a bundled standard: not deleted from the page (see is_bundled)


def safe_source_name(filename: str) -> str:
    """A file name that is safe in the sources folder: ASCII, lower case, no path parts."""
    name = Path(filename.replace("\\", "/")).name
    stem, suffix = Path(name).stem, Path(name).suffix.lower()
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_stem.lower()).strip("-")[:80].strip("-")
    return f"{slug or 'standard'}{suffix}"


def uploads_allowed(settings: Settings) -> bool:
    """settings.allow_uploads when set; otherwise only while listening on loopback."""
    if settings.allow_uploads is not None:
        return settings.allow_uploads
    return settings.host in LOOPBACK_HOSTS


def is_bundled(source: str) -> bool:
    """A standard that came with the server (shipped in the sources folder, or put there by
    whoever runs it), not one uploaded through the page into <sources>/uploads/."""
    return not source.startswith(f"{UPLOAD_FOLDER}/")


class BundledSource(AssistantError):
    """A bundled standard asked to be deleted on a server not started to allow it."""


class ServerState:
    """The one Assistant of a running server, re-opened whenever the index changes.

    allow_delete_bundled lets the page delete the standards that came with the server too;
    without it only uploads can be deleted, so nobody can remove them with no way back.
    """

    def __init__(
        self,
        settings: Settings,
        assistant: Assistant | None = None,
        *,
        allow_delete_bundled: bool = False,
    ) -> None:
        self.settings = settings
        self.allow_delete_bundled = allow_delete_bundled
        self._assistant = assistant
        self.problem: IndexError_ | None = None  # why there is no assistant, when there is none
        self.last_index: IndexSummary | None = None
        self.indexing = False  # an index run is bringing the index up to date now
        self._index_lock = threading.Lock()

    @property
    def allow_uploads(self) -> bool:
        return uploads_allowed(self.settings)

    def assistant(self) -> Assistant:
        """The assistant, opened on first use; else raises why there is none (IndexNotBuilt,
        IndexIncomplete, ...) with a readable message."""
        if self._assistant is None:
            self.open()
        if self._assistant is None:
            problem = self.problem or IndexNotBuilt(NO_INDEX)
            raise type(problem)(str(problem))
        return self._assistant

    def skipped(self) -> list[SkippedSource]:
        """The files the last index run of this server could not read, with the reasons."""
        return list(self.last_index.skipped) if self.last_index else []

    def status_line(self) -> str:
        """What the index holds and which models answer, or why there is no index."""
        try:
            return self.assistant().status().line()
        except IndexError_ as error:
            return str(error)

    def open(self) -> None:
        try:
            assistant = Assistant.open(self.settings)
            verify_index(assistant.store, self.settings.catalog_path)  # or it answers wrongly
            self._assistant, self.problem = assistant, None
        except IndexNotBuilt as error:
            log.warning("%s", error)
            self._assistant, self.problem = None, IndexNotBuilt(NO_INDEX)
        except IndexError_ as error:
            log.warning("%s", error)
            self._assistant, self.problem = None, error

    def reindex(self, progress: bool | None = False) -> IndexSummary:
        """Bring the index up to date with the sources folder, then answer from the new one
        (an assistant that still answers from the index as it is now is kept).

        progress=None shows a bar on a terminal (the first index at start-up)."""
        with self._index_lock:
            self.indexing = True
            try:
                summary = ensure_index(self.settings, progress=progress)
                self.last_index = summary
                if self._assistant is None or not self._assistant.is_current():
                    self.open()  # a fresh Assistant: answers in flight keep their own
            finally:
                # Only once the new index answers: health must not say "done" while the old
                # index still does (a client waiting for the run would read the old count).
                self.indexing = False
            return summary

    def start(
        self,
        report: Callable[[str], None],
        begin: Callable[[Callable[[], None]], None] = lambda run: run(),
    ) -> None:
        """At server start: answer at once from the index there is when it is whole, and bring
        it up to date with the sources in the background (at 10,000 standards a no-op run
        took longer than the rest of the start); build it first when there is none. report
        is given the outcome of the run, a line; begin is given what starts the background
        run, to call when it suits (once the server serves: its work slows the start)."""
        self.open()
        if self._assistant is None:
            self._report_reindex(report, progress=None)
            return
        background = threading.Thread(
            target=self._report_reindex, args=(report, False), name="index-at-start", daemon=True
        )
        self.indexing = True  # from now: health says so before the thread has begun
        begin(background.start)

    def _report_reindex(self, report: Callable[[str], None], progress: bool | None) -> None:
        try:
            report(f"index: {self.reindex(progress=progress).line()}")
        except IndexError_ as error:  # the page says what is missing
            report(f"warning: {error}")

    def add_source(self, uploaded: Path, filename: str) -> str:
        """Copy an uploaded file into <sources>/uploads/ under a safe name; the source path."""
        if not self.allow_uploads:
            raise SourcesLocked("Uploads are switched off on this server.")
        name = safe_source_name(filename)
        suffix = Path(name).suffix
        if suffix not in UPLOAD_SUFFIXES:
            raise BadUpload(
                f"{Path(filename).name}: only {', '.join(UPLOAD_SUFFIXES)} files can be added."
            )
        folder = self.settings.sources_dir / UPLOAD_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        target, number = folder / name, 1
        data = uploaded.read_bytes()
        while target.exists() and target.read_bytes() != data:
            number += 1
            target = folder / f"{Path(name).stem}-{number}{suffix}"
        target.write_bytes(data)
        return target.relative_to(self.settings.sources_dir).as_posix()

    def forget_unreadable(self, source: str) -> str | None:
        """After indexing an upload: remove it again if it could not be read; the reason."""
        summary = self.last_index
        reason = (
            next((s.reason for s in summary.skipped if s.source == source), None)
            if summary
            else None
        )
        if summary is None or reason is None:
            return None
        self.source_file(source).unlink(missing_ok=True)
        summary.skipped = [s for s in summary.skipped if s.source != source]
        return reason

    def delete_source(self, source: str) -> None:
        if not self.allow_uploads:
            raise SourcesLocked("Deletions are switched off on this server.")
        path = self.source_file(source)
        if not path.is_file():
            raise BadUpload(f"{source} is not in the sources folder.")
        if self.protects(source):
            raise BundledSource(
                f"{source} came with the server and is protected: only uploaded documents can "
                "be deleted here (start the server with ASSISTANT_ALLOW_DELETE_BUNDLED=1 to "
                "delete it)."
            )
        path.unlink()

    def protects(self, source: str) -> bool:
        return is_bundled(source) and not self.allow_delete_bundled

    def add_uploads(self, uploads: Sequence[Path]) -> str:
        """Add uploaded files and index them at once; a Markdown report of what happened."""
        folder = self.settings.sources_dir / UPLOAD_FOLDER
        before = set(folder.iterdir()) if folder.is_dir() else set()
        try:
            added = [self.add_source(path, path.name) for path in uploads]
            lines = [f"Indexed: {self.reindex().line()}"]
        except Exception as error:
            # A failed upload leaves nothing behind: a file kept would be indexed (and perhaps
            # fail again) on every later run.
            for path in (set(folder.iterdir()) if folder.is_dir() else set()) - before:
                path.unlink(missing_ok=True)
            if isinstance(error, AssistantError | IndexError_):
                return f"**Not added**: {error}"
            raise
        for source in added:
            reason = self.forget_unreadable(source)
            lines.append(
                f"**{source}** could not be read and was not kept: {reason}"
                if reason
                else f"Added **{source}**: it can be asked about now."
            )
        return "\n\n".join(lines)

    def remove(self, source: str | None) -> str:
        """Delete a source and drop it from the index; a Markdown report."""
        try:
            if not source:
                raise BadUpload("Choose a document to delete.")
            self.delete_source(source)
            return f"Deleted **{source}**. {self.reindex().line()}"
        except (AssistantError, IndexError_) as error:
            return f"**Not deleted**: {error}"

    def refresh(self) -> str:
        """Re-index the sources folder (files copied in by hand); a Markdown report."""
        try:
            return f"Indexed: {self.reindex().line()}"
        except IndexError_ as error:
            return f"**Indexing failed**: {error}"

    def source_file(self, source: str) -> Path:
        """The file of a source path, refusing anything outside the sources folder."""
        root = self.settings.sources_dir.resolve()
        refused = BadUpload(f"{source[:200]} is not in the sources folder.")
        try:
            path = (root / source).resolve()
        except (OSError, ValueError) as error:  # a NUL byte, a name longer than allowed
            raise refused from error
        if not path.is_relative_to(root) or path == root:
            raise refused
        return path

    def served_file(self, source: str) -> Path:
        """The existing file of a source path, as GET /api/sources/<path> serves it."""
        path = self.source_file(source)
        try:
            found = path.is_file()
        except (OSError, ValueError) as error:  # a name no file system accepts
            raise BadUpload(f"no source {source[:200]}") from error
        if not found:
            raise BadUpload(f"no source {source[:200]}")
        return path

    def documents(self) -> list[DocumentStatus]:
        """Every indexed, skipped or not yet indexed file of the sources folder."""
        assistant = self._assistant
        indexed = assistant.store.documents() if assistant else {}
        first = {c.source: c for c in reversed(assistant.library.chunks)} if assistant else {}
        summary = self.last_index
        skipped = {s.source: s.reason for s in summary.skipped} if summary else {}
        unrecognised = set(summary.unrecognised) if summary else set()
        checked = self._last_checked()
        rows = []
        for source in sorted(set(indexed) | set(skipped) | set(self._files_on_disk())):
            chunk, document = first.get(source), indexed.get(source)
            if source in skipped:
                status, detail = "skipped", skipped[source]
            elif document:
                status = "indexed"
                detail = "no classes recognised" if source in unrecognised else ""
            else:
                status, detail = "not indexed yet", "re-index to add it"
            rows.append(
                DocumentStatus(
                    source=source,
                    title=chunk.doc_title if chunk else "",
                    jurisdiction=(chunk.jurisdiction or "") if chunk else "",
                    status=status,
                    detail=detail,
                    chunks=document.chunks if document else 0,
                    indexed_at=_local_time(document.indexed_at, checked) if document else "",
                    protected=self.protects(source),
                )
            )
        return rows

    def _files_on_disk(self) -> list[str]:
        root = self.settings.sources_dir
        return [f.source for f in find_sources(root)] if root.is_dir() else []

    def _last_checked(self) -> str:
        """When the index was last checked against the sources (the catalog is rewritten on
        every run): the time shown for documents of a store that predates recording times."""
        catalog = self.settings.catalog_path
        if not catalog.exists():
            return ""
        return _stamp(datetime.fromtimestamp(catalog.stat().st_mtime, UTC))


def _local_time(iso: str, fallback: str) -> str:
    """An ISO time from the store as local "YYYY-MM-DD HH:MM"; fallback when none was recorded."""
    return _stamp(datetime.fromisoformat(iso)) if iso else fallback


def _stamp(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
