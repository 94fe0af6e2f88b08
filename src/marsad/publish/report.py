"""The bulletin: what a careful monitor publishes for a period and an area.

:func:`build_bulletin` reads the stored casualty counts and events (current
runs only) and returns a :class:`Bulletin`: totals by victim category
(civilians with children and women broken out; fighters by affiliation) and
by perpetrator, the "including" breakdowns, derived remainders, notable
incidents in date order, the sources and the counting rules. Every figure
carries footnote numbers pointing at :class:`Evidence`: the document, its
source and date, and the quoted span with its character offsets.
:mod:`marsad.publish.render` turns it into Markdown, HTML or PDF.

Counting rules (also printed in the bulletin's methods paragraph):

- figures are the ones the sources state for the period; "at least" figures
  are lower bounds and keep their qualifier; vague quantities ("hundreds")
  are shown as stated and never added;
- an "including" sub-count is shown under its total, never added to it;
- a remainder the text implies ("the rest", or a total minus the part in one
  month) is derived by subtraction and marked *derived*, with the rule;
- when several reports state a total for the same scope, the latest report
  counts and the others are listed as earlier reports of it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from marsad.counting import is_claim
from marsad.publish.escaping import safe_url
from marsad.publish.records import Scope
from marsad.publish.redaction import CONFIDENTIAL_LABEL, redact_evidence

KILLED = ("killed", "executed")
NOTABLE_LIMIT = 30


@dataclass
class Evidence:
    number: int
    document_id: int
    source: str
    published: date | None
    title: str | None
    url: str | None
    quote: str | None
    start: int | None
    end: int | None
    fact: str  # "casualty C3" / "event E1"
    confidential: bool = False

    @property
    def anchor(self) -> str:
        return f"ev-{self.number}"


@dataclass
class Figure:
    key: int
    outcome: str
    count: int | None
    label: str
    qualifier: str | None = None
    vague: str | None = None
    victims: str | None = None
    victim_group: str | None = None
    affiliation: str | None = None
    nationality: str | None = None
    perpetrators: list[str] = field(default_factory=list)
    cause: str | None = None
    period: tuple[date | None, date | None] = (None, None)
    derived: str | None = None
    is_tally: bool = False
    evidence: list[int] = field(default_factory=list)
    children: list[Figure] = field(default_factory=list)
    earlier: list[int] = field(default_factory=list)  # evidence of superseded reports of the same total

    @property
    def anchor(self) -> str:
        return f"fig-{self.key}"

    @property
    def amount(self) -> str:
        if self.count is None:
            return self.vague or "an unknown number of"
        if self.vague:  # "hundreds": shown as stated, with the count conventions give it
            return f"{self.vague} (counted as {self.count:,})"
        prefix = {"at_least": "at least ", "more_than": "more than ", "about": "about ", "nearly": "nearly ",
                  "at_most": "at most "}.get(self.qualifier or "", "")
        return f"{prefix}{self.count:,}"


@dataclass
class PerpetratorTotal:
    perpetrator: str
    civilians: int = 0
    fighters: int = 0
    figures: list[str] = field(default_factory=list)  # anchors of the figures added

    @property
    def total(self) -> int:
        return self.civilians + self.fighters


@dataclass
class Incident:
    day: date | None
    description: str
    location: str | None
    fatalities: int
    evidence: list[int]


@dataclass
class SourceLine:
    name: str
    reliability: str | None
    documents: int


@dataclass
class Bulletin:
    scope: Scope
    generated: datetime
    civilians: list[Figure]
    fighters: dict[str, list[Figure]]
    other: list[Figure]
    by_perpetrator: list[PerpetratorTotal]
    incidents: list[Incident]
    sources: list[SourceLine]
    evidence: list[Evidence]
    public: bool = False

    @property
    def title(self) -> str:
        area = self.scope.area or "all areas"
        reviewed = "verified facts only" if self.scope.verified_only else "includes unreviewed machine extractions"
        return f"Casualty bulletin: {area}, {_period_text(self.scope)} ({reviewed})"

    def figures(self) -> list[Figure]:
        """Every figure, parents before their children."""
        out: list[Figure] = []

        def walk(items):
            for figure in items:
                out.append(figure)
                walk(figure.children)

        walk(self.civilians)
        for items in self.fighters.values():
            walk(items)
        walk(self.other)
        return out


def _period_text(scope: Scope) -> str:
    start = scope.date_from.strftime("%-d %B %Y") if scope.date_from else "the beginning of the record"
    end = scope.date_to.strftime("%-d %B %Y") if scope.date_to else "today"
    return f"{start} to {end}"


def build_bulletin(session, scope: Scope, *, public: bool = False) -> Bulletin:
    """Gather the bulletin for ``scope`` from the database (read only)."""
    from marsad.publish.report_data import load_casualties, load_incidents

    rows = load_casualties(session, scope)
    notes = _EvidenceBook(public=public)
    figures = _figures(rows, notes)
    claims = [f for f in figures if is_claim(f)]
    incident_counts = _one_report_per_incident([f for f in figures if not is_claim(f)], rows)
    top = _latest_per_scope(claims, rows) + _incident_sums(incident_counts)
    for figure in top:
        _derive_remainders(figure)
    civilians = [f for f in top if f.victims == "civilians" and f.outcome in KILLED]
    fighters: dict[str, list[Figure]] = defaultdict(list)
    for figure in top:
        if figure.victims == "combatants" and figure.outcome in KILLED:
            fighters[figure.affiliation or "unidentified armed groups"].append(figure)
    chosen = {id(f) for f in civilians} | {id(f) for group in fighters.values() for f in group}
    other = [f for f in top if id(f) not in chosen]
    incidents = [_incident(row, notes) for row in load_incidents(session, scope, limit=NOTABLE_LIMIT)]
    return Bulletin(
        scope=scope, generated=datetime.now(timezone.utc), civilians=civilians,
        fighters=dict(sorted(fighters.items(), key=lambda kv: -sum(f.count or 0 for f in kv[1]))),
        other=other, by_perpetrator=_by_perpetrator(civilians, fighters), incidents=incidents,
        sources=notes.sources(), evidence=notes.items, public=public,
    )


class _EvidenceBook:
    """Numbers footnotes in order of first use and keeps the sources seen."""

    def __init__(self, *, public: bool):
        self.public = public
        self.items: list[Evidence] = []
        self._by_key: dict[tuple, int] = {}
        self._documents: dict[str, set[int]] = defaultdict(set)
        self._reliability: dict[str, str | None] = {}

    def cite(self, row: dict, fact: str) -> int:
        key = (row["document_id"], fact)
        if key in self._by_key:
            return self._by_key[key]
        confidential = bool(row.get("source_confidential")) and self.public
        source = CONFIDENTIAL_LABEL if confidential else (row.get("source_name") or "unnamed source")
        self._documents[source].add(row["document_id"])
        self._reliability[source] = row.get("source_reliability")
        number = len(self.items) + 1
        self.items.append(Evidence(
            number=number, document_id=row["document_id"], source=source, published=row.get("published"),
            title=None if confidential else row.get("title"),
            url=None if confidential else safe_url(row.get("url")),  # http(s) only: never a javascript: link
            quote=redact_evidence(row.get("span_text"), confidential),
            start=None if confidential else row.get("span_start"), end=None if confidential else row.get("span_end"),
            fact=fact, confidential=confidential,
        ))
        self._by_key[key] = number
        return number

    def sources(self) -> list[SourceLine]:
        return [SourceLine(name, self._reliability.get(name), len(documents))
                for name, documents in sorted(self._documents.items())]


def _figures(rows: list[dict], notes: _EvidenceBook) -> list[Figure]:
    """Figures with their "including" children attached; returns the roots.

    A derived figure cites what it is derived from: its total and the
    stated parts that were subtracted (and its own span when it has one,
    e.g. "the rest were killed in …")."""
    by_id: dict[int, Figure] = {}
    for row in rows:
        cites_itself = row["span_text"] is not None or not row["derived"]
        by_id[row["id"]] = Figure(
            key=row["id"], outcome=row["outcome"], count=row["count"], label="", qualifier=row["qualifier"],
            vague=row["vague"], victims=row["victims"], victim_group=row["victim_group"],
            affiliation=row["affiliation"], nationality=row["nationality"], perpetrators=row["perpetrators"],
            cause=row["cause"], period=(row["period_start"], row["period_end"]), derived=row["derived"],
            is_tally=row["is_tally"], evidence=[notes.cite(row, _fact_name(row))] if cites_itself else [],
        )
    roots = []
    for row in rows:
        figure = by_id[row["id"]]
        first = by_id.get(row["alternative_of_id"]) if row.get("alternative_of_id") else None
        if first is not None:  # another statement of the same people: cited with them, never added
            first.evidence = list(dict.fromkeys(first.evidence + figure.evidence))
            continue
        parent = by_id.get(row["part_of_id"]) if row["part_of_id"] else None
        if parent is not None:
            parent.children.append(figure)
        else:
            roots.append(figure)
    for parent in by_id.values():
        for child in parent.children:
            if child.derived:
                subtracted = _numbers(child.derived) - {parent.count}
                stated = [n for c in parent.children if not c.derived and c.count in subtracted for n in c.evidence]
                child.evidence = list(dict.fromkeys(child.evidence + parent.evidence + stated))
    for figure in by_id.values():
        figure.label = describe(figure)
    return roots


def _fact_name(row: dict) -> str:
    """The casualty's id in its run, and its reconciled incident (``marsad incidents show N``)."""
    incident = row.get("incident_id")
    return f"casualty {row['local_id']}" + (f", incident {incident}" if incident else "")


