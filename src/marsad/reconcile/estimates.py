"""Low / best / high per incident, outcome and victim category (UCDP's sense).

The rules (also in ``docs/methodology.md``):

1. A report's figure: an exact count N gives (N, N, N); "at least N", "more
   than N" and vague quantities ("dozens" = 12, "hundreds" = 100) give a lower
   bound (N, N, open); "about N" keeps the extractor's low/high; "up to N" an
   upper bound.
2. Within one source, its latest toll of the incident supersedes the
   earlier ones ("the death toll rises to 14" replaces 9; nothing is added).
   A toll does not fall: a later, lower figure of the same source (a recap
   naming one victim, a partial count) never replaces a higher one, unless
   the report says the toll was revised down ("revised the toll down to
   nine", ``revised_down``): a correction replaces what it corrects.
3. Across sources, best is the figure of the most reliable source (Admiralty
   grade A before B … F, ungraded last); between equally reliable sources the
   higher current figure (each is that source's latest toll, and tolls rise
   as the wounded die and bodies are found), then the later report; a
   figure that is only a ceiling ("up to six") after those that count. A
   toll revised down corrects the figures published before it, whoever
   gave them: it is best unless a later report counts again (the earlier,
   higher figures still bound the range, rule 4). A
   party's word on its own kills ("the group said its fighters killed five
   soldiers", ``party_claim``) is best only when no report documents the
   incident otherwise; it still widens the range (rule 4), and it is no
   toll of the source that relays it (rule 2). A victim category that only
   a party's word gives counts, where another report documents the incident,
   as a total of unknown victims (rule 6), not as more dead beside them.
4. Disagreement widens the range: low is the lowest current figure's low,
   high the highest current figure (its stated high, else its count). A
   range whose highest figure is only a lower bound is marked ``open_high``.
5. "Including" sub-counts never add to their parent: a report's civilians are
   its top-level civilian counts; children and women are broken out as
   categories of their own.
6. One total per incident: when some reports name the victims (civilians,
   combatants) and others say only "people", the "unknown" category is what
   the incident's total (rules 2–4 over each report's total) leaves after the
   named categories, never a figure added beside them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

DEATH_OUTCOMES = {"killed": "killed", "executed": "killed", "dead": "killed"}
RELIABILITY_ORDER = {grade: rank for rank, grade in enumerate("ABCDEF")}
LOWER_BOUND_QUALIFIERS = {"at_least", "more_than", "over"}


@dataclass(frozen=True)
class Figure:
    """One report's figure for one outcome and victim category."""

    report_key: str
    source: str | None
    reliability: str | None
    published: int  # date ordinal (0 when unknown)
    document_id: int
    outcome: str
    category: str
    low: int
    best: int
    high: int | None  # None: open (a lower bound only)
    party_claim: bool = False  # a party's word on its own kills (rule 3)
    revised_down: bool = False  # the report says the toll was revised down (rules 2 and 3)


@dataclass
class Estimate:
    outcome: str
    category: str
    low: int
    best: int
    high: int
    open_high: bool
    n_reports: int
    n_sources: int
    best_report_key: str
    superseded: list[str]
    explanation: str


def normal_outcome(outcome: str | None) -> str:
    outcome = (outcome or "killed").lower()
    return DEATH_OUTCOMES.get(outcome, outcome)


def casualty_bounds(count, low, high, qualifier, vague) -> tuple[int, int, int | None] | None:
    """(low, best, high-or-None) of one stated count, per rule 1."""
    best = count if count is not None else low
    if best is None:
        return None
    if vague or (qualifier in LOWER_BOUND_QUALIFIERS):
        return (low if low is not None else best, best, None)
    if qualifier in ("at_most", "up_to"):
        return (low if low is not None else 0, best, high if high is not None else best)
    return (low if low is not None else best, best, high if high is not None else best)


def victim_base(victims: str | None) -> str:
    victims = (victims or "unknown").lower()
    if victims.startswith("civil"):
        return "civilians"
    if victims.startswith("combat") or victims in ("fighters", "military"):
        return "combatants"
    return "unknown"


