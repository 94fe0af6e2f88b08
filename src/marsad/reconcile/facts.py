"""Read the store's current facts as reconciliation inputs.

- Incident-level *reports*: current events dated to within a week (UCDP date
  precision 1–3), each with the casualty counts attached to it that are not
  cumulative tallies.
- *Claims*: cumulative counts (``is_tally``), their "including" children, and
  counts whose period is a week or longer (``marsad.counting.is_claim``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, timedelta
from typing import Final

from marsad.counting import (
    WEEKS_OF_FIGHTING,
    is_claim,
    is_claim_event,
    is_period_claim,
    is_remainder,
    is_toll_revised_down,
    is_toll_update,
    period_days,
)
from marsad.extract.event_places import is_the_country
from marsad.reconcile.claims import Claim
from marsad.reconcile.estimates import figures_of_report, victim_base
from marsad.reconcile.linkage import Report, evidence_words, place_key


def _ordinal(value: date | None) -> int:
    return value.toordinal() if value else 0


#: a window up to the report that the event's acts fill ("intercepted 11 drones during the past week"),
#: not a calendar week one incident fell in ("last week")
_OVER_PAST_WEEK: Final = re.compile(r"\b(?:during|over|in|throughout|within)\s+the\s+(?:past|last|previous)\s+"
                                    r"(?:week|seven\s+days)\b(?!\s+of\b)", re.I)


def _a_past_week(event, text: str) -> bool:
    """An event with no count dated by the week up to the report ("the coalition said it intercepted 11
    drones … during the past week"): that week's acts summed, no one incident. (A week's count is a
    claim already, ``counting.is_claim``; this is the same week told without one.)"""
    if event.date_precision != 3 or not (event.date_start and event.date_end):
        return False
    return period_days(event.date_start, event.date_end) >= 6 and "week" in text.lower() and \
        bool(_OVER_PAST_WEEK.search(text))


def _country_only(event) -> bool:
    """An event with no count placed in no governorate, only its country ("Overnight, Russia launched 23
    drones and three missiles at Ukraine"): it says neither where nor what it cost, so it is no incident to
    link or tally (a country's night of strikes sums its targets); it stays an exported event."""
    return event.admin1 is None and is_the_country(event.location, event.country)


#: a gathering for the dead ("held a vigil for the five men shot dead on Saturday", "mourners buried the victims")
_MOURNING: Final = re.compile(r"\b(?:vigils?|funerals?|mourn(?:ers?|ed|ing)|buried|burials?|laid\s+to\s+rest|condolences?)\b", re.I)
#: the dead it gathers for, killed in an incident told elsewhere
_THE_DEAD: Final = re.compile(r"\b(?:killed|murdered|gunned\s+down|dead|died|victims?|slain|bodies|lost\s+their\s+lives)\b", re.I)


def _mourning_only(event, text: str) -> bool:
    """A peaceful gathering with no count that mourns dead killed elsewhere ("relatives of A, B and C, who
    were shot dead in a bar on Saturday night, held a vigil outside it on Sunday"): it tells the mourning of
    an incident, not one of its own, so it is no report to link (a vigil names its dead without a number, so
    no count ties it to the killing); it stays an exported event. A gathering that police broke up, or a
    funeral attacked, is another sub-event type or has a count, and stays a report."""
    if event.sub_event_type != "Peaceful protest":
        return False
    lowered = text.lower()
    if "vigil" not in lowered and "funeral" not in lowered and "mourn" not in lowered and "buri" not in lowered \
            and "laid" not in lowered and "condolence" not in lowered:
        return False
    return bool(_MOURNING.search(text)) and bool(_THE_DEAD.search(text))


def _sentence(text: str, start: int | None, end: int | None) -> str:
    """The sentence around a span: the evidence text compared between reports."""
    if start is None or end is None or not text:
        return ""
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(".", end), text.find("\n", end)) if i != -1]
    return text[left : min(stops) if stops else len(text)]


