"""Reading the index's files ahead: at a cold start the snapshot and Chroma's files are read
from disk while Python is still importing its libraries, not after."""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

# The files a start reads whole: the start-up snapshot, Chroma's vector index and its database.
_READ_WHOLE = (".pickle", ".bin", ".sqlite3")


def read_ahead(folder: Path) -> None:
    """Ask the kernel to read the index files under folder into its cache in the background
    (posix_fadvise WILLNEED): a hint that costs nothing when they are cached already, and is
    skipped where the system has no such call."""
    if not hasattr(os, "posix_fadvise") or not folder.is_dir():
        return
    for path in folder.rglob("*"):
        if path.suffix not in _READ_WHOLE or path.is_symlink() or not path.is_file():
            continue
        try:
            descriptor = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_WILLNEED)
        except OSError as error:
            log.debug("no read-ahead for %s: %s", path, error)
        finally:
            os.close(descriptor)
