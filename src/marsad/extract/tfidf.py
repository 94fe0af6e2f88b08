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
import string
from collections import Counter
from collections.abc import Callable, Sequence
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
    return Counter(_found_columns(parts, text))


def _found_columns(parts: TfidfParts, text: str) -> list[Any]:
    """The vocabulary columns of the terms of ``text``, a column once per occurrence, unsorted."""
    if text.isascii() and parts.token_pattern == _WORD_TOKENS and parts.ngram_range in ((1, 1), (1, 2)):
        return _ascii_found_columns(_ascii_terms(parts), text)
    if parts.ngram_range != (1, 2):
        terms = analyze(parts, text)
    else:  # a bigram is looked up only when its first word opens one in the vocabulary
        text = text.lower() if parts.lowercase else text
        terms = _token_pattern(parts.token_pattern, text.isascii()).findall(text)
        heads = _bigram_heads(parts)
        terms += [f"{word} {terms[i + 1]}" for i, word in enumerate(terms[:-1]) if word in heads]
    return [column for column in map(parts.vocabulary.get, terms) if column is not None]


def _ascii_found_columns(terms: _AsciiTerms, text: str) -> list[Any]:
    """:func:`_found_columns` of ASCII text for train_model's token pattern, its tokens found in bytes.

    The pattern's tokens are the runs of word characters and hyphens less their
    leading and trailing hyphens (``\\b`` comes before the first word character
    and after the last), so a table that turns every other byte into a space (and
    lower-cases) and ``split`` find them (``tests/extract/test_event_model.py``
    compares); a bigram is looked up only after a word that opens one."""
    words = terms.words
    found: list[Any] = []
    seconds: dict[bytes, Any] | None = None  # the bigrams the previous word opens
    for word in text.encode("ascii").translate(terms.table).split():
        if word[0] == 45 or word[-1] == 45:  # "-": a hyphen at either end is not part of the token
            word = word.strip(b"-")
            if not word:
                continue  # (hyphens alone: no token, and the words on either side make a bigram)
        if seconds is not None:
            column = seconds.get(word)
            if column is not None:
                found.append(column)
        known = words.get(word)
        if known is None:
            seconds = None
            continue
        column, seconds = known
        if column is not None:
            found.append(column)
    return found


class _AsciiTerms:
    """A vocabulary's ASCII terms as bytes, by word: its own column, and the bigrams it opens.

    (Columns are kept as the vocabulary's int objects, typed Any, so that compiled code
    passes them on as they are instead of unboxing and boxing each.)"""

    def __init__(self, parts: TfidfParts) -> None:
        self.parts = parts
        kept = frozenset(string.ascii_letters + string.digits + "_-")
        self.table = bytes(ord(chr(byte).lower() if parts.lowercase else chr(byte)) if chr(byte) in kept else 32
                           for byte in range(256))  # fmt: skip
        # a word's column (None when only bigrams start with it) and the bigrams it opens (None if none)
        self.words: dict[bytes, tuple[Any, dict[bytes, Any] | None]] = {}
        bigrams: dict[bytes, dict[bytes, Any]] = {}
        columns: dict[bytes, Any] = {}
        for term, column in parts.vocabulary.items():
            if not term.isascii():
                continue  # (never in ASCII text)
            first, _, second = term.encode("ascii").partition(b" ")
            if second and parts.ngram_range[1] == 2:
                bigrams.setdefault(first, {})[second] = column
            elif not second:
                columns[first] = column
        for word in columns.keys() | bigrams.keys():
            self.words[word] = (columns.get(word), bigrams.get(word))


_ASCII_TERMS: dict[int, _AsciiTerms] = {}


def _ascii_terms(parts: TfidfParts) -> _AsciiTerms:
    """The :class:`_AsciiTerms` of ``parts`` (kept per parts)."""
    cached: _AsciiTerms = _kept_for(parts, _ASCII_TERMS, _AsciiTerms)
    return cached


def _kept_for(parts: TfidfParts, cache: dict[int, Any], build: Callable[[TfidfParts], Any]) -> Any:
    """``build(parts)``, kept in ``cache`` while these very parts are in use (by id, checked: an id is reused
    once its object is gone)."""
    cached = cache.get(id(parts))
    if cached is None or cached.parts is not parts:
        cached = cache[id(parts)] = build(parts)
    return cached


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
    _sublinear_idf(parts, data, indices)
    _normalise_rows(data, indptr)


def _sublinear_idf(parts: TfidfParts, data, indices) -> None:
    """Counts to ``(1 + log(count)) * idf``, in place, in the data's precision."""
    import numpy as np

    np.log(data, data)
    data += 1.0
    data *= parts.idf[indices]