def _casualty_dict(row) -> dict:
    return {
        "id": row.id,
        "part_of": row.part_of_id,
        "alternative_of": row.alternative_of_id,
        "outcome": row.outcome,
        "count": row.count,
        "low": row.low,
        "high": row.high,
        "qualifier": row.qualifier,
        "vague": row.vague,
        "victims": row.victims,
        "victim_group": row.victim_group,
        "affiliation": row.affiliation,
        "perpetrators": list(row.perpetrators or ([p for p in (row.perpetrator or "").split("; ") if p])),
        "derived": row.derived,
        "is_tally": bool(row.is_tally),
        "party_claim": bool(row.party_claim),
        "event_id": row.event_id,
        "document_id": row.document_id,
        "cause": row.cause,
        "period_start": row.period_start,
        "period_end": row.period_end,
        "span": (row.span_start, row.span_end, row.span_text),
        "local_id": row.local_id,
    }


def _inherit_event_periods(casualties: list[dict], events: dict) -> None:
    """A count attached to an event that spans a month ("244 civilians in
    January") is a cumulative claim over that period."""
    for casualty in casualties:
        event = events.get(casualty["event_id"])
        if casualty["period_start"] or event is None or not (event.date_start and event.date_end):
            continue
        if (event.date_precision or 1) >= 4 or is_period_claim(event.date_start, event.date_end):
            casualty["period_start"], casualty["period_end"] = event.date_start, event.date_end


FACT_BATCH_DOCUMENTS = 2_000  # documents read at a time: their texts and rows are let go once reduced to reports


def load_facts(session, *, batch: int = FACT_BATCH_DOCUMENTS) -> tuple[list[Report], list[Claim]]:
    """Incident-level reports (``uid`` = event id, in that order) and claims
    (in casualty order), from current runs.

    Read ``batch`` documents at a time: every rule here looks inside one
    document (its events, counts, reviews and places), so only the reports
    and claims are held for the whole store, never its texts or rows.

    Several queries: run it in one snapshot (``Database.transaction(snapshot=True)``)
    so that an ingest committing meanwhile cannot add events whose documents were
    not read."""
    from sqlalchemy import select

    from marsad.store.models import ExtractionRun

    current = select(ExtractionRun.document_id).where(ExtractionRun.is_current.is_(True)).distinct().order_by(ExtractionRun.document_id)
    ids = list(session.scalars(current))
    reports: list[Report] = []
    claims: list[Claim] = []
    fighting: dict[str, tuple[int, list[Claim]]] = {}
    for start in range(0, len(ids), batch):
        more_reports, more_claims = _load_documents(session, ids[start], ids[min(start + batch, len(ids)) - 1], fighting)
        reports += more_reports
        claims += more_claims
    if fighting:
        reports, claims = fold_fighting_periods(reports, claims, fighting)
    reports.sort(key=lambda r: r.uid)
    claims.sort(key=lambda c: c.casualty_id or 0)
    carry_corrected_days(reports)
    return reports, claims


