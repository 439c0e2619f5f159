"""The content hash of each source file, remembered with what the file system said of the file
when it was hashed: a re-index reads again only the files whose size, times or inode changed
(a no-op run over 10,000 standards read 41 MB to find that nothing had); and the manifest's
facts, parsed again only when the manifest changed (libyaml takes 1.5 s over 10,000 entries,
JSON a tenth of that)."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
import uuid
from pathlib import Path
from typing import Any

from index.load import FoundFile, load_manifest

log = logging.getLogger(__name__)

# A file changed again within its file system's time granularity after it was hashed would
# keep its times; a hash is trusted only for a file last written this long before hashing.
_SETTLED_NS = 2_000_000_000


class FileHashes:
    """Source path -> its content hash, kept in one JSON file beside the catalog."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # source -> [size, mtime_ns, ctime_ns, inode, when hashed (ns), sha256]
        self._entries: dict[str, tuple[list[int], int, str]] = {}
        self._manifest: tuple[list[int], int, dict[str, dict[str, Any]]] | None = None
        self._changed = False
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("manifest"):
                identity, at, facts = data["manifest"]
                self._manifest = ([int(n) for n in identity], int(at), dict(facts))
            self._entries = {
                str(source): ([int(n) for n in entry[:4]], int(entry[4]), str(entry[5]))
                for source, entry in data["files"].items()
            }
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            log.warning("the file hashes %s cannot be read (%s): hashing every file", path, error)

    @staticmethod
    def for_catalog(catalog_path: Path) -> FileHashes:
        return FileHashes(catalog_path.with_name(catalog_path.stem + ".files.json"))

    def manifest(self, path: Path) -> dict[str, dict[str, Any]]:
        """load_manifest(path), remembered while the manifest file is unchanged."""
        try:
            identity = file_identity(path.stat())
        except OSError:
            return load_manifest(path)
        kept = self._manifest
        if kept and kept[0] == identity and kept[1] - identity[1] > _SETTLED_NS:
            return kept[2]
        facts = load_manifest(path)
        self._manifest, self._changed = (identity, time.time_ns(), facts), True
        return facts

    def digest(self, found: FoundFile) -> str:
        """The sha256 of the file's bytes: remembered, or read (OSError when it cannot be)."""
        stat = found.stat
        if stat is None:  # not a plain file: nothing to remember it by
            return hashlib.sha256(found.path.read_bytes()).hexdigest()
        identity = file_identity(stat)
        entry = self._entries.get(found.source)
        if entry and entry[0] == identity and entry[1] - stat.st_mtime_ns > _SETTLED_NS:
            return entry[2]
        digest = hashlib.sha256(found.path.read_bytes()).hexdigest()
        self._entries[found.source] = (identity, time.time_ns(), digest)
        self._changed = True
        return digest

    def save(self, sources: set[str]) -> None:
        """Write the hashes of these sources (the others are forgotten), if anything changed."""
        forgotten = set(self._entries) - sources
        if not (self._changed or forgotten):
            return
        for source in forgotten:
            del self._entries[source]
        filling = self.path.with_name(f".{self.path.name}.{uuid.uuid4().hex[:8]}")
        try:
            files = {s: [*stat, at, digest] for s, (stat, at, digest) in self._entries.items()}
            manifest = list(self._manifest) if self._manifest else None
            payload = {"files": files, "manifest": manifest}
            filling.write_text(json.dumps(payload, default=str), encoding="utf-8")
            filling.replace(self.path)
            self._changed = False
        except OSError as error:
            log.warning("could not keep the file hashes in %s: %s", self.path, error)
            filling.unlink(missing_ok=True)


def file_identity(stat: os.stat_result) -> list[int]:
    """What changes when a file is written: its size, times and inode."""
    return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]
