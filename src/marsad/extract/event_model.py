"""A trainable event-type classifier that works together with the rules.

Features, for each passage:

* TF-IDF word uni- and bigrams of the passage, plus the rules' verdict as
  tokens (``__rule_armed_clash``, ``__rulehow_lead``), so a model learns where
  the rules are right and where its coders (or the written examples) differ;
* the mean of pretrained word vectors (WordLlama's 256-dimensional token
  embeddings, shipped inside the ``wordllama`` wheel, MIT; no torch, no
  download) over the passage's lead sentence, so that "set off explosives
  strapped to her body" lands near "blew herself up" although the words differ.

A multinomial logistic regression weighs them; its probabilities are
calibrated by temperature scaling fitted on out-of-fold predictions, so
``probability`` means what it says (the review inbox sorts by it).

* ``marsad train events.csv -o model.joblib`` trains one on a user's own
  ACLED-layout archive (:func:`train_from_csv`); such a model is *primary*: it
  decides every event type.
* The model shipped in ``marsad/data/models/`` is trained only on examples
  written for this project (``marsad/data/training/``; rebuild it with
  ``scripts/build_event_model.py``). It is *hybrid*: where a rule states what
  happened it overrides the rule only when clearly confident; elsewhere it decides.

Model files are joblib pickles: load only files you made or trust.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from marsad.errors import InputError
from marsad.extract import tfidf
from marsad.extract.event_types import STATED, EventTyping, lead_sentence_end, load_rules
from marsad.gazetteer.keys import remember

FORMAT_VERSION = 2
#: A passage's TF-IDF columns and values (the intercept's row last) and its lead's token ids.
_Features = tuple[list[Any], list[float], list[int]]
TEXT_COLUMNS = ("notes", "text")
LABEL_COLUMN = "sub_event_type"
EMBEDDING = "wordllama-l2_supercat-256"
LEAD_CHARS = 400  # the lead sentence states what happened; later detail blurs the vector
# ACLED appends the coder's fatality remark in brackets; it is not evidence of the type.
_CODER_REMARK = re.compile(r"\s*\[(?:size|fatalities|[^\]]{0,40}coded)[^\]]*\]\s*$", re.I)


@lru_cache(maxsize=256)  # one per sub-event type; a regex substitution per event otherwise
def rule_token(sub_event_type: str) -> str:
    return "__rule_" + re.sub(r"\W+", "_", sub_event_type.lower()).strip("_")


def _how(typed: EventTyping) -> str:
    rule = typed.rule.rsplit(".", 1)[-1]
    if rule in ("label", "default"):
        return rule
    return "lead" if typed.confidence >= STATED else "passage"


def model_input(text: str, typed: EventTyping | None = None, rules=None) -> str:
    """The text the TF-IDF part reads: the passage plus the rules' verdict on it."""
    if typed is None:
        typed = (rules or load_rules()).classify(text)
    return f"{text} {rule_token(typed.sub_event_type)} __rulehow_{_how(typed)}"