def _load_documents(session, first: int, last: int,
                    fighting: dict[str, tuple[int, list[Claim]]] | None = None) -> tuple[list[Report], list[Claim]]:
    """:func:`load_facts` for the documents with ids ``first`` to ``last``; ``fighting`` gathers the reports
    whose count is a period of fighting's (:func:`fold_fighting_periods`)."""
    from sqlalchemy import select

    from marsad.review.overlay import apply_reviews, reviewed_objects
    from marsad.store.models import Casualty, Document, Event, ExtractionRun, Source

    current = select(ExtractionRun.id).where(ExtractionRun.is_current.is_(True), ExtractionRun.document_id.between(first, last))
    documents = {
        row.id: row
        for row in session.execute(
            select(Document.id, Document.published, Document.text, Source.name, Source.reliability)
            .outerjoin(Source, Document.source_id == Source.id)
            .where(Document.id.in_(select(ExtractionRun.document_id).where(ExtractionRun.is_current.is_(True))), Document.id.between(first, last))
        )
    }
    casualties = [_casualty_dict(row) for row in session.scalars(select(Casualty).where(Casualty.run_id.in_(current)).order_by(Casualty.id))]
    casualties = apply_reviews(session, "casualty", casualties)  # people's corrections win; rejected facts drop
    by_id = {c["id"]: c for c in casualties}
    event_rows = session.execute(select(Event.id, Event.admin1, Event.date_start, Event.date_end, Event.date_precision).where(Event.run_id.in_(current))).all()
    event_admin1 = {row.id: row.admin1 for row in event_rows if row.admin1}
    _inherit_event_periods(casualties, {row.id: row for row in event_rows})
    place_admin1 = _casualty_place_admin1(session, current)
    claim_ids = {c["id"] for c in casualties if is_claim(c, lambda fact: by_id.get(fact["part_of"]))}
    claims = [_claim(c, by_id, documents, event_admin1, place_admin1) for c in casualties if c["id"] in claim_ids]
    by_event: dict[int, list[dict]] = defaultdict(list)
    verdicts: dict[int, list[bool]] = defaultdict(list)
    loose_claims: dict[int, list[int]] = defaultdict(list)  # document id -> starts of claims attached to no event
    for casualty in casualties:
        if casualty["event_id"] is None:
            if casualty["id"] in claim_ids and casualty["span"][0] is not None:
                loose_claims[casualty["document_id"]].append(casualty["span"][0])
            continue
        verdicts[casualty["event_id"]].append(casualty["id"] in claim_ids)
        if casualty["id"] not in claim_ids:
            by_event[casualty["event_id"]].append(casualty)
    parent_event = _move_breakdowns(by_event, by_id)
    reports = []
    machine_events = session.scalars(select(Event).where(Event.run_id.in_(current)).order_by(Event.id))
    events = [e for e in reviewed_objects(session, "event", machine_events)
              if not is_claim_event(verdicts.get(e.id, []), (e.span_start, e.span_end), loose_claims.get(e.document_id, []))]  # fmt: skip
    restated = headline_restatements(events, {d: row.text for d, row in documents.items()})
    dated = {e.id: e for e in events if e.date_precision is not None}
    cited, named, roads = _cited_places(session, current)
    for event in events:  # a monthly toll read as an event is a claim, never an incident
        if event.id in restated:
            continue
        # a breakdown that gives no date of its own happened when its total did
        parent = dated.get(parent_event.get(event.id)) if event.date_precision is None else None
        report = _report(event, documents[event.document_id], by_event.get(event.id, []), parent)
        if report is not None:
            others = [k for k in cited.get(event.id, []) if k != place_key(event.location)]
            # a round-up of many towns names none in particular; a road "between A and B" names its first end,
            # whatever else the report cites ("between Jasim and Nawa, in the northern Daraa countryside")
            road_end = roads.get(event.id)
            report.other_place = road_end if road_end in others else others[0] if len(others) == 1 else None
            report.admin1_stated = place_key(event.admin1) in named.get(event.id, ())
            reports.append(report)
            if fighting is not None and by_event.get(event.id):
                period = _fighting_period(documents[event.document_id].text, event)
                if period:  # (its counts as claims over that period, should other reports tell its days)
                    scope = {"period_start": date.fromordinal(report.day - period), "period_end": date.fromordinal(report.day)}
                    fighting[report.key] = (period, [_claim({**c, **scope}, by_id, documents, event_admin1, place_admin1)
                                                     for c in by_event[event.id] if c["count"] is not None])
    return reports, claims


def _fighting_period(text: str, event) -> int:
    """The days a count's "week of fighting" spans, told in the event's own sentence ("At least 40 civilians were
    killed in a week of fighting for Lashio"); 0 if none. Months and years are claims already (their dates)."""
    if "of " not in text or "week" not in text.lower():  # most reports: no scan
        return 0
    told = WEEKS_OF_FIGHTING.search(_sentence(text, event.span_start, event.span_end))
    if told is None or "week" not in told.group(0).lower():
        return 0
    from marsad.extract.numbers import parse_number  # (the extractor's reading of "a", "two", "5"; "several" is none)

    return 7 * (parse_number(told.group(0).split()[0].lower())[0] or 0)


