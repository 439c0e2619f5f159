"""File hashes (issue 13): a no-op re-index reads no source file, yet a changed file, or one
written too recently to trust its times, is always read and hashed again."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from index.file_hashes import FileHashes
from index.load import FoundFile, find_sources


def _found(folder: Path, name: str) -> FoundFile:
    return next(f for f in find_sources(folder) if f.source == name)


def _settle(path: Path) -> None:
    """As if written a minute ago: past the window in which its times cannot be trusted."""
    past = time.time_ns() - 60_000_000_000
    os.utime(path, ns=(past, past))


def test_a_settled_file_is_hashed_once_and_a_changed_one_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources, cache = tmp_path / "sources", tmp_path / "catalog.files.json"
    sources.mkdir()
    spec = sources / "clerk.txt"
    spec.write_text("RECORDS CLERK II\nPay Grade: 9\n", "utf-8")
    _settle(spec)
    first = FileHashes(cache)
    assert (
        first.digest(_found(sources, "clerk.txt")) == hashlib.sha256(spec.read_bytes()).hexdigest()
    )
    first.save({"clerk.txt"})

    read: list[Path] = []
    real_read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda p: read.append(p) or real_read(p))
    again = FileHashes(cache)
    again.digest(_found(sources, "clerk.txt"))
    assert read == []  # remembered: the file is not read

    spec.write_text("RECORDS CLERK II\nPay Grade: 10\n", "utf-8")  # changed just now
    changed = again.digest(_found(sources, "clerk.txt"))
    assert read == [spec] and changed == hashlib.sha256(real_read(spec)).hexdigest()
    again.save({"clerk.txt"})
    FileHashes(cache).digest(_found(sources, "clerk.txt"))
    assert read == [spec, spec]  # hashed within its time granularity: not trusted yet


def test_an_unreadable_cache_is_logged_and_every_file_hashed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a.txt").write_text("x", "utf-8")
    cache = tmp_path / "catalog.files.json"
    cache.write_text("{not json", "utf-8")
    hashes = FileHashes(cache)
    assert hashes.digest(_found(tmp_path, "a.txt")) == hashlib.sha256(b"x").hexdigest()
    assert "cannot be read" in caplog.text


def test_the_manifest_is_parsed_again_only_when_it_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest, cache = tmp_path / "manifest.yaml", tmp_path / "catalog.files.json"
    manifest.write_text("clerk.txt:\n  jurisdiction: Ohio\n  date: 2024-01-05\n", "utf-8")
    _settle(manifest)
    first = FileHashes(cache)
    parsed = first.manifest(manifest)
    first.save(set())

    monkeypatch.setattr("index.file_hashes.load_manifest", lambda path: {"parsed": {}})
    kept = FileHashes(cache).manifest(manifest)
    # Kept as JSON: a date as its text, which is how the ledger keys the facts anyway.
    assert kept == {"clerk.txt": {"jurisdiction": "Ohio", "date": "2024-01-05"}}
    assert str(parsed["clerk.txt"]["date"]) == kept["clerk.txt"]["date"]
    manifest.write_text("clerk.txt:\n  jurisdiction: Iowa\n", "utf-8")
    assert FileHashes(cache).manifest(manifest) == {"parsed": {}}
