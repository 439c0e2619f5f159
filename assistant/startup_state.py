"""What opening the assistant derives from the store's chunks and the class catalog: the chunk
library with its word and BM25 indexes, the class index, and the composer with what it reads of
each document. The start-up snapshot (assistant/snapshot.py) keeps it between starts.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from assistant.answer import ExtractiveComposer
from assistant.class_index import ClassIndex
from assistant.retrieve import ChunkLibrary
from index.types import Chunk, ClassRecord


@dataclass
class StartupState:
    """What the assistant derives from the store's chunks and the class catalog."""

    library: ChunkLibrary
    catalog: list[ClassRecord]
    class_index: ClassIndex
    composer: ExtractiveComposer

    @classmethod
    def derive(
        cls,
        library: ChunkLibrary,
        catalog: list[ClassRecord],
        previous: ExtractiveComposer | None = None,
        changed: Collection[str] = (),
    ) -> StartupState:
        """The state of the library and the catalog; what the previous composer (of an earlier
        library, consumed here) read of the documents not changed since is reused."""
        places = {c.jurisdiction for c in library.chunks if c.jurisdiction}
        titles = {(c.jurisdiction, c.doc_title) for c in library.chunks if c.jurisdiction}
        class_index = ClassIndex(catalog, places, titles)
        composer = ExtractiveComposer(library, class_index)
        composer.prepare(previous, changed)
        return cls(library, catalog, class_index, composer)

    def patched(
        self, changed: Collection[str], chunks: Sequence[Chunk], catalog: list[ClassRecord]
    ) -> StartupState:
        """The state of the index after a run that changed (added, rewrote or removed) these
        documents, whose chunks are now these, and left this catalog: the per-document work
        of the unchanged documents is carried over (this state is consumed)."""
        library = self.library.patched(changed, chunks)
        return StartupState.derive(library, catalog, self.composer, changed)
