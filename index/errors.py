"""Errors the indexer raises where a problem is found; the CLI and UI turn them into messages."""


class IndexError_(Exception):
    """Base of every indexer error (named with a trailing underscore: IndexError is a builtin)."""


class SourceReadError(IndexError_):
    """A source file could not be read or decoded; it is skipped and the rest are indexed."""


class SourcesNotFound(IndexError_):
    """The sources folder does not exist or is not a folder."""


class IndexNotBuilt(IndexError_):
    """The store is missing or holds no passages: run `index` first."""


class StoreUnavailable(IndexError_):
    """The vector store could not be opened or reached (bad path, server down)."""


class IndexDamaged(IndexError_):
    """A file of the index (the class catalog) cannot be read: `index` rewrites it."""


class IndexIncomplete(IndexError_):
    """The index is part-way through being written (a run still going, or one that was
    stopped): answers from it could be wrong, so none are given until `index` completes it."""


class StoreDamaged(StoreUnavailable):
    """A file of the embedded store cannot be read: `index --repair` rebuilds it."""
