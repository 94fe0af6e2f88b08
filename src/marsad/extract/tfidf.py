"""TF-IDF features of a fitted scikit-learn ``TfidfVectorizer``, without scikit-learn.

An event model (:mod:`marsad.extract.event_model`) types one passage at a time.
``TfidfVectorizer.transform`` validates its input on every call, which costs
more than the arithmetic for one passage, and importing scikit-learn costs about
a second of CPU at start-up. :func:`parts_of` reads what the transform needs
from a vectorizer of the shape :func:`~marsad.extract.event_model.train_model`
fits (word uni- and bigrams, sublinear tf, idf, l2 norm); :func:`transform`
repeats scikit-learn's steps in the same order and precision, so the matrix is
the same bit for bit (``tests/extract/test_event_model.py`` compares them).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class TfidfParts:
    vocabulary: dict[str, int]
    idf: Any  # numpy array, the vectorizer's dtype
    dtype: str  # "float32" or "float64"
    token_pattern: str
    ngram_range: tuple[int, int]
    lowercase: bool

    def to_arrays(self) -> tuple[dict, Any]:
        """JSON-able settings and the idf array (for a cache file)."""
        settings = {"vocabulary": self.vocabulary, "dtype": self.dtype, "token_pattern": self.token_pattern,
                    "ngram_range": list(self.ngram_range), "lowercase": self.lowercase}
        return settings, self.idf

    @classmethod
    def from_arrays(cls, settings: dict, idf) -> TfidfParts:
        return cls({str(k): int(v) for k, v in settings["vocabulary"].items()}, idf, settings["dtype"],
                   settings["token_pattern"], tuple(settings["ngram_range"]), bool(settings["lowercase"]))  # type: ignore[arg-type]


def parts_of(vectorizer) -> TfidfParts | None:
    """The parts of a vectorizer fitted as :func:`train_model` fits one, or None for any other."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    if type(vectorizer) is not TfidfVectorizer:
        return None
    p = vectorizer.get_params()
    plain = (p["analyzer"] == "word" and p["input"] == "content" and p["tokenizer"] is None
             and p["preprocessor"] is None and p["stop_words"] is None and p["strip_accents"] is None)
    weighted = not p["binary"] and p["use_idf"] and p["sublinear_tf"] and p["norm"] == "l2"
    dtype = np.dtype(p["dtype"])
    if not (plain and weighted) or dtype not in (np.float32, np.float64) or re.compile(p["token_pattern"]).groups:
        return None
    vocabulary = {str(term): int(column) for term, column in vectorizer.vocabulary_.items()}
    return TfidfParts(vocabulary, vectorizer.idf_, dtype.name, p["token_pattern"], tuple(p["ngram_range"]),
                      bool(p["lowercase"]))


def analyze(parts: TfidfParts, text: str) -> list[str]:
    """The terms of ``text``: scikit-learn's word analyzer (lower-case, tokens, n-grams)."""
    tokens = re.findall(parts.token_pattern, text.lower() if parts.lowercase else text)
    low, high = parts.ngram_range
    if high == 1:
        return tokens
    terms = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high + 1, len(tokens) + 1)):
        terms.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return terms


def _column_counts(parts: TfidfParts, text: str) -> dict[int, int]:
    """Term counts of ``text`` by vocabulary column (as ``CountVectorizer._count_vocab``;
    the columns are sorted before use, so their order here does not matter)."""
    if parts.ngram_range != (1, 2):
        terms = analyze(parts, text)
    else:  # a bigram is looked up only when its first word opens one in the vocabulary
        text = text.lower() if parts.lowercase else text
        terms = _token_pattern(parts.token_pattern, text.isascii()).findall(text)
        heads = _bigram_heads(parts)
        terms += [f"{word} {terms[i + 1]}" for i, word in enumerate(terms[:-1]) if word in heads]
    counter: Counter = Counter(map(parts.vocabulary.get, terms))  # counted in C; None counts the terms out of vocabulary
    counter.pop(None, None)
    return counter


