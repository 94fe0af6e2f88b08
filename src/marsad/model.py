"""Domain types shared by every stage: extraction produces them, storage keeps
them, reconciliation and publishing read them.

They are plain dataclasses so that the pure extraction pipeline stays free of
any database or network, and ``to_dict`` gives the machine form documented in
``docs/schema.md`` (the names there are a contract the benchmarks rely on).

Provenance: every fact carries a :class:`Span` over the *original* input text
(exactly as given: non-breaking spaces, curly quotes and typos included), the
name of the rule or model that produced it and a confidence.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

_new, _set = object.__new__, object.__setattr__


@dataclass(frozen=True)
class Span:
    """Half-open character offsets ``[start, end)`` into the original text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, source_text: str, start: int, end: int) -> Span:
        # Its fields' dictionary written at once: a frozen dataclass's __init__ sets each field through
        # object.__setattr__ (a third of the cost; every fact's span is made here, about nine per note).
        span = _new(cls)
        _set(span, "__dict__", {"start": start, "end": end, "text": source_text[start:end]})
        return span

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Provenance:
    """Where a fact came from: the evidence span, the rule id and a confidence."""

    span: Span | None
    rule: str
    confidence: float = 1.0


@dataclass
class DateValue:
    """A date or an interval with UCDP date precision.

    ``precision`` follows UCDP ``date_prec``: 1 exact day, 2 within 2–6 days,
    3 within a week, 4 within a month, 5 longer than a month.
    """

    start: date
    end: date
    precision: int = 1
    relative: bool = False  # computed from the publication date or an anchor
    span: Span | None = None
    rule: str = ""


@dataclass
class PlaceMention:
    id: str
    text: str  # as written
    span: Span
    name: str | None = None  # as resolved in the gazetteer
    latitude: float | None = None
    longitude: float | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    geo_precision: int | None = None  # ACLED: 1 town, 2 near/part of region, 3 region
    where_prec: int | None = None  # UCDP: 1 exact … 7 country
    gazetteer_id: str | None = None
    feature: str | None = None  # e.g. "town", "area", "river", "admin1"
    relation: str | None = None  # e.g. "countryside of", "outskirts of", "east of"
    resolved: bool = False
    rule: str = ""
    confidence: float = 0.0
    admin3: str | None = None  # sub-district (OCHA admin-3) when the gazetteer knows it

    def point(self) -> tuple[float, float] | None:
        """``(latitude, longitude)``, or ``None`` for a place without a point."""
        if self.latitude is None or self.longitude is None:
            return None
        return self.latitude, self.longitude


@dataclass
class ActorMention:
    id: str
    text: str
    span: Span
    name: str  # canonical marsad name, e.g. "SDF"
    acled_name: str | None = None
    ucdp_name: str | None = None
    inter: int | None = None  # ACLED inter code
    rule: str = ""
    confidence: float = 1.0


@dataclass
class Casualty:
    """One stated (or derived) count of people with one outcome.

    ``count`` is the best estimate, ``low``/``high`` the bounds ("at least N" →
    low=N, high=None). ``part_of`` links an "including" sub-count to its parent
    casualty id; ``derived`` explains a figure the text implies ("123 - 2").
    """

    id: str
    outcome: str  # killed | injured | executed | abducted | captured | missing | arrested
    count: int | None
    low: int | None = None
    high: int | None = None
    qualifier: str | None = None  # exact | at_least | about | more_than | nearly | at_most | range
    vague: str | None = None  # "dozens", "hundreds" … when the count is a convention
    victims: str | None = None  # civilians | combatants | unknown
    victim_group: str | None = None  # children | women | men | …
    affiliation: str | None = None  # canonical actor name of the victims
    nationality: str | None = None
    perpetrator: list[str] = field(default_factory=list)
    cause: str | None = None  # airstrike | shelling | clash | execution | ied | suicide_attack | …
    place_ids: list[str] = field(default_factory=list)
    period: DateValue | None = None
    part_of: str | None = None
    derived: str | None = None
    # Another statement of a count already given (a restatement, a party's
    # claim beside the report's own figure, a coder's total): kept for
    # provenance, never added to an incident's total.
    alternative_of: str | None = None
    # A party's word on its own kills or losses ("the group said its fighters had
    # killed five soldiers") with no figure of the report's own beside it: the
    # report's count, but reconciliation prefers any other source's figure.
    party_claim: bool = False
    is_tally: bool = False  # a cumulative claim ("608 since 10 September") rather than one incident
    span: Span | None = None
    rule: str = ""
    confidence: float = 1.0


@dataclass
class Event:
    id: str
    event_type: str  # ACLED event_type
    sub_event_type: str  # ACLED sub_event_type
    event_date: date | None = None
    date: DateValue | None = None
    actor1: str | None = None
    actor2: str | None = None
    assoc_actor_1: str | None = None
    assoc_actor_2: str | None = None
    location: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int = 0
    injured: int = 0
    casualty_ids: list[str] = field(default_factory=list)
    place_ids: list[str] = field(default_factory=list)
    salience: float = 0.0
    span: Span | None = None
    rule: str = ""
    confidence: float = 1.0


@dataclass
class Extraction:
    """Everything the pipeline found in one document."""

    document_id: str
    published: date | None = None
    published_inferred: bool = False
    source: str | None = None
    language: str | None = None
    events: list[Event] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)
    pipeline: dict[str, Any] = field(default_factory=dict)  # name, version, components
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return to_jsonable(self)


_PLAIN = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # per dataclass: dataclasses.fields() is slow to ask per value


def to_jsonable(value: Any) -> Any:
    """Dataclasses, dates and lists to plain JSON-ready values."""
    kind = type(value)
    if kind in _PLAIN:  # most values: the checks below, in order, would return them unchanged
        return value
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(kind):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(kind))
    if names is not None:
        return {name: to_jsonable(getattr(value, name)) for name in names}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    return value