def categories_of(casualty: dict, parent: dict | None = None) -> list[str]:
    """Which categories a casualty count contributes to (rule 5): a sub-count
    adds only to the categories its parent does not already cover."""
    base = victim_base(casualty.get("victims"))
    group = casualty.get("victim_group")
    affiliation = casualty.get("affiliation") if base == "combatants" else None
    new_group = parent is None or parent.get("victim_group") != group
    new_affiliation = parent is None or parent.get("affiliation") != affiliation
    out: list[str] = [base] if parent is None else []
    if affiliation and new_affiliation:
        out.append(f"combatants/{affiliation}")
    if group and group not in ("men", "adults") and new_group:
        out.append(group if base == "civilians" else f"{base}/{group}")
    return out


TOP_LEVEL = ("civilians", "combatants", "unknown")
NAMED = ("civilians", "combatants")


def combine(figures: Sequence[Figure]) -> list[Estimate]:
    """Apply rules 2–4 and 6 to all figures of one incident."""
    figures = _party_words_as_totals(figures)
    by_key: dict[tuple[str, str], list[Figure]] = {}
    for figure in figures:
        by_key.setdefault((figure.outcome, figure.category), []).append(figure)
    estimates = {key: _combine_one(key[0], key[1], group) for key, group in sorted(by_key.items())}
    for outcome in sorted({outcome for outcome, _ in by_key}):
        _settle_unknown(outcome, figures, estimates)
    return list(estimates.values())


def _party_words_as_totals(figures: Sequence[Figure]) -> list[Figure]:
    """Rule 3 for the whole incident: a victim category that only a party's
    word gives ("the army said it killed several militants" beside the
    ministry's nine people) is that party's account of the incident's dead,
    not more dead beside the documented ones: it counts as a total of unknown
    victims, which widens the range and settles per rule 6."""
    documented = {f.outcome for f in figures if f.category in TOP_LEVEL and not f.party_claim}
    if not documented:
        return list(figures)
    given = {(f.outcome, f.category) for f in figures if not f.party_claim}
    return [replace(f, category="unknown") if f.party_claim and f.outcome in documented and f.category in NAMED
            and (f.outcome, f.category) not in given else f for f in figures]  # fmt: skip


def _settle_unknown(outcome: str, figures: Sequence[Figure], estimates: dict[tuple[str, str], Estimate]) -> None:
    """Rule 6: "unknown" is the incident's total less its named categories."""
    named = [estimates[(outcome, c)] for c in NAMED if (outcome, c) in estimates]
    unknown = estimates.get((outcome, "unknown"))
    if not named or unknown is None:
        return
    total = _combine_one(outcome, "total", report_totals(outcome, figures))
    named_best = sum(e.best for e in named)
    rest = total.best - named_best
    if rest <= 0:
        del estimates[(outcome, "unknown")]
        return
    estimates[(outcome, "unknown")] = replace(
        unknown, best=rest, low=min(rest, max(0, total.low - named_best)), high=max(rest, total.high - named_best),
        open_high=total.open_high, best_report_key=total.best_report_key,
        explanation=f"the incident's total {total.best} ({total.explanation}) less {named_best} named as "
                    + " and ".join(e.category for e in named),
    )  # fmt: skip


def report_totals(outcome: str, figures: Sequence[Figure]) -> list[Figure]:
    """Each report's total for ``outcome``: the sum of its top-level categories."""
    sums: dict[str, list[Figure]] = {}
    for figure in figures:
        if figure.outcome == outcome and figure.category in TOP_LEVEL:
            sums.setdefault(figure.report_key, []).append(figure)
    return [
        replace(parts[0], category="total", low=sum(f.low for f in parts), best=sum(f.best for f in parts),
                high=None if any(f.high is None for f in parts) else sum(f.high for f in parts))
        for parts in sums.values()
    ]  # fmt: skip


def _rank(figure: Figure) -> tuple:
    upper_bound_only = figure.low == 0 < figure.best  # "up to six": a ceiling, not a count
    return (RELIABILITY_ORDER.get(figure.reliability or "", 6), upper_bound_only, -figure.best, -figure.published,
            figure.report_key)


def _since_last_revision(figures: list[Figure]) -> list[Figure]:
    """The figures from the latest toll revised down on: what it corrects is no longer current."""
    revision = max((f for f in figures if f.revised_down and not f.party_claim),
                   key=lambda f: (f.published, f.document_id, f.report_key), default=None)
    if revision is None:
        return figures
    return [f for f in figures if f is revision or f.published > revision.published]