def fold_fighting_periods(reports: list[Report], claims: list[Claim],
                          fighting: dict[str, tuple[int, list[Claim]]]) -> tuple[list[Report], list[Claim]]:
    """A count told as a week's fighting ("40 civilians were killed in a week of fighting for Lashio") sums the
    week's incidents when other documents tell some of them, at the same place within that week: it is then a
    claim over the week, checked against them, never one more incident (told alone, it stays the report's toll,
    as the extractor reads it: nothing else documents those days)."""
    # (the other reports with dead indexed by their place once: a large store holds millions of reports)
    told: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for other in reports:
        if other.key not in fighting and other.killed and other.admin1:
            told.setdefault((other.admin1, place_key(other.location or "")), []).append((other.day, other.document_id))
    folded: set[str] = set()
    for report in reports:
        period = fighting.get(report.key, (0, []))[0]
        if period and report.admin1 and any(
                document_id != report.document_id and report.day - period <= day < report.day
                for day, document_id in told.get((report.admin1, place_key(report.location or "")), ())):
            folded.add(report.key)
            claims = claims + fighting[report.key][1]
    return [r for r in reports if r.key not in folded], claims


def _cited_places(session, current) -> tuple[dict[int, list[str]], dict[int, set[str]], dict[int, str]]:
    """event id → the place keys of the towns and unresolved names it cites, in
    text order ("Bani Qais district of Hajjah": the event is placed at Hajjah,
    but another report names only Bani Qays). Governorates and countries are
    left out: the area is compared on its own. And event id → the keys of every
    name it cites, as written and as resolved (whether it names its governorate); and, for the events that cite a
    place "between" two others, the key of the first of them (a road's first end: the other place linkage compares)."""
    from sqlalchemy import select

    from marsad.store.models import Event, EventPlace, Place

    rows = session.execute(
        select(EventPlace.event_id, Place.name, Place.text, Place.where_prec, Place.relation, Place.span_start)
        .join(Place, EventPlace.place_id == Place.id).join(Event, EventPlace.event_id == Event.id)
        .where(Event.run_id.in_(current)).order_by(EventPlace.event_id, Place.span_start)
    ).all()
    out: dict[int, list[str]] = defaultdict(list)
    named: dict[int, set[str]] = defaultdict(set)
    roads: dict[int, str] = {}  # event → the first end of the place "between" two others it cites
    road_events: set[int] = set()
    for event_id, name, text, where_prec, relation, _ in rows:
        if relation == "between":
            road_events.add(event_id)
        key = place_key(name or text)
        if relation != "between" and event_id in road_events and event_id not in roads and key:
            roads[event_id] = key  # (rows in text order: the name right after "between")
        if key and (where_prec is None or where_prec <= 2) and key not in out[event_id]:
            out[event_id].append(key)
        named[event_id].update(k for k in (place_key(name), place_key(text)) if k)
    return out, named, roads


def _move_breakdowns(by_event: dict[int, list[dict]], by_id: dict[int, dict]) -> dict[int, int]:
    """A part of a total that belongs to another event of the document ("seven
    civilians in the province. Five of them died in Qamishli") counts in its
    own event, and its parent's event keeps only the rest of the total
    (:func:`marsad.counting.remainder_bounds`), so the document still counts
    each person once and each where it happened. Returns each such part's
    event → its parent's event."""
    from marsad.counting import remainder_bounds
    from marsad.reconcile.estimates import casualty_bounds

    moved: dict[int, list[dict]] = defaultdict(list)
    parent_event: dict[int, int] = {}
    for group in by_event.values():
        for casualty in group:
            parent = by_id.get(casualty["part_of"])
            if parent is not None and parent["event_id"] not in (None, casualty["event_id"]) and parent["outcome"] == casualty["outcome"]:
                moved[parent["id"]].append(casualty)
                parent_event[casualty["event_id"]] = parent["event_id"]
    for parent_id, children in moved.items():
        parent = by_id[parent_id]
        group = by_event.get(parent["event_id"], [])
        if parent not in group:
            continue
        bounds = casualty_bounds(parent["count"], parent["low"], parent["high"], parent["qualifier"], parent["vague"])
        parts = [b for b in (casualty_bounds(c["count"], c["low"], c["high"], c["qualifier"], c["vague"]) for c in children) if b]
        index = group.index(parent)
        if bounds is None:
            continue
        low, best, high = remainder_bounds(bounds, parts)
        if best <= 0:
            del group[index]
        else:
            group[index] = {**parent, "count": best, "low": low, "high": high, "qualifier": None if high is not None else "at_least",
                            "vague": None, "derived": "the rest of a total broken down by place"}  # fmt: skip
    return parent_event