def _numbers(text: str) -> set[int]:
    import re

    return {int(n) for n in re.findall(r"\d+", text.replace(",", ""))}


def _scope_key(figure: Figure) -> tuple:
    return (figure.outcome, figure.victims, figure.victim_group, figure.affiliation, tuple(sorted(figure.perpetrators)),
            figure.period, figure.nationality)


def _one_report_per_incident(figures: list[Figure], rows: list[dict]) -> list[Figure]:
    """Reports that ``marsad reconcile`` linked into one incident count once:
    per incident and victim group the latest report's count (a "toll rises"
    supersedes), the other reports cited as earlier reports of it."""
    info = {row["id"]: row for row in rows}
    kept: dict[tuple, Figure] = {}
    for figure in figures:
        row = info[figure.key]
        if row.get("incident_id") is None:
            kept[(id(figure),)] = figure
            continue
        key = (row["incident_id"], figure.outcome, figure.victims, figure.victim_group, figure.affiliation)
        current = kept.get(key)
        newer = current is None or (row.get("published") or date.min) > (info[current.key].get("published") or date.min)
        if current is None:
            kept[key] = figure
        elif newer:
            figure.earlier.extend(current.evidence + current.earlier)
            kept[key] = figure
        else:
            current.earlier.extend(figure.evidence)
    return list(kept.values())