@lru_cache(maxsize=1)
def _word_vectors():
    """WordLlama's token embeddings and tokenizer from the installed wheel (loaded
    once per process; never downloaded: the files are inside the package)."""
    from importlib.util import find_spec

    try:
        import numpy as np
        from safetensors import safe_open
        from tokenizers import Tokenizer

        # Only its files are read: finding the package does not import it (a quarter of a second of CPU).
        spec = find_spec("wordllama")
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("No module named 'wordllama'")
    except ImportError as error:  # pragma: no cover - a dependency of marsad
        raise InputError(f"event models need the 'wordllama' package ({error}); pip install wordllama") from error
    root = Path(next(iter(spec.submodule_search_locations)))
    tokenizer = Tokenizer.from_file(str(root / "tokenizers" / "l2_supercat_tokenizer_config.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    with safe_open(str(root / "weights" / "l2_supercat_256.safetensors"), framework="np") as handle:
        table = handle.get_tensor("embedding.weight").astype(np.float32)
    return tokenizer, table


#: A lead's pieces: a word with the spaces before it (the first piece, with any spaces that open the text).
_PIECE = re.compile(r"(?: +|^)[^ ]*")
_PIECE_CACHE_SIZE = 200_000
_piece_ids: dict[str, list[int]] = {}


def token_ids(tokenizer, texts: Sequence[str]) -> list[list[int]]:
    """``[e.ids for e in tokenizer.encode_batch(texts, add_special_tokens=False)]``, a word at a time.

    WordLlama's tokenizer marks spaces with "▁" (prepended to the text, and for
    each space) and runs BPE over the whole text, so each call costs tens of
    microseconds. No merge in its vocabulary joins a piece that ends in a letter
    to one that starts with "▁" (``tests/extract/test_event_model.py`` checks the
    merges), so the ids of a text are those of its words (each with the spaces
    before it) in turn, and each word is encoded once per process; a last space
    after a word (an event's block ends before the next sentence) is then a "▁"
    of its own. A text that ends in other spaces or holds a special token ("<s>")
    is encoded whole."""
    specials = _special_tokens(tokenizer)
    space = _last_space_ids(tokenizer)
    return [_text_ids(tokenizer, text, specials, space) for text in texts]


def _text_ids(tokenizer, text: str, specials: tuple[str, ...] | None, space: list[int] | None) -> list[int]:
    """:func:`token_ids` of one text; its new words are encoded and cached as they come."""
    # the text's last space after a word is left out of its words
    last = text.endswith(" ") and space is not None and text[-2:-1] not in ("", " ", "\u2581")
    if specials is None or (text.endswith(" ") and not last) or any(token in text for token in specials):
        return list(tokenizer.encode(text, add_special_tokens=False).ids)
    if last:
        text = text[:-1]
    if "  " in text or text.startswith(" "):
        pieces = _PIECE.findall(text)
        # a later piece's first space is the "▁" the tokenizer prepends to a text of its own
        words = [pieces[0], *(piece[1:] for piece in pieces[1:])]
    else:  # one space before each word after the first: the same words, split in C
        words = text.split(" ")
    cache = _piece_ids
    ids: list[int] = []
    for index, word in enumerate(words):
        found = cache.get(word)
        if found is None:  # the first new word: all the text's new words (none before it) are encoded now
            if len(cache) + len(words) > _PIECE_CACHE_SIZE:
                cache.clear()
            _encode_words(tokenizer, list(dict.fromkeys([new for new in words[index:] if new not in cache])))
            found = cache[word]
        ids += found
    if last and space is not None:
        ids += space
    return ids


def _encode_words(tokenizer, words: list[str]) -> None:
    """Each word's ids into the cache. A word's ids are those its BPE model gives
    the word as the normalizer writes it ("▁" for each space and before the
    text): what ``encode`` does for a text without special tokens, less the
    splitting, the offsets and the ``Encoding``, which cost several times the
    BPE on a few new words. A tokenizer of another make goes through ``encode``."""
    model = _bpe_model(tokenizer)
    if model is None:
        for word in words:
            _piece_ids[word] = tokenizer.encode(word, add_special_tokens=False).ids
        return
    # One word at a time: the batch calls hand the work to a thread pool, whose
    # threads wake for each call and then spin, costing more CPU than the encoding.
    tokenize = model.tokenize
    whole = _whole_pieces(tokenizer)
    for word in words:  # (an empty text stays empty: the normalizer prepends to a non-empty one only)
        if not word:
            _piece_ids[word] = []
            continue
        piece = "\u2581" + word.replace(" ", "\u2581")
        single = whole.get(piece)
        if single is not None:
            _piece_ids[word] = [single]
            continue
        known = _known_before_marks(word, whole) if word[-1] in _MARKS else None
        if known is not None:
            _piece_ids[word] = known + _mark_ids(word[len(word.rstrip(_MARKS)) :], tokenize)
        else:
            _piece_ids[word] = [token.id for token in tokenize(piece)]


#: The marks that end words in news text ("forces,", "Borno).", "said:").
_MARKS: Final = ".,;:!?)]}'\""


def _known_before_marks(word: str, whole: dict[str, int]) -> list[int] | None:
    """The ids of ``word`` before the marks that end it, when known: no merge joins a piece that
    ends in a letter or digit (but "²") to one that begins with a mark (the test of the merges),
    so BPE reads the word before them and the marks apart. (A word holding a space or a "▁" is
    another kind of piece.)"""
    before = word.rstrip(_MARKS)
    if not before or not before[-1].isalnum() or before[-1] == "\u00b2" or " " in word or "\u2581" in word:
        return None
    known = _piece_ids.get(before)
    if known is None:
        single = whole.get("\u2581" + before)
        return None if single is None else [single]
    return known


_marks_ids: dict[str, list[int]] = {}


def _mark_ids(marks: str, tokenize) -> list[int]:
    """The ids BPE gives ``marks`` after a word (no "▁" before them), kept (a few dozen in news text)."""
    ids = _marks_ids.get(marks)
    return ids if ids is not None else remember(_marks_ids, marks, [token.id for token in tokenize(marks)], 1_000)


@lru_cache(maxsize=4)
def _whole_pieces(tokenizer) -> dict[str, int]:
    """The vocabulary's pieces that open with "▁", by text: BPE gives such a piece, read
    alone, its own id (``tests/extract/test_event_model.py`` checks each), so a word that is
    one of them skips the BPE call (a quarter of the new words in news text)."""
    return {piece: id_ for piece, id_ in tokenizer.get_vocab(with_added_tokens=False).items()
            if piece.startswith("\u2581")}


@lru_cache(maxsize=4)
def _last_space_ids(tokenizer) -> list[int] | None:
    """The ids of a text's last space after a word, "▁" alone: no merge joins a piece with
    a letter or mark in it to a "▁" after it (the test of the merges), so BPE leaves it
    apart; None for a tokenizer of another make."""
    model = _bpe_model(tokenizer)
    return None if model is None else [token.id for token in model.tokenize("\u2581")]


#: WordLlama's (Llama 2's) normalizer: "▁" before the text, and for each space.
_SPACES_AS_MARKS = {"type": "Sequence", "normalizers": [{"type": "Prepend", "prepend": "\u2581"},
                                                        {"type": "Replace", "pattern": {"String": " "}, "content": "\u2581"}]}


@lru_cache(maxsize=4)
def _bpe_model(tokenizer):
    """The tokenizer's BPE model when ``encode`` is that model run on the text as
    :data:`_SPACES_AS_MARKS` normalizes it (no pre-tokenizer, no dropout), else None."""
    import json

    from tokenizers.models import BPE

    model, normalizer = getattr(tokenizer, "model", None), getattr(tokenizer, "normalizer", None)
    if not isinstance(model, BPE) or model.dropout or getattr(tokenizer, "pre_tokenizer", True) is not None:
        return None
    state = getattr(normalizer, "__getstate__", None)
    return model if state is not None and json.loads(state()) == _SPACES_AS_MARKS else None


@lru_cache(maxsize=4)
def _special_tokens(tokenizer) -> tuple[str, ...] | None:
    """The added tokens' texts, matched before BPE; None when this tokenizers release cannot list them."""
    listed = getattr(tokenizer, "get_added_tokens_decoder", None)
    return None if listed is None else tuple(token.content for token in listed().values())


def embed(texts: Sequence[str]):
    """Unit-length mean word vector of each text's lead (n x 256 float32)."""
    import numpy as np

    tokenizer, table = _word_vectors()
    out = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
    for row, ids in enumerate(token_ids(tokenizer, [_lead(text) for text in texts])):
        if ids:
            out[row] = unit_mean(table.take(ids, 0))
    return out


def _lead(text: str) -> str:
    return text[: lead_sentence_end(text, LEAD_CHARS)]


def _lead_ids(text: str) -> list[int]:
    """The token ids of the lead of ``text`` (:func:`token_ids`'s)."""
    tokenizer = _word_vectors()[0]
    return _text_ids(tokenizer, _lead(text), _special_tokens(tokenizer), _last_space_ids(tokenizer))


def _embedded(ids: list[int]):
    """``embed([text])[0]`` of a lead with these token ids (:func:`_lead_ids`), the same 256 floats, without the
    copy into a row of zeros."""
    import numpy as np

    table = _word_vectors()[1]
    if not ids:
        return np.zeros(table.shape[1], dtype=np.float32)
    # (fromiter reads the ids at four fifths of the cost of take's conversion of a list)
    return unit_mean(table.take(np.fromiter(ids, np.intp, len(ids)), 0))


def unit_mean(rows):
    """``v / (np.linalg.norm(v) or 1.0)`` for ``v = rows.mean(axis=0)`` (float32 rows), bit for bit.

    Without the two functions' argument handling, which costs more than their
    arithmetic for one passage: ``mean`` sums down the rows (``add.reduce``) and
    divides the sums by the row count in double precision, stored back in float32,
    which is the count's float32 quotient (a quotient rounded to double, then to
    float32, is the float32 quotient); ``norm`` of a vector is the square root of
    its dot product with itself, in float32: the double root rounded, as the
    division reads a Python float (``tests/extract/test_event_model.py`` compares the bytes)."""
    import numpy as np

    vector = np.add.reduce(rows, 0)
    vector /= rows.shape[0]
    vector /= math.sqrt(float(vector.dot(vector))) or 1.0  # (in place: the same quotients, no new array)
    return vector


@dataclass
class EventModel:
    vectorizer: Any  # fitted TfidfVectorizer (None when read from the cache: features() needs only its parts)
    coef: Any  # (classes x features) float32
    intercept: Any
    classes: list[str]
    authority: str = "primary"  # "primary": decides every type; "hybrid": overrides a stated rule only when sure
    meta: dict[str, Any] = field(default_factory=dict)
    temperature: float = 1.0
    embedding_weight: float = 0.0  # 0: no word vectors
    override: float = 0.0  # hybrid: the probability the model needs to overrule a rule that fired in the lead
    _tfidf: Any = field(default=None, repr=False, compare=False)  # not init=False: mypyc leaves those unset
    _row_parts: Any = field(default=None, repr=False, compare=False)
    _quick_parts: Any = field(default=None, repr=False, compare=False)
    _quick_ones: Any = field(default=None, repr=False, compare=False)

    def _parts(self):
        if self._tfidf is None:
            self._tfidf = tfidf.parts_of(self.vectorizer) or False
        return self._tfidf

    def features(self, inputs: Sequence[str]):
        """``self.vectorizer.transform(inputs)``, the same matrix, computed by
        :mod:`marsad.extract.tfidf` (no per-call validation, no scikit-learn import
        when the model was read from its cache); a vectorizer of another shape than
        the one :func:`train_model` fits goes through ``transform``."""
        parts = self._parts()
        return tfidf.transform(parts, inputs) if parts else self.vectorizer.transform(inputs)

    def _text_scores(self, inputs: Sequence[str]):
        """``features(inputs) @ coef[:, :width].T`` and ``width``, the number of TF-IDF features."""
        import numpy as np

        parts = self._parts()
        if not parts:
            features = self.vectorizer.transform(inputs)
            width = features.shape[1]
            return np.asarray(features @ self.coef[:, :width].T), width
        width = len(parts.vocabulary)
        return tfidf.linear_scores(parts, inputs, self.coef[:, :width].T), width

    def probabilities(self, texts: Sequence[str], typings: Sequence[EventTyping] | None = None):
        """Calibrated probabilities (n x classes), columns in ``self.classes`` order."""
        typings = typings or [load_rules().classify(text) for text in texts]
        inputs = [model_input(t, typed) for t, typed in zip(texts, typings)]
        # Two products instead of stacking the features: the same scores, without sparse-matrix overhead per event.
        text_scores, width = self._text_scores(inputs)
        scores = text_scores + self.intercept
        if self.embedding_weight:
            scores += self._weighed_vectors(texts) @ self.coef[:, width:].T
        return self._calibrated(scores)

    def _row(self, text: str, typed: EventTyping) -> list[float]:
        """``self.probabilities([text], [typed])[0].tolist()``, the same floats, with fewer
        numpy calls (each costs more than its arithmetic on one row): the weights' parts
        are kept, the intercept is added as the TF-IDF sum's last term, and the row is a
        vector (numpy gives a vector the arithmetic it gives a row of one)."""
        parts = self._parts()
        features = self._features(parts, text, typed) if self._plain(parts) else None
        if features is None:
            return list(self.probabilities([text], [typed])[0].tolist())
        return self._exact_row(parts, features)

    def _plain(self, parts: Any) -> bool:
        """Whether the TF-IDF parts are known and the weights of their precision."""
        return bool(parts) and parts.dtype == self.coef.dtype == self.intercept.dtype

    def _features(self, parts: tfidf.TfidfParts, text: str, typed: EventTyping) -> _Features | None:
        """The passage's TF-IDF columns and values, the intercept's row (after the vocabulary's)
        last, times 1.0, and its lead's token ids; None when no term of it is in the vocabulary."""
        terms = tfidf.weighed_terms(parts, model_input(text, typed))
        if terms is None:
            return None
        columns, values = terms
        columns.append(len(parts.vocabulary))
        values.append(1.0)
        return columns, values, _lead_ids(text) if self.embedding_weight else []

    def _exact_row(self, parts: tfidf.TfidfParts, features: _Features) -> list[float]:
        """:meth:`_row` of a passage with these features."""
        text_weights, vector_weights = self._row_weights(parts)
        # probabilities adds the TF-IDF sum to +0.0, then the intercept: the same as adding intercept + 0.0
        scores = tfidf.weighed_sum(parts, features[0], features[1], text_weights)
        if self.embedding_weight:
            vectors = _embedded(features[2])
            if self.embedding_weight != 1.0:  # (times 1.0 is the same float: no copy)
                vectors *= self.embedding_weight
            scores += vectors @ vector_weights
        return self._calibrated_row(scores)

    def _row_weights(self, parts: tfidf.TfidfParts) -> tuple[Any, Any]:
        """The TF-IDF rows of ``coef`` (transposed) and, after them, ``intercept + 0.0``;
        the word-vector rows (a transposed view)."""
        import numpy as np

        if self._row_parts is None:
            width = len(parts.vocabulary)
            self._row_parts = (np.vstack([self.coef[:, :width].T, self.intercept + 0.0]), self.coef[:, width:].T)
        return self._row_parts

    def _weighed_vectors(self, texts: Sequence[str]):
        vectors = embed(texts)
        if self.embedding_weight != 1.0:  # (times 1.0 is the same float: no copy)
            vectors *= self.embedding_weight
        return vectors

    def _calibrated(self, scores):
        """The softmax of ``scores / temperature`` along each row, in place."""
        import numpy as np

        scores /= self.temperature
        scores -= scores.max(axis=1, keepdims=True) if len(scores) > 1 else scores.max()  # (one row: its maximum)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores

    def _calibrated_row(self, scores) -> list[float]:
        """``self._calibrated`` of one row's scores (a vector), as floats: the reductions are
        called as the array methods call them, without the methods' Python layer."""
        import numpy as np

        scores /= self.temperature
        scores -= np.maximum.reduce(scores)
        np.exp(scores, scores)
        scores /= np.add.reduce(scores)
        calibrated: list[float] = scores.tolist()
        return calibrated

    def predict(self, texts: list[str]) -> list[tuple[str, float]]:
        probabilities = self.probabilities(texts)
        return [(self.classes[int(row.argmax())], float(row.max())) for row in probabilities]

    def combine(self, text: str, typed: EventTyping, event_type_of: dict[str, str]) -> EventTyping:
        """The final typing of one passage, given the rules' verdict ``typed``."""
        if typed.rule.endswith(".label"):  # ACLED's own note label ("Looting: ...") decides
            return typed
        parts = self._parts()
        features = self._features(parts, text, typed) if self._plain(parts) else None
        choice = None
        if features is not None and self.temperature > 0.0:
            choice = self._choice(self._quick_row(parts, features), typed, _SLACK)
        if choice is None:  # (a decision or the printed figure too close to call: the float32 scores decide)
            row = self._row(text, typed) if features is None else self._exact_row(parts, features)
            choice = self._choice(row, typed, 0.0)
        assert choice is not None  # (without slack there is always a choice)
        label, probability = choice
        if label not in event_type_of:
            return typed
        if label == typed.sub_event_type:
            return EventTyping(typed.event_type, label, typed.rule, typed.confidence, typed.evidence, probability)
        return EventTyping(event_type_of[label], label, f"event_model:{self.meta.get('name', 'model')}",
                           max(typed.confidence, STATED), typed.evidence, probability)

    def _choice(self, row: list[float], typed: EventTyping, slack: float) -> tuple[str, float] | None:
        """The sub-event type ``row`` gives and its probability; None where ``row`` may be off by
        ``slack`` and that could change either (a rival class or the override threshold within
        reach, or the probability that near a boundary of the four decimals printed)."""
        top = max(row)
        best = self.classes[row.index(top)]  # (the first of equals, as argmax)
        if slack and sorted(row)[-2] >= top - 2 * slack:
            return None
        label = best
        if self.authority != "primary" and typed.confidence >= STATED and typed.sub_event_type in self.classes:
            # A rule fired on the lead: it stands unless the model is clearly sure of something else.
            if best != typed.sub_event_type:
                if slack and abs(top - self.override) <= slack:
                    return None
                if top < self.override:
                    label = typed.sub_event_type
        probability = top if label is best else row[self.classes.index(label)]
        if slack and abs((probability * 10_000.0) % 1.0 - 0.5) <= slack * 10_000.0:
            return None
        return label, probability

    def _quick_row(self, parts: tfidf.TfidfParts, features: _Features) -> list[float]:
        """:meth:`_exact_row` to within :data:`_SLACK`, with half the numpy calls: the TF-IDF
        values times their weight rows in one product (double precision), the lead's word vectors
        summed by a product with ones, that sum's length and its product with the weights (the
        mean's count cancels in the unit vector), the softmax in Python."""
        import numpy as np

        columns, values, ids = features
        text_weights, vector_weights = self._quick_weights(parts)
        scores: list[float] = (np.fromiter(values, np.float64, len(values))
                               @ text_weights.take(np.fromiter(columns, np.intp, len(columns)), 0)).tolist()
        if ids:
            # (a product with ones: the sum to float32 rounding, without add.reduce's iterator set-up)
            total = self._ones(len(ids)) @ _word_vectors()[1].take(np.fromiter(ids, np.intp, len(ids)), 0)
            length = math.sqrt(float(total.dot(total)))
            if length:
                scale = self.embedding_weight / length
                projected: list[float] = (total @ vector_weights).tolist()
                scores = [score + value * scale for score, value in zip(scores, projected)]
        return _softmax(scores, self.temperature)

    def _ones(self, count: int) -> Any:
        """``count`` float32 ones (a view of a vector kept for the longest lead so far)."""
        import numpy as np

        if self._quick_ones is None or len(self._quick_ones) < count:
            self._quick_ones = np.ones(max(count, 512), dtype=np.float32)
        return self._quick_ones[:count]

    def _quick_weights(self, parts: tfidf.TfidfParts) -> tuple[Any, Any]:
        """``coef``'s TF-IDF rows and, after them, ``intercept`` (float64); its word-vector rows
        (transposed, as stored)."""
        import numpy as np

        if self._quick_parts is None:
            width = len(parts.vocabulary)
            self._quick_parts = (np.vstack([self.coef[:, :width].T, self.intercept]).astype(np.float64),
                                 np.ascontiguousarray(self.coef[:, width:].T))
        return self._quick_parts


#: How far :meth:`EventModel._quick_row`'s probabilities may lie from the float32 path's: the float32
#: sums' rounding, at most 1.1e-6 on the reference corpora's 2,513 model-typed events (99% within
#: 3.6e-7). Within this of a decision or of a rounding boundary of the printed four decimals, an event
#: is scored again the float32 way (about one in sixteen), so the output is the same.
_SLACK: Final = 3e-6


def _softmax(scores: list[float], temperature: float) -> list[float]:
    """The softmax of ``scores / temperature``, in double precision."""
    top = scores[0]
    for score in scores:
        if score > top:
            top = score
    exps: list[float] = []
    total = 0.0
    for score in scores:
        value = math.exp((score - top) / temperature)
        exps.append(value)
        total += value
    return [value / total for value in exps]


def train_model(texts: Iterable[str], labels: Iterable[str], *, authority: str = "primary", name: str = "model",
                seed: int = 0, weights: Sequence[float] | None = None, embedding_weight: float = 1.0,
                C: float = 8.0, override: float = 0.0, calibrate: bool = True,
                typings: Sequence[EventTyping] | None = None) -> EventModel:
    """Fit a model on passages and their ACLED sub-event types.

    ``typings``: the rules' verdicts on ``texts`` when already known (benchmarks reuse them)."""
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, labels = list(texts), list(labels)
    known = set(load_rules().event_type_of)
    unknown = sorted({label for label in labels if label not in known})
    if unknown:
        raise InputError(f"unknown sub-event types {unknown[:5]}: use ACLED's wording (see docs/schema.md)")
    if len(set(labels)) < 2:
        raise InputError("training needs at least two different sub-event types")
    rules = load_rules()
    typings = list(typings) if typings is not None else [rules.classify(text) for text in texts]
    # A large archive: n-grams seen once are noise, and dropping them makes fitting several times faster.
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2 if len(texts) >= 1000 else 1, sublinear_tf=True, lowercase=True,
                                 token_pattern=r"(?u)\b\w[\w-]*\b", dtype=np.float32)
    features = vectorizer.fit_transform([model_input(t, typed) for t, typed in zip(texts, typings)])
    if embedding_weight:
        features = sparse.hstack([features, sparse.csr_matrix(embed(texts) * embedding_weight)]).tocsr()
    y = np.asarray(labels)
    sample_weight = None if weights is None else np.asarray(weights, dtype=np.float64)

    def fit(rows):
        classifier = LogisticRegression(C=C, max_iter=500, tol=1e-3, random_state=seed)
        classifier.fit(features[rows], y[rows], sample_weight=None if sample_weight is None else sample_weight[rows])
        return classifier

    classifier = fit(np.arange(len(y)))
    temperature = _temperature(features, y, fit, seed) if calibrate else 1.0
    # Only needed for introspection; dropping them makes the file byte-for-byte reproducible.
    for attribute in ("stop_words_", "_stop_words_id"):  # the latter is a memory address
        if hasattr(vectorizer, attribute):
            delattr(vectorizer, attribute)
    meta = {"name": name, "format": FORMAT_VERSION, "examples": len(texts), "classes": sorted(set(labels)),
            "rules_version": rules.version, "embedding": EMBEDDING if embedding_weight else None, "C": C}
    coef, intercept = _softmax_weights(classifier)
    return EventModel(vectorizer=vectorizer, coef=coef, intercept=intercept, classes=[str(c) for c in classifier.classes_],
                      authority=authority, meta=meta, temperature=temperature, embedding_weight=embedding_weight,
                      override=override)


def _softmax_weights(classifier):
    """One row of weights per class, so that a softmax gives the classifier's probabilities.

    With two classes scikit-learn keeps a single row w (P(second) = sigmoid(w·x + b));
    the rows (0, w) give the same probabilities under a softmax."""
    import numpy as np

    coef, intercept = classifier.coef_.astype(np.float32), classifier.intercept_.astype(np.float32)
    if len(classifier.classes_) == 2 and coef.shape[0] == 1:
        coef = np.vstack([np.zeros_like(coef), coef])
        intercept = np.concatenate([np.zeros_like(intercept), intercept])
    return coef, intercept


def _temperature(features, y, fit, seed: int, folds: int = 3) -> float:
    """Temperature scaling: the T that minimises the log-loss of out-of-fold
    predictions (1.0 when the archive is too small to hold folds out)."""
    import numpy as np

    counts = np.unique(y, return_counts=True)[1]
    if len(y) < 60 or counts.min() < folds:
        return 1.0
    from sklearn.model_selection import StratifiedKFold

    scores = np.zeros((len(y), len(np.unique(y))), dtype=np.float64)
    classes = np.unique(y)
    for train, held in StratifiedKFold(folds, shuffle=True, random_state=seed).split(features, y):
        classifier = fit(train)
        columns = np.searchsorted(classes, classifier.classes_)
        coef, intercept = _softmax_weights(classifier)
        scores[np.ix_(held, columns)] = np.asarray(features[held] @ coef.T) + intercept
    truth = np.searchsorted(classes, y)

    def loss(t: float) -> float:
        z = scores / t
        z -= z.max(axis=1, keepdims=True)
        return float(-(z[np.arange(len(y)), truth] - np.log(np.exp(z).sum(axis=1))).mean())

    grid = np.exp(np.linspace(np.log(0.2), np.log(5.0), 61))
    return float(min(grid, key=loss))


def read_training_csv(path: str | Path) -> tuple[list[str], list[str]]:
    """Passages and sub-event types from an ACLED-layout CSV (``notes`` or
    ``text`` column, and ``sub_event_type``). Rows without either are skipped."""
    path = Path(path)
    try:
        handle = path.open(newline="", encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from error
    texts: list[str] = []
    labels: list[str] = []
    with handle:
        reader = csv.DictReader(handle)
        columns = reader.fieldnames or []
        text_column = next((c for c in TEXT_COLUMNS if c in columns), None)
        if text_column is None or LABEL_COLUMN not in columns:
            raise InputError(f"{path}:1: needs a 'notes' (or 'text') column and a '{LABEL_COLUMN}' column; "
                             f"found {', '.join(columns) or 'no header'}")
        try:
            for row in reader:
                text, label = (row.get(text_column) or "").strip(), (row.get(LABEL_COLUMN) or "").strip()
                if text and label:
                    texts.append(_CODER_REMARK.sub("", text))
                    labels.append(label)
        except UnicodeDecodeError as error:
            raise InputError(f"{path}:{reader.line_num}: not UTF-8 text ({error.reason})") from error
    if not texts:
        raise InputError(f"{path}: no rows with both a text and a sub-event type")
    return texts, labels


def train_from_csv(path: str | Path, output: str | Path, *, seed: int = 0, word_vectors: bool = True) -> EventModel:
    """Train on an ACLED-layout CSV and write the model to ``output``.

    ``word_vectors``: add WordLlama word vectors to the features. They cost about
    one point of accuracy on text like the archive's own and gain about seven on
    another kind of text (docs/benchmarks.md), so they are on by default."""
    texts, labels = read_training_csv(path)
    model = train_model(texts, labels, name=Path(path).name, seed=seed, embedding_weight=1.0 if word_vectors else 0.0)
    save_model(model, output)
    return model


def save_model(model: EventModel, path: str | Path) -> None:
    import joblib

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump({"format": FORMAT_VERSION, "vectorizer": model.vectorizer, "coef": model.coef,
                 "intercept": model.intercept, "classes": model.classes, "authority": model.authority,
                 "meta": model.meta, "temperature": model.temperature, "embedding_weight": model.embedding_weight,
                 "override": model.override}, path, compress=3)


def load_model(path: str | Path) -> EventModel:
    """Read a model file. Its plain arrays are also kept in the data directory's
    cache (one file per model file's content, written once), so that later
    processes read the model without importing scikit-learn (about a second of CPU)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"event model {path} does not exist; train one with: marsad train events.csv -o {path}")
    cache = _cache_path(path)
    if cache.exists():
        try:
            return _read_cache(cache)
        except Exception:  # noqa: BLE001 - the cache is an optimisation only: a damaged one is written again
            pass
    model = _read_joblib(path)
    try:
        _write_cache(model, cache)
    except Exception:  # noqa: BLE001 - e.g. a read-only data directory
        pass
    return model


def _read_joblib(path: Path) -> EventModel:
    import joblib

    try:
        payload = joblib.load(path)
    except Exception as error:  # a truncated or foreign file: say which one
        raise InputError(f"{path} is not a marsad event model ({error.__class__.__name__})") from error
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_VERSION:
        raise InputError(f"{path} is not a marsad event model of format {FORMAT_VERSION}; retrain it with marsad train")
    return EventModel(vectorizer=payload["vectorizer"], coef=payload["coef"], intercept=payload["intercept"],
                      classes=list(payload["classes"]), authority=payload.get("authority", "primary"),
                      meta=payload.get("meta", {}), temperature=payload.get("temperature", 1.0),
                      embedding_weight=payload.get("embedding_weight", 0.0), override=payload.get("override", 0.0))


_SCALARS = ("classes", "authority", "meta", "temperature", "embedding_weight", "override")


def _cache_path(path: Path) -> Path:
    import hashlib

    from marsad.config import data_dir

    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    return data_dir() / "cache" / f"event-model-v{FORMAT_VERSION}-{digest}.npz"


def _write_cache(model: EventModel, cache: Path) -> None:
    import json
    import os

    import numpy as np

    from marsad.extract.tfidf import parts_of

    parts = parts_of(model.vectorizer)
    if parts is None:
        return
    settings, idf = parts.to_arrays()
    scalars = {name: getattr(model, name) for name in _SCALARS} | {"tfidf": settings}
    cache.parent.mkdir(parents=True, exist_ok=True)
    partial = cache.with_name(f"{cache.name}.{os.getpid()}.part")
    with partial.open("wb") as handle:
        np.savez(handle, coef=model.coef, intercept=model.intercept, idf=idf, scalars=np.array(json.dumps(scalars)))
    os.replace(partial, cache)  # atomic: parallel workers never read half a file


def _read_cache(cache: Path) -> EventModel:
    import json

    import numpy as np

    from marsad.extract.tfidf import TfidfParts

    with np.load(cache, allow_pickle=False) as arrays:
        scalars = json.loads(str(arrays["scalars"]))
        model = EventModel(vectorizer=None, coef=arrays["coef"], intercept=arrays["intercept"],
                           **{name: scalars[name] for name in _SCALARS})
        model._tfidf = TfidfParts.from_arrays(scalars["tfidf"], arrays["idf"])
    return model


def shipped_model_path() -> Path:
    from importlib import resources

    return Path(str(resources.files("marsad.data").joinpath("models").joinpath("event_types.joblib")))