def headline_restatements(events, texts: dict[int, str]) -> set[int]:
    """Events of a headline that its body restates ("Regime rockets kill 7
    civilians in X" over "Seven civilians were killed ... in X"): the same
    document, the headline's span in the text's first line, and a body event
    of the same date (or the headline gives none), place (same place key, the
    headline naming the body's governorate, or one unplaced) and event type.
    One incident is reported once per document; the body carries the detail."""
    by_document: dict[int, list] = defaultdict(list)
    for event in events:
        by_document[event.document_id].append(event)
    out: set[int] = set()
    for document_id, group in by_document.items():
        text = texts.get(document_id) or ""
        first_line = text.find("\n")
        if len(group) < 2 or first_line <= 0 or not text[first_line:].strip():
            continue
        heads = [e for e in group if e.span_end is not None and e.span_end <= first_line]
        body = [e for e in group if e.span_start is not None and e.span_start > first_line]
        out.update(h.id for h in heads if any(_restates(h, b) for b in body))
    return out


def _restates(head, body) -> bool:
    same_day = head.date_precision is None or head.event_date == body.event_date
    head_key, body_keys = place_key(head.location), {place_key(body.location), place_key(body.admin1)}
    same_place = head_key is None or place_key(body.location) is None or head_key in body_keys
    return same_day and same_place and head.event_type == body.event_type


def _report(event, document, casualties: list[dict], dated_by=None) -> Report | None:
    day = (dated_by or event).event_date or event.date_start
    if day is None or (event.date_precision or 1) > 3 or is_period_claim(event.date_start, event.date_end):
        return None
    text = _sentence(document.text, event.span_start, event.span_end)
    if not casualties and (_a_past_week(event, text) or _country_only(event) or _mourning_only(event, text)):
        return None
    key = f"{event.document_id}/{event.local_id}"
    published = _ordinal(document.published)
    figures = figures_of_report(key, document.name, document.reliability, published, event.document_id, casualties)
    if is_toll_revised_down(text):
        figures = [replace(f, revised_down=True) if f.outcome == "killed" else f for f in figures]
    killed = [f for f in figures if f.outcome == "killed" and "/" not in f.category and f.category in ("civilians", "combatants", "unknown")]
    perpetrators = Counter(p for c in casualties for p in c["perpetrators"])
    return Report(
        uid=event.id,
        key=key,
        document_id=event.document_id,
        source=document.name,
        reliability=document.reliability,
        published=published,
        day=day.toordinal(),
        day_stated=(dated_by or event).date_precision is not None,
        location=event.location,
        latitude=event.latitude,
        longitude=event.longitude,
        admin1=event.admin1,
        admin2=event.admin2,
        country=event.country,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        actors=[a for a in (event.actor1, event.actor2) if a] + sorted(perpetrators),
        killed=sum(f.best for f in killed) if killed else None,
        # a party's word on its own kills bounds nothing: compatible with any toll the others document
        killed_low=sum(0 if f.party_claim else f.low for f in killed) if killed else None,
        killed_high=None if not killed or any(f.high is None or f.party_claim for f in killed) else sum(f.high for f in killed),
        words=evidence_words(text),
        sides=side_counts(figures),
        party_word=bool(killed) and all(f.party_claim for f in killed),
        counts=[f.__dict__ for f in figures],
        perpetrators=[name for name, _ in perpetrators.most_common()],
        toll_update=is_toll_update(text),
        revised_down=any(f.revised_down for f in killed),
        rejected_day=rejected_day(text, day) if (event.date_precision or 0) == 1 else None,
        night=night_of(text, day) if (event.date_precision or 0) == 1 else None,
    )