def _incident_sums(figures: list[Figure]) -> list[Figure]:
    """Counts of single incidents, summed per victim group and perpetrator;
    each incident stays listed (and footnoted) under its sum."""
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for figure in figures:
        groups[(figure.outcome, figure.victims, figure.victim_group, figure.affiliation,
                tuple(figure.perpetrators))].append(figure)
    sums = []
    for index, members in enumerate(groups.values(), 1):
        counted = [m for m in members if m.count is not None]
        if len(members) == 1 or not counted:
            sums.extend(members)
            continue
        first = members[0]
        total = Figure(
            key=-(1_000_000 + index), outcome=first.outcome, count=sum(m.count for m in counted), label="",
            qualifier="at_least" if any(m.qualifier in ("at_least", "more_than") for m in counted) else None,
            victims=first.victims, victim_group=first.victim_group, affiliation=first.affiliation,
            perpetrators=list(first.perpetrators), cause=None, children=members,
            derived=f"sum of {len(counted)} documented incidents",
            evidence=list(dict.fromkeys(n for m in members for n in m.evidence)),
        )
        total.label = describe(total) + f" in {len(counted)} documented incidents"
        sums.append(total)
    return sums


def _latest_per_scope(figures: list[Figure], rows: list[dict]) -> list[Figure]:
    """One total per scope: the latest report's (a "toll rises" supersedes)."""
    published = {row["id"]: (row.get("published") or date.min, row["document_id"]) for row in rows}
    chosen: dict[tuple, Figure] = {}
    for figure in figures:
        key = _scope_key(figure)
        if figure.count is None and figure.vague is None:
            chosen[(id(figure),)] = figure
            continue
        current = chosen.get(key)
        if current is not None and published[figure.key][1] == published[current.key][1]:
            chosen[(id(figure),)] = figure  # one report stating two figures: both stand
            continue
        if current is None or published[figure.key] > published[current.key]:
            if current is not None:
                figure.earlier.extend(current.evidence + current.earlier)
            chosen[key] = figure
        else:
            current.earlier.extend(figure.evidence)
    return list(chosen.values())


