"""What a worker does with one shard: read, clean, check and extract its
documents, and send back results (never write to the database).

The functions here are pure per shard: the same shard always gives the same
result, so a shard that a dead worker did not finish is simply run again.

What goes back is kept small, because one process receives every shard: an
:class:`ExtractJob` with a ``render`` function sends the shard's output text
(say its JSON Lines, one string per run of good documents) instead of
:class:`~marsad.model.Extraction` objects, which cost as much to unpickle as
to render. The writer then only copies text.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from marsad.batch.shards import Shard, read_shard

if TYPE_CHECKING:
    from marsad.ingest.service import IngestOptions
    from marsad.model import Extraction


def warm_up() -> None:
    """Load the pipeline, its vocabularies and models and the language model
    once per worker, before the first shard."""
    from marsad.extract import casefold, events
    from marsad.extract.actors import demonym_countries, iso_country_code
    from marsad.extract.pipeline import extract_text
    from marsad.extract.text import common_word
    from marsad.gazetteer.admin import arabic_countries, division_types, iso_units_by_key, with_neighbours
    from marsad.ingest.clean import detect_language

    detect_language(WARM_UP_TEXTS[0])
    events.configured_model()
    getattr(events, "_shipped_model", lambda: None)()  # the fallback model most texts need sooner or later
    common_word("Al-Bab")  # wordfreq itself, which a hyphenated name needs sooner or later (0.2 s)
    # A worker reads far more than a one-line run: it scans with the lowered patterns from its first
    # document (casefold.WARM_UP_CHARS), and these texts compile them and the scan plans derived from
    # them (about 0.3 s) here rather than in the middle of its first shard.
    casefold.warm_up_now()
    # Read on first use, and met only by some reports, so the texts below may not load them: ISO 3166-2's
    # subdivisions and unit words (pycountry, 0.3 s), GeoNames' country table (borders, languages) and the
    # country codes of the actors' table.
    iso_units_by_key()
    division_types()
    with_neighbours(frozenset({"SY"}))
    arabic_countries()
    iso_country_code("Syria")
    demonym_countries("Malian soldiers")  # (the countries' adjectives: one pattern, compiled on first use)
    for text in WARM_UP_TEXTS:
        extract_text(text)


#: Texts that lead extraction down its common paths (written for this purpose, not from any source).
WARM_UP_TEXTS = (
    "Two civilians were killed on 3 March 2019 in shelling on Idlib by regime forces.",
    "On 12/03/2019 the death toll of Tuesday's car bomb in Afrin rose to 14, including 3 children; "
    "the remaining 11 were men. The dead were identified by relatives, who buried the bodies of 9 of them. "
    "It came two days after the attack on a market, the second such attack in the past three weeks.",
    "Hundreds of protesters rallied in Basra on 2019-03-05 to denounce power cuts and demand jobs; "
    "rioters burned tyres, blocked roads and looted a shop, and police fired tear gas. No one was hurt.",
    "Gunmen shot dead a policeman in Kirkuk on Monday, while two more were wounded. A soldier turned his gun "
    "on his comrades at a checkpoint, and a detainee was tortured to death, one of the dead said to have been "
    "a doctor. The number of people killed in the province since the start of the year has risen to 40.",
    "Government forces took control of three villages across the province this week, but later withdrew "
    "under 120mm mortar fire; fighting killed 7 fighters on each side.",
    "Demonstrators gathered nationwide on Friday, in several provinces, a week after 3 attacks on police "
    "stations killed 5 officers. The number of civilians killed since the start of the war has been put at 300.",
    "Farmers rallied in several towns nationwide on Sunday after a string of attacks on their villages; it came "
    "hours after 120mm mortar shells hit a market, the fifth such attack since the beginning of the year.",
    "Hundreds of teachers marched and held a sit-in outside parliament in Lima, demanding higher wages, but "
    "police did not intervene. Unidentified gunmen abducted two aid workers north of Gao and later freed one.",
)


def keep_loaded() -> None:
    """Exempt what the process has loaded so far (the pipeline's vocabularies,
    patterns, gazetteer and models) from garbage collection: they live as long as
    the process, and each full collection would otherwise re-scan them (about 2%
    of a serial run's CPU; 1.4% of a worker's). Called once, after loading: by a
    worker after :func:`warm_up`, by a serial run after its first document.
    Once per process (what a later call would freeze is not the pipeline's, and
    frozen objects are never freed); later objects are collected as usual, the
    youngest generation once :data:`YOUNG_THRESHOLD` more objects are alive."""
    import gc

    global _kept
    if not _kept:
        _kept = True
        gc.collect()
        gc.freeze()
        gc.set_threshold(YOUNG_THRESHOLD, *gc.get_threshold()[1:])


_kept = False
#: How many more container objects than were freed make a collection of the youngest generation, once
#: the process is loaded (the default is 700). A document leaves few behind (about 70 a note), but a
#: collection mid-document traces the thousands it holds at that moment, so a low threshold traces them
#: again and again: 20,000 collects about every 280 ACLED notes rather than every 10 (measured over 1,400
#: notes: the collector's share of CPU time 8% -> 3.5%, of instructions 2% -> 0), and what it lets wait is
#: still bounded (20,000 objects, a few MB; the peak memory of the run did not change).
YOUNG_THRESHOLD = 20_000


def jsonl_line(extraction: Extraction) -> str:
    """One document's ``--format jsonl`` line, by the writer a serial run uses."""
    from marsad.extract.output import write_json

    buffer = io.StringIO()
    write_json([extraction], buffer, lines=True)
    return buffer.getvalue()


