"""Claimed totals ("608 since 10 September, including 341 in the second
month") and the checks on them.

A claim has a scope (outcome, victim category, perpetrators, period, area)
and may be part of a parent claim. Children of one parent are grouped by the
dimension along which they refine it (period, perpetrator, victim group or
affiliation); within one group they must not add up to more than the parent.
Remainders are derived: "the rest" of a perpetrator split (123 − 2 = 121) and
the uncovered part of a period split (608 in two months − 341 in the second =
267 in the first). Each claim is then compared with the documented incidents
in its scope, giving the documented share.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from marsad.counting import period_complement, remainder_bounds


@dataclass
class Claim:
    key: str
    outcome: str
    category: str  # civilians | combatants | combatants/ISIS | children …
    count: int | None
    low: int | None = None
    high: int | None = None  # None: open (a lower bound) when qualifier says so
    qualifier: str | None = None
    perpetrators: list[str] = field(default_factory=list)
    cause: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    admin1: str | None = None
    parent_key: str | None = None
    derived: str | None = None
    remainder: bool = False  # "the rest": its count is the parent minus its siblings
    source: str | None = None
    published: date | None = None
    document_id: int | None = None
    casualty_id: int | None = None
    evidence: str | None = None
    span: tuple[int, int] | None = None

    @property
    def bounds(self) -> tuple[int, int, int | None]:
        best = self.count if self.count is not None else (self.low or 0)
        low = self.low if self.low is not None else best
        if self.qualifier in ("at_least", "more_than", "over"):
            return (low, best, None)
        if self.qualifier in ("at_most", "up_to"):
            return (self.low or 0, best, self.high if self.high is not None else best)
        return (low, best, self.high if self.high is not None else best)


@dataclass
class Finding:
    kind: str  # derived | contradiction | coverage
    claim_key: str
    message: str
    figures: dict = field(default_factory=dict)


def refinement(child: Claim, parent: Claim) -> str:
    """The dimension along which ``child`` narrows ``parent``."""
    if (child.period_start, child.period_end) != (None, None) and (child.period_start, child.period_end) != (parent.period_start, parent.period_end):
        return "period"
    if child.perpetrators and sorted(child.perpetrators) != sorted(parent.perpetrators):
        return "perpetrator"
    if child.remainder:
        return "perpetrator" if parent.perpetrators else "group"
    return "group"


def check_claims(claims: Sequence[Claim]) -> tuple[list[Claim], list[Finding]]:
    """Derive remainders and find contradictions between claims and their
    children. Returns the derived claims and the findings."""
    children: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.parent_key:
            children.setdefault(claim.parent_key, []).append(claim)
    derived: list[Claim] = []
    findings: list[Finding] = []
    for parent in claims:
        groups: dict[str, list[Claim]] = {}
        for child in children.get(parent.key, []):
            groups.setdefault(refinement(child, parent), []).append(child)
        for dimension, group in sorted(groups.items()):
            new, found = _check_group(parent, dimension, group)
            derived.extend(new)
            findings.extend(found)
    return derived, findings


def _remainder_bounds(parent: Claim, siblings: Sequence[Claim]) -> tuple[int, int, int | None]:
    return remainder_bounds(parent.bounds, [s.bounds for s in siblings])


def _qualifier(low: int, best: int, high: int | None) -> str:
    if high is None:
        return "at_least"
    if low == best == high:
        return "exact"
    if low == 0 and high == best:
        return "at_most"
    return "range"


def _check_group(parent: Claim, dimension: str, group: list[Claim]) -> tuple[list[Claim], list[Finding]]:
    derived: list[Claim] = []
    findings: list[Finding] = []
    p_low, p_best, p_high = parent.bounds
    for child in group:  # a remainder the extractor already derived is re-derived and checked here
        if child.derived and not child.remainder:
            child.remainder = True
    stated = [c for c in group if not c.remainder and c.count is not None]
    for child in stated:
        if p_high is not None and child.bounds[0] > p_high:
            findings.append(Finding("contradiction", child.key, f"sub-count {child.bounds[0]} is above its parent {parent.key} ({p_high})", {"child": child.bounds[0], "parent": p_high}))
    stated_low = sum(c.bounds[0] for c in stated)
    if len(stated) > 1 and p_high is not None and stated_low > p_high:
        findings.append(Finding("contradiction", parent.key, f"the {dimension} sub-counts add up to {stated_low}, more than {parent.key} ({p_high})", {"children": stated_low, "parent": p_high}))
    remainders = [c for c in group if c.remainder]
    if dimension == "period":
        complement = _period_complement(parent, group)
        if complement is not None and not remainders:
            low, best, high = _remainder_bounds(parent, stated)
            key = f"{parent.key}/derived:{complement[0].isoformat()}"
            claim = replace(parent, key=key, parent_key=parent.key, count=best, low=low, high=high, qualifier=_qualifier(low, best, high), period_start=complement[0], period_end=complement[1], derived=f"{p_best} − " + " − ".join(str(c.bounds[1]) for c in stated), remainder=True, casualty_id=None, evidence=None, span=None)
            derived.append(claim)
            findings.append(_derived_finding(claim, parent))
    for remainder in remainders:
        siblings = [c for c in group if c is not remainder]
        low, best, high = _remainder_bounds(parent, siblings)
        formula = f"{p_best} − " + " − ".join(str(s.bounds[1]) for s in siblings) if siblings else str(p_best)
        if remainder.count is not None and remainder.count != best:
            findings.append(Finding("contradiction", remainder.key, f"'the rest' is stated or derived as {remainder.count}, but {formula} = {best}", {"stated": remainder.count, "derived": best}))
        filled = replace(remainder, count=best, low=low, high=high, qualifier=_qualifier(low, best, high), derived=formula)
        derived.append(filled)
        findings.append(_derived_finding(filled, parent))
    return derived, findings


def _derived_finding(claim: Claim, parent: Claim) -> Finding:
    low, best, high = claim.bounds
    return Finding(
        "derived",
        claim.key,
        f"{describe(claim)}: {_bounded(low, best, high)} ({claim.derived}; from {parent.key})",
        {"low": low, "best": best, "high": high, "derived": claim.derived},
    )


def _bounded(low: int, best: int, high: int | None) -> str:
    if high is None:
        return f"at least {best}" if low == best else f"{best} (at least {low})"
    if low == best == high:
        return str(best)
    if high == best:
        return f"at most {best}" if low == 0 else f"{best} ({low}–{high})"
    return f"{best} ({low}–{high})"


def _period_complement(parent: Claim, group: Sequence[Claim]) -> tuple[date, date] | None:
    """The single interval of the parent's period its period children leave
    uncovered, or None (covered, several gaps, or unknown periods)."""
    return period_complement(parent.period_start, parent.period_end, [(c.period_start, c.period_end) for c in group])


def describe(claim: Claim) -> str:
    by = f" by {' and '.join(claim.perpetrators)}" if claim.perpetrators else ""
    when = ""
    if claim.period_start and claim.period_end:
        when = f", {claim.period_start.isoformat()} to {claim.period_end.isoformat()}"
    where = f" in {claim.admin1}" if claim.admin1 else ""
    return f"{claim.category} {claim.outcome}{by}{where}{when}"


def coverage(claims: Iterable[Claim], documented: Callable[[Claim], tuple[int, int, int, int]]) -> list[Finding]:
    """Compare each claim with the documented incidents in its scope.
    ``documented(claim)`` returns (low, best, high, number of incidents)."""
    findings = []
    for claim in claims:
        low, best, high = claim.bounds
        d_low, d_best, d_high, n = documented(claim)
        share = (d_best / best) if best else None
        figures = {"claimed": best, "documented_low": d_low, "documented_best": d_best, "documented_high": d_high, "incidents": n, "documented_share": None if share is None else round(share, 3)}
        if high is not None and d_low > high:
            findings.append(Finding("contradiction", claim.key, f"documented incidents ({d_low} at least) exceed the claim of {high} for {describe(claim)}: "
                                    "an incident counted twice (see `marsad review pairs`) or an outdated claim", figures))
        else:
            gap = best - d_best
            findings.append(Finding("coverage", claim.key, f"{describe(claim)}: claimed {best}, documented {d_best} in {n} incident(s); gap {gap}", figures))
    return findings
