"""Answers questions about job classification standards from an index, with citations."""

__version__ = "0.1.0"