@dataclass
class ShardOutput:
    """One shard's result: ``items`` in input order, ``documents`` counted for progress.

    Items are :class:`~marsad.extract.batch.ExtractedDocument` and
    :class:`~marsad.extract.batch.FailedDocument`, or, when the job renders,
    strings (the output of consecutive good documents, joined) and failures.
    """

    documents: int = 0
    failures: int = 0
    items: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class ExtractJob:
    """``marsad extract`` options that shape a document's result."""

    published: date | None = None
    source: str | None = None
    any_language: bool = False
    model: str | None = None  # an event-type model from `marsad train` (read from the same path)
    render: Callable[[Extraction], str] | None = None  # a module-level function, e.g. jsonl_line

    def __call__(self, shard: Shard) -> ShardOutput:
        from marsad.extract.batch import FailedDocument, extract_raw

        if self.model:
            from marsad.extract.events import use_event_model

            use_event_model(self.model)  # cached per process after the first shard
        output, text = ShardOutput(), []
        for raw in read_shard(shard):
            result = extract_raw(raw.origin, raw, published=self.published, source=self.source,
                                 any_language=self.any_language)  # fmt: skip
            output.documents += 1
            if isinstance(result, FailedDocument):
                output.failures += 1
            elif self.render is not None:
                text.append(self.render(result.extraction))
                continue
            if text:
                output.items.append("".join(text))
                text.clear()
            output.items.append(result)
        if text:
            output.items.append("".join(text))
        return output


@dataclass
class Rejected:
    """A document a worker could not archive; the writer records it as a failure."""

    origin: str
    stage: str
    message: str
    error_type: str
    content_hash: str | None = None

    def error(self) -> Exception:
        # The writer records the original exception's class name.
        return type(self.error_type, (Exception,), {})(self.message)


@dataclass
class IngestJob:
    """``marsad ingest`` options a worker needs (an :class:`IngestOptions`)."""

    options: IngestOptions

    def __call__(self, shard: Shard) -> list:
        return [self._one(raw) for raw in read_shard(shard, self.options.csv)]

    def _one(self, raw):
        from marsad.ingest.clean import DocumentRejected, check_language, prepare
        from marsad.ingest.readers import ReadFailure
        from marsad.ingest.service import default_extractor

        options = self.options
        if isinstance(raw, ReadFailure):
            return _rejected(raw.origin, raw.stage, raw.error)
        try:
            document = prepare(raw, detect=False)
        except DocumentRejected as error:
            return _rejected(raw.origin, error.stage, error)
        try:
            check_language(document, options.languages)
        except DocumentRejected as error:
            return _rejected(raw.origin, error.stage, error, document.content_hash)
        if options.published:
            document.published = options.published
        if document.raw.source is None:
            document.raw.source = options.source or raw.metadata.get("feed_title")
        extraction = None
        if options.extract:
            try:
                extraction = default_extractor(document)
            except Exception as error:  # noqa: BLE001 - an extractor bug fails one document, not the shard
                return _rejected(raw.origin, "extract", error, document.content_hash)
        document.raw.html = None  # the cleaned text is what is stored; do not ship the page back
        return document, extraction


def _rejected(origin: str, stage: str, error: BaseException, digest: str | None = None) -> Rejected:
    return Rejected(origin, stage, str(error), type(error).__name__, digest)
