"""The extraction pipeline: registered, versioned components over one context.

A *component* is a function ``component(ctx: DocContext) -> None`` registered
under a name and a version::

    from marsad.extract.pipeline import register

    @register("places", version="1")
    def places_component(ctx):
        ctx.places.extend(find_places(ctx.text, ...))

Components run in :data:`DEFAULT_COMPONENTS` order over a shared
:class:`DocContext`; each reads what earlier ones found and adds its own
facts. The default components live in modules named after them
(``marsad.extract.<name>``) and are imported on first use; a component whose
module does not exist yet is skipped (the run records which ran), so the
pipeline always runs. The :class:`~marsad.model.Extraction` records
``pipeline = {"name", "version", "components": {name: version}}`` so a stored
run can be replayed with the same code.
"""

from __future__ import annotations

import importlib
import itertools
import logging
import os
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

from marsad.compiled import warn_if_stale
from marsad.extract.casefold import (
    WindowScan,
    WordIndex,
    finditer,
    folded_for_scan,
    for_spans,
    required_words,
    words_within,
)
from marsad.extract.text import normalise, split_sentences
from marsad.extract.versions import data_versions
from marsad.extract.wordscan import (
    WORD_START,
    leading_keys,
    leading_words,
    word_led_matches,
    word_led_spans,
    word_led_starts,
)
from marsad.model import (
    ActorMention,
    Casualty,
    DateValue,
    Event,
    Extraction,
    PlaceMention,
    Span,
)

#: (Final: the compiled code keeps them in C variables)
_NEW: Final = object.__new__
_SET: Final = object.__setattr__

if TYPE_CHECKING:
    from marsad.gazetteer.index import Gazetteer

logger = logging.getLogger(__name__)

#: ``\\d+``, spelled so that the engine skips to the next digit from a first character it
#: knows (a leading repeat gives it none: each position is tried, twice the instructions)
_DIGIT_RUN = re.compile(r"\d\d*")
#: the digits an ASCII text can hold (DocContext.digit_runs)
_DIGITS: Final = "0123456789"
#: marsad.gazetteer.index.default_gazetteer, once imported (DocContext.gazetteer)
_DEFAULT_GAZETTEER: Final[list[Callable[[], Gazetteer]]] = []
#: A text this long is scanned from the words a pattern can begin with (DocContext.scan): each of its
#: stems is looked up in the document's words, which on a short text costs more than the engine's
#: search from each space (measured: a 2,000-character report gains 3%, a 300-character note loses).
LEADING_MIN_CHARS = 1000

PIPELINE_NAME = "marsad-en"
PIPELINE_VERSION = "0.1.0"

#: Run order. numbers and dates first (casualties need both), actors and places
#: before casualties (perpetrators, victims' affiliation, place ids), events last.
DEFAULT_COMPONENTS: tuple[str, ...] = ("numbers", "dates", "actors", "places", "casualties", "events")


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    func: Callable[[DocContext], None]


_REGISTRY: dict[str, Component] = {}


def register(name: str, version: str = "1") -> Callable:
    """Register ``func(ctx)`` as pipeline component ``name`` at ``version``."""

    def decorator(func: Callable[[DocContext], None]) -> Callable[[DocContext], None]:
        _REGISTRY[name] = Component(name, str(version), func)
        return func

    return decorator


def registered() -> dict[str, Component]:
    return dict(_REGISTRY)