def _source_of(figure: Figure) -> str:
    """Who gives a figure: its source, or its document when the source is not named."""
    return figure.source or f"document {figure.document_id}"


def _counted_since_revision(figures: list[Figure]) -> list[Figure]:
    """Each source's latest toll among the figures a toll revised down leaves current
    (none when no figure was revised down)."""
    counted = [f for f in figures if not f.party_claim]
    since = _since_last_revision(counted)
    if len(since) == len(counted):
        return []
    by_source: dict[str, list[Figure]] = {}
    for figure in since:
        by_source.setdefault(_source_of(figure), []).append(figure)
    return [_source_toll(group) for group in by_source.values()]


def _source_toll(figures: list[Figure]) -> Figure:
    """Rule 2: one source's current figure, its latest toll; a later lower
    figure never replaces a higher one (a toll does not fall) but where it
    says the toll was revised down."""
    return max(_since_last_revision(figures), key=lambda f: (f.best, f.published, f.document_id, f.report_key))


def _combine_one(outcome: str, category: str, figures: list[Figure]) -> Estimate:
    by_source: dict[tuple[str, bool], list[Figure]] = {}
    for figure in figures:  # a claim the source relays is not that source's toll
        by_source.setdefault((_source_of(figure), figure.party_claim), []).append(figure)
    current = [_source_toll(group) for group in by_source.values()]
    superseded = [f.report_key for f in figures if f not in current]
    chosen = min(_counted_since_revision(figures) or [f for f in current if not f.party_claim] or current, key=_rank)
    low = min(f.low for f in current)
    top = max(current, key=lambda f: (f.high if f.high is not None else f.best, f.high is None))
    high = top.high if top.high is not None else top.best
    open_high = top.high is None
    high = max(high, chosen.best)
    low = min(low, chosen.best)
    parts = [f"best {chosen.best} from {chosen.source or 'an unnamed source'} (grade {chosen.reliability or '?'}, report {chosen.report_key})"]
    if len(current) > 1:
        parts.append(f"{len(current)} sources give {sorted({f.best for f in current})}: range {low}–{high}")
    if superseded:
        parts.append(f"{len(superseded)} other report(s) superseded by the same source's latest toll")
    if chosen.revised_down:
        parts.append("a toll revised down corrects the higher figures before it")
    if open_high:
        parts.append("the highest figure is a lower bound")
    if not chosen.party_claim and any(f.party_claim for f in current):
        parts.append("a party's word on its own kills counts toward the range only")
    return Estimate(
        outcome=outcome,
        category=category,
        low=low,
        best=chosen.best,
        high=high,
        open_high=open_high,
        n_reports=len(figures),
        n_sources=len({source for source, _ in by_source}),
        best_report_key=chosen.report_key,
        superseded=sorted(superseded),
        explanation="; ".join(parts),
    )


def figures_of_report(report_key: str, source, reliability, published: int, document_id: int, casualties: Iterable[dict]) -> list[Figure]:
    """A report's figures per (outcome, category), summing its top-level
    counts; ``casualties`` are dicts with id, part_of, outcome, count, low,
    high, qualifier, vague, victims, victim_group, affiliation."""
    casualties = list(casualties)
    by_id = {c["id"]: c for c in casualties}
    sums: dict[tuple[str, str], list] = {}
    claimed: set[tuple[str, str]] = set()
    for casualty in casualties:
        if casualty.get("alternative_of"):
            continue  # another statement of a count already here: the same people
        bounds = casualty_bounds(casualty.get("count"), casualty.get("low"), casualty.get("high"), casualty.get("qualifier"), casualty.get("vague"))
        if bounds is None:
            continue
        parent = by_id.get(casualty.get("part_of"))
        outcome = normal_outcome(casualty.get("outcome"))
        for category in categories_of(casualty, parent):
            if casualty.get("party_claim"):
                claimed.add((outcome, category))
            total = sums.setdefault((outcome, category), [0, 0, 0])
            total[0] += bounds[0]
            total[1] += bounds[1]
            total[2] = None if total[2] is None or bounds[2] is None else total[2] + bounds[2]
    return [
        Figure(report_key, source, reliability, published, document_id, outcome, category, low, best, high,
               party_claim=(outcome, category) in claimed)
        for (outcome, category), (low, best, high) in sorted(sums.items())
    ]