def _derive_remainders(parent: Figure) -> None:
    """Add the remainder a total implies when one part of its period is stated
    ("608 since 10 September, including 341 in the second month" → 267 in
    the first): total − part, marked derived. Stated or already derived
    remainders are kept as they are."""
    for child in parent.children:
        _derive_remainders(child)
    if parent.count is None or any(c.derived for c in parent.children):
        return
    timed = [c for c in parent.children if c.period != (None, None) and c.period != parent.period and c.count]
    start, end = parent.period
    if len(timed) != 1 or not start or not end:
        return
    part = timed[0]
    part_start, part_end = part.period
    if part_end == end and part_start and part_start > start:
        rest = (start, part_start)
    elif part_start == start and part_end and part_end < end:
        rest = (part_end, end)
    else:
        return
    remainder = Figure(
        key=-parent.key, outcome=parent.outcome, count=parent.count - part.count, label="",
        victims=parent.victims, victim_group=parent.victim_group, affiliation=parent.affiliation,
        nationality=parent.nationality, perpetrators=list(parent.perpetrators), cause=parent.cause, period=rest,
        derived=f"{parent.count} − {part.count}", evidence=list(dict.fromkeys(parent.evidence + part.evidence)),
    )
    remainder.label = describe(remainder)
    parent.children.append(remainder)


def _attributions(figure: Figure) -> list[tuple[str, Figure]]:
    """Which perpetrator each death of a total is attributed to: the parts
    when they split it by perpetrator and add up, else the total itself."""
    parts = [c for c in figure.children if len(c.perpetrators) == 1 and c.count is not None]
    if parts and figure.count is not None and sum(c.count for c in parts) == figure.count:
        if len({c.perpetrators[0] for c in parts}) == len(parts) or len(parts) > 1:
            return [(c.perpetrators[0], c) for c in parts]
    if figure.perpetrators:
        return [(" and ".join(figure.perpetrators) + (" (jointly)" if len(figure.perpetrators) > 1 else ""), figure)]
    return [("unattributed", figure)]


def _by_perpetrator(civilians: list[Figure], fighters: dict[str, list[Figure]]) -> list[PerpetratorTotal]:
    totals: dict[str, PerpetratorTotal] = {}
    groups = [("civilians", f) for f in civilians] + [("fighters", f) for g in fighters.values() for f in g]
    for kind, figure in groups:
        if figure.count is None:
            continue
        for perpetrator, part in _attributions(figure):
            total = totals.setdefault(perpetrator, PerpetratorTotal(perpetrator))
            setattr(total, kind, getattr(total, kind) + (part.count or 0))
            total.figures.append(part.anchor)
    return sorted(totals.values(), key=lambda t: -t.total)


def _incident(row: dict, notes: _EvidenceBook) -> Incident:
    kind = row["sub_event_type"] or row["event_type"] or "incident"
    actors = " against ".join(a for a in (row["actor1"], row["actor2"]) if a)
    description = f"{kind}" + (f" ({actors})" if actors else "")
    return Incident(day=row["event_date"], description=description, location=row["location"] or row["admin1"],
                    fatalities=row["fatalities"] or 0, evidence=[notes.cite(row, f"event {row['local_id']}")])


GROUP_WORDS = {"children": "children", "women": "women", "men": "men", "girls": "girls", "boys": "boys"}


def describe(figure: Figure) -> str:
    """A monitor's wording: "civilians (children) killed by SDF in shelling, 10 Oct – 10 Nov 2018"."""
    if figure.victims == "civilians":
        who = GROUP_WORDS.get(figure.victim_group or "", figure.victim_group or "civilians")
    elif figure.victims == "combatants":
        who = f"{figure.affiliation} fighters" if figure.affiliation else "fighters"
        if figure.victim_group:
            who += f" ({figure.victim_group})"
    else:
        who = figure.victim_group or "people"
    text = f"{who} {figure.outcome}"
    if figure.perpetrators:
        text += " by " + " and ".join(figure.perpetrators)
    if figure.cause:
        text += f" ({figure.cause.replace('_', ' ')})"
    if figure.nationality:
        text += f", {figure.nationality} nationals"
    start, end = figure.period
    if start and end:
        text += f", {start:%-d %b %Y} – {end:%-d %b %Y}"
    return text
