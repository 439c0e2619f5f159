"""What retrieval derives from the words of every chunk: the vocabulary, the code-like tokens,
and the BM25 index with the token ids it was built from.

Built once over all chunks (a second a thousand standards), then kept by the start-up snapshot;
after an index run that changed a few documents, `patched` carries them over to the new chunks
reading the words of the new chunks only, and the result is the same as a build from scratch:
the same vocabulary, the same token ids in the same order, the same BM25 arrays.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import bm25s
import numpy as np

from assistant.passages import stem
from index.types import Chunk

# Tokens that identify one thing exactly: class codes, groups, amounts ("4008", "A12", "5E01").
_IDENTIFIER = re.compile(r"(?<![\w-])(?=[\w-]*\d)[A-Za-z0-9][\w-]{2,}(?![\w-])")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_WORD = re.compile(r"[a-z0-9]+")


def identifier_tokens(text: str) -> set[str]:
    """Code-like tokens of at least three characters with a digit; "30,840" reads as "30840"."""
    return {m.group(0).lower() for m in _IDENTIFIER.finditer(_THOUSANDS.sub("", text))}


# An amount with its cents ("$24.58/hr", "30,840.00"): one value, not "24" and "58".
_CENTS = re.compile(r"(?<![\d.,])\d{1,3}(?:,?\d{3})*\.\d{2}(?![\d.])")
# A question's amount with cents is written with its currency ("$24.58", "€25.25"): "ordinance
# 165.33" is a section's number.
_MONEY_CENTS = re.compile(r"(?<=[$€£¥₹])\s?" + _CENTS.pattern)


# A share written as a percentage: "75%", "2.5 %".
_PERCENTAGE = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d+)?\s?%")


def value_tokens(text: str) -> set[str]:
    """The identifier tokens of a line, its amounts with cents as written less their
    separators ("24.58", "30840.00") and its percentages ("75%"): what a line must hold to
    answer "which step pays $24.58?", "which step earns 75%?"."""
    return identifier_tokens(text) | _cents(_CENTS, text) | percentages(text)


def asked_values(question: str) -> set[str]:
    """The identifier tokens of a question, the amounts with cents it writes as money and its
    percentages."""
    return identifier_tokens(question) | _cents(_MONEY_CENTS, question) | percentages(question)


def percentages(text: str) -> set[str]:
    """The percentages a text writes, without the space before the sign ("75%")."""
    return {m.group(0).replace(" ", "") for m in _PERCENTAGE.finditer(text)}


def _cents(pattern: re.Pattern[str], text: str) -> set[str]:
    return {m.group(0).strip().replace(",", "") for m in pattern.finditer(text)}


def _words(chunk: Chunk) -> set[str]:
    return set(_WORD.findall(chunk.embedding_text().lower()))


def _bm25_tokens(chunks: Sequence[Chunk]) -> ChunkTokens:
    """The chunks' BM25 tokens, each word by its stem: "Reporting to the CAO" is found by "who
    does the clerk report to?", "graduate assistants" by "assistantships". (bm25s's own
    stemmer option numbers the stems in a set's order, which differs between processes.)"""
    texts = [c.embedding_text() for c in chunks]
    if not texts:
        return ChunkTokens(np.empty(0, np.int32), np.zeros(1, np.int64), {})
    words = ChunkTokens.of(bm25s.tokenize(texts, stopwords="en", show_progress=False))
    # Each word's id -> its stem's, the stems numbered by first use as the words are.
    vocab: dict[str, int] = {}
    of_word = np.empty(len(words.vocab), dtype=np.int32)
    for word, token in words.vocab.items():  # in id order: first use
        of_word[token] = vocab.setdefault(stem(word), len(vocab))
    return ChunkTokens(of_word[words.ids], words.offsets, vocab)