# Its own __init__ (as DocContext's): compiled, where a dataclass's is interpreted (each number found makes one).
@dataclass(init=False)
class NumberMention:
    """A quantity in the text: ``value`` is the best estimate.

    ``low``/``high`` are bounds from qualifiers ("at least 5": low=5), ``vague``
    names a convention ("dozens" = 12). ``start``/``end`` cover the qualifier
    and the number; ``num_start``/``num_end`` the number alone.
    """

    start: int
    end: int
    value: int | None
    low: int | None = None
    high: int | None = None
    qualifier: str = "exact"
    vague: str | None = None
    num_start: int = 0
    num_end: int = 0
    is_year: bool = False
    is_ordinal: bool = False

    def __init__(self, start: int, end: int, value: int | None, low: int | None = None, high: int | None = None,
                 qualifier: str = "exact", vague: str | None = None, num_start: int = 0, num_end: int = 0,
                 is_year: bool = False, is_ordinal: bool = False) -> None:
        self.start, self.end, self.value, self.low, self.high = start, end, value, low, high
        self.qualifier, self.vague, self.num_start, self.num_end = qualifier, vague, num_start, num_end
        self.is_year, self.is_ordinal = is_year, is_ordinal


@dataclass(init=False)
class DocContext:
    """Everything a component may read or add while one document is processed.

    * ``text``: the original input, never modified; every span indexes it.
    * ``norm``: ``text`` with typographic variants folded (same length, so
      offsets are shared). Match patterns against ``norm``.
    * ``sentences``: ``(start, end)`` offsets of sentences, in order.
    * ``published``: the publication date (given, or inferred by the dates
      component, then ``published_inferred`` is True).
    * ``numbers``: :class:`NumberMention` (numbers component).
    * ``dates``: :class:`~marsad.model.DateValue` with spans (dates component);
      ``anchors`` maps names such as ``"operation_start"`` or ``"month:2"`` to
      DateValues that periods are computed from.
    * ``actors`` (:class:`~marsad.model.ActorMention`), ``places``
      (:class:`~marsad.model.PlaceMention`), ``casualties``
      (:class:`~marsad.model.Casualty`), ``events`` (:class:`~marsad.model.Event`):
      facts found so far, each with its span.
    * ``warnings``: human-readable notes that end up in the Extraction.
    * ``extra``: free scratch space for components (key by component name).

    Use :meth:`new_id` for fact ids (``"C1"``, ``"P3"``) and :meth:`span` to
    build spans over the original text. Made from the input fields (``text``
    to ``sentences``); the others start empty.
    """

    text: str
    document_id: str = "doc"
    published: date | None = None
    published_inferred: bool = False
    source: str | None = None
    norm: str = ""
    sentences: list[tuple[int, int]] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)
    anchors: dict[str, DateValue] = field(default_factory=dict)
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    _counters: dict[str, Iterator[int]] = field(default_factory=dict, repr=False)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _folded: str | None = field(default=None, repr=False)
    _folded_done: bool = field(default=False, repr=False)
    _windows: dict[int, WindowScan] = field(default_factory=dict, repr=False)
    _words: WordIndex | None = field(default=None, repr=False)
    _word_led: list[int] | None = field(default=None, repr=False)
    _digit_runs: list[int] | None = field(default=None, repr=False)
    _found: dict[tuple[int, int, int], tuple[re.Pattern, re.Match | None]] = field(default_factory=dict, repr=False)
    _may_match: dict[int, tuple[re.Pattern, bool]] = field(default_factory=dict, repr=False)
    _within: dict[int, tuple[re.Pattern, tuple[str, ...] | None]] = field(default_factory=dict, repr=False)
    _lowered: dict[int, tuple[re.Pattern, re.Pattern, str]] = field(default_factory=dict, repr=False)
    _gazetteer: Gazetteer | None = field(default=None, repr=False)

    # Its own __init__: compiled (mypyc), where a dataclass's sets each of the fields above interpreted, once
    # per document.
    def __init__(self, text: str, document_id: str = "doc", published: date | None = None,
                 published_inferred: bool = False, source: str | None = None, norm: str = "",
                 sentences: list[tuple[int, int]] | None = None) -> None:
        self.text, self.document_id, self.source = text, document_id, source
        self.published, self.published_inferred = published, published_inferred
        self.norm = norm or normalise(text)
        self.sentences = sentences or split_sentences(self.norm)
        self._sentence_starts = [start for start, _ in self.sentences]
        self.numbers, self.dates, self.anchors, self.actors, self.places = [], [], {}, [], []
        self.casualties, self.events, self.warnings, self.extra = [], [], [], {}
        self._counters, self._folded, self._folded_done, self._windows = {}, None, False, {}
        self._words, self._word_led, self._digit_runs = None, None, None
        self._found, self._may_match, self._lowered, self._gazetteer = {}, {}, {}, None
        self._within = {}

    def folded(self) -> str | None:
        """``norm`` lower-cased, offset for offset, for fast case-insensitive scans
        (:mod:`marsad.extract.casefold`); None when such a scan could differ."""
        if not self._folded_done:
            self._folded, self._folded_done = folded_for_scan(self.norm), True
        return self._folded

    def gazetteer(self) -> Gazetteer:
        """The process's default gazetteer, resolved once per document: the places,
        the events and the pipeline's data version read the same one, and resolving
        it reads the environment (a new data directory takes effect at the next document)."""
        if self._gazetteer is None:
            if not _DEFAULT_GAZETTEER:  # (imported once: an import in the method cost 8k instructions a document)
                from marsad.gazetteer.index import default_gazetteer

                _DEFAULT_GAZETTEER.append(default_gazetteer)
            self._gazetteer = _DEFAULT_GAZETTEER[0]()
        return self._gazetteer

    def windows(self, pattern: re.Pattern, starts: re.Pattern | tuple[re.Pattern, ...]) -> WindowScan:
        """``pattern``'s matches in windows of ``norm`` (:class:`~marsad.extract.casefold.WindowScan`;
        ``starts`` finds where it can begin: a pattern, or several whose matches are
        merged, see :meth:`match_starts`), built once per document and pattern."""
        # by identity: hashing a compiled pattern hashes its code, at every lookup (the scan keeps its
        # pattern alive, so the id is not reused while the document is read)
        scan = self._windows.get(id(pattern))
        if scan is None:
            found = self.match_starts(starts) if isinstance(starts, tuple) else starts
            scan = self._windows[id(pattern)] = WindowScan(pattern, found, self.norm, self.folded())
        return scan

    def match_starts(self, patterns: tuple[re.Pattern, ...]) -> list[int]:
        """Where each of ``patterns`` finds a match in ``norm``, in order; one that
        opens with :data:`~marsad.extract.wordscan.WORD_START` is searched from the
        spaces, as in :meth:`scan` (a word alternation led by ``\\b`` is tried at
        every position: most of a window scan's set-up)."""
        found: list[int] = []
        for pattern in patterns:
            scanned, text = for_spans(pattern, self.norm, self.folded())
            leading = self._leading_starts(pattern) if self._space_led(pattern) else None
            if leading is not None:
                found.extend(match.start() for match in WindowScan(pattern, leading, self.norm, self.folded()).finditer(
                    0, len(self.norm)))
            elif self._space_led(pattern):
                found.extend(start for start, _ in word_led_spans(scanned, text, self._word_led_starts()))
            else:
                found.extend(match.start() for match in scanned.finditer(text))
        found.sort()
        return found

    def word_starts(self, words: frozenset[str], digit_led: bool = False) -> list[int] | None:
        """Where one of ``words`` begins in ``norm`` (:class:`~marsad.extract.casefold.WordIndex`),
        to scan from with :func:`~marsad.extract.casefold.finditer`; None when the
        lower-cased text may not be used (then scan the whole text)."""
        index = self.word_index()
        return None if index is None else index.starts(words, digit_led)

    def digit_runs(self) -> list[int]:
        """Where each run of digits (``\\d+``) begins in ``norm``: where a number
        can begin (the numbers' and the numeric dates' scans start there). Do not
        change the list."""
        if self._digit_runs is None:
            norm = self.norm
            self._digit_runs = _ascii_digit_runs(norm) if norm.isascii() else [
                match.start() for match in _DIGIT_RUN.finditer(norm)]
        return self._digit_runs

    def may_match(self, pattern: re.Pattern) -> bool:
        """False when ``pattern`` matches nowhere in ``norm`` nor in any part of it: the
        lower-cased text holds none of its :func:`~marsad.extract.casefold.required_words`
        (a test of a few words once per document, where most documents never hold them,
        before a search asked again for each count). True when that is not known."""
        known = self._may_match.get(id(pattern))  # by identity: hashing a compiled pattern hashes its code
        if known is not None and known[0] is pattern:  # the entry keeps its pattern alive, so the id is not reused
            return known[1]
        folded = self.folded()
        words = required_words(pattern) if folded is not None else None
        may = True
        if words is not None and folded is not None:
            may = False
            for word in words:  # (a loop, not any() over a generator: asked once per pattern and document)
                if word in folded:
                    may = True
                    break
        self._may_match[id(pattern)] = (pattern, may)
        return may

    def may_match_within(self, pattern: re.Pattern, start: int, end: int) -> bool:
        """False when ``pattern.search(norm, start, end)`` cannot find a match: that part of
        the lower-cased text holds none of its :func:`~marsad.extract.casefold.words_within`
        (for a search in a short window, where the document holds the words elsewhere).
        True when that is not known."""
        known = self._within.get(id(pattern))  # by identity, as in may_match
        if known is None or known[0] is not pattern:
            known = self._within[id(pattern)] = (pattern, self._words_within(pattern))
        words = known[1]
        if words is None:
            return True
        folded = self._folded  # (not None where the words are known)
        for word in words:  # (found in place: no copy of the window, no generator)
            if folded is not None and folded.find(word, start, end) != -1:
                return True
        return False

    def _words_within(self, pattern: re.Pattern) -> tuple[str, ...] | None:
        """Those of ``pattern``'s :func:`~marsad.extract.casefold.words_within` that the lower-cased
        text holds anywhere (a window holds no other), once per document and pattern: a window is
        searched for the few the document holds, not for all of them (asked per count, in
        windows of one sentence); None when not known."""
        folded = self.folded()
        words = words_within(pattern) if folded is not None else None
        if words is None or folded is None:
            return None
        return tuple([word for word in words if word in folded])

    def scan(self, pattern: re.Pattern, spans: re.Pattern | None = None) -> Iterator[re.Match]:
        """``pattern.finditer(norm)``, on the lower-cased text where that finds the same
        (:func:`~marsad.extract.casefold.finditer`); a pattern that opens with
        :data:`~marsad.extract.wordscan.WORD_START` is searched from the spaces
        (:func:`~marsad.extract.wordscan.word_led_matches`), not tried at every position;
        none is searched for where the document lacks its words (:meth:`may_match`).
        ``spans``: a pattern of the same form with the same matches at every position,
        cheaper to search (:func:`~marsad.extract.wordscan.by_first_letter`), searched
        for in its place, ``pattern`` matched again where it matches."""
        if not self.may_match(pattern):
            return iter(())
        if not self._space_led(pattern):
            return finditer(pattern, self.norm, self.folded())
        leading = self._leading_starts(pattern)
        if leading is not None:  # tried only where a word it can begin with begins
            return finditer(pattern, self.norm, self.folded(), starts=leading, spans=spans)
        if not self._may_begin(pattern):  # (a short text: its words tell, where a search from each space would)
            return iter(())
        return word_led_matches(pattern, self.norm, self.folded(), self._word_led_starts(), spans=spans)

    def _leading_starts(self, pattern: re.Pattern) -> list[int] | None:
        """Where a word that a match of ``pattern`` (space-led) can begin with begins
        (:func:`~marsad.extract.wordscan.leading_words`), in order; None when not known."""
        keys = leading_words(pattern)  # (worked out at the pattern's first use, whatever the text's length)
        if keys is None or len(self.norm) < LEADING_MIN_CHARS:
            return None
        whole = self.word_starts(keys[0])
        if whole is None or self._words is None:
            return None
        return sorted(set(whole + self._words.prefixed(keys[1]))) if keys[1] else whole

    def _may_begin(self, pattern: re.Pattern) -> bool:
        """False when no word of the document is one that a match of ``pattern`` (space-led) can begin with
        (:func:`~marsad.extract.wordscan.leading_keys`; measured on 100 ACLED notes, the words of the casualty
        triggers are in 31, those of the tolls in 6); True when that is not known."""
        keys = leading_keys(pattern)
        index = self.word_index() if keys is not None else None
        return keys is None or index is None or index.begins_any(keys[0], keys[1], keys[2])

    def _space_led(self, pattern: re.Pattern) -> bool:
        # As the lowered patterns, only once the process has warmed up (casefold.WARM_UP_CHARS):
        # a one-line run does not compile the space-led copies (about 6 ms).
        return self.folded() is not None and pattern.pattern.startswith(WORD_START)

    def word_index(self) -> WordIndex | None:
        """Where the words of :meth:`folded` begin (what :meth:`word_starts` reads), or None
        when that is None."""
        if self._words is not None:  # (asked for a dozen times per document)
            return self._words
        folded = self.folded()
        if folded is None:
            return None
        self._words = WordIndex(folded)
        return self._words

    def word_led_starts(self) -> list[int]:
        """:func:`~marsad.extract.wordscan.word_led_starts` of :meth:`folded` (else of
        ``norm``: the two have the same word characters and spaces), once per document."""
        return self._word_led_starts()

    def _word_led_starts(self) -> list[int]:
        if self._word_led is None:  # the two texts have the same word characters and spaces
            self._word_led = word_led_starts(self.folded() or self.norm)
        return self._word_led

    def search_once(self, pattern: re.Pattern, start: int, end: int) -> re.Match | None:
        """``pattern.search(norm, start, end)``, remembered per document: for a
        sentence-wide test asked again for each count in the sentence. Found on
        the lower-cased text where that finds the same (:meth:`lowered`): read its span only;
        not searched for where that part of the text lacks its words (:meth:`may_match_within`)."""
        key = (id(pattern), start, end)  # by identity: hashing a compiled pattern hashes its code
        known = self._found.get(key)
        if known is None or known[0] is not pattern:  # the entry keeps its pattern alive, so the id is not reused
            scan, text = self.lowered(pattern)
            may = self.may_match(pattern) and self.may_match_within(pattern, start, end)
            found = scan.search(text, start, end) if may else None
            known = self._found[key] = (pattern, found)
        return known[1]

    def lowered(self, pattern: re.Pattern) -> tuple[re.Pattern, str]:
        """``(pattern, norm)``, or their lower-cased copies where those find the same
        spans, about twice as fast for a case-insensitive pattern
        (:func:`~marsad.extract.casefold.for_spans`): for a search whose span, not
        its text, is read. Cut the text returned, not ``norm``, for a part of it."""
        known = self._lowered.get(id(pattern))  # by identity, as in search_once
        if known is None or known[0] is not pattern:
            known = self._lowered[id(pattern)] = (pattern, *for_spans(pattern, self.norm, self.folded()))
        return known[1], known[2]

    def new_id(self, prefix: str) -> str:
        counter = self._counters.setdefault(prefix, itertools.count(1))
        return f"{prefix}{next(counter)}"

    def span(self, start: int, end: int) -> Span:
        # Span.of's fields' dictionary, written here: compiled, rather than a call of that (interpreted) method
        span = _NEW(Span)
        _SET(span, "__dict__", {"start": start, "end": end, "text": self.text[start:end]})
        return span

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (or the one before it)."""
        index = bisect_right(self._sentence_starts, offset) - 1
        return index if index > 0 else 0

    def sentence_at(self, offset: int) -> tuple[int, int]:
        sentences = self.sentences
        if not sentences:
            return (0, len(self.text))
        # (sentence_index's look-up, without a call: asked a few dozen times per document)
        index = bisect_right(self._sentence_starts, offset) - 1
        return sentences[index if index > 0 else 0]


def _ascii_digit_runs(text: str) -> list[int]:
    """Where each run of digits begins in an ASCII ``text`` (where ``\\d`` is ``[0-9]``): each digit
    found with ``str.find``, a run's first where no digit comes before it. The engine's scan tests
    every character against the digit category (about a hundred instructions each: 29k per note)."""
    starts: list[int] = []
    for digit in _DIGITS:
        at = text.find(digit)
        while at != -1:
            if at == 0 or text[at - 1] not in _DIGITS:
                starts.append(at)
            at = text.find(digit, at + 1)
    starts.sort()
    return starts


class Pipeline:
    """An ordered list of components; call it on a text to get an Extraction."""

    def __init__(self, components: Iterable[str] = DEFAULT_COMPONENTS, *, strict: bool = False):
        self.names = tuple(components)
        self.components = _load(self.names)
        self.strict = strict
        self._loaded = tuple(c.name for c in self.components)
        self._versions = tuple((c.name, c.version) for c in self.components)

    @property
    def meta(self) -> dict[str, Any]:
        return self._meta(None)

    def _meta(self, gazetteer: Gazetteer | None) -> dict[str, Any]:
        return {
            "name": PIPELINE_NAME,
            "version": PIPELINE_VERSION,
            "components": dict(self._versions),
            # the gazetteer's content and the data files: a change re-extracts (ingest --reextract)
            "data": data_versions(self._loaded, gazetteer),
        }

    def __call__(self, text: str, *, document_id: str = "doc", published: date | None = None,
                 source: str | None = None) -> Extraction:
        ctx = DocContext(text=text, document_id=document_id, published=published, source=source)
        for component in self.components:
            self._run(component, ctx)
        return Extraction(
            document_id=document_id, published=ctx.published, published_inferred=ctx.published_inferred,
            source=source, language="en", events=ctx.events, casualties=ctx.casualties, places=ctx.places,
            actors=ctx.actors, dates=ctx.dates, pipeline=self._meta(ctx._gazetteer), warnings=ctx.warnings,
        )


    def _run(self, component: Component, ctx: DocContext) -> None:
        # One failing component must not lose what the others found (a batch
        # keeps going); strict pipelines (tests) raise instead.
        try:
            component.func(ctx)
        except Exception as error:
            if self.strict:
                raise
            logger.warning("component %s failed on %s: %r", component.name, ctx.document_id, error)
            ctx.warnings.append(f"component {component.name!r} failed: {type(error).__name__}: {error}")


def _load(names: Iterable[str]) -> list[Component]:
    components = []
    for name in names:
        if name not in _REGISTRY:
            module = f"marsad.extract.{name}"
            try:
                importlib.import_module(module)
            except ModuleNotFoundError as error:
                if error.name != module:
                    raise
        if name in _REGISTRY:
            components.append(_REGISTRY[name])
    return components


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The pipeline of every command; strict (a failing component raises) with
    ``MARSAD_STRICT_PIPELINE=1``, as the tests run it."""
    warn_if_stale()
    return Pipeline(strict=bool(os.environ.get("MARSAD_STRICT_PIPELINE")))


def extract_text(text: str, *, document_id: str = "doc", published: date | None = None,
                 source: str | None = None) -> Extraction:
    """Extract events, casualties, places, actors and dates from one report."""
    return default_pipeline()(text, document_id=document_id, published=published, source=source)


def extract_many(docs: Iterable[dict]) -> Iterator[Extraction]:
    """Extract each ``{id, text, published?, source?}`` dict, in input order.

    Pure per document, so a batch engine can map :func:`extract_document` instead.
    """
    for doc in docs:
        yield extract_document(doc)


def extract_document(doc: dict) -> Extraction:
    published = doc.get("published")
    if isinstance(published, str) and published:
        published = date.fromisoformat(published[:10])
    return extract_text(doc["text"], document_id=str(doc.get("id", "doc")), published=published or None,
                        source=doc.get("source"))
