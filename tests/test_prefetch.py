"""Reading the index's files ahead at start-up: only the files a start reads whole, never
through a link, and nothing at all for a folder that is not there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from index.prefetch import read_ahead


@pytest.mark.skipif(not hasattr(os, "posix_fadvise"), reason="no posix_fadvise here")
def test_the_snapshot_and_chromas_files_are_read_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "startup" / "key").mkdir(parents=True)
    (tmp_path / "startup" / "key" / "state.pickle").write_bytes(b"x")
    (tmp_path / "segment").mkdir()
    (tmp_path / "segment" / "data_level0.bin").write_bytes(b"x")
    (tmp_path / "chroma.sqlite3").write_bytes(b"x")
    (tmp_path / "catalog.json").write_text("[]")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.bin"
    outside.write_bytes(b"x")
    (tmp_path / "linked.bin").symlink_to(outside)
    advised: list[str] = []
    real_open = os.open

    def opened(path: os.PathLike[str] | str, flags: int) -> int:
        advised.append(Path(path).name)
        return real_open(path, flags)

    monkeypatch.setattr(os, "open", opened)
    read_ahead(tmp_path)
    assert sorted(advised) == ["chroma.sqlite3", "data_level0.bin", "state.pickle"]


def test_a_missing_index_folder_is_nothing_to_read(tmp_path: Path) -> None:
    read_ahead(tmp_path / "not-built")  # no error: the start goes on to say there is no index