#: train_model's token pattern. On ASCII text its ASCII form finds the same tokens (\w and \b
#: mean the same there), at two thirds of the cost: Unicode classes are looked up per character.
_WORD_TOKENS = r"(?u)\b\w[\w-]*\b"
_ASCII_WORD_TOKENS = re.compile(r"(?a)\b\w[\w-]*\b")


def _token_pattern(token_pattern: str, ascii_text: bool) -> re.Pattern:
    if ascii_text and token_pattern == _WORD_TOKENS:
        return _ASCII_WORD_TOKENS
    return re.compile(token_pattern)  # (re keeps the compiled pattern)


_HEADS: dict[int, tuple[TfidfParts, frozenset[str]]] = {}


def _bigram_heads(parts: TfidfParts) -> frozenset[str]:
    """The words that begin a two-word term of the vocabulary (kept per parts)."""
    cached = _HEADS.get(id(parts))
    if cached is None or cached[0] is not parts:
        cached = _HEADS[id(parts)] = (parts, frozenset(term.split(" ", 1)[0] for term in parts.vocabulary if " " in term))
    return cached[1]


def _weigh(parts: TfidfParts, data, indices, indptr) -> None:
    """TfidfTransformer.transform on sorted CSR parts, in place: sublinear tf, idf, then l2."""
    import numpy as np

    np.log(data, data)
    data += 1.0
    data *= parts.idf[indices]
    _normalise_rows(data, indptr)


def transform(parts: TfidfParts, inputs: Sequence[str]):
    """``vectorizer.transform(inputs)``: a (len(inputs) x vocabulary) CSR matrix."""
    import numpy as np
    from scipy import sparse

    columns: list[int] = []
    counts: list[int] = []
    indptr = [0]
    for text in inputs:
        counter = _column_counts(parts, text)
        columns.extend(counter)
        counts.extend(counter.values())
        indptr.append(len(columns))
    matrix = sparse.csr_matrix((np.asarray(counts, dtype=np.intc), np.asarray(columns, dtype=np.int32),
                               np.asarray(indptr, dtype=np.int32)), shape=(len(inputs), len(parts.vocabulary)),
                              dtype=parts.dtype)  # fmt: skip
    matrix.sort_indices()
    _weigh(parts, matrix.data, matrix.indices, matrix.indptr)
    return matrix


def linear_scores(parts: TfidfParts, inputs: Sequence[str], weights):
    """``np.asarray(transform(parts, inputs) @ weights)`` for a dense (vocabulary x k)
    ``weights`` of the features' dtype, bit for bit, without building a sparse matrix.

    A model scores one passage at a time, and scipy's per-call checks cost more
    than the arithmetic. scipy's product (``csr_matvecs``) adds ``value * row``
    into each output row one stored entry at a time, in column order, in the
    data's precision; ``np.add.accumulate`` down the products adds in that
    same order (``tests/extract/test_event_model.py`` compares the bytes)."""
    import numpy as np

    dtype = np.dtype(parts.dtype)
    out = np.zeros((len(inputs), weights.shape[1]), dtype=np.result_type(dtype, weights.dtype))
    for row, text in enumerate(inputs):
        counter = _column_counts(parts, text)
        if not counter:
            continue
        columns = sorted(counter)
        indices = np.array(columns, dtype=np.int32)
        data = np.array([counter[column] for column in columns], dtype=dtype)
        _weigh(parts, data, indices, (0, len(data)))
        # out starts at zero as scipy's rows do, so a -0.0 sum reads +0.0 there as well
        out[row] += np.add.accumulate(weights[indices] * data[:, None], axis=0)[-1]
    return out


def _normalise_rows(data, indptr) -> None:
    """scikit-learn's ``inplace_csr_row_normalize_l2``: each row's squares (in the
    data's precision) summed in order in double precision, each value divided in
    double precision and stored back in the data's precision."""
    import numpy as np

    for row in range(len(indptr) - 1):
        values = data[indptr[row] : indptr[row + 1]]
        total = 0.0
        for square in (values * values).tolist():
            total += square
        if total != 0.0:
            values[:] = values.astype(np.float64) / math.sqrt(total)