@dataclass(frozen=True)
class ChunkTokens:
    """Each chunk's BM25 token ids, flat: chunk n's are ids[offsets[n]:offsets[n + 1]]. The
    ids are numbered by first use over the chunks in order, as bm25s.tokenize numbers them."""

    ids: np.ndarray  # int32, every chunk's token ids one after the other
    offsets: np.ndarray  # int64, one more than the chunks
    vocab: dict[str, int]

    @classmethod
    def of(cls, tokenized: bm25s.tokenization.Tokenized) -> ChunkTokens:
        lengths = [len(ids) for ids in tokenized.ids]
        offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        flat = np.fromiter((i for ids in tokenized.ids for i in ids), np.int32, int(offsets[-1]))
        return cls(flat, offsets, dict(tokenized.vocab))

    def bm25(self) -> bm25s.BM25 | None:
        """The BM25 index over these chunks, as bm25s's own `index` builds it (its default
        Lucene scoring, the same float operations): the arrays are equal. bm25s counts each
        chunk's terms in a Python loop (2.5 s over 127,000 chunks); here numpy counts them all
        at once (a few tenths of a second). None for no chunks."""
        chunks = len(self.offsets) - 1
        if chunks < 1:
            return None
        bm25 = bm25s.BM25()
        if (bm25.method, bm25.idf_method) != ("lucene", "lucene"):  # what is replicated here
            flat, bounds = self.ids.tolist(), self.offsets.tolist()
            corpus = [flat[bounds[n] : bounds[n + 1]] for n in range(chunks)]
            bm25.index((corpus, dict(self.vocab)), show_progress=False)
            return bm25
        lengths = np.diff(self.offsets)
        average = np.array(lengths).mean()
        words = len(self.vocab)
        # Each (chunk, word) pair once, with how often the word is in the chunk.
        pairs, counts = np.unique(
            np.repeat(np.arange(chunks, dtype=np.int64), lengths) * words + self.ids,
            return_counts=True,
        )
        rows, columns = (pairs // words).astype(np.int32), (pairs % words).astype(np.int32)
        frequencies = np.bincount(columns, minlength=words)
        idf = np.zeros(words, dtype=bm25.dtype)
        for word, df in enumerate(frequencies.tolist()):
            if df:  # bm25s's _score_idf_lucene, in Python floats as it computes it
                idf[word] = math.log(1 + (chunks - df + 0.5) / (df + 0.5))
        # bm25s's _score_tfc_robertson: tf / (k1 * ((1 - b) + b * l_d / l_avg) + tf).
        term = counts.astype(bm25.dtype)
        norm = bm25.k1 * ((1 - bm25.b) + bm25.b * lengths[rows] / average)
        scores = (idf[columns] * (term / (norm + term))).astype(bm25.dtype)
        data, indices, indptr = bm25._np_csc(
            data=scores, rows=rows, cols=columns, shape=(chunks, words)
        )
        bm25.nonoccurrence_array = None
        bm25.scores = {
            "data": data.astype(bm25.dtype),
            "indices": indices,
            "indptr": indptr,
            "num_docs": chunks,
        }
        bm25.vocab_dict = {**self.vocab, "": words} if "" not in self.vocab else dict(self.vocab)
        bm25.unique_token_ids_set = set(bm25.vocab_dict.values())
        return bm25

    def gathered(self, new: ChunkTokens, origin: np.ndarray) -> ChunkTokens:
        """The tokens of chunks that are these chunks (origin[n] >= 0, the position here) or
        the new ones (origin[n] = -1 - their position in new), in that order, numbered anew
        by first use: the ids a tokenization of those chunks from scratch would give."""
        words = sorted(self.vocab, key=self.vocab.__getitem__)  # each word at its id
        ids_of_new = np.empty(len(new.vocab), dtype=np.int32)
        for word, token in new.vocab.items():
            if word not in self.vocab:
                words.append(word)
            ids_of_new[token] = self.vocab.get(word, len(words) - 1)
        # One pool of token runs: these chunks' runs, then the new chunks' (in these ids).
        pool = np.concatenate([self.ids, ids_of_new[new.ids]])
        starts = np.concatenate([self.offsets[:-1], new.offsets[:-1] + len(self.ids)])
        lengths = np.concatenate([np.diff(self.offsets), np.diff(new.offsets)])
        picked = np.where(origin >= 0, origin, len(self.offsets) - 2 - origin)
        run_starts, run_lengths = starts[picked], lengths[picked]
        offsets = np.zeros(len(picked) + 1, dtype=np.int64)
        np.cumsum(run_lengths, out=offsets[1:])
        # Position k of the result reads pool[run start + (k - where its run begins here)].
        flat = pool[np.repeat(run_starts - offsets[:-1], run_lengths) + np.arange(offsets[-1])]
        # Number the ids by first use, as bm25s.tokenize does: a word no chunk uses any more
        # is dropped.
        used, first = np.unique(flat, return_index=True)
        renumbered = np.empty(len(used), dtype=np.int32)
        renumbered[np.argsort(first, kind="stable")] = np.arange(len(used), dtype=np.int32)
        flat = renumbered[np.searchsorted(used, flat)]
        vocab = {words[int(old)]: int(new_id) for old, new_id in zip(used, renumbered, strict=True)}
        return ChunkTokens(flat, offsets, vocab)


@dataclass(frozen=True)
class WordIndexes:
    """What the library derives from the words of every chunk: costly to build (a second a
    thousand standards), so the start-up snapshot keeps them (assistant/snapshot.py)."""

    vocabulary: frozenset[str]  # every word of the chunks' embedding texts
    identifiers: dict[str, list[int]]  # code-like token -> positions of the chunks holding it
    bm25: bm25s.BM25 | None  # over the embedding texts; None for no chunks
    word_chunks: dict[str, int]  # each word of the vocabulary -> how many chunks hold it
    tokens: ChunkTokens  # what the BM25 index was built from

    @classmethod
    def build(cls, chunks: Sequence[Chunk]) -> WordIndexes:
        word_chunks = Counter(w for c in chunks for w in _words(c))
        identifiers: dict[str, list[int]] = {}
        for position, chunk in enumerate(chunks):
            for token in identifier_tokens(chunk.text):
                identifiers.setdefault(token, []).append(position)
        tokens = _bm25_tokens(chunks)
        return cls(frozenset(word_chunks), identifiers, tokens.bm25(), word_chunks, tokens)

    def holding_every(self, tokens: Sequence[str]) -> np.ndarray:
        """The positions of the chunks whose BM25 tokens include every one of these, from
        the index's own lists of the chunks holding each token: the rarest token's list,
        narrowed by the others'."""
        if self.bm25 is None:
            return np.empty(0, dtype=np.int64)
        ids = [self.bm25.vocab_dict.get(token) for token in dict.fromkeys(tokens)]
        if None in ids:
            return np.empty(0, dtype=np.int64)
        indices, indptr = self.bm25.scores["indices"], self.bm25.scores["indptr"]
        lists = sorted((indices[indptr[i] : indptr[i + 1]] for i in ids), key=len)
        if not lists:
            return np.arange(len(self.tokens.offsets) - 1, dtype=np.int64)
        found = lists[0]
        for other in lists[1:]:
            found = found[np.isin(found, other, assume_unique=True)]
        return found.astype(np.int64)

    def patched(
        self, before: Sequence[Chunk], chunks: Sequence[Chunk], origin: np.ndarray
    ) -> WordIndexes:
        """The indexes of chunks, from these (the indexes of `before`): origin[n] is chunk n's
        position in `before`, or -1 for a chunk that is new. Only the words of the new chunks
        and of those no longer there are read."""
        new = [c for c, at in zip(chunks, origin, strict=True) if at < 0]
        kept = np.zeros(len(before), dtype=bool)
        kept[origin[origin >= 0]] = True
        word_chunks = Counter(self.word_chunks)
        word_chunks.subtract(w for n in np.flatnonzero(~kept) for w in _words(before[int(n)]))
        word_chunks.update(w for c in new for w in _words(c))
        word_chunks = Counter({w: n for w, n in word_chunks.items() if n > 0})
        # Positions move: each kept chunk's old position -> its new one.
        moved = np.full(len(before), -1, dtype=np.int64)
        moved[origin[origin >= 0]] = np.flatnonzero(origin >= 0)
        moves = moved.tolist()
        identifiers: dict[str, list[int]] = {}
        for token, positions in self.identifiers.items():
            now = [moves[p] for p in positions if moves[p] >= 0]
            if now:
                identifiers[token] = now
        added: set[str] = set()
        for position in np.flatnonzero(origin < 0).tolist():
            for token in identifier_tokens(chunks[position].text):
                identifiers.setdefault(token, []).append(position)
                added.add(token)
        for token in added:
            identifiers[token].sort()
        # The new chunks' tokens, numbered -1, -2, ... in the order they come.
        numbered = np.where(origin >= 0, origin, -np.cumsum(origin < 0, dtype=np.int64))
        tokens = self.tokens.gathered(_bm25_tokens(new), numbered)
        return WordIndexes(frozenset(word_chunks), identifiers, tokens.bm25(), word_chunks, tokens)