class _TermValues:
    """A term's weight before the l2 norm, and its square, as floats of the data's
    precision, by column and count: a text's values are looked up, not computed.

    Each is what :func:`_sublinear_idf` gives: ``1 + log(count)`` as numpy's ``log``
    gives it for an array of counts (element by element: an element's result does not
    depend on the array around it, ``tests/extract/test_event_model.py`` checks), times
    the idf, and that squared, each rounded to the data's precision."""

    _LIMIT = 1 << 16  # (column, count) pairs kept for counts above one

    def __init__(self, parts: TfidfParts) -> None:
        import numpy as np

        self.parts = parts
        once = np.ones(len(parts.idf), dtype=parts.dtype)
        _sublinear_idf(parts, once, np.arange(len(once)))
        self.once: list[float] = once.tolist()
        self.once_squares: list[float] = (once * once).tolist()
        self.more: dict[int, tuple[float, float]] = {}
        self.tf: dict[int, float] = {}  # 1 + log(count), by count

    def value(self, column: int, count: int) -> tuple[float, float]:
        key = count * len(self.once) + column
        found = self.more.get(key)
        if found is None:
            if len(self.more) >= self._LIMIT:
                self.more.clear()
            found = self.more[key] = self._compute(column, count)
        return found

    def _compute(self, column: int, count: int) -> tuple[float, float]:
        """(A double product of two float32 values is exact: rounded once, it is their float32
        product; a float64 idf's product is rounded to double first, as numpy's.)"""
        import numpy as np

        tf = self.tf.get(count)
        if tf is None:
            counts = np.array([count], dtype=self.parts.dtype)
            np.log(counts, counts)
            counts += 1.0
            tf = self.tf[count] = float(counts[0])
        precision = np.dtype(self.parts.dtype).type
        value = float(precision(tf * float(self.parts.idf[column])))
        return value, float(precision(value * value))


_TERM_VALUES: dict[int, _TermValues] = {}


def _term_values(parts: TfidfParts) -> _TermValues:
    """The :class:`_TermValues` of ``parts`` (kept per parts)."""
    cached: _TermValues = _kept_for(parts, _TERM_VALUES, _TermValues)
    return cached


def _weighed(parts: TfidfParts, found: list[Any]) -> tuple[list[Any], list[float]]:
    """The columns of ``found`` (sorted, each once) and their values as :func:`_weigh` leaves
    them for one row, before they are stored in the data's precision: the squares summed in
    order in double precision, each value divided by the root in double precision."""
    found.sort()
    values_of = _term_values(parts)
    once, once_squares = values_of.once, values_of.once_squares
    columns: list[Any] = []
    values: list[float] = []
    total = 0.0
    start, end = 0, len(found)
    while start < end:
        column = found[start]
        stop = start + 1
        while stop < end and found[stop] == column:
            stop += 1
        value: float
        square: float
        if stop - start == 1:
            at: int = column  # (an annotation, not typing.cast: no call in interpreted code)
            value, square = once[at], once_squares[at]
        else:
            value, square = values_of.value(column, stop - start)
        columns.append(column)
        values.append(value)
        total += square
        start = stop
    if total != 0.0:
        norm = math.sqrt(total)
        values = [value / norm for value in values]
    return columns, values


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
    than the arithmetic (see :func:`term_sum`)."""
    import numpy as np

    dtype = np.dtype(parts.dtype)
    out = np.zeros((len(inputs), weights.shape[1]), dtype=np.result_type(dtype, weights.dtype))
    for row, text in enumerate(inputs):
        total = term_sum(parts, text, weights)
        if total is not None:
            # out starts at zero as scipy's rows do, so a -0.0 sum reads +0.0 there as well
            out[row] += total
    return out


def term_sum(parts: TfidfParts, text: str, weights):
    """The sum over the terms of ``text`` of its TF-IDF value times the term's row of
    ``weights``, as scipy's product adds them (k floats), or None when no term of ``text``
    is in the vocabulary; :func:`linear_scores` adds it to a row of zeros.

    scipy's product (``csr_matvecs``) adds ``value * row`` into each output row one
    stored entry at a time, in column order, in the data's precision;
    ``np.add.reduce`` down the products (over their outer axis: no pairwise summation)
    adds in that same order (``tests/extract/test_event_model.py`` compares the bytes)."""
    terms = weighed_terms(parts, text)
    return None if terms is None else weighed_sum(parts, terms[0], terms[1], weights)


def weighed_terms(parts: TfidfParts, text: str) -> tuple[list[Any], list[float]] | None:
    """The columns of the terms of ``text`` in the vocabulary and their TF-IDF values, or None when it has none."""
    found = _found_columns(parts, text)
    return _weighed(parts, found) if found else None


def weighed_sum(parts: TfidfParts, columns: list[Any], values: list[float], weights):
    """:func:`term_sum` of the terms :func:`_weighed` gave (``columns`` and their ``values``)."""
    import numpy as np

    # (stored in the data's precision, as _normalise_rows stores them; fromiter casts each float as array does)
    data = np.fromiter(values, parts.dtype, len(values)).reshape(len(values), 1)
    products = weights.take(np.fromiter(columns, np.intp, len(columns)), 0) * data
    # (the sum alone: accumulate's running sums, then its last row, cost a copy of the products and a call)
    return np.add.reduce(products, 0)


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