_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: a day set against the one a report gives, as a correction ("took place on Friday, not on Saturday as initially
#: reported", "…, and not Sunday"): the day the earlier reports gave is wrong
_REJECTED_DAY: Final = re.compile(r",\s+(?:and\s+|but\s+)?not\s+(?:on\s+)?(?P<day>" + "|".join(_WEEKDAYS) + r")\b", re.I)


def rejected_day(text: str, day: date) -> int | None:
    """The day (ordinal) a report's sentence says was wrongly reported: the named weekday nearest its own day."""
    if ", " not in text or "not " not in text:  # (cheap gate: most sentences hold no contrast)
        return None
    found = _REJECTED_DAY.search(text)
    if found is None:
        return None
    shift = (_WEEKDAYS.index(found.group("day").lower()) - day.weekday()) % 7
    rejected = day + timedelta(days=shift if shift <= 3 else shift - 7)
    return rejected.toordinal() if rejected != day else None


_DAY_NAME: Final = r"(?P<day>" + "|".join(_WEEKDAYS) + r")"
#: a night told by its evening ("late on Saturday night", "on the night of Saturday") or by its small hours
#: ("in the early hours of Sunday", "before dawn on Sunday", "early Sunday"): one report's night is the other's
#: morning, a day apart by the calendar
_LATE_NIGHT: Final = re.compile(r"\b(?:late\s+(?:on\s+)?" + _DAY_NAME + r"|" + _DAY_NAME.replace("<day>", "<day2>")
                                + r"\s+night|the\s+night\s+of\s+(?:last\s+)?" + _DAY_NAME.replace("<day>", "<day3>") + r")\b", re.I)
_SMALL_HOURS: Final = re.compile(r"\b(?:(?:early|small|wee)\s+hours\s+of\s+(?:last\s+)?|(?:before|at)\s+dawn\s+(?:on\s+)?|"
                                 r"pre-?dawn\s+(?:hours\s+(?:of|on)\s+)?|early\s+(?:on\s+)?)" + _DAY_NAME + r"\b", re.I)


def night_of(text: str, day: date) -> int | None:
    """The evening (ordinal) that begins the night a report's sentence dates its event in, where it names the
    event's weekday with a night's words: "late on Saturday night" is that Saturday, "in the early hours of
    Sunday" the Saturday before; None otherwise."""
    lowered = text.lower()
    if "night" not in lowered and "late" not in lowered and "early" not in lowered and "dawn" not in lowered:
        return None  # (cheap gate: most sentences tell no night)
    weekday = _WEEKDAYS[day.weekday()]
    for late in _LATE_NIGHT.finditer(text):
        if weekday in {(late.group(g) or "").lower() for g in ("day", "day2", "day3")}:
            return day.toordinal()
    for early in _SMALL_HOURS.finditer(text):
        if early.group("day").lower() == weekday:
            return day.toordinal() - 1
    return None


def carry_corrected_days(reports: list[Report]) -> None:
    """A report of the day a later report corrects ("on Friday, not on Saturday as initially reported") at the same
    place is dated by the correction: the first report's wrong day must not keep it an incident of its own."""
    correctors = [r for r in reports if r.rejected_day is not None and r.day_stated]
    for correction in correctors:
        place = place_key(correction.location) if correction.location else None
        if not place:
            continue
        for report in reports:
            if report.day == correction.rejected_day and report.day_stated and report.document_id != correction.document_id \
                    and (report.published or 0) <= (correction.published or 0) and report.location \
                    and place_key(report.location) == place:
                report.day = correction.day


def side_counts(figures) -> list[int]:
    """The deaths of each side a report's toll adds up, when it names more than
    one: its civilians and combatants, each affiliation of its combatants and
    the combatants left beside them ("neutralised 18 terrorists ... four
    soldiers were killed": 18 and 4). Another report that tells one side's
    losses alone ("four soldiers were killed") gives one of these, not a
    toll that disagrees."""
    killed = [f for f in figures if f.outcome == "killed" and not f.party_claim]
    top = {f.category: f.best for f in killed if f.category in ("civilians", "combatants", "unknown")}
    total = sum(top.values())
    sides = set(top.values()) if len(top) > 1 else set()
    affiliated = [f.best for f in killed if f.category.startswith("combatants/") and f.category.count("/") == 1]
    if affiliated and sum(affiliated) <= top.get("combatants", 0):
        sides.update(affiliated)
        sides.add(top["combatants"] - sum(affiliated))
    return sorted(n for n in sides if 0 < n < total)


def claim_category(casualty: dict) -> str:
    base = victim_base(casualty["victims"])
    if casualty["victim_group"] and casualty["victim_group"] not in ("men", "adults"):
        return casualty["victim_group"] if base == "civilians" else f"{base}/{casualty['victim_group']}"
    if base == "combatants" and casualty["affiliation"]:
        return f"combatants/{casualty['affiliation']}"
    return base


def _casualty_place_admin1(session, current) -> dict[int, str]:
    """casualty id → the governorate of the places its sentence names, when they
    all lie in one. A cumulative claim is attached to no event, so this is where
    its area comes from ("244 civilians in Idlib province in January")."""
    from sqlalchemy import select

    from marsad.store.models import Casualty, CasualtyPlace, Place

    rows = session.execute(
        select(CasualtyPlace.casualty_id, Place.admin1).join(Place, CasualtyPlace.place_id == Place.id)
        .join(Casualty, CasualtyPlace.casualty_id == Casualty.id)
        .where(Casualty.run_id.in_(current), Casualty.is_tally.is_(True), Place.gazetteer_id.is_not(None))
    ).all()
    areas: dict[int, set] = defaultdict(set)
    for casualty_id, admin1 in rows:
        areas[casualty_id].add(admin1)
    return {cid: next(iter(names)) for cid, names in areas.items() if len(names) == 1 and None not in names}


def _claim(casualty: dict, by_id: dict[int, dict], documents: dict, event_admin1: dict[int, str],
           place_admin1: dict[int, str] | None = None) -> Claim:
    from marsad.reconcile.estimates import normal_outcome

    document = documents.get(casualty["document_id"])
    parent = by_id.get(casualty["part_of"])
    derived = casualty["derived"] or ""
    start, end, text = casualty["span"]
    # a sub-count without its own period or perpetrator shares its parent's scope
    scope = casualty if casualty["period_start"] or parent is None else parent
    return Claim(
        key=f"{casualty['document_id']}/{casualty['local_id']}",
        outcome=normal_outcome(casualty["outcome"]),
        category=claim_category(casualty),
        count=casualty["count"],
        low=casualty["low"],
        high=casualty["high"],
        qualifier=casualty["qualifier"] or ("at_least" if casualty["vague"] else None),
        perpetrators=casualty["perpetrators"],
        cause=casualty["cause"],
        period_start=scope["period_start"],
        period_end=scope["period_end"],
        admin1=(event_admin1.get(casualty["event_id"]) or event_admin1.get((parent or {}).get("event_id"))
                or (place_admin1 or {}).get(casualty["id"]) or (place_admin1 or {}).get((parent or {}).get("id"))),
        parent_key=f"{parent['document_id']}/{parent['local_id']}" if parent else None,
        derived=casualty["derived"],
        remainder=is_remainder(derived) or (parent is not None and casualty["count"] is None),
        source=document.name if document else None,
        published=document.published if document else None,
        document_id=casualty["document_id"],
        casualty_id=casualty["id"],
        evidence=text,
        span=(start, end) if start is not None else None,
    )
