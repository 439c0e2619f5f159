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
